import Foundation
import Synchronization
import Testing
@testable import LeakLintCommand

/// A write to standard output or standard error that fails (closed, on a
/// full disk, to a reader that has gone while SIGPIPE is ignored) ends the
/// run with exit status 2 and says so on standard error when it still
/// works; it never kills the process.
@Suite struct StandardStreams {
    static let leaky = "package p\n\nimport \"os\"\n\nfunc f() {\n\tfile, _ := os.Open(\"x\")\n\t_ = file\n}\n"

    static func leakyTree() throws -> FixtureTree {
        let tree = try FixtureTree()
        try tree.write("a.go", leaky)
        return tree
    }

    @Test func closedStandardOutput() throws {
        let tree = try StandardStreams.leakyTree()
        let run = try ShellRun(#"exec "$LEAKLINT" -q a.go >&-"#, in: tree.root)
        #expect(run.signal == nil)
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: cannot write to standard output: bad file descriptor"])
    }

    @Test func standardOutputOnAFullDisk() throws {
        let tree = try StandardStreams.leakyTree()
        let run = try ShellRun(#"exec "$LEAKLINT" -q a.go >/dev/full"#, in: tree.root)
        #expect(run.signal == nil)
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: cannot write to standard output: no space left on device"])
    }

    @Test func closedStandardErrorStillPrintsTheReport() throws {
        let tree = try StandardStreams.leakyTree()
        let run = try ShellRun(#"exec "$LEAKLINT" a.go 2>&-"#, in: tree.root)
        #expect(run.signal == nil)
        #expect(run.status == 2)
        #expect(run.out.hasPrefix("a.go:6:13: file is never closed"))
    }

    @Test func readerThatExitsEarlyWithSIGPIPEIgnored() throws {
        let tree = try FixtureTree()
        // A dump far larger than a pipe's buffer, so that writes go on after the reader has gone.
        var source = "package p\n\n"
        for index in 0..<3000 { source += "func f\(index)(a, b int) int { return a*b + \(index) }\n" }
        try tree.write("big.go", source)
        let script = #"trap '' PIPE; { "$LEAKLINT" --dump-ast big.go; echo "status $?" >&2; } | head -c 1 >/dev/null"#
        let run = try ShellRun(script, in: tree.root)
        #expect(run.signal == nil)
        #expect(run.errorLines == ["leaklint: cannot write to standard output: broken pipe", "status 2"])
    }

    @Test func aFailedWriteStopsWritingThatStreamAndMakesTheStatusTwo() {
        let captured = Captured()
        let writes = Mutex(0)
        let sink = OutputSink(
            writingOut: { _ in
                writes.withLock { $0 += 1 }
                return EPIPE
            },
            writingError: { captured.append(error: $0); return nil })
        sink.out("first")
        sink.out("second")
        #expect(writes.withLock { $0 } == 1)
        #expect(sink.finish(0) == 2)
        #expect(captured.err == "leaklint: cannot write to standard output: broken pipe\n")

        let quiet = OutputSink(writingOut: { _ in nil }, writingError: { _ in EBADF })
        #expect(Command.run(arguments: ["--version"], output: quiet) == 0)
        quiet.error("lost")
        #expect(quiet.finish(1) == 2)
    }
}
