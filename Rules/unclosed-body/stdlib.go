package unclosedbody

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
)

// The standard library below only reads the response or its body, or wraps
// the body without closing it: the body is still this function's to close.

// Reported: the decoding error returns with the body open.
func decodeInto(u string, v any) error {
	resp, err := http.Get(u) // want "resp\\.Body is not closed on every path"
	if err != nil {
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("decoding %s: %w", u, err)
	}
	return resp.Body.Close()
}

// Reported: printing the response does not close its body.
func printResponse(u string) error {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return err
	}
	fmt.Println(resp)
	log.Printf("%s: %v", u, resp.Status)
	return nil
}

// Reported: structured logging of the response does not close its body.
func logResponse(u string, logger *slog.Logger) error {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return err
	}
	logger.Info("fetched", "response", resp)
	slog.Debug("fetched", "status", resp.StatusCode)
	return nil
}

// Reported: closing the bufio.Reader is impossible, and it would not close the body anyway.
func firstWord(u string) (string, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return "", err
	}
	r := bufio.NewReader(resp.Body)
	return r.ReadString(' ')
}

// Reported: the capped reader is read to its end but nothing closes it or the body.
func readCapped(u string) ([]byte, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(http.MaxBytesReader(nil, resp.Body, 1<<20))
}

// Reported: a dump without the body leaves the body unread and open.
func dumpHeaders(u string) ([]byte, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return nil, err
	}
	return httputil.DumpResponse(resp, false)
}

// Reported: Buffer.ReadFrom reads the body to its end but does not close it.
func buffer(u string) (*bytes.Buffer, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	return &buf, err
}

// Not reported: closing the capped reader closes the body.
func readCappedClosed(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	body := http.MaxBytesReader(nil, resp.Body, 1<<20)
	defer body.Close()
	return io.ReadAll(body)
}

// Not reported: a dump with the body reads it to its end and closes it.
func dumpAll(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return httputil.DumpResponse(resp, true)
}

// Not reported: printed, then closed.
func printAndClose(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	fmt.Println(resp.Status, resp)
	return resp.Body.Close()
}

// Events decodes a stream of JSON values as they arrive.
type Events struct {
	dec *json.Decoder
}

// Not reported: the decoder keeps reading the body after this function returns.
func (e *Events) Subscribe(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	e.dec = json.NewDecoder(resp.Body)
	return nil
}
