// Package unclosedresource holds examples for the unclosed-resource rule:
// lines marked with a want comment must be reported, every other line must not.
package unclosedresource

import (
	"database/sql"
	"errors"
	"io"
	"log"
	"net/http"
)

// Config is a service configuration file.
type Config struct {
	Listen string `json:"listen"`
	DSN    string `json:"dsn"`
}

// Count is one line of a report.
type Count struct {
	Name  string
	Count int
}

// User is a row of the users table.
type User struct {
	ID    int64
	Email string
}

var (
	errTooLarge = errors.New("too large")
	errNoCert   = errors.New("no peer certificate")
	errEmpty    = errors.New("empty input")
)

// closeQuietly closes c and logs a failure.
func closeQuietly(c io.Closer) {
	if err := c.Close(); err != nil {
		log.Printf("close: %v", err)
	}
}

// scanUsers reads every row and closes rows.
func scanUsers(rows *sql.Rows) ([]User, error) {
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// healthz answers health checks.
func healthz(w http.ResponseWriter, _ *http.Request) {
	_, _ = io.WriteString(w, "ok")
}
