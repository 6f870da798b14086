// Package lostcancel holds examples for the lost-cancel rule: lines marked
// with a want comment must be reported, every other line must not.
package lostcancel

import (
	"context"
	"errors"
	"time"
)

// User is a record of the directory service.
type User struct {
	ID   string
	Name string
}

// Report is what a backend answers to a query.
type Report struct {
	Rows int
}

var errEmptyID = errors.New("empty id")

func lookupUser(ctx context.Context, id string) (*User, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &User{ID: id}, nil
}

func ping(ctx context.Context, addr string) error { return ctx.Err() }

func deliver(ctx context.Context, to, body string) error { return ctx.Err() }

func runQuery(ctx context.Context, q string) (Report, error) { return Report{}, ctx.Err() }

func handle(ctx context.Context, msg string) {}

func watch(ctx context.Context, cancel context.CancelFunc, limit time.Duration) {
	time.AfterFunc(limit, cancel)
}
