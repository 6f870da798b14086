import LeakRules

/// What the command says about its rules: the `leaklint rules` table and the
/// message for an unknown rule id.
enum RuleCatalog {
    static func table() -> String {
        let rules = RuleRegistry.all
        let idWidth = max(4, rules.map(\.id.count).max() ?? 0)
        let severityWidth = max(8, rules.map(\.severity.rawValue.count).max() ?? 0)
        func row(_ id: String, _ severity: String, _ title: String) -> String {
            id.padding(idWidth) + "  " + severity.padding(severityWidth) + "  " + title
        }
        var lines = [row("RULE", "SEVERITY", "TITLE")]
        lines += rules.map { row($0.id, $0.severity.rawValue, $0.title) }
        lines.append("")
        lines.append("'leaklint explain RULE' shows a rule's documentation.")
        return lines.joined(separator: "\n")
    }

    static func unknownRuleMessage(_ id: String) -> String {
        var message = "unknown rule \(id)"
        if let suggestion = Suggestion.closest(to: id, among: RuleRegistry.ids) { message += " (did you mean \(suggestion)?)" }
        return message + "; 'leaklint rules' lists them"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
