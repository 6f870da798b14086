import Testing
@testable import LeakReporters
@testable import LeakRules

/// SARIF messages link to their related locations with embedded links, and
/// escape the brackets and backslashes that are not links.
@Suite struct SARIFMessages {
    static func position(_ line: Int, _ column: Int) -> ReportedPosition {
        ReportedPosition(line: line, column: column, utf16Column: column)
    }

    static func location(_ line: Int, _ message: String = "") -> ReportedLocation {
        ReportedLocation(path: "svc/a.go", start: position(line, 2), end: position(line, 8), message: message)
    }

    static func result(_ finding: ReportedFinding) -> JSONValue {
        SARIFReporter.result(finding, ruleIndex: [:], paths: SARIFReporter.Paths(sourceRoot: "/repo", currentDirectory: "/repo"))
    }

    static func members(_ value: JSONValue) -> [(String, JSONValue)] {
        if case .object(let members) = value { return members }
        return []
    }

    static func text(_ value: JSONValue?) -> String? {
        guard let value, case .string(let text)? = members(value).first(where: { $0.0 == "text" })?.1 else { return nil }
        return text
    }

    @Test func messageLinksToEveryRelatedLocationById() throws {
        let finding = ReportedFinding(
            location: SARIFMessages.location(6), ruleID: "loop-var-capture", severity: .warning,
            message: "loop variable v captured by a goroutine",
            related: [SARIFMessages.location(7, "also used here"), SARIFMessages.location(9, "also used here")],
            fix: nil, fingerprint: "0123456789abcdef")
        let result = SARIFMessages.members(SARIFMessages.result(finding))
        let message = result.first { $0.0 == "message" }?.1
        #expect(SARIFMessages.text(message) == "loop variable v captured by a goroutine ([also used here](1); [also used here](2))")
        guard case .array(let related)? = result.first(where: { $0.0 == "relatedLocations" })?.1 else {
            Issue.record("no relatedLocations")
            return
        }
        let ids = related.map { value in SARIFMessages.members(value).first { $0.0 == "id" }?.1 }
        #expect(ids == [.int(1), .int(2)])
    }

    @Test func literalBracketsAndBackslashesAreEscaped() {
        let finding = ReportedFinding(
            location: SARIFMessages.location(3), ruleID: "defer-in-loop", severity: .warning,
            message: #"defer files[i].Close() runs only when the function returns, see "a\b""#,
            related: [SARIFMessages.location(4, "m[k] is also here")], fix: nil, fingerprint: "0123456789abcdef")
        #expect(SARIFMessage.resultText(finding)
            == #"defer files\[i\].Close() runs only when the function returns, see "a\\b" ([m\[k\] is also here](1))"#)
        #expect(SARIFMessage.relatedText(finding.related[0]) == #"m\[k\] is also here"#)
    }

    @Test func messageWithoutRelatedLocationsHasNoLinks() {
        var finding = ReporterUnits.finding(message: "the response is discarded")
        finding.related = []
        #expect(SARIFMessage.resultText(finding) == "the response is discarded")
    }
}
