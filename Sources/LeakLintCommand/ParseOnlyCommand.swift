import FilePaths
import Foundation
import LeakAnalysis
import LeakReporters

extension Command {
    /// `--parse-only`: parse the selected files and print their syntax
    /// errors on standard error, then a summary line; exit 2 when there are
    /// any. With `--format json` or `sarif` the same errors also make a
    /// report (no findings; SARIF tool execution notifications), printed on
    /// standard output or written to `--output` like a lint's.
    static func check(options: Options, output: OutputSink, standardInput: @escaping SourceReader.StandardInput) -> Int32 {
        let started = Date()
        guard let setup = RunSetup.prepare(options, output: output, standardInput: standardInput) else { return 2 }
        let discovery = setup.discovery
        var errors: [(path: String, error: ReportedError)] = discovery.problems.map { problem in
            let error = ReportedError(
                path: setup.display(problem.path), position: nil, message: problem.message, concernsArgument: problem.kind == .argument)
            return (problem.path, error)
        }
        let files = discovery.files
        if files.isEmpty {
            for entry in errors { output.error(entry.error.text) }
            if !errors.isEmpty { return 2 }
            let nothing = setup.nothingSelected()
            output.error("leaklint: \(nothing.message)")
            return nothing.status
        }
        let countLines = options.stats
        let explicit = discovery.explicitFiles
        let includeGenerated = options.includeGenerated
        let display = setup.displayPath
        let reports: [FileReport]
        do {
            reports = try ParallelMap.run(count: files.count, jobs: options.jobs) { index in
                FileReport.make(
                    path: files[index], isNamed: explicit.contains(files[index]), includeGenerated: includeGenerated,
                    countLines: countLines, display: display)
            }
        } catch {
            output.errorLine("leaklint: \(error)")
            return 2
        }
        for report in reports where !report.isSkipped {
            for error in report.errors { errors.append((report.path, error)) }
        }
        // Reports are in discovery order; problems are merged in by path.
        errors.sort { $0.path < $1.path }
        for entry in errors { output.error(entry.error.text) }

        let checked = reports.filter { !$0.isSkipped }
        if options.format != .text {
            let report = Report(
                findings: [], errors: errors.map(\.error), rules: [], filesChecked: checked.count,
                seconds: Date().timeIntervalSince(started))
            if !writeParseReport(report, options: options, setup: setup, output: output) { return 2 }
        }
        let failed = checked.filter { !$0.errors.isEmpty }.count
        if !options.quiet {
            let elapsed = TextReporter.seconds(Date().timeIntervalSince(started))
            var summary = "\(TextReporter.grouped(checked.count)) \(checked.count == 1 ? "file" : "files") parsed in \(elapsed)s"
            summary += failed == 0 ? "; no syntax errors" : "; \(TextReporter.grouped(failed)) with syntax errors"
            output.error(summary)
        }
        if options.stats {
            output.error(Statistics.line(
                files: checked.count, bytes: checked.reduce(0) { $0 + $1.byteCount }, lines: checked.reduce(0) { $0 + $1.lineCount },
                since: started, jobs: options.jobs))
        }
        return errors.isEmpty ? 0 : 2
    }

    /// Prints or writes the JSON or SARIF report of a parse; false after saying why it could not be written.
    static func writeParseReport(_ report: Report, options: Options, setup: RunSetup, output: OutputSink) -> Bool {
        let rendered: String
        switch options.format {
        case .text:
            return true
        case .json:
            rendered = JSONReporter.render(report)
        case .sarif:
            let first = setup.discovery.files.min().map { PathText.directory(of: PathText.absolute($0, from: setup.workingDirectory)) }
            let sourceRoot = first.flatMap { setup.roots.root(ofDirectory: $0) }
                ?? setup.roots.root(ofDirectory: setup.workingDirectory) ?? setup.workingDirectory
            rendered = SARIFReporter.render(
                report, paths: SARIFReporter.Paths(sourceRoot: sourceRoot, currentDirectory: setup.workingDirectory))
        }
        if let path = options.output {
            if let failure = OutputFile.write(rendered, to: path, output: output) {
                output.errorLine("leaklint: cannot write \(path): \(failure)")
                return false
            }
        } else {
            output.out(rendered, terminator: "")
        }
        return true
    }
}

/// What parsing one file produced, for `--parse-only`.
struct FileReport: Sendable {
    var path: String
    var byteCount = 0
    var lineCount = 0
    var errors: [ReportedError] = []
    /// Found by listing a directory, and generated or excluded from every build: not checked.
    var isSkipped = false

    /// Reads and parses `path` the way a lint does (`LoadedFile`), counting lines if asked.
    static func make(
        path: String, isNamed: Bool, includeGenerated: Bool, countLines: Bool, display: (String) -> String
    ) -> FileReport {
        let file = LoadedFile.load(path: path, isReported: true, display: display)
        var report = FileReport(path: path, byteCount: file.byteCount, errors: file.errors)
        if let tree = file.tree {
            let excluded = BuildConstraint(in: tree)?.excludesEveryBuild == true
            if !isNamed && (excluded || (!includeGenerated && GeneratedCode.isGenerated(tree))) { report.isSkipped = true }
            if countLines { report.lineCount = LoadedFile.lineCount(tree.source) }
        }
        return report
    }
}
