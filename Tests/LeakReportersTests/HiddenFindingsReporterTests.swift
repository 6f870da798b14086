import Testing
@testable import LeakReporters
@testable import LeakRules

/// Findings hidden by the baseline or a suppression comment: how the summary
/// line counts them, how SARIF marks them, and that JSON lists only the others.
@Suite struct HiddenFindingsReporting {
    static func finding(line: Int, path: String = "pkg/a.go", state: BaselineState? = nil, suppression: AppliedSuppression? = nil) -> ReportedFinding {
        var finding = ReporterUnits.finding(line: line)
        finding.location.path = path
        finding.fingerprint = "fingerprint-\(path)-\(line)"
        finding.baselineState = state
        finding.suppression = suppression
        return finding
    }

    static func report(new: Int, baselined: Int, suppressed: Int, errors: Int = 0) -> Report {
        Report(
            findings: (0..<new).map { finding(line: 10 + $0, path: $0 == 0 ? "pkg/a.go" : "pkg/b.go") },
            errors: (0..<errors).map { _ in ReportedError(path: "pkg/c.go", position: nil, message: "unreadable") },
            rules: RuleRegistry.all, filesChecked: 9, seconds: 0.123,
            baselined: (0..<baselined).map { finding(line: 100 + $0, state: .unchanged) },
            suppressed: (0..<suppressed).map { finding(line: 200 + $0, suppression: AppliedSuppression(justification: nil)) })
    }

    @Test func summaryMentionsOnlyWhatWasHidden() {
        func summary(_ new: Int, _ baselined: Int, _ suppressed: Int, errors: Int = 0) -> String {
            TextReporter.summary(HiddenFindingsReporting.report(new: new, baselined: baselined, suppressed: suppressed, errors: errors))
        }
        #expect(summary(3, 27, 2) == "3 new findings in 2 files; 27 in the baseline, 2 suppressed; 9 files checked in 0.12s")
        #expect(summary(1, 1, 0) == "1 new finding in 1 file; 1 in the baseline; 9 files checked in 0.12s")
        #expect(summary(2, 0, 1) == "2 findings in 2 files; 1 suppressed; 9 files checked in 0.12s")
        #expect(summary(0, 1_500, 0) == "no new findings; 1,500 in the baseline; 9 files checked in 0.12s")
        #expect(summary(0, 0, 4, errors: 1) == "no findings; 4 suppressed; 9 files checked in 0.12s; 1 error")
        // Nothing hidden: the wording of a run without baseline or suppressions.
        #expect(summary(2, 0, 0) == "2 findings in 2 files; 9 files checked in 0.12s")
        #expect(summary(0, 0, 0) == "no findings; 9 files checked in 0.12s")
    }

    @Test func sarifListsEveryFindingInOrderWithItsStateAndSuppression() throws {
        var report = HiddenFindingsReporting.report(new: 1, baselined: 1, suppressed: 0)
        report.findings[0].baselineState = .new
        report.suppressed = [
            HiddenFindingsReporting.finding(line: 5, state: .new, suppression: AppliedSuppression(justification: "the caller drains it")),
            HiddenFindingsReporting.finding(line: 50, state: .unchanged, suppression: AppliedSuppression(justification: nil)),
        ]
        let document = SARIFReporter.document(report, paths: SARIFReporter.Paths(sourceRoot: "/repo", currentDirectory: "/repo"))
        let results = try #require(HiddenFindingsReporting.results(document))
        #expect(results.count == 4)
        func member(_ result: [(String, JSONValue)], _ key: String) -> JSONValue? { result.first { $0.0 == key }?.1 }
        let lines = results.map { result -> JSONValue? in
            guard case .array(let locations)? = member(result, "locations"), case .object(let location)? = locations.first,
                case .object(let physical)? = member(location, "physicalLocation"), case .object(let region)? = member(physical, "region")
            else { return nil }
            return member(region, "startLine")
        }
        #expect(lines == [.int(5), .int(10), .int(50), .int(100)])
        #expect(results.map { member($0, "baselineState") } == [.string("new"), .string("new"), .string("unchanged"), .string("unchanged")])
        #expect(member(results[0], "suppressions") == .array([.object([("kind", .string("inSource")), ("justification", .string("the caller drains it"))])]))
        #expect(member(results[1], "suppressions") == nil)
        #expect(member(results[2], "suppressions") == .array([.object([("kind", .string("inSource"))])]))
        #expect(member(results[3], "suppressions") == nil)
    }

    @Test func sarifWithoutABaselineHasNoBaselineState() throws {
        let report = HiddenFindingsReporting.report(new: 2, baselined: 0, suppressed: 1)
        let document = SARIFReporter.document(report, paths: SARIFReporter.Paths(sourceRoot: "/repo", currentDirectory: "/repo"))
        let results = try #require(HiddenFindingsReporting.results(document))
        #expect(results.count == 3)
        #expect(!document.rendered().contains("baselineState"))
    }

    @Test func jsonListsReportedFindingsAndCountsTheHiddenOnes() throws {
        let report = HiddenFindingsReporting.report(new: 1, baselined: 2, suppressed: 3)
        guard case .object(let members) = JSONReporter.document(report),
            case .array(let findings)? = members.first(where: { $0.0 == "findings" })?.1,
            case .object(let summary)? = members.first(where: { $0.0 == "summary" })?.1
        else {
            Issue.record("unexpected JSON shape")
            return
        }
        #expect(findings.count == 1)
        #expect(summary.map(\.0) == ["findings", "baselined", "suppressed", "filesWithFindings", "filesChecked", "errors"])
        #expect(summary.map(\.1) == [.int(1), .int(2), .int(3), .int(1), .int(9), .int(0)])
    }

    /// The result objects of a SARIF document's only run.
    static func results(_ document: JSONValue) -> [[(String, JSONValue)]]? {
        guard case .object(let top) = document, case .array(let runs)? = top.first(where: { $0.0 == "runs" })?.1,
            case .object(let run)? = runs.first, case .array(let results)? = run.first(where: { $0.0 == "results" })?.1
        else { return nil }
        return results.compactMap { result in
            guard case .object(let members) = result else { return nil }
            return members
        }
    }
}
