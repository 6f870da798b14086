import Foundation
import Testing
@testable import LeakLintCommand

/// Runs the command in-process and captures what it prints.
struct CommandRun {
    var status: Int32
    var out: String
    var err: String

    init(_ arguments: [String]) {
        let captured = Captured()
        let sink = OutputSink(out: { captured.append(out: $0) }, error: { captured.append(error: $0) })
        status = Command.run(arguments: arguments, output: sink)
        out = captured.out
        err = captured.err
    }

    var errorLines: [String] { err.split(separator: "\n").map(String.init) }
}

/// Thread-safe buffers for captured output.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
    func append(out text: String) { lock.withLock { outText += text } }
    func append(error text: String) { lock.withLock { errText += text } }
}

/// A scratch directory of files, removed when the test ends.
final class FixtureTree {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "leaklint-fixture-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// The whole tree, as the go command writes it: `ROOT/...`.
    var all: String { root + "/..." }
}

@Suite struct OptionsParsing {
    @Test func unknownFlagSuggestsTheClosestOne() {
        guard case .failure(let error) = Options.parse(["--parse-onyl"]) else {
            Issue.record("expected a usage error")
            return
        }
        #expect(error.message == "unknown flag --parse-onyl (did you mean --parse-only?)")
    }

    @Test func unknownFlagExitsWithStatusTwo() {
        let run = CommandRun(["--frobnicate"])
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: unknown flag --frobnicate", "run 'leaklint --help' for usage"])
    }

    @Test func jobsMustBeAPositiveNumber() {
        let run = CommandRun(["--jobs", "zero"])
        #expect(run.status == 2)
        #expect(run.errorLines.first == "leaklint: --jobs needs a number between 1 and 1024, not 'zero'")
    }

    @Test func flagValuesMayFollowAnEqualsSign() throws {
        guard case .success(let options) = Options.parse(["--jobs=3", "--files-from=list.txt", "a.go"]) else {
            Issue.record("expected options")
            return
        }
        #expect(options.jobs == 3)
        #expect(options.filesFrom == "list.txt")
        #expect(options.paths == ["a.go"])
    }
}

@Suite struct ParseOnlyCommand {
    let valid = "package p\n\nfunc f() {}\n"
    let broken = "package p\n\nfunc f() {\n\tx := \n}\n"

    @Test func cleanTreeExitsZeroAndPrintsNothing() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", valid)
        let run = CommandRun(["--parse-only", "--quiet", tree.all])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        #expect(run.out.isEmpty)
    }

    @Test func syntaxErrorsArePrintedWithPathLineColumnAndExitTwo() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", valid)
        try tree.write("b.go", broken)
        let run = CommandRun(["--parse-only", "--quiet", tree.root + "/..."])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(tree.path("b.go")):5:1: syntax error: expected operand, found '}'"])
    }

    @Test func walkSkipsVendorTestdataHiddenAndUnderscoreFolders() throws {
        let tree = try FixtureTree()
        try tree.write("ok.go", valid)
        for skipped in ["vendor/x.go", "testdata/x.go", ".hidden/x.go", "_build/x.go", "sub/.x.go", "sub/_x.go"] {
            try tree.write(skipped, broken)
        }
        try tree.write("sub/deeper/bad.go", broken)
        let run = CommandRun(["--parse-only", "--quiet", tree.all])
        #expect(run.errorLines == ["\(tree.path("sub/deeper/bad.go")):5:1: syntax error: expected operand, found '}'"])
    }

    @Test func explicitlyNamedFilesAreAlwaysRead() throws {
        let tree = try FixtureTree()
        let path = try tree.write("testdata/bad.go", broken)
        let run = CommandRun(["--parse-only", "--quiet", path])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(path):5:1: syntax error: expected operand, found '}'"])
    }

    @Test func missingPathIsAnErrorNamingThePath() throws {
        let tree = try FixtureTree()
        let missing = tree.path("nope.go")
        let run = CommandRun(["--parse-only", "--quiet", missing])
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: no such file or directory: \(missing)"])
    }

    @Test func directoryAndFifoNamedDotGoDoNotBlock() throws {
        let tree = try FixtureTree()
        try FileManager.default.createDirectory(atPath: tree.path("dir.go"), withIntermediateDirectories: true)
        try tree.write("dir.go/inner.go", valid)
        #expect(mkfifo(tree.path("pipe.go"), 0o644) == 0)
        let walked = CommandRun(["--parse-only", "--quiet", tree.all])
        #expect(walked.status == 2)
        #expect(walked.errorLines == ["\(tree.path("pipe.go")): not a regular file"])
        let named = CommandRun(["--parse-only", "--quiet", tree.path("pipe.go")])
        #expect(named.status == 2)
        #expect(named.errorLines == ["\(tree.path("pipe.go")): not a regular file"])
    }

    @Test func symlinkLoopAndDanglingLinkEndInMessages() throws {
        let tree = try FixtureTree()
        try tree.write("a/ok.go", valid)
        try FileManager.default.createSymbolicLink(atPath: tree.path("a/loop"), withDestinationPath: tree.path("a"))
        try FileManager.default.createSymbolicLink(atPath: tree.path("a/gone.go"), withDestinationPath: tree.path("missing.go"))
        let run = CommandRun(["--parse-only", "--quiet", tree.all])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(tree.path("a/gone.go")): dangling symbolic link"])
    }

    @Test func unreadableFileIsReported() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let tree = try FixtureTree()
        let path = try tree.write("secret.go", valid)
        chmod(path, 0)
        let run = CommandRun(["--parse-only", "--quiet", path])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(path): cannot read file: permission denied"])
    }

    @Test func filesFromReadsOnePathPerLine() throws {
        let tree = try FixtureTree()
        let good = try tree.write("good.go", valid)
        let bad = try tree.write("bad.go", broken)
        let list = try tree.write("list.txt", "\(good)\n\n\(bad)\n")
        let run = CommandRun(["--parse-only", "--quiet", "--files-from", list])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(bad):5:1: syntax error: expected operand, found '}'"])
    }

    @Test func outputIsTheSameWhateverTheParallelism() throws {
        let tree = try FixtureTree()
        for index in 0..<40 {
            try tree.write("pkg\(index % 7)/f\(index).go", index % 3 == 0 ? broken : valid)
        }
        let serial = CommandRun(["--parse-only", "--quiet", "--jobs", "1", tree.all])
        let parallel = CommandRun(["--parse-only", "--quiet", "--jobs", "8", tree.all])
        #expect(serial.errorLines.count == 14)
        #expect(serial.err == parallel.err)
        #expect(serial.errorLines == serial.errorLines.sorted())
    }

    @Test func statsLineReportsFilesBytesAndLines() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", valid)
        try tree.write("b.go", valid)
        let run = CommandRun(["--parse-only", "--quiet", "--stats", tree.all])
        #expect(run.status == 0)
        let line = try #require(run.errorLines.last)
        #expect(line.hasPrefix("2 files, \(2 * valid.utf8.count) bytes, 6 lines in "))
        #expect(line.contains("MB/s"))
    }
}

@Suite struct DumpASTCommand {
    @Test func dumpsTheTreeWithRanges() throws {
        let tree = try FixtureTree()
        let path = try tree.write("a.go", "package p\n\nvar x = 1\n")
        let run = CommandRun(["--dump-ast", path])
        #expect(run.status == 0)
        #expect(run.out == """
            File 0..21
              name: Ident "p" 8..9
              decls[0]: GenDecl var 11..20
                specs[0]: ValueSpec 15..20
                  names[0]: Ident "x" 15..16
                  values[0]: BasicLit "1" 19..20

            """)
    }
}
