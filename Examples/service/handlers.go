package main

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"time"
)

// api holds what the HTTP handlers need.
type api struct {
	store    *orderStore
	pricing  *pricingClient
	cache    *priceCache
	notifier *notifier
}

func (a *api) handleOrders(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		if r.URL.Query().Get("status") == "open" {
			writeJSON(w, http.StatusOK, a.store.open())
			return
		}
		writeJSON(w, http.StatusOK, a.store.list())
	case http.MethodPost:
		a.createOrder(w, r)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// createOrder prices a new order, stores it and tells the subscribers.
func (a *api) createOrder(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	var o order
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&o); err != nil {
		http.Error(w, "bad order: "+err.Error(), http.StatusBadRequest)
		return
	}
	if o.ID == "" || o.SKU == "" || o.Quantity <= 0 {
		http.Error(w, "id, sku and quantity are required", http.StatusBadRequest)
		return
	}
	q, err := a.cache.price(ctx, o.SKU)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	o.Total = q.Price * float64(o.Quantity)
	o.Status = "open"
	o.Updated = time.Now()
	a.store.put(o)
	a.notifier.enqueue(o)
	writeJSON(w, http.StatusCreated, o)
}

func (a *api) handleLargest(w http.ResponseWriter, r *http.Request) {
	best := a.store.largest()
	if best == nil {
		http.Error(w, "no orders yet", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, best)
}

// handlePrice answers /price?sku=X from the cache.
func (a *api) handlePrice(w http.ResponseWriter, r *http.Request) {
	ctx := withDeadline(r.Context())
	q, err := a.cache.price(ctx, r.URL.Query().Get("sku"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, q)
}

// handleQuote prices a list of SKUs straight from upstream: /quote?skus=a,b,c
func (a *api) handleQuote(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	skus := splitList(r.URL.Query().Get("skus"))
	if len(skus) == 0 {
		http.Error(w, "missing skus", http.StatusBadRequest)
		return // nothing was sent upstream yet
	}
	quotes, err := a.pricing.priceAll(ctx, skus)
	cancel()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, quotes)
}

func (a *api) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	if err := a.pricing.ping(ctx); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	io.WriteString(w, "ok\n")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}
