import Foundation
import Testing
@testable import LeakLintCommand

/// `--output` and `--write-baseline` replace only a regular file (or create
/// a missing one) atomically: a symbolic link keeps pointing where it did
/// and its target gets the report, a FIFO or a device is written through,
/// standard output stays standard output, and a directory is refused.
@Suite struct OutputDestinations {
    static func leakyTree() throws -> FixtureTree {
        let tree = try FixtureTree()
        try tree.write("a.go", StandardStreams.leaky)
        return tree
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func leftovers(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".leaklint-") }
    }

    @Test func symbolicLinkStaysAndItsTargetGetsTheReport() throws {
        let tree = try OutputDestinations.leakyTree()
        try FileManager.default.createDirectory(atPath: tree.path("reports"), withIntermediateDirectories: true)
        let target = try tree.write("reports/latest.json", "old\n")
        #expect(chmod(target, 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: tree.path("report.json"), withDestinationPath: "reports/latest.json")
        for flag in ["--output", "--write-baseline"] {
            let run = try ShellRun(#"exec "$LEAKLINT" -q --format json "# + flag + " report.json a.go", in: tree.root)
            #expect(run.status == (flag == "--output" ? 1 : 0), "\(flag): \(run.err)")
            #expect(OutputDestinations.isSymbolicLink(tree.path("report.json")), "\(flag)")
            let written = try String(contentsOfFile: target, encoding: .utf8)
            #expect(written.hasPrefix("{") && written.contains("\"fingerprint\""), "\(flag)")
            // Replaced like a file written in place: it keeps its permissions.
            var info = stat()
            #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o640, "\(flag)")
            try tree.write("reports/latest.json", "old\n")
        }
        #expect(try OutputDestinations.leftovers(in: tree.root).isEmpty)
        #expect(try OutputDestinations.leftovers(in: tree.path("reports")).isEmpty)
    }

    @Test func danglingLinkIsWrittenThrough() throws {
        let tree = try OutputDestinations.leakyTree()
        try FileManager.default.createSymbolicLink(atPath: tree.path("report.txt"), withDestinationPath: "made.txt")
        let run = try ShellRun(#"exec "$LEAKLINT" -q --output report.txt a.go"#, in: tree.root)
        #expect(run.status == 1)
        #expect(OutputDestinations.isSymbolicLink(tree.path("report.txt")))
        #expect(try String(contentsOfFile: tree.path("made.txt"), encoding: .utf8).hasPrefix("a.go:6:13: file is never closed"))
    }

    @Test func fifoIsWrittenThroughNotReplaced() throws {
        let tree = try OutputDestinations.leakyTree()
        let fifo = tree.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reading end is open before leaklint runs; the short report fits the pipe's buffer.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = try ShellRun(#"exec "$LEAKLINT" -q --output pipe a.go"#, in: tree.root)
        #expect(run.status == 1)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        #expect(count > 0)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).hasPrefix("a.go:6:13: file is never closed"))
    }

    /// Through links in the tree, so that a leaklint that replaced what a
    /// path names would replace the links, not the system's devices.
    @Test func devicesAndStandardOutputAreWrittenThrough() throws {
        let tree = try OutputDestinations.leakyTree()
        try FileManager.default.createSymbolicLink(atPath: tree.path("null"), withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: tree.path("stdout"), withDestinationPath: "/dev/stdout")
        let null = try ShellRun(#"exec "$LEAKLINT" -q --output null a.go"#, in: tree.root)
        #expect(null.status == 1)
        #expect(null.err == "")
        #expect(OutputDestinations.isSymbolicLink(tree.path("null")))

        let stdout = try ShellRun(#"exec "$LEAKLINT" -q --output stdout a.go"#, in: tree.root)
        #expect(stdout.status == 1)
        #expect(stdout.out.hasPrefix("a.go:6:13: file is never closed"))
        #expect(OutputDestinations.isSymbolicLink(tree.path("stdout")))

        // Standard output redirected to a file opened for appending: the report is appended, nothing truncated.
        try tree.write("log.txt", "earlier\n")
        let appended = try ShellRun(#"exec "$LEAKLINT" -q --output stdout a.go >>log.txt"#, in: tree.root)
        #expect(appended.status == 1)
        let log = try String(contentsOfFile: tree.path("log.txt"), encoding: .utf8)
        #expect(log.hasPrefix("earlier\na.go:6:13: file is never closed"))
    }

    @Test func directoryIsRefused() throws {
        let tree = try OutputDestinations.leakyTree()
        let run = CommandRun(["-q", "--output", tree.root, tree.path("a.go")])
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: cannot write \(tree.root): is a directory"])
    }

    @Test func destinationsByKind() throws {
        let tree = try FixtureTree()
        let file = try tree.write("file.txt", "x")
        #expect(OutputFile.destination(of: tree.path("new.txt")) == .replace(tree.path("new.txt"), mode: nil))
        var info = stat()
        #expect(stat(file, &info) == 0)
        #expect(OutputFile.destination(of: file) == .replace(file, mode: info.st_mode & 0o7777))
        #expect(OutputFile.destination(of: "/dev/null") == .through("/dev/null", create: false))
        #expect(OutputFile.destination(of: tree.root) == .refused("is a directory"))
    }

    /// SIGTERM while the report's temporary file is being written: the
    /// handler removes it. The process is stopped as soon as the
    /// temporary file appears, so that the signal lands while it exists.
    @Test func interruptedWriteLeavesNoTemporaryFile() throws {
        guard let executable = BinaryRun.executable else {
            Issue.record("the leaklint executable was not built")
            return
        }
        let tree = try FixtureTree()
        // A report of some megabytes, so that writing it takes a while.
        for file in 0..<20 {
            var source = "package p\n\nimport \"os\"\n\n"
            for index in 0..<100 { source += "func f\(index)() {\n\tfile, _ := os.Open(\"x\")\n\t_ = file\n}\n\n" }
            try tree.write("svc/f\(file).go", source)
        }
        var caught = false
        for signal in [SIGTERM, SIGINT] {
            for _ in 0..<10 where !caught {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = ["-q", "--format", "sarif", "--output", "report.sarif", "./svc"]
                process.currentDirectoryURL = URL(fileURLWithPath: tree.root)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let temporary = tree.path(".report.sarif.leaklint-\(process.processIdentifier).tmp")
                var stopped = false
                while process.isRunning {
                    if access(temporary, F_OK) == 0 {
                        kill(process.processIdentifier, SIGSTOP)
                        stopped = true
                        break
                    }
                }
                if stopped && access(temporary, F_OK) == 0 {
                    caught = true
                    kill(process.processIdentifier, signal)
                    kill(process.processIdentifier, SIGCONT)
                    process.waitUntilExit()
                    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
                    #expect(access(temporary, F_OK) != 0, "signal \(signal) left \(temporary)")
                    #expect(access(tree.path("report.sarif"), F_OK) != 0)
                } else {
                    if stopped { kill(process.processIdentifier, SIGCONT) }
                    process.waitUntilExit()
                    try? FileManager.default.removeItem(atPath: tree.path("report.sarif"))
                }
            }
            #expect(caught, "the temporary file was never seen while signal \(signal) could be sent")
            caught = false
        }
    }
}
