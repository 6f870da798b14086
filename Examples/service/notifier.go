package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"strings"
	"sync"
	"time"
)

// notifier posts order changes to the subscribers' webhooks in the background.
type notifier struct {
	hooks  []string
	events chan order
	client *http.Client
}

func newNotifier(hooks []string) *notifier {
	return &notifier{hooks: hooks, events: make(chan order, 256), client: &http.Client{Timeout: 10 * time.Second}}
}

// enqueue hands an order change to the worker without blocking the request.
func (n *notifier) enqueue(o order) {
	select {
	case n.events <- o:
	default:
		log.Printf("notifier: queue full, dropping event for order %s", o.ID)
	}
}

// hello tells every subscriber that the service has (re)started.
func (n *notifier) hello() {
	for _, hook := range n.hooks {
		_, err := n.client.Post(hook, "application/json", strings.NewReader(`{"event":"started"}`)) // only failures matter here
		if err != nil {
			log.Printf("notifier: hello %s: %v", hook, err)
		}
	}
}

// run delivers queued events until ctx ends, logging the backlog every minute.
func (n *notifier) run(ctx context.Context) {
	stats := time.NewTicker(time.Minute) // how often the backlog is logged
	for {
		select {
		case <-ctx.Done():
			return
		case o := <-n.events:
			n.broadcast(ctx, o)
		case <-stats.C:
			log.Printf("notifier: %d events queued", len(n.events))
		}
	}
}

// broadcast sends one event to every subscriber in parallel.
func (n *notifier) broadcast(ctx context.Context, o order) {
	body, _ := json.Marshal(o)
	var wg sync.WaitGroup
	for _, hook := range n.hooks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := n.deliver(ctx, hook, body); err != nil { // a slow subscriber must not hold up the others
				log.Printf("notifier: %s: %v", hook, err)
			}
		}()
	}
	wg.Wait()
}

// deliver posts one event, backing off between attempts.
func (n *notifier) deliver(ctx context.Context, hook string, body []byte) error {
	delay := 200 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := n.post(ctx, hook, body)
		if err == nil || attempt == 5 {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay): // wait a little longer each time
			delay *= 2
		}
	}
}

// post sends one event to one subscriber.
func (n *notifier) post(ctx context.Context, hook string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}
