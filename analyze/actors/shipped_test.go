package actors

import (
	"flag"
	"testing"

	"github.com/brief-tool/brief/analyze/internal/gobform"
)

var update = flag.Bool("update", false, "rewrite shipped.gob from data/*.yaml")

// TestShippedForm checks that the dictionaries embedded as gob are the YAML
// files decoded now; with -update (go generate ./analyze/actors) it writes
// them.
func TestShippedForm(t *testing.T) {
	want, err := decodeShipped()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		data, err := gobform.WriteFile("shipped.gob", want)
		if err != nil {
			t.Fatal(err)
		}
		shipped = data
	}
	got, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if d := gobform.Diff(want, got); d != "" {
		t.Fatalf("shipped.gob is not data/*.yaml (%s): run go generate ./analyze/actors", d)
	}
}
