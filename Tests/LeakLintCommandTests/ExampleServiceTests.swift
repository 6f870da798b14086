import Foundation
import LeakRules
import Testing
@testable import LeakLintCommand

/// Runs leaklint on `./Examples/...` (the order service in Examples/service) and
/// checks that it reports exactly the leaks the example is built around.
@Suite struct ExampleServiceTests {
    /// The repository root: three levels up from this file.
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LeakLintCommandTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .path

    /// Every primary finding, as `path:line (rule-id)` with the path relative to the repository root:
    /// one per leak.
    static let expected = [
        "Examples/service/audit.go:34 (unclosed-resource)",
        "Examples/service/audit.go:47 (unclosed-resource)",
        "Examples/service/cache.go:53 (unstopped-timer)",
        "Examples/service/cache.go:66 (unclosed-body)",
        "Examples/service/cache.go:89 (lost-cancel)",
        "Examples/service/cache.go:115 (missing-unlock)",
        "Examples/service/export.go:24 (unclosed-resource)",
        "Examples/service/export.go:42 (goroutine-recv-leak)",
        "Examples/service/export.go:67 (defer-in-loop)",
        "Examples/service/export.go:85 (waitgroup-misuse)",
        "Examples/service/export.go:113 (goroutine-recv-leak)",
        "Examples/service/handlers.go:62 (lost-cancel)",
        "Examples/service/main.go:62 (lost-cancel)",
        "Examples/service/notifier.go:38 (unclosed-body)",
        "Examples/service/notifier.go:47 (unstopped-timer)",
        "Examples/service/notifier.go:68 (loop-var-capture)",
        "Examples/service/notifier.go:87 (unstopped-timer)",
        "Examples/service/pricing.go:43 (unclosed-body)",
        "Examples/service/pricing.go:65 (loop-var-capture)",
        "Examples/service/stock.go:80 (waitgroup-misuse)",
        "Examples/service/stock.go:92 (defer-in-loop)",
        "Examples/service/stock.go:109 (goroutine-send-leak)",
        "Examples/service/stock.go:131 (spinning-select)",
        "Examples/service/stock.go:157 (goroutine-send-leak)",
        "Examples/service/store.go:49 (loop-var-capture)",
        "Examples/service/store.go:57 (missing-unlock)",
    ]

    /// Reduces a primary finding line `path:line:col: message (rule-id)` to `path:line (rule-id)`.
    static func summary(of line: String) -> String? {
        guard let open = line.range(of: " (", options: .backwards), line.hasSuffix(")") else { return nil }
        let rule = line[open.upperBound..<line.index(before: line.endIndex)]
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil else { return nil }
        var path = String(parts[0])
        if path.hasPrefix(repositoryRoot + "/") { path.removeFirst(repositoryRoot.count + 1) }
        return "\(path):\(parts[1]) (\(rule))"
    }

    @Test func reportsExactlyTheIntendedLeaks() throws {
        let run = CommandRun([Self.repositoryRoot + "/Examples/..."])
        #expect(run.status == 1)

        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        // Related locations are indented under their finding; only primary findings count here.
        let primary = lines.filter { !$0.hasPrefix("\t") && !$0.hasPrefix(" ") }
        let findings = primary.compactMap(Self.summary(of:))
        #expect(findings.count == primary.count, "unexpected output lines: \(primary)")
        #expect(findings == Self.expected)

        for rule in ["lost-cancel", "unclosed-body", "unstopped-timer", "loop-var-capture"] {
            let count = findings.filter { $0.hasSuffix("(\(rule))") }.count
            #expect(count >= 2, "\(rule) fires \(count) times")
        }
        // Every rule but unused-suppression (the example suppresses nothing) fires at least once.
        for rule in RuleRegistry.ids where rule != "unused-suppression" {
            let count = findings.filter { $0.hasSuffix("(\(rule))") }.count
            #expect(count >= 1, "\(rule) does not fire")
        }
        #expect(run.errorLines.last?.hasPrefix("\(Self.expected.count) findings in 9 files;") == true)
    }
}

/// `leaklint --fix` on a copy of the example service: the leaks with a
/// mechanical remedy are fixed, the others are reported as before.
@Suite struct ExampleServiceFix {
    @Test func fixLeavesOnlyTheLeaksWithoutAMechanicalRemedy() throws {
        let tree = try FixtureTree()
        let source = ExampleServiceTests.repositoryRoot + "/Examples/service"
        for name in try FileManager.default.contentsOfDirectory(atPath: source).sorted() {
            try tree.write("service/" + name, try String(contentsOfFile: source + "/" + name, encoding: .utf8))
        }
        let run = CommandRun(["--fix", tree.all])
        #expect(run.status == 1)
        #expect(run.errorLines.first == "fixed 12 findings in 8 files")
        let rules = run.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }.compactMap { line -> String? in
            guard let open = line.range(of: " (", options: .backwards) else { return nil }
            return String(line[open.upperBound...].dropLast())
        }
        #expect(rules.sorted() == [
            "defer-in-loop", "defer-in-loop", "goroutine-recv-leak", "goroutine-recv-leak", "goroutine-send-leak",
            "lost-cancel", "missing-unlock", "missing-unlock", "spinning-select", "unclosed-body",
            "unstopped-timer", "unstopped-timer", "waitgroup-misuse", "waitgroup-misuse",
        ])
        // A second run has nothing left to fix.
        let again = CommandRun(["--fix", tree.all])
        #expect(again.errorLines.first == "fixed 0 findings in 0 files")
        #expect(again.out == run.out)
    }
}

/// `leaklint --format sarif ./Examples/...` is valid against the official schema
/// (when the validator is available) and carries every rule's help.
@Suite struct ExampleServiceSARIF {
    @Test func sarifOfTheExamplesIsValidAndDocumentsEveryRule() throws {
        let run = CommandRun(["--format", "sarif", "--quiet", ExampleServiceTests.repositoryRoot + "/Examples/..."])
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let sarifRun = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(sarifRun["results"] as? [Any])
        #expect(results.count == ExampleServiceTests.expected.count)
        let rules = try #require(((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for rule in rules {
            let help = try #require(rule["help"] as? [String: String])
            #expect(help["markdown"]?.isEmpty == false && help["text"]?.isEmpty == false)
        }
        guard let validator = ReportFormats.sarifValidator else { return }
        let file = NSTemporaryDirectory() + "leaklint-examples-\(UUID().uuidString).sarif"
        try run.out.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (status, text) = try ReportFormats.validateSARIF(file, with: validator)
        #expect(status == 0, "validate-sarif: \(text)")
        #expect(text.contains("valid SARIF 2.1.0"))
    }
}
