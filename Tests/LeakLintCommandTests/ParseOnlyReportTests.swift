import Foundation
import Testing
@testable import LeakLintCommand

/// `--parse-only` honours `--format` and `--output` (syntax errors make a
/// JSON or SARIF report) and refuses the flags it could only ignore.
@Suite struct ParseOnlyReports {
    static func makeTree() throws -> (tree: FixtureTree, bad: String) {
        let tree = try FixtureTree()
        try tree.write("p/ok.go", "package p\n")
        let bad = try tree.write("p/bad.go", "package p\n\nfunc (\n")
        return (tree, bad)
    }

    @Test func jsonReportOnStandardOutput() throws {
        let (tree, bad) = try ParseOnlyReports.makeTree()
        let run = CommandRun(["--parse-only", "--quiet", "--format", "json", tree.all])
        #expect(run.status == 2)
        // Standard error has the errors in text form, as for a lint.
        #expect(run.errorLines == ["\(bad):3:8: syntax error: expected ')', found 'EOF'"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect((document["findings"] as? [Any])?.isEmpty == true)
        let errors = try #require(document["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["path"] as? String == bad)
        #expect(errors.first?["line"] as? Int == 3 && errors.first?["column"] as? Int == 8)
        #expect(errors.first?["message"] as? String == "syntax error: expected ')', found 'EOF'")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["filesChecked"] as? Int == 2 && summary["errors"] as? Int == 1)
    }

    @Test func sarifReportWrittenToOutput() throws {
        let (tree, _) = try ParseOnlyReports.makeTree()
        let output = tree.path("parse.sarif")
        let run = CommandRun(["--parse-only", "--format", "sarif", "--output", output, tree.all])
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.errorLines.last?.hasPrefix("2 files parsed in ") == true)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect((runs.first?["results"] as? [Any])?.isEmpty == true)
        let invocation = try #require((runs.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect((notifications.first?["message"] as? [String: Any])?["text"] as? String == "syntax error: expected ')', found 'EOF'")
    }

    @Test func cleanTreeWritesAReportAndExitsZero() throws {
        let tree = try FixtureTree()
        try tree.write("p/ok.go", "package p\n")
        let output = tree.path("parse.json")
        let run = CommandRun(["--parse-only", "--quiet", "--format", "json", "-o", output, tree.all])
        #expect(run.status == 0)
        #expect(run.out.isEmpty && run.err.isEmpty)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("\"errors\": []"))
    }

    @Test(arguments: [
        (["--output", "parse.txt"], "--parse-only --output needs --format json or sarif: in text form, syntax errors go to standard error"),
        (["--format", "text", "-o", "parse.txt"], "--parse-only --output needs --format json or sarif: in text form, syntax errors go to standard error"),
        (["--fix"], "--fix cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--diff"], "--diff cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--baseline", "old.json"], "--baseline cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--write-baseline", "b.json"], "--write-baseline cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--enable", "lost-cancel"], "--enable cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--disable", "lost-cancel"], "--disable cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--go-version", "1.21"], "--go-version cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--fail-level", "error"], "--fail-level cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
        (["--stdin-filename", "a.go"], "--stdin-filename cannot be used with --parse-only, which only parses (drop --parse-only to lint)"),
    ])
    func flagsItWouldIgnoreAreUsageErrors(_ row: ([String], String)) {
        let run = CommandRun(["--parse-only"] + row.0 + ["nowhere/..."])
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.errorLines == ["leaklint: \(row.1)", "run 'leaklint --help' for usage"])
    }
}
