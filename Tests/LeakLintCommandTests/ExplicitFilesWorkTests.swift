import FilePaths
import Foundation
import LeakAnalysis
@testable import LeakLintCommand
import Testing

/// Naming files one by one (the pre-commit path: `--files-from` or
/// arguments) costs one look per directory, whether the directories sit
/// side by side or inside each other: measured with the lookups' own
/// counters at two sizes 4x apart (linear work grows 4x, quadratic 16x;
/// the bound is 6x).
@Suite struct ExplicitFilesWork {
    /// Work to select and place `count` files, each alone in its own
    /// directory; `nested`: each directory inside the previous one.
    static func work(files count: Int, nested: Bool) throws -> Int {
        let tree = try FixtureTree()
        var files: [String] = []
        // Removed here, deepest first: Foundation's recursive removal takes seconds for thousands of folders.
        defer {
            for file in files.reversed() {
                unlink(file)
                rmdir(PathText.directory(of: file))
            }
        }
        var directory = tree.root
        for index in 0..<count {
            directory = nested ? directory + "/d" : tree.root + "/d\(index)"
            #expect(mkdir(directory, 0o755) == 0)
            let file = directory + "/f.go"
            let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(descriptor >= 0 && write(descriptor, "package p\n", 10) == 10)
            close(descriptor)
            files.append(file)
        }
        let roots = RepositoryRoots()
        // An exclusion pattern relative to each file's repository root makes selection look roots up too.
        let selection = FileDiscovery.Selection(exclusions: [FileDiscovery.Exclusion(pattern: PathPattern("vendor/**"), base: nil)])
        var discovery = FileDiscovery(selection: selection, workingDirectory: tree.root, roots: roots)
        for file in files { discovery.add(argument: file) }
        let siblings = discovery.siblingsOfExplicitFiles()
        #expect(discovery.files.count == count)
        #expect(siblings.isEmpty)
        let run = LintRun.roots(for: LintRun.Input(reported: discovery.files, context: siblings), workingDirectory: tree.root, finder: roots)
        #expect(run.identities.count == count)
        let versions = ModuleVersions(readFile: { _ in nil }, workingDirectory: tree.root)
        for file in files { #expect(versions.version(forDirectory: PathText.directory(of: file)) == nil) }
        return roots.probes + versions.probes
    }

    @Test func filesInSideBySideDirectories() throws {
        // Sizes kept small: creating and removing thousands of folders is slow on some file systems.
        let ratio = Double(try Self.work(files: 2_000, nested: false)) / Double(try Self.work(files: 500, nested: false))
        #expect(ratio < 6)
    }

    @Test func filesInNestedDirectories() throws {
        // Paths grow with the depth: 800 levels stay well inside PATH_MAX.
        let ratio = Double(try Self.work(files: 800, nested: true)) / Double(try Self.work(files: 200, nested: true))
        #expect(ratio < 6)
    }
}
