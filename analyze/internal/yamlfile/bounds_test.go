package yamlfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// billionLaughs is nine levels of aliases, each repeating the one before
// ten times: 600 bytes that expand to a billion strings.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("title: *a9\n")
	return b.String()
}

// nestedMapping is n mappings, each inside the one before.
func nestedMapping(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	fmt.Fprintf(&b, "%sleaf: x\n", strings.Repeat(" ", n))
	return b.String()
}

func TestCheck(t *testing.T) {
	b := Bounds{MaxBytes: 1 << 20, MaxDepth: 20, MaxAliasNodes: 100}
	for _, tt := range []struct {
		name, yaml string
		want       string // "" for no error, else a part of the message
		line       int
	}{
		{"plain", "title: x\ntags: [a, b]\n", "", 0},
		{"a few aliases", "base: &b {x: 1, y: 2}\none: *b\ntwo: *b\n", "", 0},
		{"billion laughs", billionLaughs(), "aliases expand to more than 100 nodes", 0},
		{"deep mapping", nestedMapping(1000), "nested more than 20 levels deep", 21},
		{"deep flow", strings.Repeat("[", 30) + strings.Repeat("]", 30), "nested more than 20 levels deep", 1},
		{"brackets the parser must not see", "x: " + strings.Repeat("[", flowNesting+1), "brackets nested more than 10000 deep", 1},
		{"deep through an alias", "a: &a " + strings.Repeat("[", 15) + strings.Repeat("]", 15) + "\nb: [[[[[[[[*a]]]]]]]]\n", "once aliases are expanded", 2},
		{"too big", "x: " + strings.Repeat("y", 1<<20), "more than 1048576", 0},
		{"syntax", "x: [\n", "", -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Check("f.yaml", []byte(tt.yaml), b)
			if tt.line == -1 {
				if err == nil || errors.Is(err, ErrBounds) {
					t.Fatalf("err = %v, want a syntax error", err)
				}
				return
			}
			if tt.want == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			var fe *analyze.FileError
			if !errors.As(err, &fe) || !errors.Is(err, ErrBounds) || fe.Path != "f.yaml" || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a FileError for f.yaml over a limit, saying %q", err, tt.want)
			}
			if tt.line > 0 && fe.Line != tt.line {
				t.Errorf("line %d, want %d", fe.Line, tt.line)
			}
		})
	}
}

// Decode refuses what Check refuses, before decoding anything.
func TestDecodeBounded(t *testing.T) {
	var v map[string]any
	if _, err := Decode("bomb.yaml", []byte(billionLaughs()), &v); !errors.Is(err, ErrBounds) {
		t.Errorf("billion laughs: err = %v, want ErrBounds", err)
	}
	if _, err := Decode("deep.yaml", []byte(nestedMapping(1000)), &v); !errors.Is(err, ErrBounds) {
		t.Errorf("1,000 levels: err = %v, want ErrBounds", err)
	}
	if _, err := Decode("ok.yaml", []byte(nestedMapping(50)), &v); err != nil {
		t.Errorf("50 levels: %v", err)
	}
}
