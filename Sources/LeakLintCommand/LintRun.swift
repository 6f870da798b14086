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

    /// Lints `reported` files, reading `context` files (siblings) only for declarations.
    static func run(reported: [String], context: [String], rules: [Rule], goVersion: GoVersion?, jobs: Int) -> LintRun {
        var run = LintRun()
        let all = reported + context
        let reportedCount = reported.count
        let loaded = ParallelMap.run(count: all.count, jobs: jobs) { index -> LoadedFile in
            LoadedFile.load(path: all[index], isReported: index < reportedCount)
        }
        var parsed: [PackageLoader.ParsedFile] = []
        for file in loaded {
            if file.isReported {
                run.fileCount += 1
                run.byteCount += file.byteCount
                run.errors += file.errors
            }
            if let tree = file.tree, file.errors.isEmpty || !file.isReported {
                parsed.append(PackageLoader.ParsedFile(path: file.path, tree: tree, isReported: file.isReported))
            }
        }
        let groups = PackageLoader.groups(from: parsed, versions: ModuleVersions())
            .filter { group in group.files.contains { $0.isReported } }
        let linter = Linter(rules: rules)
        let perPackage = ParallelMap.run(count: groups.count, jobs: jobs) { index -> [PrintedFinding] in
            let package = PackageLoader.package(of: groups[index], override: goVersion)
            return LintRun.printable(linter.lint(package), package: package)
        }
        run.findings = perPackage.flatMap { $0 }.sorted { lhs, rhs in
            (lhs.path, lhs.line, lhs.column, lhs.ruleID, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.ruleID, rhs.message)
        }
        run.errors.sort { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
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
