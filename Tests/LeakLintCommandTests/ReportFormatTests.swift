import Foundation
import Testing
@testable import LeakLintCommand
import LeakRules

/// The three output formats end to end, exit statuses and fail levels,
/// `--output`, `--baseline`, `--stdin-filename`, and the commands for people.
@Suite struct ReportFormats {
    /// One unclosed body (with a related return) and one discarded cancel.
    static let leaky = LintCommand.leaky

    static func runJSON(_ arguments: [String]) throws -> (CommandRun, [String: Any]) {
        let run = CommandRun(["--format", "json"] + arguments)
        let object = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        return (run, try #require(object))
    }

    @Test func jsonHasToolFindingsErrorsAndSummaryInAStableOrder() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", ReportFormats.leaky)
        let run = CommandRun(["--format", "json", "--quiet", tree.all])
        #expect(run.status == 1)
        #expect(run.err.isEmpty)
        let keys = run.out.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: ":")[0] }
        #expect(keys == ["  \"tool\"", "  \"findings\"", "  \"errors\"", "  \"summary\""])
        let (_, document) = try ReportFormats.runJSON(["--quiet", tree.all])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let body = findings[0]
        #expect(body["path"] as? String == path)
        #expect(body["line"] as? Int == 10 && body["column"] as? Int == 15)
        #expect(body["endLine"] as? Int == 10 && body["endColumn"] as? Int == 28)
        #expect(body["rule"] as? String == "unclosed-body")
        #expect(body["severity"] as? String == "warning")
        #expect((body["fingerprint"] as? String)?.count == 16)
        let related = try #require(body["related"] as? [[String: Any]])
        #expect(related.count == 1 && related[0]["line"] as? Int == 14 && related[0]["message"] as? String == "this return leaves resp.Body open")
        #expect((document["tool"] as? [String: Any])?["name"] as? String == "leaklint")
        #expect((document["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func lostCancelCarriesASuggestedFixInJSON() throws {
        let tree = try FixtureTree()
        try tree.write("svc/a.go", """
            package svc

            import "context"

            func run(parent context.Context, fail bool) error {
            	ctx, cancel := context.WithCancel(parent)
            	if fail {
            		return nil
            	}
            	cancel()
            	return ctx.Err()
            }

            """)
        let (run, document) = try ReportFormats.runJSON(["--quiet", tree.all])
        #expect(run.status == 1)
        let findings = try #require(document["findings"] as? [[String: Any]])
        let fix = try #require(findings.first?["fix"] as? [String: Any])
        #expect(fix["message"] as? String == "defer cancel()")
        let edits = try #require(fix["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits[0]["line"] as? Int == 6 && edits[0]["column"] as? Int == 43)
        #expect(edits[0]["newText"] as? String == "\n\tdefer cancel()")
    }

    @Test func sarifIsStructurallyCompleteAndValidatesAgainstTheSchema() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", ReportFormats.leaky)
        try tree.write("svc/broken.go", "package svc\n\nfunc (\n")
        let output = tree.path("report.sarif")
        let run = CommandRun(["--format", "sarif", "--output", output, "--quiet", tree.all])
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: output))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        #expect((document["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let sarifRun = try #require((document["runs"] as? [[String: Any]])?.first)
        #expect(sarifRun["columnKind"] as? String == "utf16CodeUnits")
        let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "leaklint")
        #expect(driver["semanticVersion"] as? String == Command.version)
        #expect(driver["informationUri"] as? String != nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.ids)
        #expect(rules.count >= 12)
        for rule in rules {
            #expect(rule["name"] as? String != rule["id"] as? String)
            let help = try #require(rule["help"] as? [String: Any])
            #expect((help["markdown"] as? String)?.hasPrefix("# \(rule["id"] as? String ?? "")") == true)
            #expect(((help["text"] as? String)?.count ?? 0) > 200)
            #expect((rule["fullDescription"] as? [String: Any])?["text"] as? String != nil)
            #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
            #expect(((rule["properties"] as? [String: Any])?["tags"] as? [String])?.isEmpty == false)
        }
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["ruleId"] as? String == "unclosed-body" && first["ruleIndex"] as? Int == RuleRegistry.ids.firstIndex(of: "unclosed-body"))
        #expect((first["partialFingerprints"] as? [String: Any])?["leaklint/v1"] as? String != nil)
        #expect((first["relatedLocations"] as? [Any])?.count == 1)
        let invocation = try #require((sarifRun["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(((notifications[0]["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("syntax error:") == true)

        if let validator = ReportFormats.sarifValidator {
            let (status, text) = try ReportFormats.validateSARIF(output, with: validator)
            #expect(status == 0, "validate-sarif: \(text)")
        }
    }

    /// Runs the official-schema validator on a file: its exit status and output.
    static func validateSARIF(_ path: String, with validator: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The official-schema validator beside the repository, when present.
    static let sarifValidator: String? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let candidate = url.appendingPathComponent("shared/tools/validate-sarif").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    @Test func sarifColumnsAreUTF16AndURIsRelativeToTheSourceRoot() throws {
        let tree = try FixtureTree()
        try tree.write("pkg/é.go", """
            package pkg

            import "net/http"

            func f() { /* ünï */ http.Get("x") }

            """)
        let run = CommandRun(["--format", "json", "--quiet", tree.all])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        // Byte column in JSON: "func f() { /* ünï */ " is 23 bytes.
        #expect(finding["column"] as? Int == 24)
        let sarifRun = CommandRun(["--format", "sarif", "--quiet", tree.all])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(sarifRun.out.utf8)) as? [String: Any])
        let result = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let physical = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["region"] as? [String: Any])?["startColumn"] as? Int == 22)
        // The fixture lies outside the repository: the URI is absolute and percent-encoded.
        let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri.hasSuffix("/pkg/%C3%A9.go") && uri.hasPrefix("file:///"))
    }

    @Test func failLevelDecidesTheExitStatus() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", ReportFormats.leaky)
        #expect(CommandRun(["--quiet", tree.all]).status == 1)
        #expect(CommandRun(["--quiet", "--fail-level", "note", tree.all]).status == 1)
        let errorsOnly = CommandRun(["--quiet", "--fail-level", "error", tree.all])
        #expect(errorsOnly.status == 0)
        #expect(!errorsOnly.out.isEmpty)
        #expect(CommandRun(["--fail-level", "fatal", tree.all]).status == 2)
    }

    @Test func baselineKeepsMovedFindingsQuietAndReportsNewOnes() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", ReportFormats.leaky)
        for format in ["json", "sarif"] {
            let baseline = tree.path("baseline.\(format)")
            #expect(CommandRun(["--format", format, "--output", baseline, "--quiet", tree.all]).status == 1)
            // Unrelated lines above move every finding down; a new leak is added at the end.
            let moved = ReportFormats.leaky.replacingOccurrences(of: "package svc\n", with: "package svc\n\n// Prices come from upstream.\n// Requests time out.\n")
                + """
                func stock(url string) bool {
                	resp, err := http.Head(url)
                	return err == nil && resp.StatusCode == 200
                }

                """
            try moved.write(toFile: path, atomically: false, encoding: .utf8)
            let run = CommandRun(["--baseline", baseline, "--quiet", tree.all])
            #expect(run.status == 1)
            let lines = run.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
            #expect(lines == ["\(path):25:15: resp.Body is never closed: the connection cannot be reused; defer resp.Body.Close() after checking the error (unclosed-body)"])
            try ReportFormats.leaky.write(toFile: path, atomically: false, encoding: .utf8)
        }
        let missing = CommandRun(["--baseline", tree.path("nope.json"), tree.all])
        #expect(missing.status == 2)
        #expect(missing.errorLines == ["leaklint: --baseline: no such file: \(tree.path("nope.json"))"])
    }

    @Test func outputIsWrittenAtomicallyAndAFailedWriteKeepsTheOldFile() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", ReportFormats.leaky)
        let report = tree.path("out/report.txt")
        try FileManager.default.createDirectory(atPath: tree.path("out"), withIntermediateDirectories: true)
        #expect(CommandRun(["--output", report, "--quiet", tree.all]).status == 1)
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.hasPrefix(tree.path("svc/leaky.go") + ":10:15:"))
        #expect((try FileManager.default.contentsOfDirectory(atPath: tree.path("out"))) == ["report.txt"])
        let impossible = CommandRun(["--output", tree.path("missing-dir/report.txt"), "--quiet", tree.all])
        #expect(impossible.status == 2)
        #expect(impossible.errorLines == ["leaklint: --output: no such directory: \(tree.path("missing-dir"))/"])
        #expect(!FileManager.default.fileExists(atPath: tree.path("missing-dir")))
        // A write that fails (here: the target is a directory) leaves everything as it was.
        let failed = CommandRun(["--output", tree.path("out"), "--quiet", tree.all])
        #expect(failed.status == 2)
        #expect(failed.errorLines.first?.hasPrefix("leaklint: cannot write \(tree.path("out")): ") == true)
        #expect((try FileManager.default.contentsOfDirectory(atPath: tree.path("out"))) == ["report.txt"])
        #expect(try String(contentsOfFile: report, encoding: .utf8) == written)
    }

    @Test func standardInputIsLintedUnderTheGivenPathWithItsSiblingsForContext() throws {
        let tree = try FixtureTree()
        try tree.write("svc/client.go", """
            package svc

            import "net/http"

            func fetch(url string) (*http.Response, error) { return http.Get(url) }

            """)
        // On disk the buffer's file is clean; the unsaved buffer leaks.
        let path = try tree.write("svc/use.go", "package svc\n")
        let buffer = """
            package svc

            func use(url string) int {
            	resp, err := fetch(url)
            	if err != nil {
            		return 0
            	}
            	return resp.StatusCode
            }

            """
        let captured = Captured()
        let sink = OutputSink(out: { captured.append(out: $0) }, error: { captured.append(error: $0) })
        let status = Command.run(arguments: ["--stdin-filename", path], output: sink, standardInput: { .success(Array(buffer.utf8)) })
        #expect(status == 1)
        let lines = captured.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(lines == ["\(path):4:15: resp.Body is never closed: the connection cannot be reused; defer resp.Body.Close() after checking the error (unclosed-body)"])
        #expect(captured.err.hasPrefix("1 finding in 1 file; 1 file checked in "))
    }

    @Test func summaryGroupsThousandsAndCountsFiles() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", ReportFormats.leaky)
        try tree.write("svc/clean.go", LintCommand.clean)
        let run = CommandRun([tree.all])
        #expect(run.errorLines.last?.hasPrefix("2 findings in 1 file; 2 files checked in ") == true)
        let quiet = CommandRun(["--quiet", tree.all])
        #expect(quiet.err.isEmpty)
    }

    @Test func rulesTableAndExplain() {
        let table = CommandRun(["rules"])
        #expect(table.status == 0)
        let lines = table.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "RULE                 SEVERITY  TITLE")
        #expect(lines.contains("lost-cancel          warning   cancel function of a derived context not called on every path"))
        #expect(lines.count == RuleRegistry.all.count + 2)  // header, rules, the explain hint (the blank line is dropped)
        let explain = CommandRun(["explain", "unclosed-body"])
        #expect(explain.status == 0)
        #expect(explain.out.hasPrefix("unclosed-body\n============="))
        #expect(!explain.out.contains("```"))
        let unknown = CommandRun(["explain", "unclosed-bodies"])
        #expect(unknown.status == 2)
        #expect(unknown.errorLines == ["leaklint: unknown rule unclosed-bodies (did you mean unclosed-body?); 'leaklint rules' lists them"])
    }

    @Test func helpAndVersion() {
        let help = CommandRun(["--help"])
        #expect(help.status == 0)
        #expect(help.out.hasPrefix("usage: leaklint [flags] [PATH...]"))
        #expect(help.out.contains("--format FORMAT"))
        #expect(CommandRun(["--version"]).out == "leaklint \(Command.version)\n")
        let badFormat = CommandRun(["--format", "sarf"])
        #expect(badFormat.status == 2)
        #expect(badFormat.errorLines.first == "leaklint: unknown format 'sarf': use text, json or sarif (did you mean sarif?)")
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", ReportFormats.leaky)
        func output(terminal: Bool, environment: [String: String]) -> String {
            let captured = Captured()
            let sink = OutputSink(
                out: { captured.append(out: $0) }, error: { captured.append(error: $0) }, outputIsTerminal: terminal,
                environment: environment)
            _ = Command.run(arguments: ["--quiet", tree.all], output: sink)
            return captured.out
        }
        #expect(output(terminal: true, environment: [:]).contains("\u{1B}["))
        #expect(!output(terminal: true, environment: ["NO_COLOR": "1"]).contains("\u{1B}["))
        #expect(!output(terminal: false, environment: [:]).contains("\u{1B}["))
    }
}

/// `--files-from -` takes the paths to lint from standard input (for `git diff --name-only | leaklint --files-from -`).
@Suite struct FilesFromStandardInput {
    @Test func pathsComeFromStandardInput() throws {
        let tree = try FixtureTree()
        let leaky = try tree.write("svc/leaky.go", ReportFormats.leaky)
        let clean = try tree.write("svc/clean.go", LintCommand.clean)
        let captured = Captured()
        let sink = OutputSink(out: { captured.append(out: $0) }, error: { captured.append(error: $0) })
        let status = Command.run(arguments: ["--files-from", "-", "--quiet"], output: sink, standardInput: { .success(Array("\(clean)\n\(leaky)\n".utf8)) })
        #expect(status == 1)
        let lines = captured.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix(leaky + ":") })
    }
}
