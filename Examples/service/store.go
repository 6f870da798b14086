package main

import (
	"sort"
	"sync"
)

// order is one customer order.
type order struct {
	ID       string  `json:"id"`
	SKU      string  `json:"sku"`
	Quantity int     `json:"quantity"`
	Total    float64 `json:"total"`
}

// orderStore keeps orders in memory.
type orderStore struct {
	mu     sync.Mutex
	orders map[string]order
}

func newStore() *orderStore {
	return &orderStore{orders: make(map[string]order)}
}

func (s *orderStore) put(o order) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.orders[o.ID] = o
}

// list returns a copy of all orders, sorted by ID.
func (s *orderStore) list() []order {
	s.mu.Lock()
	list := make([]order, 0, len(s.orders))
	for _, o := range s.orders {
		list = append(list, o)
	}
	s.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}

// largest returns the order with the highest total, or nil if there are none.
func (s *orderStore) largest() *order {
	var best *order
	for _, o := range s.list() {
		if best == nil || o.Total > best.Total {
			best = &o // remember the best one so far
		}
	}
	return best
}

// remove deletes an order and returns it; false if there was no such order.
func (s *orderStore) remove(id string) (order, bool) {
	s.mu.Lock()
	o, ok := s.orders[id]
	if !ok {
		return order{}, false
	}
	delete(s.orders, id)
	s.mu.Unlock()
	return o, true
}
