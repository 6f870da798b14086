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
        let run = CommandRun([tree.all])
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
        let run = CommandRun([tree.all])
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
        let withoutBody = CommandRun(["--disable", "unclosed-body", tree.all])
        #expect(withoutBody.out.contains("(lost-cancel)") && !withoutBody.out.contains("(unclosed-body)"))
        let onlyBody = CommandRun(["--enable=unclosed-body", tree.all])
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
        let old = CommandRun([tree.all])
        #expect(old.status == 1)
        #expect(old.out.contains("ticker t is never stopped"))
        let new = CommandRun(["--go-version", "1.23", tree.all])
        #expect(new.status == 0)
        let bad = CommandRun(["--go-version", "latest", tree.all])
        #expect(bad.status == 2)
        #expect(bad.errorLines == [
            "leaklint: --go-version needs a language version such as 1.21 or go1.21, not 'latest'", "run 'leaklint --help' for usage",
        ])
    }

    @Test func suppressionCommentsSilenceFindings() throws {
        let tree = try FixtureTree()
        let source = LintCommand.leaky
            .replacingOccurrences(of: "\tresp, err := http.Get(url)", with: "\tresp, err := http.Get(url) //nolint:unclosed-body")
            .replacingOccurrences(of: "\tctx, _ := context.WithTimeout", with: "\t//leaklint:ignore lost-cancel the process exits right after\n\tctx, _ := context.WithTimeout")
        try tree.write("svc/leaky.go", source)
        let run = CommandRun([tree.all])
        #expect(run.status == 0)
        #expect(run.out.isEmpty)
    }
}

/// `.leaklint.json` end to end: user-declared resources are followed, rules
/// switched off or re-graded, and a broken file stops the run with exit 2.
@Suite struct ProjectConfiguration {
    static let pool = """
        package pool

        type Pool struct{}

        type Conn struct{}

        func (p *Pool) Acquire() (*Conn, error) { return &Conn{}, nil }

        func (c *Conn) Release() {}

        """

    static let use = """
        package app

        import "example.com/app/pool"

        func leaks(p *pool.Pool) error {
        	c, err := p.Acquire()
        	if err != nil {
        		return err
        	}
        	_ = c
        	return nil
        }

        func releases(p *pool.Pool) error {
        	c, err := p.Acquire()
        	if err != nil {
        		return err
        	}
        	defer c.Release()
        	return nil
        }

        """

    static let config = """
        {"resources": [{"package": "example.com/app/pool", "function": "Acquire", "receiver": "*Pool",
                        "release": ["Release"], "message": "the pooled connection is never returned"}],
         "rules": {"unclosed-resource": {"severity": "error"}}}
        """

    @Test func declaredResourceIsReportedWhenLeakedAndSilentWhenReleased() throws {
        let tree = try FixtureTree()
        try tree.write("app/go.mod", "module example.com/app\n\ngo 1.21\n")
        try tree.write("app/pool/pool.go", ProjectConfiguration.pool)
        let path = try tree.write("app/app.go", ProjectConfiguration.use)
        try tree.write("app/.leaklint.json", ProjectConfiguration.config)
        let run = CommandRun(["--quiet", "--format", "json", tree.path("app")])
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["path"] as? String == path)
        #expect(findings.first?["line"] as? Int == 6)
        #expect(findings.first?["severity"] as? String == "error")
        #expect(findings.first?["message"] as? String
            == "c is never released: the pooled connection is never returned; defer c.Release() after checking the error")
        // Without the configuration nothing is known about the pool.
        try FileManager.default.removeItem(atPath: tree.path("app/.leaklint.json"))
        #expect(CommandRun(["--quiet", tree.path("app")]).status == 0)
    }

    @Test func explicitConfigAndDisabledRules() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", LintCommand.leaky)
        let config = try tree.write("conf/leaklint.json", "{\"rules\": {\"unclosed-body\": {\"enabled\": false}}}")
        let run = CommandRun(["--quiet", "--config", config, tree.path("svc")])
        #expect(run.status == 1)
        #expect(!run.out.contains("(unclosed-body)") && run.out.contains("(lost-cancel)"))
        // A flag still wins over the file.
        let enabled = CommandRun(["--quiet", "--config", config, "--enable", "unclosed-body", tree.path("svc")])
        #expect(enabled.out.contains("(unclosed-body)"))
    }

    @Test func malformedConfigurationIsAnErrorNamingFileAndField() throws {
        let tree = try FixtureTree()
        try tree.write("svc/leaky.go", LintCommand.leaky)
        let config = try tree.write("svc/.leaklint.json", "{\"resources\": [{\"package\": \"p\", \"function\": \"F\"}]}")
        let run = CommandRun(["--quiet", tree.path("svc")])
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "leaklint: \(config): resources[0].release: is required: a non-empty array of method names, e.g. [\"Release\"]"
        ])
    }
}
