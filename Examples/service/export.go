package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// exporter writes orders as JSON files into a directory that the
// accounting system picks up.
type exporter struct {
	dir string
}

// writeOrder writes one order to <dir>/order-<id>.json.
func (e *exporter) writeOrder(o order) error {
	f, err := os.Create(filepath.Join(e.dir, "order-"+o.ID+".json"))
	if err != nil {
		return err
	}
	if err := json.NewEncoder(f).Encode(o); err != nil {
		return fmt.Errorf("export %s: %w", o.ID, err)
	}
	return f.Close()
}

// writeAll writes one file per order, with a few writers in parallel.
func (e *exporter) writeAll(orders []order, writers int) error {
	jobs := make(chan order)
	var wg sync.WaitGroup
	for i := 0; i < writers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range jobs {
				if err := e.writeOrder(o); err != nil {
					log.Printf("export: %v", err)
				}
			}
		}()
	}
	for _, o := range orders {
		if strings.ContainsAny(o.ID, `/\`) {
			return fmt.Errorf("order %q: the id cannot be a file name", o.ID)
		}
		jobs <- o
	}
	close(jobs)
	wg.Wait()
	return nil
}

// writeBatches writes the orders as JSON lines, size orders per file.
func (e *exporter) writeBatches(orders []order, size int) error {
	for start := 0; start < len(orders); start += size {
		f, err := os.Create(filepath.Join(e.dir, fmt.Sprintf("batch-%04d.jsonl", start/size)))
		if err != nil {
			return err
		}
		defer f.Close() // all batches are closed together once written
		enc := json.NewEncoder(f)
		for _, o := range orders[start:min(start+size, len(orders))] {
			if err := enc.Encode(o); err != nil {
				return err
			}
		}
	}
	return nil
}

// handleExport writes every order, one file each and in batches: POST /export.
func (b *backOffice) handleExport(w http.ResponseWriter, r *http.Request) {
	orders := b.store.list()
	var wg sync.WaitGroup
	var single error
	go func() {
		started := time.Now()
		wg.Add(1)
		defer wg.Done()
		single = b.exporter.writeAll(orders, 4)
		log.Printf("export: %d order files written in %v", len(orders), time.Since(started))
	}()
	batched := b.exporter.writeBatches(orders, 500)
	wg.Wait()
	if single != nil || batched != nil {
		http.Error(w, fmt.Sprintf("export: %v, %v", single, batched), http.StatusInternalServerError)
		return
	}
	_ = b.audit.record("export", order{Quantity: len(orders)})
	writeJSON(w, http.StatusOK, map[string]int{"exported": len(orders)})
}

// handleImport loads a JSON array of orders: POST /import. Orders are stored
// and audited while the rest of the array is still being decoded.
func (b *backOffice) handleImport(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(io.LimitReader(r.Body, 10<<20))
	if _, err := dec.Token(); err != nil {
		http.Error(w, "expected a JSON array of orders", http.StatusBadRequest)
		return
	}
	decoded := make(chan order)
	done := make(chan struct{})
	imported := 0
	go func() {
		defer close(done)
		for o := range decoded {
			b.store.put(o)
			if err := b.audit.record("import", o); err != nil {
				log.Printf("import: %v", err)
			}
			imported++
		}
	}()
	for dec.More() {
		var o order
		if err := dec.Decode(&o); err != nil {
			http.Error(w, "bad order: "+err.Error(), http.StatusBadRequest)
			return
		}
		decoded <- o
	}
	close(decoded)
	<-done
	writeJSON(w, http.StatusOK, map[string]int{"imported": imported})
}
