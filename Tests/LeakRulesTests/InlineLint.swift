import GoSyntax
import LeakAnalysis
@testable import LeakRules

/// Lints Go source written in a test, as one file of one package.
enum InlineLint {
    /// A finding with its positions as `line:column`, and its related locations as `line:column message`.
    struct Finding: Equatable, CustomStringConvertible {
        var position: String
        var ruleID: String
        var message: String
        var related: [String]
        var description: String { "\(position) \(message) (\(ruleID)) \(related)" }
    }

    /// The diagnostics of `rules` for `source` (Go 1.21 unless `goVersion` says otherwise).
    static func diagnostics(
        _ source: String, path: String = "/virtual/p/a.go", rules: [Rule] = RuleRegistry.all, goVersion: String = "1.21"
    ) -> [Diagnostic] {
        let file = PackageLoader.ParsedFile(path: path, tree: GoParser.parse(source), isReported: true)
        let package = PackageLoader.package(of: PackageLoader.Group(files: [file], moduleVersion: GoVersion(parsing: goVersion)))
        return Linter(rules: rules).lint(package)
    }

    static func findings(_ source: String, rules: [Rule] = RuleRegistry.all, goVersion: String = "1.21") -> [Finding] {
        let lines = LineTable(source: Array(source.utf8))
        func position(_ offset: Int32) -> String {
            let (line, column) = lines.position(ofOffset: Int(offset))
            return "\(line):\(column)"
        }
        return diagnostics(source, rules: rules, goVersion: goVersion).map { diagnostic in
            Finding(
                position: position(diagnostic.start), ruleID: diagnostic.ruleID, message: diagnostic.message,
                related: diagnostic.related.map { "\(position($0.start)) \($0.message)" })
        }
    }
}
