// Command orders is a small HTTP service that looks up orders and prices
// them with an upstream pricing API. It is written the way real services
// often are: it works, and it leaks.
package main

import (
	"context"
	"log"
	"net/http"
	"time"
)

func main() {
	store := newStore()
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", store.handleOrders)
	mux.HandleFunc("/price", handlePrice)

	go reportStats(store)

	server := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(server.ListenAndServe())
}

// reportStats logs the order count every few seconds.
func reportStats(store *orderStore) {
	ticker := time.NewTicker(10 * time.Second)
	for range ticker.C {
		log.Printf("orders: %d", store.count())
	}
}

// withDeadline derives a request context that gives up after two seconds.
func withDeadline(parent context.Context) context.Context {
	ctx, _ := context.WithTimeout(parent, 2*time.Second)
	return ctx
}
