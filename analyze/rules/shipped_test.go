package rules

import (
	"flag"
	"fmt"
	"sort"
	"testing"

	"github.com/brief-tool/brief/analyze/internal/gobform"
)

var update = flag.Bool("update", false, "rewrite shipped.gob from data/*.yaml")

// TestShippedForm checks that the rule files embedded as gob are the YAML
// files decoded now; with -update (go generate ./analyze/rules) it writes
// them.
func TestShippedForm(t *testing.T) {
	srcs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	want, err := decode(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		data, err := gobform.WriteFile("shipped.gob", want)
		if err != nil {
			t.Fatal(err)
		}
		shippedGob = data
	}
	got, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		want[i].tree = nil
	}
	if d := gobform.Diff(want, got); d != "" {
		t.Fatalf("shipped.gob is not data/*.yaml (%s): run go generate ./analyze/rules", d)
	}
}

// TestLoadShippedIsLoad checks that the rules compiled from the embedded
// form are those compiled from the YAML, user files after them.
func TestLoadShippedIsLoad(t *testing.T) {
	srcs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	user := Source{Name: "mine.yaml", Data: []byte("classes:\n  - name: ev.mine\n    example: \"The ship rammed the boat.\"\n    verbs: [ram]\n    derive: false\nkind: incident\nrules:\n  - name: mine\n    pattern: <ev.mine>\n    examples: {yes: [a], no: [b]}\n")}
	want, err := Load(nil, append(srcs, user)...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := LoadShipped(nil, user)
	if err != nil {
		t.Fatal(err)
	}
	type view struct {
		Name, Kind, Doc, Pattern, CheckAt, File string
		Unless                                  []string
		Emit                                    map[string]string
		Priority, Line                          int
		Examples                                Examples
	}
	views := func(s *Set) []view {
		var out []view
		for _, r := range s.All() {
			out = append(out, view{r.Name, r.Kind, r.Doc, r.Pattern.String(), r.CheckAt, r.File, r.Unless, r.Emit, r.Priority, r.Line, r.Examples})
		}
		return out
	}
	if d := gobform.Diff(views(want), views(got)); d != "" {
		t.Errorf("LoadShipped differs from Load: %s", d)
	}
	attrs := func(s *Set) []string {
		var out []string
		for _, m := range s.ClassAttrs() {
			out = append(out, fmt.Sprint(m))
		}
		sort.Strings(out)
		return out
	}
	if d := gobform.Diff(attrs(want), attrs(got)); d != "" {
		t.Errorf("class attributes differ: %s", d)
	}
}
