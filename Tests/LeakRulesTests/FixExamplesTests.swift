import Foundation
import GoSyntax
import LeakAnalysis
import Testing
@testable import LeakRules

/// Every suggested fix on the examples in `Rules/`, applied on its own:
/// the file still parses, the finding it fixes is gone, and no finding
/// appears that was not there before (a `defer` put in a loop would show
/// as a defer-in-loop finding). Rules whose remedy is mechanical must offer
/// at least one fix on their examples; the others none.
@Suite struct FixExamples {
    static let rulesWithFixes: Set<String> = [
        "lost-cancel", "unclosed-body", "unstopped-timer", "loop-var-capture", "unclosed-resource", "goroutine-send-leak",
    ]

    /// What identifies a finding across an edit of its file: rule, file, start offset.
    struct Key: Hashable, CustomStringConvertible {
        var ruleID: String
        var path: String
        var start: Int32
        var description: String { "\((path as NSString).lastPathComponent)@\(start) (\(ruleID))" }
    }

    /// The findings of every rule on the given files (of one rule folder).
    static func lint(_ files: [(path: String, source: String)]) -> [Diagnostic] {
        let parsed = files.map { PackageLoader.ParsedFile(path: $0.path, tree: GoParser.parse($0.source), isReported: true) }
        var result: [Diagnostic] = []
        for package in PackageLoader.packages(from: parsed, versions: ModuleVersions()) {
            var configuration = Configuration()
            if let first = package.files.first, let path = Configuration.find(from: (first.path as NSString).deletingLastPathComponent),
                case .success(let loaded) = Configuration.load(path: path, knownRules: RuleRegistry.ids) {
                configuration = loaded
            }
            result += Linter(rules: RuleRegistry.all, configuration: configuration).lint(package)
        }
        return result
    }

    /// Where `offset` of the original file is after `edits`.
    static func shifted(_ offset: Int32, by edits: [TextEdit]) -> Int32 {
        edits.filter { $0.end <= offset }.reduce(offset) { $0 + Int32($1.replacement.utf8.count) - ($1.end - $1.start) }
    }

    @Test(arguments: RuleRegistry.ids)
    func everyFixParsesAndRemovesItsFindingAlone(ruleID: String) throws {
        let folder = try ExampleFolder(ruleID: ruleID)
        let before = FixExamples.lint(folder.files)
        var fixes = 0
        for diagnostic in before where diagnostic.ruleID == ruleID {
            guard let fix = diagnostic.fix, let index = folder.files.firstIndex(where: { $0.path == diagnostic.path }) else { continue }
            fixes += 1
            let outcome = FixApplier.apply([fix.edits], to: Array(folder.files[index].source.utf8))
            #expect(outcome.applied == [0])
            #expect(outcome.syntaxError == nil, "\(diagnostic.path): fix \(fix.message) breaks the syntax: \(String(describing: outcome.syntaxError))")
            var files = folder.files
            files[index].source = String(decoding: outcome.source, as: UTF8.self)
            func key(_ finding: Diagnostic, edits: [TextEdit]) -> Key {
                Key(ruleID: finding.ruleID, path: finding.path,
                    start: finding.path == diagnostic.path ? FixExamples.shifted(finding.start, by: edits) : finding.start)
            }
            let fixed = key(diagnostic, edits: fix.edits)
            let expected = Set(before.filter { $0 != diagnostic }.map { key($0, edits: fix.edits) })
            let after = Set(FixExamples.lint(files).map { key($0, edits: []) })
            #expect(!after.contains(fixed), "fix \"\(fix.message)\" leaves its finding \(fixed)")
            #expect(after.isSubset(of: expected), "fix \"\(fix.message)\" for \(fixed) brings new findings: \(after.subtracting(expected))")
        }
        if FixExamples.rulesWithFixes.contains(ruleID) {
            #expect(fixes > 0, "no finding of \(ruleID) has a fix")
        } else {
            #expect(fixes == 0, "\(ruleID) offers fixes; add it to rulesWithFixes")
        }
    }

    @Test(arguments: RuleRegistry.ids)
    func allFixesOfAFileTogetherStillParse(ruleID: String) throws {
        let folder = try ExampleFolder(ruleID: ruleID)
        let before = FixExamples.lint(folder.files)
        for file in folder.files {
            let fixes = before.filter { $0.path == file.path }.compactMap(\.fix).map(\.edits)
            guard !fixes.isEmpty else { continue }
            let outcome = FixApplier.apply(fixes, to: Array(file.source.utf8))
            #expect(outcome.syntaxError == nil, "\(file.path): \(String(describing: outcome.syntaxError))")
            #expect(outcome.invalid.isEmpty)
        }
    }
}
