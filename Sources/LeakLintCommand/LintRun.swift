import Foundation
import GoSyntax
import LeakAnalysis
import LeakRules

/// One lint of a set of files: read and parse them in parallel, group them
/// into packages, run the rules per package in parallel, and return the
/// findings and errors ready to print, in a deterministic order.
struct LintRun {
    /// A finding with its positions already turned into line:column.
    struct PrintedFinding: Sendable {
        var path: String
        var line: Int
        var column: Int
        var ruleID: String
        var severity: Severity
        var message: String
        var related: [(path: String, line: Int, column: Int, message: String)]
    }

    /// A syntax error or an unreadable path.
    struct PrintedError: Sendable {
        var path: String
        var line: Int
        var column: Int
        var text: String
    }

    var findings: [PrintedFinding] = []
    var errors: [PrintedError] = []
    var fileCount = 0
    var byteCount = 0

    /// Lints `reported` files, reading `context` files (siblings) only for
    /// declarations. Work is split by directory: each worker reads, parses
    /// and lints one directory's packages and keeps only the printed
    /// results, so memory holds a few directories' trees at a time, not the
    /// whole tree's.
    static func run(reported: [String], context: [String], rules: [Rule], goVersion: GoVersion?, jobs: Int) -> LintRun {
        var byDirectory: [String: [(path: String, isReported: Bool)]] = [:]
        for path in reported { byDirectory[PackageLoader.directory(of: path), default: []].append((path, true)) }
        for path in context { byDirectory[PackageLoader.directory(of: path), default: []].append((path, false)) }
        let directories = byDirectory.keys.sorted()
        let work = directories.map { byDirectory[$0] ?? [] }
        let versions = ModuleVersions()
        let moduleVersions = directories.map { versions.version(forDirectory: $0) }
        let linter = Linter(rules: rules)
        let results = ParallelMap.run(count: directories.count, jobs: jobs) { index -> LintRun in
            lintDirectory(
                work[index], moduleVersion: moduleVersions[index], linter: linter, goVersion: goVersion)
        }
        var run = LintRun()
        for result in results {
            run.findings += result.findings
            run.errors += result.errors
            run.fileCount += result.fileCount
            run.byteCount += result.byteCount
        }
        run.findings.sort { lhs, rhs in
            (lhs.path, lhs.line, lhs.column, lhs.ruleID, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.ruleID, rhs.message)
        }
        run.errors.sort { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
        return run
    }

    /// Reads, parses and lints the files of one directory.
    static func lintDirectory(
        _ files: [(path: String, isReported: Bool)], moduleVersion: GoVersion?, linter: Linter, goVersion: GoVersion?
    ) -> LintRun {
        var run = LintRun()
        var parsed: [PackageLoader.ParsedFile] = []
        for (path, isReported) in files {
            let file = LoadedFile.load(path: path, isReported: isReported)
            if isReported {
                run.fileCount += 1
                run.byteCount += file.byteCount
                run.errors += file.errors
            }
            // A reported file with syntax errors is not linted: its tree is incomplete.
            if let tree = file.tree, file.errors.isEmpty || !isReported {
                parsed.append(PackageLoader.ParsedFile(path: path, tree: tree, isReported: isReported))
            }
        }
        var names: [String: [PackageLoader.ParsedFile]] = [:]
        for file in parsed {
            let root = file.tree[file.tree.root]
            guard root.kind == .file, root.childA.exists else { continue }
            names[file.tree.text(root.childA), default: []].append(file)
        }
        for name in names.keys.sorted() {
            guard let members = names[name], members.contains(where: { $0.isReported }) else { continue }
            let package = PackageLoader.package(of: PackageLoader.Group(files: members, moduleVersion: moduleVersion), override: goVersion)
            run.findings += printable(linter.lint(package), package: package)
        }
        return run
    }

    static func printable(_ diagnostics: [Diagnostic], package: AnalyzedPackage) -> [PrintedFinding] {
        var tables: [String: LineTable] = [:]
        func position(_ path: String, _ offset: Int32) -> (Int, Int) {
            if tables[path] == nil, let file = package.files.first(where: { $0.path == path }) {
                tables[path] = file.tree.makeLineTable()
            }
            return tables[path]?.position(ofOffset: Int(offset)) ?? (1, 1)
        }
        return diagnostics.map { diagnostic in
            let (line, column) = position(diagnostic.path, diagnostic.start)
            return PrintedFinding(
                path: diagnostic.path, line: line, column: column, ruleID: diagnostic.ruleID, severity: diagnostic.severity,
                message: diagnostic.message,
                related: diagnostic.related.map { related in
                    let (relatedLine, relatedColumn) = position(related.path, related.start)
                    return (related.path, relatedLine, relatedColumn, related.message)
                })
        }
    }
}

/// A file read and parsed on a worker thread.
struct LoadedFile: Sendable {
    var path: String
    var isReported: Bool
    var tree: SyntaxTree?
    var byteCount = 0
    var errors: [LintRun.PrintedError] = []

    static func load(path: String, isReported: Bool) -> LoadedFile {
        var file = LoadedFile(path: path, isReported: isReported)
        switch SourceReader.read(path: path) {
        case .failure(let failure):
            file.errors = [LintRun.PrintedError(path: path, line: 0, column: 0, text: "\(path): \(failure)")]
        case .success(let bytes):
            let tree = GoParser.parse(bytes)
            file.tree = tree
            file.byteCount = bytes.count
            if !tree.errors.isEmpty {
                let lines = tree.makeLineTable()
                file.errors = tree.errors.map { error in
                    let (line, column) = lines.position(ofOffset: Int(error.offset))
                    return LintRun.PrintedError(
                        path: path, line: line, column: column, text: "\(path):\(line):\(column): syntax error: \(error.message)")
                }
            }
        }
        return file
    }
}
