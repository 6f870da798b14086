import Foundation
import LeakAnalysis
import LeakReporters
import LeakRules

extension Command {
    /// The default mode: lint, report in the chosen format, and return the
    /// exit status (2 on errors, 1 on findings at or above the fail level, else 0).
    /// With `--fix` the findings are those left after fixing; with `--diff`
    /// the diff takes the report's place on standard output.
    static func lint(options: Options, output: OutputSink, standardInput: () -> [UInt8]) -> Int32 {
        let started = Date()
        var configuration = Configuration()
        let configurationPath = options.configPath ?? Configuration.find(from: configurationSearchStart(options))
        if let path = configurationPath {
            switch Configuration.load(path: path, knownRules: RuleRegistry.ids) {
            case .success(let loaded): configuration = loaded
            case .failure(let problem):
                output.error("leaklint: \(problem)")
                return 2
            }
        }
        let rules: [Rule]
        switch selectedRules(options, configuration: configuration) {
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
        var baseline: Set<String> = []
        if let path = options.baseline {
            switch Baseline.fingerprints(inReportAt: path) {
            case .success(let fingerprints): baseline = fingerprints
            case .failure(let problem):
                output.error("leaklint: \(problem.message)")
                return 2
            }
        }

        let currentDirectory = FileManager.default.currentDirectoryPath
        var input = LintRun.Input(reported: [], context: [], display: { DisplayPath.relative($0, to: currentDirectory) })
        if let path = options.standardInputPath {
            // The buffer stands in for `path`; its directory provides go.mod and sibling declarations.
            input.standardInput = (FileDiscovery.clean(path), standardInput())
            input.context = FileDiscovery.goFiles(inDirectoryOf: path)
            if !options.paths.isEmpty || options.filesFrom != nil {
                guard let discovery = discover(options: options, output: output, standardInput: standardInput) else { return 2 }
                input.reported = discovery.files
            }
        } else {
            guard let discovery = discover(options: options, output: output, standardInput: standardInput) else { return 2 }
            input.reported = discovery.files
            input.context = discovery.siblingsOfExplicitFiles()
            for problem in discovery.problems {
                input.problems.append(ReportedError(path: DisplayPath.relative(problem.path, to: currentDirectory), position: nil, message: problem.message))
            }
        }
        var run = LintRun.run(input, rules: rules, configuration: configuration, goVersion: goVersion, jobs: options.jobs)

        var findings = run.findings.filter { !baseline.contains($0.fingerprint) }
        var fixes = FixMode.Outcome()
        if options.fix || options.diff {
            let buffer = input.standardInput.map { (path: input.display($0.path), bytes: $0.bytes) }
            fixes = FixMode.run(findings, standardInput: buffer, write: options.fix, quiet: options.quiet, output: output)
            if fixes.rewroteFiles {
                // What is left, at its place in the rewritten files.
                run = LintRun.run(input, rules: rules, configuration: configuration, goVersion: goVersion, jobs: options.jobs)
                findings = run.findings.filter { !baseline.contains($0.fingerprint) }
            }
        }
        let errors = (input.problems + run.errors).sorted { ($0.path, $0.position?.line ?? 0) < ($1.path, $1.position?.line ?? 0) }
        let report = Report(
            findings: findings, errors: errors, rules: Linter(rules: rules, configuration: configuration).rules, filesChecked: run.fileCount,
            seconds: Date().timeIntervalSince(started))

        let rendered: String
        switch options.format {
        case .text:
            rendered = TextReporter.render(report, style: options.output == nil && output.usesColour ? .colour : .plain)
        case .json:
            rendered = JSONReporter.render(report)
        case .sarif:
            let paths = SARIFReporter.Paths(
                sourceRoot: SourceRoot.find(from: currentDirectory), currentDirectory: currentDirectory)
            rendered = SARIFReporter.render(report, paths: paths)
        }
        // Errors go to standard error in text form whatever the report format.
        for error in errors { output.error(error.text) }
        if let path = options.output {
            if let failure = AtomicFile.write(rendered, to: path) {
                output.error("leaklint: cannot write \(path): \(failure); the previous file, if any, is unchanged")
                return 2
            }
        } else if !rendered.isEmpty && !options.diff {
            output.out(rendered, terminator: "")
        }
        // With --diff, standard output carries the diff (the report only goes to --output).
        if options.diff { output.out(fixes.diff, terminator: "") }
        if !options.quiet { output.error(TextReporter.summary(report)) }

        if !errors.isEmpty || fixes.failed { return 2 }
        let failLevel = Severity(rawValue: options.failLevel) ?? .warning
        return findings.contains { $0.severity >= failLevel } ? 1 : 0
    }
}

extension Command {
    /// Where to look for `.leaklint.json`: the directory of the first path
    /// argument (or of the buffer given on standard input), else the current directory.
    static func configurationSearchStart(_ options: Options) -> String {
        let first = options.standardInputPath ?? options.paths.first ?? "."
        var path = first
        if path.hasSuffix("/...") { path = String(path.dropLast(4)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return path }
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}

/// How paths are printed: relative to the current directory when below it,
/// as people and editors expect; otherwise as given.
enum DisplayPath {
    static func relative(_ path: String, to currentDirectory: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// The repository root SARIF paths are relative to: the nearest ancestor of
/// the current directory holding `.git`, or the current directory.
enum SourceRoot {
    static func find(from directory: String) -> String {
        var current = ModuleVersions.absolute(directory)
        while true {
            if FileManager.default.fileExists(atPath: current + "/.git") { return current }
            guard current != "/", let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        return ModuleVersions.absolute(directory)
    }
}

/// Writes a file so that readers see either the old or the new contents,
/// never half of one: a temporary file in the same directory, then rename.
enum AtomicFile {
    /// nil on success, else what went wrong.
    static func write(_ text: String, to path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).leaklint-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return reason
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return (error as NSError).localizedDescription
        }
    }
}

/// Reads the fingerprints of an earlier report, JSON or SARIF.
enum Baseline {
    static func fingerprints(inReportAt path: String) -> Result<Set<String>, Options.UsageError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Options.UsageError(message: "cannot read baseline \(path)"))
        }
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(Options.UsageError(message: "baseline \(path) is not a leaklint JSON or SARIF report"))
        }
        var result: Set<String> = []
        if let runs = document["runs"] as? [[String: Any]] {
            for run in runs {
                for case let entry as [String: Any] in run["results"] as? [Any] ?? [] {
                    if let fingerprints = entry["partialFingerprints"] as? [String: Any],
                        let value = fingerprints[Fingerprint.sarifKey] as? String {
                        result.insert(value)
                    }
                }
            }
            return .success(result)
        }
        if let findings = document["findings"] as? [[String: Any]] {
            for finding in findings {
                if let value = finding["fingerprint"] as? String { result.insert(value) }
            }
            return .success(result)
        }
        return .failure(Options.UsageError(message: "baseline \(path) has neither SARIF runs nor leaklint findings"))
    }
}
