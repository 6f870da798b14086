package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
)

// backOffice serves the staff endpoints: stock levels, exports and imports,
// cancellations and the audit log.
type backOffice struct {
	store    *orderStore
	cache    *priceCache
	stock    *stockClient
	exporter *exporter
	audit    *auditLog
}

func newBackOffice(ctx context.Context, store *orderStore, cache *priceCache) *backOffice {
	dir := os.Getenv("ORDER_EXPORT_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	b := &backOffice{
		store:    store,
		cache:    cache,
		stock:    newStockClient(splitList(os.Getenv("ORDER_WAREHOUSES"))),
		exporter: &exporter{dir: dir},
		audit:    &auditLog{path: filepath.Join(dir, "audit.jsonl")},
	}
	go b.stock.watchRestocks(ctx)
	return b
}

// routes returns a mux with the staff endpoints; main adds the public ones.
func (b *backOffice) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/stock", b.handleStock)
	mux.HandleFunc("/stock/nearest", b.handleNearest)
	mux.HandleFunc("/restock", b.handleRestock)
	mux.HandleFunc("/prices", b.handlePrices)
	mux.HandleFunc("/cancel", b.handleCancel)
	mux.HandleFunc("/export", b.handleExport)
	mux.HandleFunc("/import", b.handleImport)
	mux.HandleFunc("/audit", b.handleAudit)
	return mux
}

// handlePrices answers /prices?skus=a,b,c from the cache only, without asking upstream.
func (b *backOffice) handlePrices(w http.ResponseWriter, r *http.Request) {
	quotes, err := b.cache.cached(splitList(r.URL.Query().Get("skus")))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, quotes)
}

// handleCancel removes an order: POST /cancel?id=X.
func (b *backOffice) handleCancel(w http.ResponseWriter, r *http.Request) {
	o, ok := b.store.remove(r.URL.Query().Get("id"))
	if !ok {
		http.Error(w, "no such order", http.StatusNotFound)
		return
	}
	_ = b.audit.record("cancel", o)
	writeJSON(w, http.StatusOK, o)
}
