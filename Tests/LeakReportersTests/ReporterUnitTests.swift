import Testing
@testable import LeakReporters
@testable import LeakRules

/// The pieces of the reporters that need no lint run: JSON escaping, text
/// layout, fingerprints, SARIF paths and Markdown rendering.
@Suite struct ReporterUnits {
    static func finding(line: Int = 3, message: String = "leaks") -> ReportedFinding {
        let start = ReportedPosition(line: line, column: 5, utf16Column: 4)
        let end = ReportedPosition(line: line, column: 9, utf16Column: 8)
        return ReportedFinding(
            location: ReportedLocation(path: "pkg/a.go", start: start, end: end), ruleID: "lost-cancel", severity: .warning,
            message: message, related: [ReportedLocation(path: "pkg/a.go", start: start, end: end, message: "defined here")],
            fix: nil, fingerprint: "0123456789abcdef")
    }

    @Test func jsonStringsAreEscaped() {
        let value = JSONValue.object([("k", .string("a\"b\\c\nd\u{1}é"))])
        #expect(value.rendered(indent: nil) == "{\"k\":\"a\\\"b\\\\c\\nd\\u0001é\"}")
        #expect(JSONValue.array([]).rendered() == "[]")
    }

    @Test func textLinesAndSummary() {
        let report = Report(findings: [ReporterUnits.finding()], errors: [], rules: RuleRegistry.all, filesChecked: 1204, seconds: 0.414)
        #expect(TextReporter.render(report) == "pkg/a.go:3:5: leaks (lost-cancel)\n\tpkg/a.go:3:5: defined here\n")
        #expect(TextReporter.summary(report) == "1 finding in 1 file; 1,204 files checked in 0.41s")
        #expect(TextReporter.grouped(1_234_567) == "1,234,567")
    }

    @Test func fingerprintsIgnoreLineNumbersAndWhitespaceButNotContent() {
        let base = Fingerprint.make(ruleID: "r", path: "a.go", function: "f", lineText: "\tx := g()", occurrence: 0)
        #expect(base == Fingerprint.make(ruleID: "r", path: "a.go", function: "f", lineText: "x  :=  g() ", occurrence: 0))
        #expect(base != Fingerprint.make(ruleID: "r", path: "a.go", function: "f", lineText: "x := h()", occurrence: 0))
        #expect(base != Fingerprint.make(ruleID: "r", path: "a.go", function: "f", lineText: "x := g()", occurrence: 1))
        #expect(base != Fingerprint.make(ruleID: "r", path: "b.go", function: "f", lineText: "x := g()", occurrence: 0))
        #expect(base.count == 16)
    }

    @Test func sarifURIsAreRelativeToTheSourceRootAndEncoded() {
        let paths = SARIFReporter.Paths(sourceRoot: "/repo", currentDirectory: "/repo/sub")
        #expect(SARIFReporter.artifactLocation("a b.go", paths: paths)
            == .object([("uri", .string("sub/a%20b.go")), ("uriBaseId", .string("%SRCROOT%"))]))
        #expect(SARIFReporter.artifactLocation("/elsewhere/x.go", paths: paths) == .object([("uri", .string("file:///elsewhere/x.go"))]))
        #expect(SARIFReporter.fileURI(directory: "/repo") == "file:///repo/")
        #expect(SARIFReporter.pascalCase("loop-var-capture") == "LoopVarCapture")
    }

    @Test func markdownBecomesPlainText() {
        let markdown = "# rule-id\n\nthe title\n\n## Bad\n\n```go\nx := 1\n```\n\nSee [the spec](https://go.dev) and **this** `code`.\n"
        #expect(MarkdownText.render(markdown) == "rule-id\n=======\n\nthe title\n\nBad\n---\n\n    x := 1\n\nSee the spec and this code.\n")
        #expect(MarkdownText.firstParagraph(markdown) == "See the spec and this code.")
    }
}
