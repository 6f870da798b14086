import FilePaths
import Foundation
import LeakAnalysis
import LeakReporters
import LeakRules

extension Command {
    /// The default mode: lint, report in the chosen format, and return the
    /// exit status (2 on errors, 1 on new unsuppressed findings at or above
    /// the fail level unless a baseline is being written, else 0). With
    /// `--fix` the findings are those left after fixing; with `--diff` the
    /// diff takes the report's place on standard output.
    static func lint(options: Options, output: OutputSink, standardInput: SourceReader.StandardInput) -> Int32 {
        let started = Date()
        guard let setup = RunSetup.prepare(options, output: output, standardInput: standardInput) else { return 2 }
        let configuration = setup.configuration
        let currentDirectory = setup.workingDirectory
        let rules: [Rule]
        switch selectedRules(options, configuration: configuration) {
        case .success(let selected): rules = selected
        case .failure(let error):
            output.errorLine("leaklint: \(error.message)")
            return 2
        }
        var goVersion: GoVersion?
        if let text = options.goVersion {
            guard let version = GoVersion(parsing: text) else {
                output.errorLine("leaklint: --go-version needs a version like 1.21, not '\(text)'")
                return 2
            }
            goVersion = version
        }
        var baseline: Set<String>?
        if let path = options.baseline {
            switch Baseline.fingerprints(inReportAt: path) {
            case .success(let fingerprints): baseline = fingerprints
            case .failure(let problem):
                output.errorLine("leaklint: \(problem.message)")
                return 2
            }
        }

        var input = LintRun.Input(reported: [], context: [], display: setup.displayPath)
        input.includeGenerated = options.includeGenerated
        input.countLines = options.stats
        let discovery = setup.discovery
        if let path = options.standardInputPath {
            // The buffer stands in for `path`; its directory provides go.mod and sibling declarations.
            switch standardInput() {
            case .success(let bytes): input.standardInput = (PathText.tidy(path), bytes)
            case .failure(let failure):
                output.error("leaklint: cannot read standard input: \(failure)")
                return 2
            }
            input.context = FileDiscovery.goFiles(inDirectoryOf: path)
            input.reported = discovery.files
        } else {
            input.reported = discovery.files
            input.context = discovery.siblingsOfExplicitFiles()
        }
        input.explicit = discovery.explicitFiles
        for problem in discovery.problems {
            input.problems.append(ReportedError(
                path: setup.display(problem.path), position: nil, message: problem.message,
                concernsArgument: problem.kind == .argument))
        }
        if input.reported.isEmpty && input.standardInput == nil {
            for problem in input.problems { output.error(problem.text) }
            if !input.problems.isEmpty { return 2 }
            let nothing = setup.nothingSelected()
            output.error("leaklint: \(nothing.message)")
            return nothing.status
        }
        input.roots = LintRun.roots(
            for: input, workingDirectory: currentDirectory, knowsWorkingDirectory: setup.knowsWorkingDirectory, finder: setup.roots)
        var run: LintRun
        do {
            run = try LintRun.run(input, rules: rules, configuration: configuration, goVersion: goVersion, jobs: options.jobs)
        } catch {
            output.error("leaklint: \(error)")
            return 2
        }

        var split = Baseline.split(run.findings, suppressed: run.suppressed, against: baseline)
        var fixes = FixMode.Outcome()
        if options.fix || options.diff {
            let buffer = input.standardInput.map { (path: input.display($0.path), bytes: $0.bytes) }
            fixes = FixMode.run(split.new, standardInput: buffer, write: options.fix, quiet: options.quiet, output: output)
            if fixes.rewroteFiles {
                // What is left, at its place in the rewritten files.
                do {
                    run = try LintRun.run(input, rules: rules, configuration: configuration, goVersion: goVersion, jobs: options.jobs)
                } catch {
                    output.error("leaklint: \(error)")
                    return 2
                }
                split = Baseline.split(run.findings, suppressed: run.suppressed, against: baseline)
            }
        }
        let findings = split.new
        let errors = (input.problems + run.errors).sorted { ($0.path, $0.position?.line ?? 0) < ($1.path, $1.position?.line ?? 0) }
        let report = Report(
            findings: findings, errors: errors, rules: Linter(rules: rules, configuration: configuration).rules, filesChecked: run.fileCount,
            seconds: Date().timeIntervalSince(started), baselined: split.baselined, suppressed: split.suppressed)

        let sarifPaths = SARIFReporter.Paths(sourceRoot: input.roots.sourceRoot, currentDirectory: currentDirectory)
        let rendered: String
        switch options.format {
        case .text:
            rendered = TextReporter.render(report, style: options.output == nil && output.usesColour ? .colour : .plain)
        case .json:
            rendered = JSONReporter.render(report)
        case .sarif:
            rendered = SARIFReporter.render(report, paths: sarifPaths)
        }
        // Warnings and errors go to standard error in text form whatever the report format.
        for warning in run.warnings { output.error(warning.text) }
        for error in errors { output.error(error.text) }
        if let path = options.output {
            if let failure = OutputFile.write(rendered, to: path, output: output) {
                output.errorLine("leaklint: cannot write \(path): \(failure)")
                return 2
            }
        } else if !rendered.isEmpty && !options.diff {
            output.out(rendered, terminator: "")
        }
        if let path = options.writeBaseline,
            !Baseline.write(split.current, of: report, to: path, sarifPaths: sarifPaths, quiet: options.quiet, output: output) {
            return 2
        }
        // With --diff, standard output carries the diff (the report only goes to --output).
        if options.diff { output.out(fixes.diff, terminator: "") }
        if !options.quiet { output.error(TextReporter.summary(report)) }
        if options.stats { output.error(Statistics.line(files: run.fileCount, bytes: run.byteCount, lines: run.lineCount, since: started, jobs: options.jobs)) }

        if !errors.isEmpty || fixes.failed { return 2 }
        // Writing a baseline accepts every current finding.
        if options.writeBaseline != nil { return 0 }
        let failLevel = Severity(rawValue: options.failLevel) ?? .warning
        return findings.contains { $0.severity >= failLevel } ? 1 : 0
    }
}
