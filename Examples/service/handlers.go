package main

import (
	"context"
	"encoding/json"
	"io"
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

// handleOrders lists the orders on GET and creates one on POST.
func (a *api) handleOrders(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		a.createOrder(w, r)
		return
	}
	writeJSON(w, http.StatusOK, a.store.list())
}

// createOrder prices a new order, stores it and tells the subscribers.
func (a *api) createOrder(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	var o order
	err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&o)
	if err != nil || o.ID == "" || o.SKU == "" || o.Quantity <= 0 {
		http.Error(w, "bad order: need id, sku and a positive quantity", http.StatusBadRequest)
		return
	}
	q, err := a.cache.price(ctx, o.SKU)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	o.Total = q.Price * float64(o.Quantity)
	a.store.put(o)
	a.notifier.enqueue(o)
	writeJSON(w, http.StatusCreated, o)
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

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
