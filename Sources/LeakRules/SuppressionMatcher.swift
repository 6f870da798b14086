/// Decides which suppression directives cover each finding of a file, and
/// remembers which rules each directive silenced.
///
/// Trying every directive for every finding made a file with a directive
/// on each line quadratic. Line directives are indexed by the lines they
/// cover (their own, and the next when the comment stands alone), and
/// file-wide ones are summarised once per rule, so each finding costs the
/// few directives on its line.
struct SuppressionMatcher {
    let directives: [SuppressionDirective]
    /// Per directive: the rules of the findings it covered.
    private(set) var used: [Set<String>]
    /// Directive checks made so far; tests check that it grows linearly.
    private(set) var checks = 0
    /// Indices of line directives, by covered line, in directive order.
    private var byLine: [Int: [Int]] = [:]
    private var fileWide: [Int] = []
    /// Per rule: whether a file-wide directive covers it, and the first such with a reason.
    private var fileWideByRule: [String: (covers: Bool, firstWithReason: Int?)] = [:]

    init(_ directives: [SuppressionDirective]) {
        self.directives = directives
        used = [Set<String>](repeating: [], count: directives.count)
        for (index, directive) in directives.enumerated() {
            switch directive.scope {
            case .file:
                fileWide.append(index)
            case .line:
                byLine[directive.line, default: []].append(index)
                if directive.standsAlone { byLine[directive.line + 1, default: []].append(index) }
            }
        }
    }

    /// How a finding of `ruleID` on `line` is suppressed, or nil when no
    /// directive covers it. Of several covering directives, the first (in
    /// source order) that gives a reason speaks for them all.
    mutating func suppression(line: Int, ruleID: String) -> AppliedSuppression? {
        var covered = false
        var firstWithReason: Int?
        for index in byLine[line] ?? [] {
            checks += 1
            guard directives[index].covers(line: line, ruleID: ruleID) else { continue }
            covered = true
            used[index].insert(ruleID)
            if firstWithReason == nil && !directives[index].reason.isEmpty { firstWithReason = index }
        }
        let wide = fileWide(covering: ruleID)
        if wide.covers {
            covered = true
            if let index = wide.firstWithReason, firstWithReason.map({ index < $0 }) ?? true { firstWithReason = index }
        }
        guard covered else { return nil }
        return AppliedSuppression(justification: firstWithReason.map { directives[$0].reason })
    }

    /// Marks the file-wide directives used by the rules that had findings
    /// (`ruleIDs`); called once, after every finding was matched.
    mutating func finish(ruleIDs: Set<String>) {
        for index in fileWide {
            for ruleID in ruleIDs {
                checks += 1
                if directives[index].covers(line: 0, ruleID: ruleID) { used[index].insert(ruleID) }
            }
        }
    }

    private mutating func fileWide(covering ruleID: String) -> (covers: Bool, firstWithReason: Int?) {
        if let known = fileWideByRule[ruleID] { return known }
        var result: (covers: Bool, firstWithReason: Int?) = (false, nil)
        for index in fileWide {
            checks += 1
            guard directives[index].covers(line: 0, ruleID: ruleID) else { continue }
            result.covers = true
            if !directives[index].reason.isEmpty {
                result.firstWithReason = index
                break
            }
        }
        fileWideByRule[ruleID] = result
        return result
    }
}
