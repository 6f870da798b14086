package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// quote is the upstream pricing API's answer.
type quote struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
}

// pricingClient talks to the upstream pricing API.
type pricingClient struct {
	base string
	http *http.Client
}

func newPricingClient(base string) *pricingClient {
	return &pricingClient{base: strings.TrimRight(base, "/"), http: &http.Client{Timeout: 5 * time.Second}}
}

// get sends a GET request to the pricing API. The caller closes the body.
func (c *pricingClient) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return c.http.Do(req)
}

// price asks the pricing API for the price of one SKU.
func (c *pricingClient) price(ctx context.Context, sku string) (quote, error) {
	var q quote
	resp, err := c.get(ctx, "/v1/price?sku="+url.QueryEscape(sku))
	if err != nil {
		return q, err
	}
	if resp.StatusCode != http.StatusOK {
		return q, fmt.Errorf("pricing %s: %s", sku, resp.Status) // error bodies are empty anyway
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&q)
	return q, err
}

// priceAll prices several SKUs at once, one request per SKU.
func (c *pricingClient) priceAll(ctx context.Context, skus []string) (map[string]quote, error) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	quotes := make(map[string]quote, len(skus))
	for _, sku := range skus {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q, err := c.price(ctx, sku) // requests run in parallel
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				quotes[sku] = q
			} else if firstErr == nil {
				firstErr = err
			}
		}()
	}
	wg.Wait()
	return quotes, firstErr
}
