package unclosedbody

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Reported: the body is read but never closed.
func fetchPage(u string) ([]byte, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed: the connection cannot be reused; defer resp\\.Body\\.Close\\(\\) after checking the error"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Reported: the JSON is decoded from the body, which is never closed.
func postOrder(u string, order []byte) (map[string]any, error) {
	resp, err := http.Post(u, "application/json", bytes.NewReader(order)) // want "resp\\.Body is never closed"
	if err != nil {
		return nil, err
	}
	var out map[string]any
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}

// Reported: only the status code is looked at; the body stays open.
func exists(u string) (bool, error) {
	res, err := http.Head(u) // want "res\\.Body is never closed"
	if err != nil {
		return false, err
	}
	return res.StatusCode == http.StatusOK, nil
}

// Reported: a form post whose body is never closed.
func login(u, user, pass string) (int, error) {
	resp, err := http.PostForm(u, url.Values{"user": {user}, "pass": {pass}}) // want "resp\\.Body is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Reported: the status check returns before the deferred close is registered.
func fetchQuote(sku string) (*Quote, error) {
	resp, err := http.Get("http://pricing.internal/v1/price?sku=" + sku) // want "resp\\.Body is not closed on every path"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("pricing: %s", resp.Status)
	}
	defer resp.Body.Close()
	var q Quote
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return nil, err
	}
	return &q, nil
}

// Reported: the response is discarded, only the error is kept.
func touch(u string) error {
	_, err := http.Get(u) // want "the response from http\\.Get is discarded, so its body is never closed"
	return err
}

// Reported: the call is a statement; response and error are both dropped.
func fireAndForget(u, event string) {
	http.Post(u, "text/plain", strings.NewReader(event)) // want "the response from http\\.Post is discarded"
}

// Not reported: the error-check idiom; the return in the err branch needs no close.
func fetchPageClosed(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Not reported: the close happens in a deferred closure that also keeps its error.
func fetchQuoteChecked(sku string) (q Quote, err error) {
	resp, err := http.Get("http://pricing.internal/v1/price?sku=" + sku)
	if err != nil {
		return q, err
	}
	defer func() {
		if cerr := resp.Body.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return q, fmt.Errorf("pricing: %s", resp.Status)
	}
	err = json.NewDecoder(resp.Body).Decode(&q)
	return q, err
}

// Not reported: the early return on error happens before any response exists.
func search(u, term string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, u+"?q="+url.QueryEscape(term), nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Not reported: the body is handed to a helper that drains and closes it.
func probe(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer drainAndClose(resp.Body)
	return resp.StatusCode, nil
}

// Not reported: the whole response is handed to a helper that closes it.
func ping(u string) error {
	resp, err := http.Head(u)
	if err != nil {
		return err
	}
	defer closeResponse(resp)
	if resp.StatusCode >= 500 {
		return fmt.Errorf("ping %s: %s", u, resp.Status)
	}
	return nil
}

// Reported: assigning the response to the blank identifier hands nothing off.
func touchQuietly(u string) {
	resp, err := http.Get(u) // want "resp.Body is never closed"
	if err != nil {
		return
	}
	_ = resp
}
