// Command orders is a small HTTP service that keeps customer orders, prices
// them with an upstream pricing API, caches the prices and tells webhook
// subscribers when an order changes. It is written the way real services
// often are: it works, and it leaks.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	pricing := newPricingClient("http://pricing.internal")
	store := newStore()
	cache := newPriceCache(pricing)
	notifier := newNotifier(splitList(os.Getenv("ORDER_WEBHOOKS")))

	go reportStats(store)
	go cache.refreshLoop(ctx, time.Minute)
	go notifier.run(ctx)
	notifier.hello()

	a := &api{store: store, pricing: pricing, cache: cache, notifier: notifier}
	mux := newBackOffice(ctx, store, cache).routes() // the staff endpoints; the public API follows
	mux.HandleFunc("/orders", a.handleOrders)
	mux.HandleFunc("/price", a.handlePrice)
	mux.HandleFunc("/quote", a.handleQuote)

	server := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = server.Shutdown(shutdown)
	}()
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// reportStats logs a line about the orders every few seconds for as long as the process runs.
func reportStats(store *orderStore) {
	ticker := time.NewTicker(10 * time.Second)
	for range ticker.C {
		if best := store.largest(); best != nil {
			log.Printf("largest order so far: %s (%.2f)", best.ID, best.Total)
		}
	}
}

// withDeadline derives a request context that gives up after two seconds.
func withDeadline(parent context.Context) context.Context {
	ctx, _ := context.WithTimeout(parent, 2*time.Second) // the deadline takes care of cleanup
	return ctx
}

// splitList splits "a, b,c" into its non-empty items.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}
