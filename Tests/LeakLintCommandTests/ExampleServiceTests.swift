import Foundation
import Testing
@testable import LeakLintCommand

/// Runs leaklint on `Examples/` (the order service in Examples/service) and
/// checks that it reports exactly the leaks the example is built around.
@Suite struct ExampleServiceTests {
    /// The repository root: three levels up from this file.
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LeakLintCommandTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .path

    /// Every primary finding, as `path:line (rule-id)` with the path relative to the repository root.
    static let expected = [
        "Examples/service/cache.go:53 (unstopped-timer)",
        "Examples/service/cache.go:66 (unclosed-body)",
        "Examples/service/cache.go:89 (lost-cancel)",
        "Examples/service/cache.go:99 (lost-cancel)",
        "Examples/service/handlers.go:62 (lost-cancel)",
        "Examples/service/handlers.go:66 (lost-cancel)",
        "Examples/service/main.go:62 (lost-cancel)",
        "Examples/service/notifier.go:38 (unclosed-body)",
        "Examples/service/notifier.go:47 (unstopped-timer)",
        "Examples/service/notifier.go:68 (loop-var-capture)",
        "Examples/service/notifier.go:69 (loop-var-capture)",
        "Examples/service/notifier.go:87 (unstopped-timer)",
        "Examples/service/pricing.go:43 (unclosed-body)",
        "Examples/service/pricing.go:65 (loop-var-capture)",
        "Examples/service/pricing.go:69 (loop-var-capture)",
        "Examples/service/store.go:49 (loop-var-capture)",
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
        let run = CommandRun([Self.repositoryRoot + "/Examples"])
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
        #expect(run.errorLines.last?.hasPrefix("\(Self.expected.count) findings in 6 files;") == true)
    }
}
