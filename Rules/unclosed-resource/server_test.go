package unclosedresource

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// apiSuite shares one test server between several checks.
type apiSuite struct {
	srv *httptest.Server
}

// Reported: the test server is never closed.
func TestHealthz(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(healthz)) // want "srv is never closed: its listener and goroutines leak"
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want 200", resp.StatusCode)
	}
}

// Reported: only the server's client is returned; the TLS server itself is lost.
func tlsClientFor(h http.Handler) *http.Client {
	srv := httptest.NewTLSServer(h) // want "srv is never closed: its listener and goroutines leak"
	return srv.Client()
}

// Reported: the request error path returns before the server is closed.
func TestRedirect(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.RedirectHandler("/new", http.StatusMovedPermanently)) // want "srv is not closed on every path: its listener and goroutines leak"
	srv.Start()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	resp, err := client.Get(srv.URL + "/old")
	if err != nil {
		t.Error(err)
		return
	}
	resp.Body.Close()
	if got := resp.Header.Get("Location"); got != "/new" {
		t.Errorf("Location = %q, want /new", got)
	}
	srv.Close()
}

// Not reported: defer srv.Close() right after the server starts.
func TestHealthzClosed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(healthz))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if string(body) != "ok" {
		t.Errorf("body = %q, want ok", body)
	}
}

// Not reported: the method value srv.Close is handed to t.Cleanup.
func newTestAPI(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// Not reported: the server is stored in the suite and closed by its teardown.
func (s *apiSuite) setUp(h http.Handler) {
	srv := httptest.NewUnstartedServer(h)
	srv.EnableHTTP2 = true
	srv.StartTLS()
	s.srv = srv
}

func (s *apiSuite) tearDown() { s.srv.Close() }

// Not reported: the recorder is not a server; there is nothing to close.
func TestHealthzRecorder(t *testing.T) {
	rec := httptest.NewRecorder()
	healthz(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("code = %d, want 200", rec.Code)
	}
}
