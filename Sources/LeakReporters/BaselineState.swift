/// Whether a finding was already in the baseline, in SARIF's words: code
/// scanning keeps "unchanged" alerts open and opens "new" ones, while a
/// result left out of the file would be closed as fixed.
public enum BaselineState: String, Sendable, Equatable {
    case new
    case unchanged
}

extension ReportedFinding {
    /// The report order: path, line, column, rule, message (the fingerprint breaks ties).
    public static func inReportOrder(_ lhs: ReportedFinding, _ rhs: ReportedFinding) -> Bool {
        (lhs.path, lhs.location.start.line, lhs.location.start.column, lhs.ruleID, lhs.message, lhs.fingerprint)
            < (rhs.path, rhs.location.start.line, rhs.location.start.column, rhs.ruleID, rhs.message, rhs.fingerprint)
    }
}

extension Report {
    /// Every finding of the run, reported or hidden by the baseline or a
    /// suppression comment, in report order: what SARIF lists as results.
    public var allFindings: [ReportedFinding] {
        guard !baselined.isEmpty || !suppressed.isEmpty else { return findings }
        return (findings + baselined + suppressed).sorted(by: ReportedFinding.inReportOrder)
    }
}
