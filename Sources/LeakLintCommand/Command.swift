import Foundation
import GoSyntax
import LeakAnalysis
import LeakRules

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
        case .parseOnly:
            return check(options: options, output: output)
        case .lint:
            return lint(options: options, output: output)
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
    static func discover(options: Options, output: OutputSink) -> FileDiscovery? {
        var discovery = FileDiscovery()
        var arguments = options.paths
        if let listFile = options.filesFrom {
            switch readPathList(listFile) {
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
    static func selectedRules(_ options: Options) -> Result<[Rule], Options.UsageError> {
        for id in options.enabledRules + options.disabledRules where RuleRegistry.rule(withID: id) == nil {
            var message = "unknown rule \(id)"
            if let suggestion = Suggestion.closest(to: id, among: RuleRegistry.ids) { message += " (did you mean \(suggestion)?)" }
            return .failure(Options.UsageError(message: message + "; 'leaklint rules' lists them"))
        }
        var rules = RuleRegistry.all
        if !options.enabledRules.isEmpty { rules = rules.filter { options.enabledRules.contains($0.id) } }
        return .success(rules.filter { !options.disabledRules.contains($0.id) })
    }

    static func lint(options: Options, output: OutputSink) -> Int32 {
        let started = Date()
        let rules: [Rule]
        switch selectedRules(options) {
        case .success(let selected): rules = selected
        case .failure(let error):
            output.error("leaklint: \(error.message)")
            return 2
        }
        var goVersion: GoVersion?
        if let text = options.goVersion {
            guard let version = GoVersion(parsing: text) else {
                output.error("leaklint: --go-version needs a version like 1.21, not '\(text)'")
                return 2
            }
            goVersion = version
        }
        guard let discovery = discover(options: options, output: output) else { return 2 }
        let run = LintRun.run(
            reported: discovery.files, context: discovery.siblingsOfExplicitFiles(), rules: rules, goVersion: goVersion,
            jobs: options.jobs)

        var errorLines = discovery.problems.map { (path: $0.path, text: "\($0.path): \($0.message)") }
        errorLines += run.errors.map { (path: $0.path, text: $0.text) }
        errorLines.sort { $0.path < $1.path }
        for line in errorLines { output.error(line.text) }

        var text = ""
        for finding in run.findings {
            text += "\(finding.path):\(finding.line):\(finding.column): \(finding.message) (\(finding.ruleID))\n"
            for related in finding.related {
                text += "\t\(related.path):\(related.line):\(related.column): \(related.message)\n"
            }
        }
        if !text.isEmpty { output.out(text, terminator: "") }

        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let findingFiles = Set(run.findings.map(\.path)).count
        let checked = "\(run.fileCount) \(run.fileCount == 1 ? "file" : "files") checked in \(seconds)s"
        if run.findings.isEmpty {
            output.error("no findings; \(checked)")
        } else {
            let noun = run.findings.count == 1 ? "finding" : "findings"
            output.error("\(run.findings.count) \(noun) in \(findingFiles) \(findingFiles == 1 ? "file" : "files"); \(checked)")
        }
        if !errorLines.isEmpty { return 2 }
        return run.findings.isEmpty ? 0 : 1
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
