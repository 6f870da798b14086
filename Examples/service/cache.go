package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"sync"
	"time"
)

// priceCache keeps quotes so that most requests never reach upstream.
type priceCache struct {
	pricing *pricingClient
	mu      sync.RWMutex
	entries map[string]quote
}

func newPriceCache(pricing *pricingClient) *priceCache {
	return &priceCache{pricing: pricing, entries: make(map[string]quote)}
}

// price returns the cached quote, asking upstream for SKUs it has not seen.
func (c *priceCache) price(ctx context.Context, sku string) (quote, error) {
	c.mu.RLock()
	q, ok := c.entries[sku]
	c.mu.RUnlock()
	if ok {
		return q, nil
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
	c.entries[q.SKU] = q
}

// refreshLoop warms the cache, then re-prices it on a fixed interval until ctx ends.
func (c *priceCache) refreshLoop(ctx context.Context, every time.Duration) {
	// The pricing API may still be starting: try the warm-up a few times.
	for attempt := 1; c.warm(ctx) != nil && attempt < 3; attempt++ {
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
	resp, err := c.pricing.get(ctx, "/v1/skus") // a small JSON list of SKUs
	if err != nil {
		return err
	}
	var skus []string
	if err := json.NewDecoder(resp.Body).Decode(&skus); err != nil {
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
	c.mu.RLock()
	skus := make([]string, 0, len(c.entries))
	for sku := range c.entries {
		skus = append(skus, sku)
	}
	c.mu.RUnlock()
	ctx, cancel := context.WithTimeout(parent, 30*time.Second)
	quotes, err := c.pricing.priceAll(ctx, skus)
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

// cached returns the cached quotes for skus, failing on the first SKU that is not cached.
func (c *priceCache) cached(skus []string) ([]quote, error) {
	c.mu.RLock()
	quotes := make([]quote, 0, len(skus))
	for _, sku := range skus {
		q, ok := c.entries[sku]
		if !ok {
			return nil, fmt.Errorf("%s is not cached", sku)
		}
		quotes = append(quotes, q)
	}
	c.mu.RUnlock()
	return quotes, nil
}
