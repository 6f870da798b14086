import GoSyntax
import LeakAnalysis

/// `unused-suppression`: a leaklint suppression comment that silences
/// nothing is noise that hides future findings; say so.
///
/// It does not inspect nodes: the linter calls `findings` after applying a
/// file's suppressions. Only directives naming rules that ran are judged,
/// so `//nolint:errcheck` (another linter's) or a rule disabled with
/// `--disable` is never reported.
enum UnusedSuppressionRule {
    static let id = "unused-suppression"

    static let rule = Rule(
        id: id, title: "suppression comment that suppresses nothing", severity: .warning, kinds: []
    ) { _, _ in }

    static func findings(
        _ directives: [SuppressionDirective], used: [Set<String>], activeRules: Set<String>, path: String
    ) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, directive) in directives.enumerated() {
            let ours = directive.ruleIDs.filter { activeRules.contains($0) && $0 != id }
            guard !ours.isEmpty else { continue }
            if !directive.hasReason {
                result.append(Diagnostic(
                    ruleID: id, severity: rule.severity, path: path, start: directive.start, end: directive.end,
                    message: "suppression comment needs a reason after the rule id"))
                continue
            }
            if let unused = ours.first(where: { !used[index].contains($0) }) {
                result.append(Diagnostic(
                    ruleID: id, severity: rule.severity, path: path, start: directive.start, end: directive.end,
                    message: "this suppression comment matches no \(unused) finding; remove it"))
            }
        }
        return result
    }
}
