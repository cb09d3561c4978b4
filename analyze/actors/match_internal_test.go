package actors

import (
	"strings"
	"testing"
)

func TestHasDashIsContainsAny(t *testing.T) {
	for _, s := range []string{"", "a", "U.S.-Russia", "Kim Jong‑un", "1990–2000", "—", "“quoted”", "naïve", "x\xe2\x80"} {
		if got, want := hasDash(s), strings.ContainsAny(s, dashes); got != want {
			t.Errorf("hasDash(%q) = %v, want %v", s, got, want)
		}
	}
}
