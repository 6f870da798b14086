import GoSyntax
import LeakAnalysis
import LeakReporters
import LeakRules

/// What one fuzz input is put through, the way `leaklint` treats a
/// directory: parse, group by package clause, analyse, lint with every rule,
/// resolve positions and render the findings. Exists so that the libFuzzer
/// entry point and the reproducing executable run exactly the same code.
enum FuzzPipeline {
    /// The module version the packages are analysed with: old enough that
    /// the version-dependent rules (loop variables, timers) all run.
    static let moduleVersion = GoVersion(1, 21)
    /// Inputs below this size also get their trees dumped (dumps are
    /// quadratic-ish in nesting and would dominate larger inputs).
    static let dumpLimit = 4096
    static let linter = Linter(rules: RuleRegistry.all)

    /// Returns how many findings both variants produced together.
    @discardableResult
    static func run(_ bytes: [UInt8]) -> Int {
        // The whole input as one file.
        let single = lint([FuzzFile(path: "fuzz/a.go", bytes: bytes, isReported: true)])
        // The input as two files of one directory, to exercise the package scope.
        let (first, second) = split(bytes)
        let b = FuzzFile(path: "fuzz/b.go", bytes: second, isReported: true)
        // A sibling with syntax errors is still read for its declarations
        // when only `a.go` is named (`leaklint fuzz/a.go`); a clean one is
        // reported as when the directory is named.
        let sibling = b.tree.errors.isEmpty ? b : FuzzFile(path: b.path, tree: b.tree, isReported: false)
        return single + lint([FuzzFile(path: "fuzz/a.go", bytes: first, isReported: true), sibling])
    }

    /// Splits at the first NUL byte (dropping it), or half-way when there is none.
    static func split(_ bytes: [UInt8]) -> ([UInt8], [UInt8]) {
        if let nul = bytes.firstIndex(of: 0) {
            return (Array(bytes[..<nul]), Array(bytes[(nul + 1)...]))
        }
        let middle = bytes.count / 2
        return (Array(bytes[..<middle]), Array(bytes[middle...]))
    }

    /// Lints one directory's files as `LintRun.lintDirectory` does:
    /// reported files with syntax errors are left out, the rest are grouped
    /// by package name, and each group with a reported file is linted.
    /// Returns the number of findings.
    static func lint(_ files: [FuzzFile]) -> Int {
        var errors: [ReportedError] = []
        var members: [String: [PackageLoader.ParsedFile]] = [:]
        for file in files {
            if file.tree.source.count < dumpLimit {
                _ = file.tree.dump()
                _ = file.tree.sexpr()
            }
            if file.isReported {
                let lines = file.tree.makeLineTable()
                errors += file.tree.errors.map { error in
                    ReportedError(
                        path: file.path, position: FuzzPositions.position(Int(error.offset), in: file.tree, lines: lines),
                        message: "syntax error: \(error.message)")
                }
            }
            guard file.tree.errors.isEmpty || !file.isReported else { continue }
            guard let packageName = file.tree.packageClauseName else { continue }
            members[file.tree.text(packageName), default: []].append(
                PackageLoader.ParsedFile(path: file.path, tree: file.tree, isReported: file.isReported))
        }
        var findings: [ReportedFinding] = []
        for name in members.keys.sorted() {
            guard let group = members[name], group.contains(where: { $0.isReported }) else { continue }
            let package = PackageLoader.package(of: PackageLoader.Group(files: group, moduleVersion: moduleVersion))
            let diagnostics = linter.lint(package)
            findings += FuzzFindings.resolve(diagnostics, in: package)
            applyFixes(diagnostics, in: package)
        }
        // Only the rules that fired: the rule documentation SARIF embeds does
        // not depend on the input and would dominate every run (`warmUp` renders it once).
        let fired = Set(findings.map(\.ruleID))
        render(Report(
            findings: findings, errors: errors, rules: linter.rules.filter { fired.contains($0.id) },
            filesChecked: files.filter(\.isReported).count, seconds: 0))
        return findings.count
    }

    /// Applies the suggested fixes of each reported file as `--fix` does, and
    /// diffs the result as `--diff` does; the output is thrown away.
    static func applyFixes(_ diagnostics: [Diagnostic], in package: AnalyzedPackage) {
        for file in package.files where file.isReported {
            let fixes = diagnostics.filter { $0.path == file.path }.compactMap(\.fix).map(\.edits)
            guard !fixes.isEmpty else { continue }
            let outcome = FixApplier.apply(fixes, to: file.tree.source)
            _ = UnifiedDiff.render(path: file.path, old: file.tree.source, new: outcome.source)
        }
    }

    /// Renders an empty report listing every rule, once, before fuzzing starts.
    static func warmUp() {
        render(Report(findings: [], errors: [], rules: linter.rules, filesChecked: 0, seconds: 0))
    }

    /// Renders the report in every format; the output is thrown away.
    static func render(_ report: Report) {
        _ = TextReporter.render(report)
        _ = TextReporter.summary(report)
        _ = JSONReporter.render(report)
        _ = SARIFReporter.render(report, paths: SARIFReporter.Paths(sourceRoot: "/fuzz-root", currentDirectory: "/fuzz-root"))
    }
}

/// One file of a fuzzed package: its path, parsed tree and whether its
/// findings are reported (a sibling may be read only for declarations).
struct FuzzFile {
    var path: String
    var tree: SyntaxTree
    var isReported: Bool

    init(path: String, bytes: [UInt8], isReported: Bool) {
        self.init(path: path, tree: GoParser.parse(bytes), isReported: isReported)
    }

    init(path: String, tree: SyntaxTree, isReported: Bool) {
        self.path = path
        self.tree = tree
        self.isReported = isReported
    }
}
