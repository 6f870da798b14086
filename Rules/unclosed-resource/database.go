package unclosedresource

import (
	"context"
	"database/sql"
	"time"
)

// userRepo keeps its prepared statements.
type userRepo struct {
	db     *sql.DB
	byTeam *sql.Stmt
}

// Reported: rows is iterated but never closed; a Scan error returns with the connection busy.
func activeEmails(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT email FROM users WHERE active") // want "rows is never closed: the database connection stays busy; defer rows\\.Close\\(\\) after checking the error"
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Reported: QueryContext; the Columns error path skips the close.
func columnsOf(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT * FROM "+table+" LIMIT 0") // want "rows is not closed on every path: the database connection stays busy"
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	rows.Close()
	return cols, nil
}

// Reported: (*Tx).Query; the rows are never closed, so the transaction cannot finish cleanly.
func lockedJobIDs(tx *sql.Tx, queue string) ([]int64, error) {
	rows, err := tx.Query("SELECT id FROM jobs WHERE queue = $1 FOR UPDATE SKIP LOCKED", queue) // want "rows is never closed: the database connection stays busy"
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Reported: (*Stmt).QueryContext on a statement kept in a field.
func (r *userRepo) Team(ctx context.Context, team string) ([]string, error) {
	rs, err := r.byTeam.QueryContext(ctx, team) // want "rs is never closed: the database connection stays busy; defer rs\\.Close\\(\\)"
	if err != nil {
		return nil, err
	}
	var emails []string
	for rs.Next() {
		var e string
		if err := rs.Scan(&e); err != nil {
			return nil, err
		}
		emails = append(emails, e)
	}
	return emails, rs.Err()
}

// Reported: a DELETE run with Query instead of Exec; the rows are discarded.
func purgeSessions(db *sql.DB) error {
	_, err := db.Query("DELETE FROM sessions WHERE expires < now()") // want "the rows from db\\.Query (is|are) discarded"
	return err
}

// Reported: a prepared statement used in a loop and never closed.
func insertTags(db *sql.DB, postID int64, tags []string) error {
	stmt, err := db.Prepare("INSERT INTO tags(post_id, tag) VALUES($1, $2)") // want "stmt is never closed: the prepared statement stays open on the server; defer stmt\\.Close\\(\\) after checking the error"
	if err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := stmt.Exec(postID, t); err != nil {
			return err
		}
	}
	return nil
}

// Reported: PrepareContext; the statement is closed only when every lookup succeeds.
func prices(ctx context.Context, db *sql.DB, skus []string) (map[string]float64, error) {
	stmt, err := db.PrepareContext(ctx, "SELECT price FROM items WHERE sku = $1") // want "stmt is not closed on every path: the prepared statement stays open on the server"
	if err != nil {
		return nil, err
	}
	out := make(map[string]float64, len(skus))
	for _, s := range skus {
		var p float64
		if err := stmt.QueryRowContext(ctx, s).Scan(&p); err != nil {
			return nil, err
		}
		out[s] = p
	}
	stmt.Close()
	return out, nil
}

// Reported: a statement prepared only to check the query's syntax is discarded.
func validQuery(db *sql.DB, q string) error {
	_, err := db.Prepare(q) // want "the statement from db\\.Prepare is discarded, so it is never closed: the prepared statement stays open on the server"
	return err
}

// Reported: the failed debit returns without rolling back.
func transfer(db *sql.DB, from, to, cents int64) error {
	tx, err := db.Begin() // want "tx is neither committed nor rolled back on every path: the connection stays checked out; defer tx\\.Rollback\\(\\) after checking the error"
	if err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE accounts SET cents = cents - $1 WHERE id = $2", cents, from); err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE accounts SET cents = cents + $1 WHERE id = $2", cents, to); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Reported: BeginTx; the transaction is never committed at all.
func markShipped(ctx context.Context, db *sql.DB, orderID int64) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) // want "tx is neither committed nor rolled back on every path: the connection stays checked out"
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE orders SET status = 'shipped' WHERE id = $1", orderID)
	return err
}

// Reported: a dedicated connection that never goes back to the pool.
func nowIn(ctx context.Context, db *sql.DB, tz string) (time.Time, error) {
	conn, err := db.Conn(ctx) // want "conn is never closed: the database connection is never returned to the pool; defer conn\\.Close\\(\\) after checking the error"
	if err != nil {
		return time.Time{}, err
	}
	if _, err := conn.ExecContext(ctx, "SET TIME ZONE '"+tz+"'"); err != nil {
		return time.Time{}, err
	}
	var now time.Time
	err = conn.QueryRowContext(ctx, "SELECT now()").Scan(&now)
	return now, err
}

// Not reported: defer rows.Close() after the error check.
func activeEmailsClosed(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT email FROM users WHERE active")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Not reported: QueryRow releases its connection in Scan; Exec has nothing to close.
func bumpVisits(db *sql.DB, id int64) (int, error) {
	if _, err := db.Exec("UPDATE pages SET visits = visits + 1 WHERE id = $1", id); err != nil {
		return 0, err
	}
	var n int
	err := db.QueryRow("SELECT visits FROM pages WHERE id = $1", id).Scan(&n)
	return n, err
}

// Not reported: sql.Open returns the long-lived pool itself, which is not in the table.
func openDB(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	return db, nil
}

// Not reported: defer tx.Rollback() plus tx.Commit(); the rollback after a commit does nothing.
func transferSafe(ctx context.Context, db *sql.DB, from, to, cents int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET cents = cents - $1 WHERE id = $2", cents, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET cents = cents + $1 WHERE id = $2", cents, to); err != nil {
		return err
	}
	return tx.Commit()
}

// Not reported: Commit on the success path, Rollback on every other path.
func archivePost(db *sql.DB, id int64) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO archive SELECT * FROM posts WHERE id = $1", id); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.Exec("DELETE FROM posts WHERE id = $1", id); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Not reported: the statement and the connection are closed by defer.
func insertTagsConn(ctx context.Context, db *sql.DB, postID int64, tags []string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	stmt, err := conn.PrepareContext(ctx, "INSERT INTO tags(post_id, tag) VALUES($1, $2)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, t := range tags {
		if _, err := stmt.ExecContext(ctx, postID, t); err != nil {
			return err
		}
	}
	return nil
}

// Not reported: the rows go to a helper that reads and closes them.
func (r *userRepo) All() ([]User, error) {
	rows, err := r.db.Query("SELECT id, email FROM users")
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

// Not reported: the rows are returned; iterating and closing is the caller's job.
func (r *userRepo) Stream(ctx context.Context) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id")
}
