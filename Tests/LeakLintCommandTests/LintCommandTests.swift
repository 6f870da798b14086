import Foundation
import Testing
@testable import LeakLintCommand

/// The lint command end to end: findings on standard output, exit status,
/// sibling files read for context, rule selection and the version override.
@Suite struct LintCommand {
    static let leaky = """
        package svc

        import (
        	"context"
        	"net/http"
        	"time"
        )

        func price(url string) (int, error) {
        	resp, err := http.Get(url)
        	if err != nil {
        		return 0, err
        	}
        	return resp.StatusCode, nil
        }

        func poll(parent context.Context) {
        	ctx, _ := context.WithTimeout(parent, time.Second)
        	_ = ctx
        }

        """

    static let clean = """
        package svc

        import "net/http"

        func status(url string) (int, error) {
        	resp, err := http.Get(url)
        	if err != nil {
        		return 0, err
        	}
        	defer resp.Body.Close()
        	return resp.StatusCode, nil
        }

        """

    @Test func findingsGoToStandardOutputAndExitOne() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", LintCommand.leaky)
        let run = CommandRun([tree.root])
        #expect(run.status == 1)
        #expect(run.out == """
            \(path):10:15: resp.Body is never closed: the connection cannot be reused; defer resp.Body.Close() after checking the error (unclosed-body)
            \t\(path):14:2: this return leaves resp.Body open
            \(path):18:12: the cancel function returned by context.WithTimeout is discarded: the context and its timer leak until the parent is cancelled; assign it and defer cancel() (lost-cancel)

            """)
        #expect(run.errorLines.count == 1)
        #expect(run.errorLines.first?.hasPrefix("2 findings in 1 file; 1 file checked in ") == true)
    }

    @Test func cleanCodeExitsZero() throws {
        let tree = try FixtureTree()
        try tree.write("svc/clean.go", LintCommand.clean)
        let run = CommandRun([tree.root + "/..."])
        #expect(run.status == 0)
        #expect(run.out.isEmpty)
        #expect(run.errorLines.first?.hasPrefix("no findings; 1 file checked in ") == true)
    }

    @Test func syntaxErrorsExitTwoWhileOtherFilesAreStillLinted() throws {
        let tree = try FixtureTree()
        let leaky = try tree.write("a/leaky.go", LintCommand.leaky)
        let broken = try tree.write("b/broken.go", "package b\n\nfunc f( {\n")
        let run = CommandRun([tree.root])
        #expect(run.status == 2)
        #expect(run.errorLines.first == "\(broken):3:9: syntax error: expected ')', found '{'")
        #expect(run.out.contains("\(leaky):10:15:"))
    }

    @Test func namedFilesAreReportedAndTheirSiblingsReadForContext() throws {
        let tree = try FixtureTree()
        // The sibling declares the function whose result must be closed, and leaks itself.
        try tree.write("svc/client.go", """
            package svc

            import "net/http"

            func fetch(url string) (*http.Response, error) { return http.Get(url) }

            func leakHere(url string) {
            	resp, _ := http.Get(url)
            	_ = resp.StatusCode
            }

            """)
        let named = try tree.write("svc/use.go", """
            package svc

            func use(url string) int {
            	resp, err := fetch(url)
            	if err != nil {
            		return 0
            	}
            	return resp.StatusCode
            }

            """)
        let run = CommandRun([named])
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(lines == ["\(named):4:15: resp.Body is never closed: the connection cannot be reused; defer resp.Body.Close() after checking the error (unclosed-body)"])
    }

    @Test func disableAndEnableSelectRules() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", LintCommand.leaky)
        let withoutBody = CommandRun(["--disable", "unclosed-body", tree.root])
        #expect(withoutBody.out.contains("(lost-cancel)") && !withoutBody.out.contains("(unclosed-body)"))
        let onlyBody = CommandRun(["--enable=unclosed-body", tree.root])
        #expect(!onlyBody.out.contains("(lost-cancel)") && onlyBody.out.contains("(unclosed-body)"))
    }

    @Test func unknownRuleIsAUsageErrorWithASuggestion() throws {
        let run = CommandRun(["--disable", "lost-cancle", "."])
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: unknown rule lost-cancle (did you mean lost-cancel?); 'leaklint rules' lists them"])
    }

    @Test func goVersionOverrideDecidesVersionDependentRules() throws {
        let tree = try FixtureTree()
        try tree.write("svc/go.mod", "module example.com/svc\n\ngo 1.21\n")
        try tree.write("svc/tick.go", """
            package svc

            import "time"

            func wait(d time.Duration) {
            	t := time.NewTicker(d)
            	<-t.C
            }

            """)
        let old = CommandRun([tree.root])
        #expect(old.status == 1)
        #expect(old.out.contains("ticker t is never stopped"))
        let new = CommandRun(["--go-version", "1.23", tree.root])
        #expect(new.status == 0)
        let bad = CommandRun(["--go-version", "latest", tree.root])
        #expect(bad.status == 2)
        #expect(bad.errorLines == ["leaklint: --go-version needs a version like 1.21, not 'latest'"])
    }

    @Test func suppressionCommentsSilenceFindings() throws {
        let tree = try FixtureTree()
        let source = LintCommand.leaky
            .replacingOccurrences(of: "\tresp, err := http.Get(url)", with: "\tresp, err := http.Get(url) //nolint:unclosed-body")
            .replacingOccurrences(of: "\tctx, _ := context.WithTimeout", with: "\t//leaklint:ignore lost-cancel the process exits right after\n\tctx, _ := context.WithTimeout")
        try tree.write("svc/leaky.go", source)
        let run = CommandRun([tree.root])
        #expect(run.status == 0)
        #expect(run.out.isEmpty)
    }
}
