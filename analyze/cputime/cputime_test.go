package cputime

import "testing"

func TestUsedGrows(t *testing.T) {
	before, ok := Used()
	if !ok {
		t.Skip("no CPU time on this system")
	}
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i ^ (x >> 3)
	}
	after, _ := Used()
	if after <= before {
		t.Errorf("CPU time went from %v to %v over a busy loop (%d)", before, after, x)
	}
}
