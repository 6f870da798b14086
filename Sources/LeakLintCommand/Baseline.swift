import Foundation
import LeakReporters
import LeakRules

/// The findings a project has accepted for now, so that only new ones fail
/// the run: read from an earlier JSON or SARIF report, matched by
/// fingerprint, and written anew with `--write-baseline`.
enum Baseline {
    /// The fingerprints of the open findings of an earlier report, JSON or
    /// SARIF (`BaselineReader`). SARIF results that a comment suppressed or
    /// that are marked absent are not open, so they are left out. The file
    /// has the size limit of source files.
    static func fingerprints(inReportAt path: String) -> Result<Set<String>, Options.UsageError> {
        let bytes: [UInt8]
        switch SourceReader.read(pathAcceptingStreams: path) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failure(Options.UsageError(message: "cannot read baseline \(path): \(failure)"))
        }
        switch BaselineReader.fingerprints(in: bytes) {
        case .success(let fingerprints): return .success(fingerprints)
        case .failure(.notJSONObject):
            return .failure(Options.UsageError(message: "baseline \(path) is not a leaklint JSON or SARIF report"))
        case .failure(.neitherSARIFNorFindings):
            return .failure(Options.UsageError(message: "baseline \(path) has neither SARIF runs nor leaklint findings"))
        }
    }

    /// A run's findings sorted by what happens to them.
    struct Split {
        /// Reported: not in the baseline, not suppressed.
        var new: [ReportedFinding] = []
        /// Not suppressed, and in the baseline.
        var baselined: [ReportedFinding] = []
        /// Silenced by a comment, whether in the baseline or not.
        var suppressed: [ReportedFinding] = []

        /// Every finding that is not suppressed, in report order: the next baseline.
        var current: [ReportedFinding] {
            (new + baselined).sorted(by: ReportedFinding.inReportOrder)
        }
    }

    /// Splits a run's findings against `baseline` (nil when none was given)
    /// and, when there is one, records each finding's baseline state.
    static func split(_ findings: [ReportedFinding], suppressed: [ReportedFinding], against baseline: Set<String>?) -> Split {
        guard let baseline else { return Split(new: findings, suppressed: suppressed) }
        func marked(_ finding: ReportedFinding) -> ReportedFinding {
            var finding = finding
            finding.baselineState = baseline.contains(finding.fingerprint) ? .unchanged : .new
            return finding
        }
        var split = Split(suppressed: suppressed.map(marked))
        for finding in findings.map(marked) {
            if finding.baselineState == .unchanged {
                split.baselined.append(finding)
            } else {
                split.new.append(finding)
            }
        }
        return split
    }

    /// Whether `path` asks for a SARIF baseline (`.sarif`, `.sarif.json`); other names get leaklint JSON.
    static func isSARIF(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".sarif") || name.hasSuffix(".sarif.json")
    }

    /// Writes `findings` (the run's unsuppressed ones) to `path` as the next
    /// baseline, atomically, and says so unless `quiet`; false after printing
    /// why it could not be written.
    static func write(
        _ findings: [ReportedFinding], of report: Report, to path: String, sarifPaths: SARIFReporter.Paths, quiet: Bool,
        output: OutputSink
    ) -> Bool {
        let paths = { sarifPaths }
        let text = render(findings, rules: report.rules, filesChecked: report.filesChecked, path: path, sarifPaths: paths)
        if let failure = OutputFile.write(text, to: path, output: output) {
            output.errorLine("leaklint: cannot write baseline \(path): \(failure)")
            return false
        }
        if !quiet { output.errorLine("\(findings.count) \(findings.count == 1 ? "finding" : "findings") written to the baseline \(path)") }
        return true
    }

    /// The baseline file for `findings`: SARIF or leaklint JSON by the name
    /// of `path`. It holds the findings without baseline states or
    /// suppressions, and no errors: a baseline says what is accepted, not how a run went.
    static func render(
        _ findings: [ReportedFinding], rules: [Rule], filesChecked: Int, path: String, sarifPaths: () -> SARIFReporter.Paths
    ) -> String {
        let plain = findings.map { finding -> ReportedFinding in
            var finding = finding
            finding.baselineState = nil
            finding.suppression = nil
            return finding
        }
        let report = Report(findings: plain, errors: [], rules: rules, filesChecked: filesChecked, seconds: 0)
        return isSARIF(path) ? SARIFReporter.render(report, paths: sarifPaths()) : JSONReporter.render(report)
    }
}
