import Testing
@testable import LeakRules

/// The exact text of each rule's suggested fix, and the places where a fix
/// would not be correct code and none is offered.
@Suite struct SuggestedFixes {
    /// `source` with the fixes of every finding of `ruleID` applied; nil when there is none.
    static func fixed(_ source: String, _ ruleID: String) -> String? {
        let fixes = InlineLint.diagnostics(source).filter { $0.ruleID == ruleID }.compactMap(\.fix).map(\.edits)
        guard !fixes.isEmpty else { return nil }
        let outcome = FixApplier.apply(fixes, to: Array(source.utf8))
        #expect(outcome.syntaxError == nil && outcome.conflicting.isEmpty && outcome.invalid.isEmpty)
        return String(decoding: outcome.source, as: UTF8.self)
    }

    /// How many findings of `ruleID` there are, and how many carry a fix.
    static func counts(_ source: String, _ ruleID: String) -> (findings: Int, fixes: Int) {
        let findings = InlineLint.diagnostics(source).filter { $0.ruleID == ruleID }
        return (findings.count, findings.filter { $0.fix != nil }.count)
    }

    @Test func deferCancelGoesOnTheLineAfterTheCallPastItsComment() {
        #expect(SuggestedFixes.fixed("""
            package p

            import "context"

            func run(parent context.Context, fail bool) error {
            	ctx, cancel := context.WithCancel(parent) // derived
            	if fail {
            		return nil
            	}
            	cancel()
            	return ctx.Err()
            }

            """, "lost-cancel") == """
            package p

            import "context"

            func run(parent context.Context, fail bool) error {
            	ctx, cancel := context.WithCancel(parent) // derived
            	defer cancel()
            	if fail {
            		return nil
            	}
            	cancel()
            	return ctx.Err()
            }

            """)
    }

    @Test func noDeferCancelWhenCancelIsHandedOffOrTheCallIsInALoop() {
        let source = """
            package p

            import "context"

            var jobs = map[string]context.CancelFunc{}

            func start(parent context.Context, id string, track bool) context.Context {
            	ctx, cancel := context.WithCancel(parent)
            	if track {
            		jobs[id] = cancel
            		return ctx
            	}
            	return nil
            }

            func each(parent context.Context, ids []string) error {
            	for range ids {
            		ctx, cancel := context.WithCancel(parent)
            		if ctx.Err() != nil {
            			return ctx.Err()
            		}
            		cancel()
            	}
            	return nil
            }

            """
        #expect(SuggestedFixes.counts(source, "lost-cancel") == (2, 0))
    }

    @Test func deferBodyCloseGoesAfterTheErrorChecks() {
        #expect(SuggestedFixes.fixed("""
            package p

            import (
            	"errors"
            	"net/http"
            )

            var errGone = errors.New("gone")

            func status(c *http.Client, url string) (int, error) {
            	resp, err := c.Get(url)
            	if errors.Is(err, errGone) {
            		return 0, nil
            	}
            	if err != nil {
            		return 0, err
            	}
            	if resp.StatusCode != http.StatusOK {
            		return 0, errGone
            	}
            	resp.Body.Close()
            	return resp.StatusCode, nil
            }

            """, "unclosed-body") == """
            package p

            import (
            	"errors"
            	"net/http"
            )

            var errGone = errors.New("gone")

            func status(c *http.Client, url string) (int, error) {
            	resp, err := c.Get(url)
            	if errors.Is(err, errGone) {
            		return 0, nil
            	}
            	if err != nil {
            		return 0, err
            	}
            	defer resp.Body.Close()
            	if resp.StatusCode != http.StatusOK {
            		return 0, errGone
            	}
            	resp.Body.Close()
            	return resp.StatusCode, nil
            }

            """)
    }

    @Test func noDeferBodyCloseWithoutAnErrorCheckOrWhenTheResponseIsReturnedOrReassigned() {
        let source = """
            package p

            import "net/http"

            func unchecked(url string) int {
            	resp, _ := http.Get(url)
            	return resp.StatusCode
            }

            func checkedLater(url string) (int, error) {
            	resp, err := http.Get(url)
            	code := 0
            	if err != nil {
            		return code, err
            	}
            	return resp.StatusCode, nil
            }

            func maybeReturned(url string, keep bool) (*http.Response, error) {
            	resp, err := http.Get(url)
            	if err != nil {
            		return nil, err
            	}
            	if keep {
            		return resp, nil
            	}
            	return nil, nil
            }

            func retried(url string) (int, error) {
            	resp, err := http.Get(url)
            	if err != nil {
            		return 0, err
            	}
            	if resp.StatusCode == http.StatusServiceUnavailable {
            		resp, err = http.Get(url)
            		if err != nil {
            			return 0, err
            		}
            		defer resp.Body.Close()
            	}
            	return resp.StatusCode, nil
            }

            """
        #expect(SuggestedFixes.counts(source, "unclosed-body") == (4, 0))
    }

    @Test func resourcesGetTheirReleaseMethod() {
        #expect(SuggestedFixes.fixed("""
            package p

            import (
            	"database/sql"
            	"net/http/httptest"
            	"os"
            	"os/signal"
            )

            func first(path string) (byte, error) {
            	f, err := os.Open(path)
            	if err != nil {
            		return 0, err
            	}
            	b := make([]byte, 1)
            	if _, err := f.Read(b); err != nil {
            		return 0, err
            	}
            	f.Close()
            	return b[0], nil
            }

            func transfer(db *sql.DB) error {
            	tx, err := db.Begin()
            	if err != nil {
            		return err
            	}
            	if _, err := tx.Exec("UPDATE a SET n = n - 1"); err != nil {
            		return err
            	}
            	return tx.Commit()
            }

            func serve() string {
            	srv := httptest.NewServer(nil)
            	return srv.URL
            }

            func interrupted(ch chan os.Signal, stop <-chan struct{}) bool {
            	sig := make(chan os.Signal, 1)
            	signal.Notify(sig, os.Interrupt)
            	select {
            	case <-sig:
            		return true
            	case <-stop:
            		return false
            	}
            }

            """, "unclosed-resource") == """
            package p

            import (
            	"database/sql"
            	"net/http/httptest"
            	"os"
            	"os/signal"
            )

            func first(path string) (byte, error) {
            	f, err := os.Open(path)
            	if err != nil {
            		return 0, err
            	}
            	defer f.Close()
            	b := make([]byte, 1)
            	if _, err := f.Read(b); err != nil {
            		return 0, err
            	}
            	f.Close()
            	return b[0], nil
            }

            func transfer(db *sql.DB) error {
            	tx, err := db.Begin()
            	if err != nil {
            		return err
            	}
            	defer tx.Rollback()
            	if _, err := tx.Exec("UPDATE a SET n = n - 1"); err != nil {
            		return err
            	}
            	return tx.Commit()
            }

            func serve() string {
            	srv := httptest.NewServer(nil)
            	defer srv.Close()
            	return srv.URL
            }

            func interrupted(ch chan os.Signal, stop <-chan struct{}) bool {
            	sig := make(chan os.Signal, 1)
            	signal.Notify(sig, os.Interrupt)
            	defer signal.Stop(sig)
            	select {
            	case <-sig:
            		return true
            	case <-stop:
            		return false
            	}
            }

            """)
    }

    @Test func noDeferCloseWhileAGoroutineStillReadsTheFile() {
        let source = """
            package p

            import (
            	"io"
            	"os"
            )

            func copyInBackground(dst io.Writer, path string) error {
            	f, err := os.Open(path)
            	if err != nil {
            		return err
            	}
            	go io.Copy(dst, f)
            	return nil
            }

            """
        #expect(SuggestedFixes.counts(source, "unclosed-resource") == (1, 0))
    }

    @Test func deferStopForTickersAndTimersButNotWhenHandedOff() {
        #expect(SuggestedFixes.fixed("""
            package p

            import (
            	"context"
            	"time"
            )

            func poll(ctx context.Context, check func() bool) {
            	t := time.NewTicker(time.Second)
            	for {
            		select {
            		case <-ctx.Done():
            			return
            		case <-t.C:
            			if check() {
            				t.Stop()
            				return
            			}
            		}
            	}
            }

            """, "unstopped-timer") == """
            package p

            import (
            	"context"
            	"time"
            )

            func poll(ctx context.Context, check func() bool) {
            	t := time.NewTicker(time.Second)
            	defer t.Stop()
            	for {
            		select {
            		case <-ctx.Done():
            			return
            		case <-t.C:
            			if check() {
            				t.Stop()
            				return
            			}
            		}
            	}
            }

            """)
        let handedOff = """
            package p

            import "time"

            var tickers []*time.Ticker

            func keep(d time.Duration, remember bool) {
            	t := time.NewTicker(d)
            	if remember {
            		tickers = append(tickers, t)
            	}
            }

            """
        #expect(SuggestedFixes.counts(handedOff, "unstopped-timer") == (1, 0))
    }

    @Test func loopVariableCopyIsTheFirstStatementOfTheBody() {
        #expect(SuggestedFixes.fixed("""
            package p

            func notifyAll(hooks []string, send func(string)) {
            	for _, hook := range hooks { // every subscriber
            		go func() {
            			send(hook)
            		}()
            	}
            	for i := 0; i < 3; i++ { go func() { println(i) }() }
            }

            """, "loop-var-capture") == """
            package p

            func notifyAll(hooks []string, send func(string)) {
            	for _, hook := range hooks { // every subscriber
            		hook := hook
            		go func() {
            			send(hook)
            		}()
            	}
            	for i := 0; i < 3; i++ { i := i; go func() { println(i) }() }
            }

            """)
    }

    @Test func noLoopVariableCopyWhenAThreeClauseBodyAssignsTheVariable() {
        let source = """
            package p

            func skipping(items []string) {
            	for i := 0; i < len(items); i++ {
            		go func() { println(items[i]) }()
            		if items[i] == "" {
            			i++
            		}
            	}
            }

            """
        #expect(SuggestedFixes.counts(source, "loop-var-capture") == (1, 0))
    }

    @Test func singleResultSenderGetsABufferOfOneOnly() {
        #expect(SuggestedFixes.fixed("""
            package p

            import "context"

            func lookup(ctx context.Context, slow func() string) string {
            	ch := make(chan string)
            	go func() {
            		ch <- slow()
            	}()
            	select {
            	case s := <-ch:
            		return s
            	case <-ctx.Done():
            		return ""
            	}
            }

            """, "goroutine-send-leak")?.contains("\tch := make(chan string, 1)\n") == true)
        let twoResults = """
            package p

            import "context"

            func lookup(ctx context.Context, slow func() string) string {
            	ch := make(chan string, 0)
            	go func() {
            		ch <- slow()
            		ch <- slow()
            	}()
            	select {
            	case s := <-ch:
            		return s + <-ch
            	case <-ctx.Done():
            		return ""
            	}
            }

            """
        #expect(SuggestedFixes.counts(twoResults, "goroutine-send-leak") == (1, 0))
    }

    @Test func insertedLinesUseTheFileLineBreaks() {
        let source = "package p\r\n\r\nimport \"time\"\r\n\r\nfunc wait(d time.Duration, quit chan bool) bool {\r\n\tt := time.NewTimer(d)\r\n\tselect {\r\n\tcase <-quit:\r\n\t\treturn false\r\n\tcase <-t.C:\r\n\t\treturn true\r\n\t}\r\n}\r\n"
        #expect(SuggestedFixes.fixed(source, "unstopped-timer")
            == source.replacingOccurrences(of: "NewTimer(d)\r\n", with: "NewTimer(d)\r\n\tdefer t.Stop()\r\n"))
    }
}
