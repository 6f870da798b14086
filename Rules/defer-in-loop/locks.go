package deferinloop

import (
	"context"
	"database/sql"
	"time"
)

// Reported: every account stays locked until the sum is returned.
func totalBalance(accts []*Account) int {
	total := 0
	for _, a := range accts {
		a.mu.Lock()
		defer a.mu.Unlock() // want "defer a\\.mu\\.Unlock\\(\\) runs only when the function returns, not at the end of each iteration"
		total += a.balance
	}
	return total
}

// Reported: each poll takes one more read lock; a waiting writer then blocks all of them.
func (c *Catalog) waitFor(sku string, attempts int, poll time.Duration) (Item, bool) {
	for i := 0; i < attempts; i++ {
		c.mu.RLock()
		defer c.mu.RUnlock() // want "defer c\\.mu\\.RUnlock\\(\\) runs only when the function returns"
		if it, ok := c.items[sku]; ok {
			return it, true
		}
		time.Sleep(poll)
	}
	return Item{}, false
}

// Reported: a failed batch is rolled back only when the whole import returns.
func importOrders(ctx context.Context, db *sql.DB, batches [][]Order) error {
	for _, batch := range batches {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback() // want "defer tx\\.Rollback\\(\\) runs only when the function returns"
		for _, o := range batch {
			if _, err := tx.ExecContext(ctx, "INSERT INTO orders(id, total) VALUES(?, ?)", o.ID, o.Total); err != nil {
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Reported: every result set keeps its connection until all orders are read.
func itemsOf(ctx context.Context, db *sql.DB, orderIDs []string) ([]string, error) {
	var skus []string
	for _, id := range orderIDs {
		rows, err := db.QueryContext(ctx, "SELECT sku FROM items WHERE order_id = ?", id)
		if err != nil {
			return nil, err
		}
		defer rows.Close() // want "defer rows\\.Close\\(\\) runs only when the function returns"
		for rows.Next() {
			var sku string
			if err := rows.Scan(&sku); err != nil {
				return nil, err
			}
			skus = append(skus, sku)
		}
	}
	return skus, nil
}

// Reported: a three-clause loop; the slots are given back only at the end, so the semaphore runs dry.
func runLimited(sem *Semaphore, jobs []string) {
	for i := 0; i < len(jobs); i++ {
		sem.Acquire()
		defer sem.Release(1) // want "defer sem\\.Release\\(1\\) runs only when the function returns"
		runJob(jobs[i])
	}
}
