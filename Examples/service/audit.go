package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
)

// auditLog appends what the staff endpoints do to a JSON-lines file; no
// database needed.
type auditLog struct {
	mu   sync.Mutex
	path string
}

// auditEntry is one line of the audit log.
type auditEntry struct {
	Time   time.Time `json:"time"`
	Action string    `json:"action"`
	Order  order     `json:"order"`
}

// record appends one entry to the log.
func (a *auditLog) record(action string, o order) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	f, err := os.OpenFile(a.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	entry := auditEntry{Time: time.Now().UTC(), Action: action, Order: o}
	if err := json.NewEncoder(f).Encode(entry); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return f.Close()
}

// recent returns the last n entries of the log.
func (a *auditLog) recent(n int) ([]auditEntry, error) {
	f, err := os.Open(a.path) // only read, nothing to flush
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var entries []auditEntry
	dec := json.NewDecoder(f)
	for {
		var e auditEntry
		err := dec.Decode(&e)
		if err == io.EOF {
			return entries, nil
		}
		if err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		entries = append(entries, e)
		if len(entries) > n {
			entries = entries[1:]
		}
	}
}

// handleAudit answers /audit?n=50 with the latest entries.
func (b *backOffice) handleAudit(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil || n <= 0 {
		n = 50
	}
	entries, err := b.audit.recent(n)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, entries)
}
