import Foundation
import GoSyntax
import LeakAnalysis
import LeakReporters
import LeakRules

/// The `leaklint` command: turns arguments into work for the parser and
/// prints what it found. Contains no analysis of its own.
public enum Command {
    public static var version: String { ToolInfo.version }

    /// Runs the command and returns the process exit status. `standardInput`
    /// supplies the bytes of standard input (tests pass their own).
    public static func run(
        arguments: [String], output: OutputSink = .standard,
        standardInput: @escaping () -> [UInt8] = SourceReader.readStandardInput
    ) -> Int32 {
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
        case .parseOnly:
            return check(options: options, output: output)
        case .lint:
            return lint(options: options, output: output, standardInput: standardInput)
        case .listRules:
            output.out(RuleCatalog.table())
            return 0
        case .explain(let id):
            guard let rule = RuleRegistry.rule(withID: id) else {
                output.error("leaklint: \(RuleCatalog.unknownRuleMessage(id))")
                return 2
            }
            output.out(MarkdownText.render(rule.documentation), terminator: "")
            return 0
        }
    }

    static func dumpAST(path: String, output: OutputSink) -> Int32 {
        let file = LoadedFile.load(path: path, isReported: true, source: path == "-" ? SourceReader.readStandardInput() : nil)
        if let tree = file.tree { output.out(tree.dump(), terminator: "") }
        for error in file.errors { output.error(error.text) }
        return file.errors.isEmpty ? 0 : 2
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

    /// Expands path arguments (and `--files-from`) into discovered files; nil after printing a usage error.
    static func discover(options: Options, output: OutputSink, standardInput: () -> [UInt8] = SourceReader.readStandardInput) -> FileDiscovery? {
        var discovery = FileDiscovery()
        var arguments = options.paths
        if let listFile = options.filesFrom {
            switch readPathList(listFile, standardInput: standardInput) {
            case .success(let listed): arguments += listed
            case .failure(let problem):
                output.error("leaklint: \(problem.message)")
                return nil
            }
        }
        if arguments.isEmpty && options.filesFrom == nil { arguments = ["./..."] }
        for argument in arguments { discovery.add(argument: argument) }
        return discovery
    }

    /// The rules selected by `--enable` / `--disable`, or a usage error naming an unknown id.
    static func selectedRules(_ options: Options, configuration: Configuration = Configuration()) -> Result<[Rule], Options.UsageError> {
        for id in options.enabledRules + options.disabledRules where RuleRegistry.rule(withID: id) == nil {
            return .failure(Options.UsageError(message: RuleCatalog.unknownRuleMessage(id)))
        }
        // The configuration switches rules off (or back on); command-line flags have the last word.
        var rules = RuleRegistry.all.filter { configuration.rules[$0.id]?.enabled ?? true }
        if !options.enabledRules.isEmpty { rules = RuleRegistry.all }
        if !options.enabledRules.isEmpty { rules = rules.filter { options.enabledRules.contains($0.id) } }
        return .success(rules.filter { !options.disabledRules.contains($0.id) })
    }

    static func readPathList(
        _ source: String, standardInput: () -> [UInt8] = SourceReader.readStandardInput
    ) -> Result<[String], Options.UsageError> {
        let bytes: [UInt8]
        if source == "-" {
            bytes = standardInput()
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

    /// Reads and parses `path` the way a lint does (`LoadedFile`), counting lines if asked.
    static func make(path: String, countLines: Bool) -> FileReport {
        let file = LoadedFile.load(path: path, isReported: true)
        var report = FileReport(path: path, byteCount: file.byteCount, errorLines: file.errors.map(\.text))
        if countLines, let tree = file.tree {
            report.lineCount = tree.source.withUnsafeBufferPointer { buffer in
                var count = 0
                for byte in buffer where byte == 0x0A { count += 1 }
                return count
            }
        }
        return report
    }
}
