package unclosedbody

import (
	"errors"
	"net/http"
)

// errNotModified stands for an error that comes without a response.
var errNotModified = errors.New("not modified")

// fetchCached calls a transport that reports cache hits as an error.
func fetchCached(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	return rt.RoundTrip(req)
}

// Not reported: the body is closed whenever both the response and its body exist.
func statusWhenPresent(c *http.Client, req *http.Request) int {
	res, err := c.Do(req)
	if err != nil {
		return 0
	}
	code := res.StatusCode
	if res != nil && res.Body != nil {
		res.Body.Close()
	}
	return code
}

// Not reported: comparing the error with a sentinel means the call failed,
// so there is no body on that branch.
func revalidate(rt http.RoundTripper, req *http.Request) bool {
	res, err := fetchCached(rt, req)
	if err == errNotModified {
		return true
	}
	if err != nil {
		return false
	}
	res.Body.Close()
	return false
}

// Not reported: errors.Is on the call's error has the same meaning.
func revalidateWrapped(rt http.RoundTripper, req *http.Request) bool {
	res, err := fetchCached(rt, req)
	if errors.Is(err, errNotModified) {
		return true
	}
	if err != nil {
		return false
	}
	defer res.Body.Close()
	return res.StatusCode == http.StatusOK
}

// Reported: a failed status check returns before the body is closed.
func statusOrError(c *http.Client, req *http.Request) error {
	res, err := c.Do(req) // want "res.Body is not closed on every path"
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return errors.New(res.Status)
	}
	return res.Body.Close()
}
