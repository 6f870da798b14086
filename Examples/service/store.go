package main

import (
	"encoding/json"
	"net/http"
	"sync"
)

// order is one customer order.
type order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// orderStore keeps orders in memory.
type orderStore struct {
	mu     sync.Mutex
	orders map[string]order
}

func newStore() *orderStore {
	return &orderStore{orders: make(map[string]order)}
}

func (s *orderStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.orders)
}

func (s *orderStore) handleOrders(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := make([]order, 0, len(s.orders))
	for _, o := range s.orders {
		list = append(list, o)
	}
	_ = json.NewEncoder(w).Encode(list)
}
