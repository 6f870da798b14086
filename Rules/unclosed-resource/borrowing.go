package unclosedresource

import (
	"bufio"
	"database/sql"
	"fmt"
	"io"
	"log"
	"os"
)

// The standard library below only reads or writes through the resource, or
// wraps it without closing it: the resource is still this function's to release.

// Reported: io.Copy reads the file but does not close it.
func copyTo(w io.Writer, path string) error {
	f, err := os.Open(path) // want "f is never closed: the file descriptor leaks"
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// Reported: printing the file does not close it.
func describe(path string) error {
	f, err := os.Open(path) // want "f is never closed: the file descriptor leaks"
	if err != nil {
		return err
	}
	fmt.Printf("opened %v\n", f)
	log.Println("opened", f.Name())
	return nil
}

// Reported: a logger writing to the file cannot close it.
func logTo(path, message string) error {
	f, err := os.Create(path) // want "f is never closed: the file descriptor leaks"
	if err != nil {
		return err
	}
	logger := log.New(f, "", log.LstdFlags)
	logger.Println(message)
	return nil
}

// Reported: the rows are printed on the error path, but never closed there.
func dumpRows(db *sql.DB) error {
	rows, err := db.Query("SELECT name FROM users") // want "rows is not closed on every path: the database connection stays busy"
	if err != nil {
		return err
	}
	if !rows.Next() {
		return fmt.Errorf("no rows in %v", rows)
	}
	return rows.Close()
}

// Not reported: flushed through the buffered writer, then closed.
func writeLines(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, line := range lines {
		fmt.Fprintln(w, line)
	}
	return w.Flush()
}

var auditLogger *log.Logger

// Not reported: the logger kept in a package variable writes to the file for the life of the program.
func openAuditLog(path string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	auditLogger = log.New(f, "audit ", log.LstdFlags)
	return nil
}

// Server answers requests and logs them to its own file.
type Server struct {
	log *log.Logger
}

// Not reported: the logger writing to the file is kept in the server, for as long as it runs.
func newServer(path string) (*Server, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	logger := log.New(f, "", log.LstdFlags)
	logger.Println("starting")
	return &Server{log: logger}, nil
}

// Reported: the scanner stays in this function, and nothing closes the file.
func firstField(path string) (string, error) {
	f, err := os.Open(path) // want "f is never closed: the file descriptor leaks"
	if err != nil {
		return "", err
	}
	sc := bufio.NewScanner(f)
	sc.Split(bufio.ScanWords)
	if !sc.Scan() {
		return "", sc.Err()
	}
	return sc.Text(), nil
}
