import Foundation
import Testing
@testable import LeakLintCommand

/// `--baseline`, `--write-baseline` and suppression comments end to end:
/// SARIF keeps every finding (marked unchanged or suppressed) so code
/// scanning does not close them as fixed, while the text, JSON, summary line
/// and exit status deal only with new, unsuppressed findings.
@Suite struct BaselineAndSuppression {
    /// The fixture of `LintCommand`: unclosed-body at 10:15, lost-cancel at 18:12.
    static let leaky = LintCommand.leaky

    /// `leaky` plus a third leak at the end (unclosed-body at 23:15).
    static let grown = leaky + """

        func stock(url string) bool {
        	resp, err := http.Head(url)
        	return err == nil && resp.StatusCode == 200
        }

        """

    /// Three silenced findings (two reasons given, one not) and one comment that silences nothing.
    static let suppressed = """
        package svc

        import (
        	"context"
        	"net/http"
        	"time"
        )

        func price(url string) int {
        	resp, _ := http.Get(url) //nolint:unclosed-body // the caller drains it
        	return resp.StatusCode
        }

        func poll(parent context.Context) {
        	//lint:ignore lost-cancel the process exits right after
        	ctx, _ := context.WithTimeout(parent, time.Second)
        	_ = ctx
        }

        func head(url string) int {
        	resp, _ := http.Head(url) //nolint:unclosed-body
        	return resp.StatusCode
        }

        func fine(parent context.Context) {
        	//leaklint:ignore lost-cancel cancelled below
        	ctx, cancel := context.WithCancel(parent)
        	defer cancel()
        	_ = ctx
        }

        """

    /// The results of the only run of a SARIF file or text.
    static func sarifResults(_ text: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        return try #require(run["results"] as? [[String: Any]])
    }

    static func startLine(_ result: [String: Any]) -> Int? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return (location?["region"] as? [String: Any])?["startLine"] as? Int
    }

    /// Checks `path` against the official schema when the validator is available.
    static func expectValidSARIF(_ path: String) throws {
        guard let validator = ReportFormats.sarifValidator else { return }
        let (status, text) = try ReportFormats.validateSARIF(path, with: validator)
        #expect(status == 0, "validate-sarif: \(text)")
    }

    @Test func sarifWithABaselineHasNewAndUnchangedResults() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", BaselineAndSuppression.leaky)
        let baseline = tree.path("baseline.json")
        #expect(CommandRun(["--write-baseline", baseline, "--quiet", tree.all]).status == 0)
        try BaselineAndSuppression.grown.write(toFile: path, atomically: false, encoding: .utf8)

        let report = tree.path("report.sarif")
        let run = CommandRun(["--format", "sarif", "--output", report, "--baseline", baseline, "--quiet", tree.all])
        #expect(run.status == 1)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let results = try BaselineAndSuppression.sarifResults(text)
        #expect(results.map(BaselineAndSuppression.startLine) == [10, 18, 23])
        #expect(results.map { $0["ruleId"] as? String } == ["unclosed-body", "lost-cancel", "unclosed-body"])
        #expect(results.map { $0["baselineState"] as? String } == ["unchanged", "unchanged", "new"])
        #expect(results.allSatisfy { $0["suppressions"] == nil })
        try BaselineAndSuppression.expectValidSARIF(report)

        // Without a baseline there is nothing to be relative to: no baselineState at all.
        let plain = CommandRun(["--format", "sarif", "--quiet", tree.all])
        #expect(try BaselineAndSuppression.sarifResults(plain.out).count == 3)
        #expect(!plain.out.contains("baselineState"))
    }

    @Test func suppressedFindingsAreInSARIFWithTheirJustificationButNotInText() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/quiet.go", BaselineAndSuppression.suppressed)
        let text = CommandRun([tree.all])
        #expect(text.status == 1)
        // Only the comment that silences nothing is reported.
        #expect(text.out == "\(path):26:2: this suppression comment matches no lost-cancel finding; remove it (unused-suppression)\n")
        #expect(text.errorLines.count == 1)
        #expect(text.errorLines.first?.hasPrefix("1 finding in 1 file; 3 suppressed; 1 file checked in ") == true)

        let report = tree.path("report.sarif")
        #expect(CommandRun(["--format", "sarif", "--output", report, "--quiet", tree.all]).status == 1)
        let results = try BaselineAndSuppression.sarifResults(try String(contentsOfFile: report, encoding: .utf8))
        #expect(results.map(BaselineAndSuppression.startLine) == [10, 16, 21, 26])
        #expect(results.map { $0["ruleId"] as? String } == ["unclosed-body", "lost-cancel", "unclosed-body", "unused-suppression"])
        let suppressions = results.map { $0["suppressions"] as? [[String: String]] }
        #expect(suppressions[0] == [["kind": "inSource", "justification": "the caller drains it"]])
        #expect(suppressions[1] == [["kind": "inSource", "justification": "the process exits right after"]])
        #expect(suppressions[2] == [["kind": "inSource"]])
        #expect(suppressions[3] == nil)
        try BaselineAndSuppression.expectValidSARIF(report)

        // JSON lists what the text lists and counts the rest.
        let (_, json) = try ReportFormats.runJSON(["--quiet", tree.all])
        #expect((json["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["unused-suppression"])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["findings": 1, "baselined": 0, "suppressed": 3, "filesWithFindings": 1, "filesChecked": 1, "errors": 0])
    }

    @Test func exitStatusCountsOnlyNewUnsuppressedFindings() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", BaselineAndSuppression.leaky)
        let baseline = tree.path("baseline.sarif")
        #expect(CommandRun(["--write-baseline", baseline, "--quiet", tree.all]).status == 0)
        // Everything is in the baseline: clean, whatever the fail level.
        #expect(CommandRun(["--baseline", baseline, "--quiet", tree.all]).status == 0)
        #expect(CommandRun(["--baseline", baseline, "--quiet", "--fail-level", "note", tree.all]).status == 0)
        // A new leak fails the run; suppressing it makes the run clean again.
        try BaselineAndSuppression.grown.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(CommandRun(["--baseline", baseline, "--quiet", tree.all]).status == 1)
        let silenced = BaselineAndSuppression.grown.replacingOccurrences(
            of: "resp, err := http.Head(url)", with: "resp, err := http.Head(url) //nolint:unclosed-body // probe only")
        try silenced.write(toFile: path, atomically: false, encoding: .utf8)
        let run = CommandRun(["--baseline", baseline, "--format", "sarif", "--quiet", tree.all])
        #expect(run.status == 0)
        let results = try BaselineAndSuppression.sarifResults(run.out)
        #expect(results.map { $0["baselineState"] as? String } == ["unchanged", "unchanged", "new"])
        #expect((results[2]["suppressions"] as? [[String: String]]) == [["kind": "inSource", "justification": "probe only"]])
    }

    @Test func summaryLineCountsWhatWasHidden() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", BaselineAndSuppression.leaky)
        try tree.write("svc/quiet.go", BaselineAndSuppression.suppressed)
        let baseline = tree.path("baseline.json")
        #expect(CommandRun(["--write-baseline", baseline, "--quiet", tree.all]).status == 0)
        try BaselineAndSuppression.grown.write(toFile: path, atomically: false, encoding: .utf8)
        func summary(_ arguments: [String]) -> String {
            let line = CommandRun(arguments + [tree.all]).errorLines.last ?? ""
            // The time varies; everything before it is exact.
            return line.range(of: " checked in ").map { String(line[..<$0.lowerBound]) } ?? line
        }
        #expect(summary(["--baseline", baseline]) == "1 new finding in 1 file; 3 in the baseline, 3 suppressed; 2 files")
        #expect(summary([]) == "4 findings in 2 files; 3 suppressed; 2 files")
        try BaselineAndSuppression.leaky.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(summary(["--baseline", baseline]) == "no new findings; 3 in the baseline, 3 suppressed; 2 files")
        // A baseline that hides nothing keeps the usual wording.
        try "{\"findings\": []}".write(toFile: baseline, atomically: false, encoding: .utf8)
        #expect(summary(["--baseline", baseline]) == "3 findings in 2 files; 3 suppressed; 2 files")
    }

    @Test func writtenBaselineSilencesEverythingInEitherFormat() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", BaselineAndSuppression.leaky)
        try tree.write("svc/quiet.go", BaselineAndSuppression.suppressed)
        for name in ["baseline.json", "baseline.sarif"] {
            let baseline = tree.path(name)
            let write = CommandRun(["--write-baseline", baseline, tree.all])
            #expect(write.status == 0)
            // The report is printed as usual; the baseline only changes the exit status.
            #expect(write.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }.count == 3)
            #expect(write.errorLines.first == "3 findings written to the baseline \(baseline)")
            let data = try #require(FileManager.default.contents(atPath: baseline))
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            if name.hasSuffix(".sarif") {
                let results = try BaselineAndSuppression.sarifResults(String(decoding: data, as: UTF8.self))
                // Unsuppressed findings only, with no state: it is not relative to anything.
                #expect(results.count == 3)
                #expect(results.allSatisfy { $0["suppressions"] == nil && $0["baselineState"] == nil })
                try BaselineAndSuppression.expectValidSARIF(baseline)
            } else {
                #expect((document["findings"] as? [Any])?.count == 3)
            }
            let check = CommandRun(["--baseline", baseline, tree.all])
            #expect(check.status == 0)
            #expect(check.out.isEmpty)
            #expect(check.errorLines.last?.hasPrefix("no new findings; 3 in the baseline, 3 suppressed; 2 files checked in ") == true)
        }
        #expect((try FileManager.default.contentsOfDirectory(atPath: tree.root)).sorted() == ["baseline.json", "baseline.sarif", "svc"])
    }

    @Test func rewritingABaselineKeepsTheUnchangedFindings() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", BaselineAndSuppression.leaky)
        let old = tree.path("old.json")
        let new = tree.path("new.sarif")
        #expect(CommandRun(["--write-baseline", old, "--quiet", tree.all]).status == 0)
        try BaselineAndSuppression.grown.write(toFile: path, atomically: false, encoding: .utf8)
        let run = CommandRun(["--baseline", old, "--write-baseline", new, tree.all])
        #expect(run.status == 0)
        // What is printed is still relative to the old baseline.
        #expect(run.out.split(separator: "\n").filter { !$0.hasPrefix("\t") } == [
            "\(path):23:15: resp.Body is never closed: the connection cannot be reused; defer resp.Body.Close() after checking the error (unclosed-body)"
        ])
        #expect(run.errorLines.first == "3 findings written to the baseline \(new)")
        let results = try BaselineAndSuppression.sarifResults(try String(contentsOfFile: new, encoding: .utf8))
        #expect(results.map(BaselineAndSuppression.startLine) == [10, 18, 23])
        #expect(CommandRun(["--baseline", new, "--quiet", tree.all]).status == 0)
    }

    @Test func writingABaselineStillFailsOnErrors() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", BaselineAndSuppression.leaky)
        try tree.write("svc/broken.go", "package svc\n\nfunc (\n")
        let baseline = tree.path("baseline.json")
        #expect(CommandRun(["--write-baseline", baseline, "--quiet", tree.all]).status == 2)
        // The files that could be linted still make a baseline.
        #expect(CommandRun(["--baseline", baseline, "--quiet", tree.path("svc/leaky.go")]).status == 0)

        let missing = tree.path("missing-dir/baseline.json")
        let refused = CommandRun(["--write-baseline", missing, "--quiet", tree.path("svc/leaky.go")])
        #expect(refused.status == 2)
        #expect(refused.errorLines == ["leaklint: --write-baseline: no such directory: \(tree.path("missing-dir"))/"])
        #expect(!FileManager.default.fileExists(atPath: tree.path("missing-dir")))
        // A write that fails (the target is a directory) leaves nothing behind.
        try FileManager.default.createDirectory(atPath: tree.path("taken"), withIntermediateDirectories: true)
        let failed = CommandRun(["--write-baseline", tree.path("taken"), "--quiet", tree.path("svc/leaky.go")])
        #expect(failed.status == 2)
        #expect(failed.errorLines.first?.hasPrefix("leaklint: cannot write baseline \(tree.path("taken")): ") == true)
        #expect((try FileManager.default.contentsOfDirectory(atPath: tree.path("taken"))).isEmpty)
        #expect(CommandRun(["--write-baseline"]).errorLines.first == "leaklint: --write-baseline needs a file name (.sarif for SARIF, else JSON)")
    }

    @Test func helpDescribesBothBaselineFlags() {
        let help = CommandRun(["--help"]).out
        #expect(help.contains("--baseline FILE     report only findings not in this earlier json or sarif report\n"))
        #expect(help.contains("--write-baseline F  write the current findings to F for --baseline (sarif if F ends\n"))
        let typo = CommandRun(["--write-baselin", "x.json"])
        #expect(typo.errorLines.first == "leaklint: unknown flag --write-baselin (did you mean --write-baseline?)")
    }

    @Test func suppressedResultsOfASARIFBaselineAreNotAccepted() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/quiet.go", BaselineAndSuppression.suppressed)
        let report = tree.path("report.sarif")
        #expect(CommandRun(["--format", "sarif", "--output", report, "--quiet", tree.all]).status == 1)
        // The comment goes; the finding's line is unchanged, so is its fingerprint, but it was never accepted.
        try BaselineAndSuppression.suppressed.replacingOccurrences(of: "\t//lint:ignore lost-cancel the process exits right after\n", with: "")
            .write(toFile: path, atomically: false, encoding: .utf8)
        let run = CommandRun(["--baseline", report, "--quiet", tree.all])
        #expect(run.status == 1)
        #expect(run.out.hasPrefix("\(path):15:12: the cancel function returned by context.WithTimeout is discarded"))
    }
}

/// The SARIF of `./Examples/...` with a baseline holding part of its findings:
/// every result is present with the right state, and the file validates.
@Suite struct ExampleServiceSARIFWithBaseline {
    @Test func partialBaselineMarksResultsAndValidates() throws {
        let examples = ExampleServiceTests.repositoryRoot + "/Examples/..."
        let (_, json) = try ReportFormats.runJSON(["--quiet", examples])
        let fingerprints = try #require((json["findings"] as? [[String: Any]])?.compactMap { $0["fingerprint"] as? String })
        #expect(fingerprints.count == ExampleServiceTests.expected.count)
        let accepted = Set(fingerprints.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        let baseline = NSTemporaryDirectory() + "leaklint-examples-baseline-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        let entries = accepted.sorted().map { "{\"fingerprint\": \"\($0)\"}" }.joined(separator: ", ")
        try "{\"findings\": [\(entries)]}".write(toFile: baseline, atomically: true, encoding: .utf8)

        let run = CommandRun(["--format", "sarif", "--baseline", baseline, "--quiet", examples])
        #expect(run.status == 1)
        let results = try BaselineAndSuppression.sarifResults(run.out)
        #expect(results.count == ExampleServiceTests.expected.count)
        for result in results {
            let fingerprint = (result["partialFingerprints"] as? [String: String])?["leaklint/v1"] ?? ""
            #expect(result["baselineState"] as? String == (accepted.contains(fingerprint) ? "unchanged" : "new"))
        }
        #expect(results.filter { $0["baselineState"] as? String == "unchanged" }.count == accepted.count)
        let file = NSTemporaryDirectory() + "leaklint-examples-\(UUID().uuidString).sarif"
        try run.out.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try BaselineAndSuppression.expectValidSARIF(file)
    }
}
