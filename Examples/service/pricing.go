package main

import (
	"encoding/json"
	"fmt"
	"net/http"
)

const pricingURL = "http://pricing.internal/v1/price?sku="

// quote is the upstream pricing API's answer.
type quote struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
}

func handlePrice(w http.ResponseWriter, r *http.Request) {
	ctx := withDeadline(r.Context())
	q, err := fetchQuote(ctx.Value("sku").(string))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = json.NewEncoder(w).Encode(q)
}

// fetchQuote asks the pricing API for the price of one SKU.
func fetchQuote(sku string) (*quote, error) {
	resp, err := http.Get(pricingURL + sku)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("pricing: %s", resp.Status)
	}
	var q quote
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return nil, err
	}
	return &q, nil
}
