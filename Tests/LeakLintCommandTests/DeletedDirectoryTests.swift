import Foundation
import Testing

/// In a working directory that has been deleted, absolute paths are still
/// linted (and printed as given); anything that needs the current
/// directory ends with exit status 2 and a message saying what.
@Suite struct DeletedWorkingDirectory {
    static func inDeletedDirectory(_ command: String, tree: FixtureTree) throws -> ShellRun {
        try ShellRun(#"mkdir gone && cd gone && rmdir ../gone && exec "$LEAKLINT" "# + command, in: tree.root)
    }

    @Test func absolutePathsAreLinted() throws {
        let tree = try FixtureTree()
        let file = try tree.write("svc/a.go", StandardStreams.leaky)
        let run = try DeletedWorkingDirectory.inDeletedDirectory("-q \(tree.path("svc"))", tree: tree)
        #expect(run.signal == nil)
        #expect(run.status == 1)
        #expect(run.out.hasPrefix("\(file):6:13: file is never closed"))
        #expect(run.err == "")

        let report = tree.path("report.sarif")
        let sarif = try DeletedWorkingDirectory.inDeletedDirectory("-q --format sarif --output \(report) \(tree.all)", tree: tree)
        #expect(sarif.status == 1)
        // Without a repository, the first file's directory stands for the current one as %SRCROOT%.
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("\"uri\": \"file://\(tree.path("svc"))/\""))
        #expect(text.contains("\"uri\": \"a.go\""))
    }

    @Test func relativePathsNeedTheDirectory() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", StandardStreams.leaky)
        let prefix = "leaklint: cannot determine the current directory: no such file or directory; "
        let named = try DeletedWorkingDirectory.inDeletedDirectory("a.go", tree: tree)
        #expect(named.status == 2)
        #expect(named.errorLines == [prefix + "it is needed for the relative path a.go (use absolute paths)"])

        let nothing = try DeletedWorkingDirectory.inDeletedDirectory("", tree: tree)
        #expect(nothing.status == 2)
        #expect(nothing.errorLines == [prefix + "name the files to lint with absolute paths"])

        let output = try DeletedWorkingDirectory.inDeletedDirectory("--output report.txt \(tree.path("a.go"))", tree: tree)
        #expect(output.status == 2)
        #expect(output.errorLines == [prefix + "it is needed for the relative path report.txt (use absolute paths)"])

        try tree.write("list.txt", "a.go\n")
        let listed = try DeletedWorkingDirectory.inDeletedDirectory("--files-from \(tree.path("list.txt"))", tree: tree)
        #expect(listed.status == 2)
        #expect(listed.errorLines == [prefix + "it is needed for the relative path a.go (use absolute paths)"])
    }
}
