import Foundation
import Testing
@testable import LeakLintCommand

/// Standard input and baseline files have the size limit of source files:
/// reading stops at the limit, and the run ends with a message saying so.
@Suite struct InputLimits {
    static let limit = SourceReader.maxFileSize

    @Test func endlessStandardInputStopsAtTheLimit() throws {
        let tree = try FixtureTree()
        for arguments in ["--stdin-filename x.go", "--files-from -", "--dump-ast -"] {
            let run = try ShellRun(#"exec "$LEAKLINT" "# + arguments + " </dev/zero", in: tree.root)
            #expect(run.signal == nil && !run.timedOut, "\(arguments)")
            #expect(run.status == 2, "\(arguments)")
            let reason = "cannot read standard input: too large (more than the limit of \(InputLimits.limit) bytes)"
            let expected = arguments.hasPrefix("--files-from") ? "leaklint: --files-from -: \(reason)" : "leaklint: \(reason)"
            #expect(run.errorLines == [expected], "\(arguments)")
        }
    }

    /// A file past the limit given as standard input is refused by its size, without reading it.
    @Test func oversizedFileOnStandardInputIsRefusedUnread() throws {
        let tree = try FixtureTree()
        let path = tree.path("huge.go")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(InputLimits.limit + 1)) == 0)
        let run = try ShellRun(#"exec "$LEAKLINT" --stdin-filename x.go <huge.go"#, in: tree.root, timeout: 30)
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "leaklint: cannot read standard input: file too large (\(InputLimits.limit + 1) bytes; the limit is \(InputLimits.limit))"
        ])
    }

    @Test func oversizedBaselineIsRefused() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", "package p\n")
        let baseline = tree.path("baseline.json")
        #expect(FileManager.default.createFile(atPath: baseline, contents: nil))
        #expect(truncate(baseline, off_t(InputLimits.limit + 1)) == 0)
        let run = CommandRun(["--baseline", baseline, tree.path("a.go")])
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "leaklint: cannot read baseline \(baseline): file too large (\(InputLimits.limit + 1) bytes; the limit is \(InputLimits.limit))"
        ])
    }

    @Test func streamReadingStopsJustPastTheLimit() throws {
        // Sizes that fit a pipe's buffer, so that everything is written before reading starts.
        for (size, fits) in [(0, true), (1000, true), (1001, false), (60_000, false)] {
            var descriptors: [Int32] = [0, 0]
            #expect(pipe(&descriptors) == 0)
            let bytes = [UInt8](repeating: 0x61, count: size)
            #expect(bytes.withUnsafeBytes { DescriptorWriter.writeAll(descriptors[1], $0) } == nil)
            close(descriptors[1])
            let result = SourceReader.readStream(descriptors[0], limit: 1000)
            close(descriptors[0])
            if fits {
                #expect(try result.get() == bytes)
            } else {
                #expect(result == .failure(.overLimit(1000)))
            }
        }
    }

    @Test func baselineFromAPipeIsRead() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", StandardStreams.leaky)
        let report = try ShellRun(#"exec "$LEAKLINT" --quiet --format json --output report.json a.go"#, in: tree.root)
        #expect(report.status == 1)
        let run = try ShellRun(#"cat report.json | "$LEAKLINT" --quiet --baseline /dev/stdin a.go"#, in: tree.root)
        #expect(run.status == 0)
        #expect(run.err == "")
    }
}
