//lint:file-ignore unclosed-body one-shot probes run once at start-up

package unusedsuppression

import (
	"bufio"
	"net/http"
)

// Not reported: the file-level directive suppresses real unclosed-body findings.

// banner returns the first line a server sends.
func banner(u string) (string, error) {
	resp, err := http.Get(u)
	if err != nil {
		return "", err
	}
	return bufio.NewReader(resp.Body).ReadString('\n')
}

// headStatus looks at the status only.
func headStatus(u string) (string, error) {
	resp, err := http.Head(u)
	if err != nil {
		return "", err
	}
	return resp.Status, nil
}
