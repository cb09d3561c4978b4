package gencorpus

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// The same seed gives the same articles; another seed other ones; each is
// about 2,000 words and the formats are mixed.
func TestGenerate(t *testing.T) {
	a, b, c := Generate(20, 1), Generate(20, 1), Generate(20, 2)
	exts := map[string]int{}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("article %d differs between two runs with one seed", i)
		}
		if bytes.Equal(a[i].Data, c[i].Data) {
			t.Errorf("article %d is the same under another seed", i)
		}
		if n := len(strings.Fields(string(a[i].Data))); n < 1900 || n > 2600 {
			t.Errorf("%s has %d words", a[i].Name, n)
		}
		exts[filepath.Ext(a[i].Name)]++
	}
	if exts[".md"] == 0 || exts[".txt"] == 0 || exts[".html"] == 0 {
		t.Errorf("formats: %v", exts)
	}
}
