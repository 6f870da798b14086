import Foundation
import GoSyntax

/// The `leaklint` command: turns arguments into work for the parser and
/// prints what it found. Contains no analysis of its own.
public enum Command {
    public static let version = "0.1.0"

    /// Runs the command and returns the process exit status.
    public static func run(arguments: [String], output: OutputSink = .standard) -> Int32 {
        let options: Options
        switch Options.parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let error):
            output.error("leaklint: \(error.message)\nrun 'leaklint --help' for usage")
            return 2
        }
        switch options.mode {
        case .help:
            output.out(Options.usage)
            return 0
        case .version:
            output.out("leaklint \(version)")
            return 0
        case .dumpAST(let path):
            return dumpAST(path: path, output: output)
        case .lint, .parseOnly:
            return check(options: options, output: output)
        }
    }

    static func dumpAST(path: String, output: OutputSink) -> Int32 {
        let bytes: [UInt8]
        if path == "-" {
            bytes = SourceReader.readStandardInput()
        } else {
            switch SourceReader.read(path: path) {
            case .success(let read): bytes = read
            case .failure(let failure):
                output.error("\(path): \(failure)")
                return 2
            }
        }
        let tree = GoParser.parse(bytes)
        output.out(tree.dump(), terminator: "")
        let report = FileReport(path: path, tree: tree)
        for line in report.errorLines { output.error(line) }
        return report.errorLines.isEmpty ? 0 : 2
    }

    static func check(options: Options, output: OutputSink) -> Int32 {
        let started = Date()
        var discovery = FileDiscovery()
        var arguments = options.paths
        if let listFile = options.filesFrom {
            switch readPathList(listFile) {
            case .success(let listed): arguments += listed
            case .failure(let problem):
                output.error("leaklint: \(problem.message)")
                return 2
            }
        }
        if arguments.isEmpty && options.filesFrom == nil { arguments = ["./..."] }
        for argument in arguments { discovery.add(argument: argument) }

        let files = discovery.files
        let countLines = options.stats
        let reports = ParallelMap.run(count: files.count, jobs: options.jobs) { index in
            FileReport.make(path: files[index], countLines: countLines)
        }

        var lines: [(path: String, line: String)] = discovery.problems.map { ($0.path, "\($0.path): \($0.message)") }
        for report in reports {
            for line in report.errorLines { lines.append((report.path, line)) }
        }
        // Reports are in discovery order; problems are merged in by path.
        lines.sort { $0.path < $1.path }
        for entry in lines { output.error(entry.line) }

        if options.mode == .lint {
            let seconds = Date().timeIntervalSince(started)
            let problemFiles = Set(lines.map(\.path)).count
            let summary = lines.isEmpty
                ? "no problems found; \(reports.count) files checked in \(String(format: "%.2f", seconds))s"
                : "\(lines.count) problems in \(problemFiles) files; \(reports.count) files checked in \(String(format: "%.2f", seconds))s"
            output.error(summary)
        }
        if options.stats {
            let seconds = Date().timeIntervalSince(started)
            let bytes = reports.reduce(0) { $0 + $1.byteCount }
            let lineCount = reports.reduce(0) { $0 + $1.lineCount }
            let megabytes = Double(bytes) / 1_000_000
            let rate = seconds > 0 ? megabytes / seconds : 0
            output.error(String(
                format: "%d files, %d bytes, %d lines in %.3fs (%.1f MB/s, %d jobs)",
                reports.count, bytes, lineCount, seconds, rate, options.jobs))
        }
        return lines.isEmpty ? 0 : 2
    }

    static func readPathList(_ source: String) -> Result<[String], Options.UsageError> {
        let bytes: [UInt8]
        if source == "-" {
            bytes = SourceReader.readStandardInput()
        } else {
            switch SourceReader.read(path: source) {
            case .success(let read): bytes = read
            case .failure(let failure): return .failure(Options.UsageError(message: "\(source): \(failure)"))
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return .success(text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0) }.filter { !$0.isEmpty })
    }
}

/// What parsing one file produced, already formatted for printing.
struct FileReport: Sendable {
    var path: String
    var byteCount = 0
    var lineCount = 0
    var errorLines: [String] = []

    init(path: String) { self.path = path }

    init(path: String, tree: SyntaxTree) {
        self.path = path
        byteCount = tree.source.count
        if !tree.errors.isEmpty {
            let lines = tree.makeLineTable()
            errorLines = tree.errors.map { error in
                let (line, column) = lines.position(ofOffset: Int(error.offset))
                return "\(path):\(line):\(column): syntax error: \(error.message)"
            }
        }
    }

    static func make(path: String, countLines: Bool) -> FileReport {
        switch SourceReader.read(path: path) {
        case .failure(let failure):
            var report = FileReport(path: path)
            report.errorLines = ["\(path): \(failure)"]
            return report
        case .success(let bytes):
            var report = FileReport(path: path, tree: GoParser.parse(bytes))
            if countLines {
                report.lineCount = bytes.withUnsafeBufferPointer { buffer in
                    var count = 0
                    for byte in buffer where byte == 0x0A { count += 1 }
                    return count
                }
            }
            return report
        }
    }
}
