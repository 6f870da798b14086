package unclosedbody

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// PriceClient talks to the pricing API.
type PriceClient struct {
	base   string
	client *http.Client
}

// Doer is any value with a Do method; its concrete type is unknown here.
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

// Reported: http.DefaultClient.Do; the body is never closed.
func sendEvent(req *http.Request) error {
	res, err := http.DefaultClient.Do(req) // want "res\\.Body is never closed"
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusAccepted {
		return fmt.Errorf("event rejected: %s", res.Status)
	}
	return nil
}

// Reported: a local &http.Client{...}; the body is copied out but never closed.
func download(u string, w io.Writer) error {
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return err
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

// Reported: a *http.Client parameter; the error status path skips the close.
func fetchJSON(client *http.Client, req *http.Request, v any) error {
	resp, err := client.Do(req) // want "resp\\.Body is not closed on every path"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", req.URL, resp.Status)
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// Reported: a *http.Client struct field; the response is discarded.
func (p *PriceClient) Invalidate(sku string) error {
	_, err := p.client.Post(p.base+"/invalidate", "text/plain", strings.NewReader(sku)) // want "the response from p\\.client\\.Post is discarded"
	return err
}

// Reported: RoundTrip on http.DefaultTransport; the body is never closed.
func rawStatus(req *http.Request) (int, error) {
	resp, err := http.DefaultTransport.RoundTrip(req) // want "resp\\.Body is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Reported: RoundTrip on a *http.Transport parameter; the body is never closed.
func forward(t *http.Transport, req *http.Request, w http.ResponseWriter) error {
	resp, err := t.RoundTrip(req) // want "resp\\.Body is never closed"
	if err != nil {
		return err
	}
	w.WriteHeader(resp.StatusCode)
	_, err = io.Copy(w, resp.Body)
	return err
}

// Reported: a function of this package that returns *http.Response; the caller never closes.
func whoAmI(ctx context.Context, token string) (string, error) {
	resp, err := getWithAuth(ctx, "https://api.example.com/me", token) // want "resp\\.Body is never closed"
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Not reported: a struct-field client with the body closed by defer.
func (p *PriceClient) Price(sku string) (Quote, error) {
	var q Quote
	resp, err := p.client.Get(p.base + "/price?sku=" + url.QueryEscape(sku))
	if err != nil {
		return q, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&q)
	return q, err
}

// Not reported: RoundTrip on a local transport, closed by defer.
func headers(req *http.Request) (http.Header, error) {
	t := &http.Transport{DisableKeepAlives: true}
	resp, err := t.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp.Header, nil
}

// Not reported: the package's own function, with the caller closing the body.
func whoAmIClosed(ctx context.Context, token string) (string, error) {
	resp, err := getWithAuth(ctx, "https://api.example.com/me", token)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Not reported: Do on an interface value is not a known *http.Client.
func callDoer(d Doer, req *http.Request) (int, error) {
	resp, err := d.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
