// Package unusedsuppression holds examples for the unused-suppression rule:
// lines marked with a want comment must be reported, every other line must
// not. Suppressed findings of other rules carry no want comment.
package unusedsuppression

import "context"

func find(ctx context.Context, id string) error { return ctx.Err() }

func process(id string) {}
