package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// The shipped rules compile.
func TestShipped(t *testing.T) {
	srcs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(nil, srcs...)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"incident", "proposal", "context"} {
		if len(s.Rules(kind)) == 0 {
			t.Errorf("no %s rules", kind)
		}
	}
}

// Mistakes in a rule file are reported at their file, line and column.
func TestLoadErrors(t *testing.T) {
	classes := "classes:\n  - name: ev.x\n    example: \"The ship rammed the boat.\"\n    verbs: [ram]\n"
	for _, tt := range []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"bad pattern", "kind: incident\nrules:\n  - name: r\n    pattern: \"<ev.x> (\"\n    examples: {yes: [a], no: [b]}\n", 4, 23, "empty pattern"},
		{"unknown label", "kind: incident\nrules:\n  - name: r\n    pattern: <nope>\n    examples: {yes: [a], no: [b]}\n", 4, 15, `unknown label "nope"`},
		{"unknown guard", "kind: incident\nrules:\n  - name: r\n    pattern: <ev.x>\n    unless: [negated, nonsense]\n    examples: {yes: [a], no: [b]}\n", 5, 23, `unknown guard "nonsense"`},
		{"no examples", "kind: incident\nrules:\n  - name: r\n    pattern: <ev.x>\n", 3, 11, "example"},
		{"no kind", "rules:\n  - name: r\n    pattern: <ev.x>\n    examples: {yes: [a], no: [b]}\n", 2, 3, "kind"},
		{"unknown key", "kind: incident\nrules:\n  - name: r\n    patern: <ev.x>\n", 4, 5, "patern"},
		{"duplicate", "kind: incident\nrules:\n  - name: r\n    pattern: <ev.x>\n    examples: {yes: [a], no: [b]}\n  - name: r\n    pattern: <ev.x>\n    examples: {yes: [a], no: [b]}\n", 6, 0, "defined twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(nil, Source{Name: "c.yaml", Data: []byte(classes)}, Source{Name: "r.yaml", Data: []byte(tt.src)})
			var fe *analyze.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a FileError", err)
			}
			if fe.Path != "r.yaml" || fe.Line != tt.line || fe.Col != tt.col || !strings.Contains(fe.Err.Error(), tt.msg) {
				t.Errorf("err = %v, want r.yaml:%d:%d ... %s", err, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestNominalizations(t *testing.T) {
	dict := map[string]bool{"interception": true, "intercepting": true, "deployment": true, "deploying": true, "collision": true,
		"colliding": true, "seizure": true, "seizing": true, "withdrawal": true, "notification": true, "detention": true,
		"suspension": true, "ramming": true, "violation": true, "mobilization": true}
	known := func(w string) bool { return dict[w] }
	for _, tt := range []struct {
		verb string
		want []string
	}{
		{"intercept", []string{"intercept", "intercepting", "interception"}},
		{"deploy", []string{"deploy", "deploying", "deployment"}},
		{"collide", []string{"collide", "colliding", "collision"}},
		{"seize", []string{"seize", "seizing", "seizure"}},
		{"withdraw", []string{"withdraw", "withdrawal"}},
		{"notify", []string{"notify", "notification"}},
		{"detain", []string{"detain", "detention"}},
		{"suspend", []string{"suspend", "suspension"}},
		{"ram", []string{"ram", "ramming"}},
		{"violate", []string{"violate", "violation"}},
		{"mobilize", []string{"mobilize", "mobilization"}},
		{"shoot ~ down", []string{"shootdown", "shoot-down", "shooting down"}},
	} {
		got := Nominalizations(tt.verb, known)
		if strings.Join(sortedCopy(got), ",") != strings.Join(sortedCopy(tt.want), ",") {
			t.Errorf("Nominalizations(%q) = %v, want %v", tt.verb, got, tt.want)
		}
	}
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
