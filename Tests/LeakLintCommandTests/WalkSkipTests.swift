import Foundation
import Testing
@testable import LeakLintCommand

/// What a walk cannot read is named, never dropped: paths longer than the
/// system allows, and `.go` names that lead to devices.
@Suite struct WalkSkips {
    /// Folders `names` one in the other below `root`, and `x.go` in the
    /// last, made relative to open folders (`mkdirat`, `openat`): the full
    /// path is over the limit, so no call taking a path could get there.
    static func makeNested(_ names: [String], below root: String) {
        var folder = open(root, O_RDONLY | O_DIRECTORY)
        for name in names {
            #expect(mkdirat(folder, name, 0o755) == 0)
            let next = openat(folder, name, O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
        }
        let file = openat(folder, "x.go", O_CREAT | O_WRONLY, 0o644)
        #expect(file >= 0)
        let source = Array("package p\n".utf8)
        #expect(write(file, source, source.count) == source.count)
        close(file)
        close(folder)
    }

    /// A 100-byte folder name.
    static func folderName(_ index: Int) -> String {
        "d" + String(repeating: "0", count: 96) + String(format: "%03d", index)
    }

    /// Removes what `FileManager` cannot (it goes by full paths).
    static func removeDeepTree(_ tree: FixtureTree) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", tree.root]
        try? process.run()
        process.waitUntilExit()
    }

    @Test func foldersBeyondThePathLengthLimitAreReported() throws {
        let tree = try FixtureTree()
        defer { WalkSkips.removeDeepTree(tree) }
        try tree.write("ok.go", "package p\n")
        let names = (1...45).map(WalkSkips.folderName)
        WalkSkips.makeNested(names, below: tree.root)
        // The first folder whose path the system refuses (PATH_MAX counts the closing NUL).
        let limit = Int(pathconf("/", Int32(_PC_PATH_MAX)))
        var path = tree.root
        for name in names {
            path += "/" + name
            if path.utf8.count >= limit { break }
        }
        let run = CommandRun(["--quiet", tree.all])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(path): path too long (\(path.utf8.count) bytes; the system's limit is \(limit)); skipped"])
    }

    @Test func aGoFileBeyondThePathLengthLimitInANamedPackageIsReported() throws {
        let tree = try FixtureTree()
        defer { WalkSkips.removeDeepTree(tree) }
        let limit = Int(pathconf("/", Int32(_PC_PATH_MAX)))
        // A folder path of limit - 3 bytes: within the limit, but its x.go is not.
        var names: [String] = []
        var path = tree.root
        while path.utf8.count + 106 < limit {
            names.append(WalkSkips.folderName(names.count + 1))
            path += "/" + names[names.count - 1]
        }
        names.append(String(repeating: "e", count: limit - 4 - path.utf8.count))
        path += "/" + names[names.count - 1]
        WalkSkips.makeNested(names, below: tree.root)
        let file = path + "/x.go"
        let run = CommandRun(["--quiet", path])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(file): path too long (\(file.utf8.count) bytes; the system's limit is \(limit)); skipped"])
    }

    @Test func goNamesLinkedToDevicesAreReported() throws {
        let tree = try FixtureTree()
        try tree.write("a/ok.go", "package a\n")
        try FileManager.default.createSymbolicLink(atPath: tree.path("a/null.go"), withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: tree.path("a/zero.go"), withDestinationPath: "/dev/zero")
        for arguments in [[tree.all], [tree.path("a")]] {
            let run = CommandRun(["--quiet"] + arguments)
            #expect(run.status == 2)
            #expect(run.errorLines == ["\(tree.path("a/null.go")): not a regular file", "\(tree.path("a/zero.go")): not a regular file"])
        }
    }
}
