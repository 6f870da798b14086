package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// stockClient asks the warehouses how many units of a SKU they hold, and
// keeps track of the deliveries they announce.
type stockClient struct {
	warehouses []string
	http       *http.Client
	restocks   chan restock

	mu       sync.Mutex
	incoming map[string]int // units announced but not yet counted by a warehouse
}

// restock is a delivery announced by a warehouse.
type restock struct {
	Warehouse string `json:"warehouse"`
	SKU       string `json:"sku"`
	Units     int    `json:"units"`
}

func newStockClient(warehouses []string) *stockClient {
	return &stockClient{
		warehouses: warehouses,
		http:       &http.Client{Timeout: 5 * time.Second},
		restocks:   make(chan restock, 64),
		incoming:   make(map[string]int),
	}
}

// level asks one warehouse for its stock of sku.
func (s *stockClient) level(ctx context.Context, warehouse, sku string) (int, error) {
	u := strings.TrimRight(warehouse, "/") + "/v1/stock?sku=" + url.QueryEscape(sku)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s: %s", warehouse, resp.Status)
	}
	var body struct {
		Units int `json:"units"`
	}
	err = json.NewDecoder(resp.Body).Decode(&body)
	return body.Units, err
}

// total adds up the stock of sku over all warehouses, asking them in parallel.
func (s *stockClient) total(ctx context.Context, sku string) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	sum := 0
	for _, wh := range s.warehouses {
		wg.Add(1)
		go func(wh string) {
			n, err := s.level(ctx, wh, sku)
			if err != nil {
				log.Printf("stock: %v", err)
				return // an unreachable warehouse counts as empty
			}
			mu.Lock()
			sum += n
			mu.Unlock()
			wg.Done()
		}(wh)
	}
	wg.Wait()
	return sum
}

// levels asks the warehouses one after the other, giving each a second to answer.
func (s *stockClient) levels(parent context.Context, sku string) map[string]int {
	levels := make(map[string]int, len(s.warehouses))
	for _, wh := range s.warehouses {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		defer cancel()
		n, err := s.level(ctx, wh, sku)
		if err != nil {
			log.Printf("stock: %v", err)
			continue
		}
		levels[wh] = n
	}
	return levels
}

// nearest returns the first warehouse that reports sku in stock.
func (s *stockClient) nearest(ctx context.Context, sku string) (string, error) {
	found := make(chan string)
	for _, wh := range s.warehouses {
		go func(wh string) {
			if n, err := s.level(ctx, wh, sku); err == nil && n > 0 {
				found <- wh // the fastest warehouse wins
			}
		}(wh)
	}
	select {
	case wh := <-found:
		return wh, nil
	case <-ctx.Done():
		return "", fmt.Errorf("no warehouse has %s in stock: %w", sku, ctx.Err())
	}
}

// watchRestocks records the deliveries the warehouses announce until ctx ends.
func (s *stockClient) watchRestocks(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case r := <-s.restocks:
			s.mu.Lock()
			s.incoming[r.SKU] += r.Units
			s.mu.Unlock()
		default: // nothing announced yet, look again
		}
	}
}

// incomingUnits returns how many units of sku are on their way.
func (s *stockClient) incomingUnits(sku string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.incoming[sku]
}

// handleStock answers /stock?sku=X with the units held by all warehouses
// together, or per warehouse with &by=warehouse.
func (b *backOffice) handleStock(w http.ResponseWriter, r *http.Request) {
	sku := r.URL.Query().Get("sku")
	if sku == "" {
		http.Error(w, "missing sku", http.StatusBadRequest)
		return
	}
	if r.URL.Query().Get("by") == "warehouse" {
		writeJSON(w, http.StatusOK, b.stock.levels(r.Context(), sku))
		return
	}
	totals := make(chan int)
	go func() {
		totals <- b.stock.total(r.Context(), sku)
	}()
	select {
	case n := <-totals:
		writeJSON(w, http.StatusOK, map[string]any{"sku": sku, "units": n, "incoming": b.stock.incomingUnits(sku)})
	case <-r.Context().Done():
		// the client is gone, there is nobody to answer
	}
}

// handleNearest answers /stock/nearest?sku=X with the first warehouse that has it.
func (b *backOffice) handleNearest(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	wh, err := b.stock.nearest(ctx, r.URL.Query().Get("sku"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"warehouse": wh})
}

// handleRestock takes a delivery announcement from a warehouse: POST /restock.
func (b *backOffice) handleRestock(w http.ResponseWriter, r *http.Request) {
	var rs restock
	if err := json.NewDecoder(r.Body).Decode(&rs); err != nil || rs.SKU == "" || rs.Units <= 0 {
		http.Error(w, "bad restock: need sku and a positive number of units", http.StatusBadRequest)
		return
	}
	select {
	case b.stock.restocks <- rs:
		w.WriteHeader(http.StatusAccepted)
	default:
		http.Error(w, "too many restocks queued, try again", http.StatusServiceUnavailable)
	}
}
