package loopvarcapture

// Registry keeps the currently selected order.
type Registry struct {
	current *Order
	byID    map[string]*Order
}

// Reported: &o is appended to a slice declared outside the loop.
func pending(orders []Order) []*Order {
	var out []*Order
	for _, o := range orders {
		if o.Status == "pending" {
			out = append(out, &o) // want "address of loop variable o outlives the iteration: every stored pointer points to the same variable"
		}
	}
	return out
}

// Reported: &o is stored in a map that outlives the loop.
func indexByID(orders []Order) map[string]*Order {
	m := make(map[string]*Order, len(orders))
	for _, o := range orders {
		m[o.ID] = &o // want "address of loop variable o outlives the iteration"
	}
	return m
}

// Reported: &o is stored in a struct field.
func (r *Registry) selectFirstPending(orders []Order) {
	for _, o := range orders {
		if o.Status == "pending" {
			r.current = &o // want "address of loop variable o outlives the iteration"
		}
	}
}

// Reported: &o is assigned to a variable declared before the loop.
func largest(orders []Order) *Order {
	var best *Order
	for _, o := range orders {
		if best == nil || o.Total > best.Total {
			best = &o // want "address of loop variable o outlives the iteration"
		}
	}
	return best
}

// Not reported: the address of the slice element, not of the loop variable.
func pendingByIndex(orders []Order) []*Order {
	var out []*Order
	for i := range orders {
		if orders[i].Status == "pending" {
			out = append(out, &orders[i])
		}
	}
	return out
}

// Not reported: the variable is copied first, so each pointer is distinct.
func indexByIDCopied(orders []Order) map[string]*Order {
	m := make(map[string]*Order, len(orders))
	for _, o := range orders {
		o := o
		m[o.ID] = &o
	}
	return m
}

// Not reported: the address is only passed to a call within the iteration.
func countValid(orders []Order) int {
	n := 0
	for _, o := range orders {
		if validate(&o) {
			n++
		}
	}
	return n
}

// Not reported: the pointer lives in a variable declared inside the iteration.
func discountedTotal(orders []Order, pct int) int {
	total := 0
	for _, o := range orders {
		p := &o
		p.Total -= p.Total * pct / 100
		total += p.Total
	}
	return total
}

// Not reported: the loop ends right after the address is taken, so no later
// iteration overwrites the variable.
func firstPending(orders []Order) *Order {
	var found *Order
	for _, o := range orders {
		if o.Status == "pending" {
			found = &o
			break
		}
	}
	return found
}

// Reported: the break only leaves the switch, and the loop goes on.
func lastPending(orders []Order) *Order {
	var found *Order
	for _, o := range orders {
		switch o.Status {
		case "pending":
			found = &o // want "address of loop variable o outlives the iteration"
			break
		}
	}
	return found
}

// Reported once: the same variable's address is kept twice; the second is a related location.
func indexAndCollect(orders []Order) (map[string]*Order, []*Order) {
	m := make(map[string]*Order, len(orders))
	var all []*Order
	for _, o := range orders {
		m[o.ID] = &o          // want "address of loop variable o outlives the iteration"
		all = append(all, &o) // related "its address is also stored here"
	}
	return m, all
}
