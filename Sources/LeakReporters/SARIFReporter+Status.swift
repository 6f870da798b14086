/// The members of a SARIF result that say whether code scanning should treat
/// it as open: `baselineState` relative to the baseline (only when one was
/// given, as SARIF defines it) and `suppressions` for findings silenced by a
/// comment in the source.
extension SARIFReporter {
    static func status(_ finding: ReportedFinding) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let state = finding.baselineState {
            members.append(("baselineState", .string(state.rawValue)))
        }
        if let suppression = finding.suppression {
            var entry: [(String, JSONValue)] = [("kind", .string("inSource"))]
            if let justification = suppression.justification {
                entry.append(("justification", .string(justification)))
            }
            members.append(("suppressions", .array([.object(entry)])))
        }
        return members
    }
}
