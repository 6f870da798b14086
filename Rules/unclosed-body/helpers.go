// Package unclosedbody holds examples for the unclosed-body rule: lines marked
// with a want comment must be reported, every other line must not.
package unclosedbody

import (
	"context"
	"io"
	"net/http"
)

// Quote is the pricing API's answer.
type Quote struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
}

// getWithAuth builds an authenticated GET request.
// Not reported: the response of Do is returned to the caller, who must close it.
func getWithAuth(ctx context.Context, url, token string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}

// drainAndClose reads what is left of a body so the connection can be reused, then closes it.
func drainAndClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, body)
	_ = body.Close()
}

// closeResponse closes a response's body.
func closeResponse(resp *http.Response) { _ = resp.Body.Close() }
