package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"sync"
	"time"
)

// priceCache keeps recent quotes so that most requests never reach upstream.
type priceCache struct {
	pricing *pricingClient
	ttl     time.Duration

	mu      sync.RWMutex
	entries map[string]cachedQuote
}

type cachedQuote struct {
	quote
	fetched time.Time
}

func newPriceCache(pricing *pricingClient, ttl time.Duration) *priceCache {
	return &priceCache{pricing: pricing, ttl: ttl, entries: make(map[string]cachedQuote)}
}

// price returns a cached quote, asking upstream when it is missing or stale.
func (c *priceCache) price(ctx context.Context, sku string) (quote, error) {
	c.mu.RLock()
	e, ok := c.entries[sku]
	c.mu.RUnlock()
	if ok && time.Since(e.fetched) < c.ttl {
		return e.quote, nil
	}
	q, err := c.pricing.price(ctx, sku)
	if err != nil {
		return quote{}, err
	}
	c.store(q)
	return q, nil
}

func (c *priceCache) store(q quote) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[q.SKU] = cachedQuote{quote: q, fetched: time.Now()}
}

func (c *priceCache) skus() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]string, 0, len(c.entries))
	for sku := range c.entries {
		out = append(out, sku)
	}
	return out
}

// refreshLoop warms the cache, then re-prices it on a fixed interval until ctx ends.
func (c *priceCache) refreshLoop(ctx context.Context, every time.Duration) {
	for attempt := 1; attempt <= 3; attempt++ {
		err := c.warm(ctx)
		if err == nil {
			break
		}
		log.Printf("cache: warm-up attempt %d: %v", attempt, err)
		if sleepCtx(ctx, time.Duration(attempt)*time.Second) != nil {
			return
		}
	}
	tick := time.Tick(every) // one ticker for the life of the loop
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			c.refresh(ctx)
		}
	}
}

// warm loads the SKU catalogue from upstream and prices all of it.
func (c *priceCache) warm(ctx context.Context) error {
	resp, err := c.pricing.get(ctx, "/v1/skus")
	if err != nil {
		return err
	}
	var skus []string
	if err := json.NewDecoder(resp.Body).Decode(&skus); err != nil { // small JSON list
		return fmt.Errorf("catalogue: %w", err)
	}
	quotes, err := c.pricing.priceAll(ctx, skus)
	for _, q := range quotes {
		c.store(q)
	}
	return err
}

// refresh re-prices every cached SKU in one batch.
func (c *priceCache) refresh(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, 30*time.Second)
	quotes, err := c.pricing.priceAll(ctx, c.skus())
	if err != nil {
		cancel() // give up on the rest of the batch
		log.Printf("cache: refresh: %v", err)
		return
	}
	for _, q := range quotes {
		c.store(q)
	}
}

// sleepCtx waits for d or until ctx ends, whichever comes first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
