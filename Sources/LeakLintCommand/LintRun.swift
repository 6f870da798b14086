import FilePaths
import Foundation
import GoSyntax
import LeakAnalysis
import LeakReporters
import LeakRules

/// One lint of a set of files: read, parse and lint them directory by
/// directory on worker threads, and return findings and errors with their
/// positions resolved, in a deterministic order.
struct LintRun {
    var findings: [ReportedFinding] = []
    /// Findings silenced by suppression comments, in the same order.
    var suppressed: [ReportedFinding] = []
    var errors: [ReportedError] = []
    /// What the run worked around (an unreadable `go.mod`), in the order met.
    var warnings: [RunWarning] = []
    var fileCount = 0
    var byteCount = 0
    var lineCount = 0

    /// What to lint.
    struct Input: Sendable {
        /// Files findings are reported for.
        var reported: [String]
        /// Files read only for their declarations (siblings of named files).
        var context: [String]
        /// Source given on standard input, reported under this path instead of reading it.
        var standardInput: (path: String, bytes: [UInt8])?
        /// How paths are printed (relative to the current directory when below it).
        var display: @Sendable (String) -> String = { $0 }
        /// Path arguments that could not be used, reported with the run's errors.
        var problems: [ReportedError] = []
        /// Files named explicitly: read even when generated or excluded from every build.
        var explicit: Set<String> = []
        /// Lint generated files found by listing directories too.
        var includeGenerated = false
        /// Count the lines of reported files (for `--stats`).
        var countLines = false
        /// Where each reported file's identity is taken from.
        var roots = RunRoots(sourceRoot: "/", identities: [:])
    }

    /// The repository roots of a run's files: SARIF's `%SRCROOT%` and each
    /// reported file's path relative to its root, which fingerprints hash.
    struct RunRoots: Sendable {
        var sourceRoot: String
        var identities: [String: String]
    }

    /// Finds the roots of every reported file (and of the buffer on standard
    /// input). Without a repository, `%SRCROOT%` is the current directory, or
    /// the first file's directory when the current directory is unknown.
    static func roots(
        for input: Input, workingDirectory: String, knowsWorkingDirectory: Bool = true, finder: RepositoryRoots
    ) -> RunRoots {
        var paths = input.reported
        if let stdin = input.standardInput { paths.append(stdin.path) }
        var identities: [String: String] = [:]
        for path in paths { identities[path] = finder.identity(ofFile: path, workingDirectory: workingDirectory) }
        let first = paths.min().map { PathText.directory(of: PathText.absolute($0, from: workingDirectory)) } ?? workingDirectory
        let sourceRoot = knowsWorkingDirectory
            ? finder.root(ofDirectory: first) ?? finder.root(ofDirectory: workingDirectory) ?? workingDirectory
            : finder.root(ofDirectory: first) ?? first
        return RunRoots(sourceRoot: sourceRoot, identities: identities)
    }

    /// Work is split by directory: each worker reads, parses and lints one
    /// directory's packages and keeps only the resolved findings, so memory
    /// holds a few directories' trees at a time, not the whole tree's.
    static func run(
        _ input: Input, rules: [Rule], configuration: Configuration = Configuration(), goVersion: GoVersion?, jobs: Int
    ) throws(ParallelMap.StartFailure) -> LintRun {
        var byDirectory: [String: [(path: String, isReported: Bool)]] = [:]
        var reported = input.reported
        if let stdin = input.standardInput, !reported.contains(stdin.path) { reported.append(stdin.path) }
        for path in reported { byDirectory[PackageLoader.directory(of: path), default: []].append((path, true)) }
        for path in input.context where path != input.standardInput?.path {
            byDirectory[PackageLoader.directory(of: path), default: []].append((path, false))
        }
        let directories = byDirectory.keys.sorted()
        let work = directories.map { byDirectory[$0] ?? [] }
        let versions = ModuleVersions()
        let moduleVersions = directories.map { versions.version(forDirectory: $0) }
        let moduleWarnings = versions.problems.map { problem in
            RunWarning(path: input.display(problem.path), message: "\(problem.message); \(ModuleVersions.unknownVersionConsequence)")
        }
        let linter = Linter(rules: rules, configuration: configuration)
        let options = DirectoryOptions(
            standardInput: input.standardInput, explicit: input.explicit, includeGenerated: input.includeGenerated,
            countLines: input.countLines, identities: input.roots.identities)
        let display = input.display
        let results = try ParallelMap.run(count: directories.count, jobs: jobs) { index -> LintRun in
            lintDirectory(
                work[index], moduleVersion: moduleVersions[index], linter: linter, goVersion: goVersion,
                options: options, display: display)
        }
        var run = LintRun()
        run.warnings = moduleWarnings
        for result in results {
            run.findings += result.findings
            run.suppressed += result.suppressed
            run.errors += result.errors
            run.fileCount += result.fileCount
            run.byteCount += result.byteCount
            run.lineCount += result.lineCount
        }
        run.findings.sort { lhs, rhs in
            (lhs.path, lhs.location.start.line, lhs.location.start.column, lhs.ruleID, lhs.message)
                < (rhs.path, rhs.location.start.line, rhs.location.start.column, rhs.ruleID, rhs.message)
        }
        run.suppressed.sort(by: ReportedFinding.inReportOrder)
        run.errors.sort { ($0.path, $0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.path, $1.position?.line ?? 0, $1.position?.column ?? 0) }
        return run
    }

    /// What every directory's lint needs to know beyond its files.
    struct DirectoryOptions: Sendable {
        var standardInput: (path: String, bytes: [UInt8])?
        var explicit: Set<String>
        var includeGenerated: Bool
        var countLines: Bool
        var identities: [String: String]
    }

    /// Reads, parses and lints the files of one directory.
    static func lintDirectory(
        _ files: [(path: String, isReported: Bool)], moduleVersion: GoVersion?, linter: Linter, goVersion: GoVersion?,
        options: DirectoryOptions, display: @escaping (String) -> String
    ) -> LintRun {
        var run = LintRun()
        var parsed: [PackageLoader.ParsedFile] = []
        for (path, listed) in files {
            let isStandardInput = path == options.standardInput?.path
            let source = isStandardInput ? options.standardInput?.bytes : nil
            var file = LoadedFile.load(path: path, isReported: listed, source: source, display: display)
            // Found by listing a directory: generated files become context, `//go:build ignore` programs are no part of the package.
            let named = isStandardInput || options.explicit.contains(path)
            var isReported = listed
            if !named, let tree = file.tree {
                if BuildConstraint(in: tree)?.excludesEveryBuild == true { continue }
                if listed && !options.includeGenerated && GeneratedCode.isGenerated(tree) {
                    isReported = false
                    file.errors = []
                }
            }
            if isReported {
                run.fileCount += 1
                run.byteCount += file.byteCount
                run.errors += file.errors
                if options.countLines, let tree = file.tree { run.lineCount += LoadedFile.lineCount(tree.source) }
            }
            // A reported file with syntax errors is not linted: its tree is incomplete.
            if let tree = file.tree, file.errors.isEmpty || !isReported {
                parsed.append(PackageLoader.ParsedFile(path: path, tree: tree, isReported: isReported))
            }
        }
        var names: [String: [PackageLoader.ParsedFile]] = [:]
        for file in parsed {
            guard let packageName = file.tree.packageClauseName else { continue }
            names[file.tree.text(packageName), default: []].append(file)
        }
        for name in names.keys.sorted() {
            guard let members = names[name], members.contains(where: { $0.isReported }) else { continue }
            let package = PackageLoader.package(of: PackageLoader.Group(files: members, moduleVersion: moduleVersion), override: goVersion)
            var resolver = FindingResolver(package: package, display: display, identities: options.identities)
            let diagnostics = linter.lint(package, keepingSuppressed: true)
            // Resolved apart, so that suppressed findings never shift the others' fingerprints.
            run.findings += resolver.resolve(diagnostics.filter { $0.suppression == nil })
            run.suppressed += resolver.resolve(diagnostics.filter { $0.suppression != nil })
        }
        return run
    }
}

/// A file read and parsed on a worker thread.
struct LoadedFile: Sendable {
    var path: String
    var isReported: Bool
    var tree: SyntaxTree?
    var byteCount = 0
    var errors: [ReportedError] = []

    /// Reads `path` (or takes `source`, for standard input) and parses it.
    static func load(path: String, isReported: Bool, source: [UInt8]? = nil, display: (String) -> String = { $0 }) -> LoadedFile {
        var file = LoadedFile(path: path, isReported: isReported)
        let bytes: [UInt8]
        if let source {
            bytes = source
        } else {
            switch SourceReader.read(path: path) {
            case .failure(let failure):
                file.errors = [ReportedError(path: display(path), position: nil, message: "\(failure)")]
                return file
            case .success(let read):
                bytes = read
            }
        }
        let tree = GoParser.parse(bytes)
        file.tree = tree
        file.byteCount = bytes.count
        if !tree.errors.isEmpty {
            let positions = PositionResolver(tree: tree)
            file.errors = tree.errors.map { error in
                ReportedError(path: display(path), position: positions.position(Int(error.offset)), message: "syntax error: \(error.message)")
            }
        }
        return file
    }

    /// Newlines in a file, for `--stats`.
    static func lineCount(_ source: [UInt8]) -> Int {
        source.withUnsafeBufferPointer { buffer in
            var count = 0
            for byte in buffer where byte == 0x0A { count += 1 }
            return count
        }
    }
}
