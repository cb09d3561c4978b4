package rules_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/internal/testkit"
	"github.com/brief-tool/brief/analyze/nlp"
	"github.com/brief-tool/brief/analyze/rules"
)

// guardCase is one row of a guard's table: a text we wrote with the
// trigger in square brackets ("Iran did not [seize] the tanker."), whether
// the guard rejects it, and a word its reason must then contain.
type guardCase struct {
	text   string
	reject bool
	why    string
}

var (
	setOnce sync.Once
	shipped *rules.Set
	setErr  error
)

// shippedSet returns the shipped rules, loaded once per test binary.
func shippedSet(t *testing.T) *rules.Set {
	t.Helper()
	setOnce.Do(func() {
		var p *nlp.NLP
		if p, setErr = nlp.New(); setErr != nil {
			return
		}
		var srcs []rules.Source
		if srcs, setErr = rules.Shipped(); setErr != nil {
			return
		}
		shipped, setErr = rules.Load(p.Known, srcs...)
	})
	if setErr != nil {
		t.Fatal(setErr)
	}
	return shipped
}

// Every registered guard has a table with at least two texts it rejects
// and two it lets through, and every guard reads each text of its table
// as the table says.
func TestGuards(t *testing.T) {
	set := shippedSet(t)
	names := rules.GuardNames()
	for name := range guardTables {
		if _, ok := rules.LookupGuard(name); !ok {
			t.Errorf("a table for %q, which is no registered guard", name)
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			cases, ok := guardTables[name]
			if !ok {
				t.Fatalf("guard %q has no table test: add guard_%s_test.go", name, strings.ReplaceAll(name, "-", "_"))
			}
			var rejects, passes int
			for _, c := range cases {
				if c.reject {
					rejects++
				} else {
					passes++
				}
			}
			if rejects < 2 || passes < 2 {
				t.Errorf("the table of %q has %d texts it rejects and %d it lets through; it needs two of each", name, rejects, passes)
			}
			g, _ := rules.LookupGuard(name)
			for _, c := range cases {
				why := runGuard(t, set, g, c.text)
				switch {
				case c.reject && c.why == "":
					t.Errorf("%s: the row %q names no word the reason must hold", name, c.text)
				case c.reject && why == "":
					t.Errorf("%s lets %q through", name, c.text)
				case !c.reject && why != "":
					t.Errorf("%s rejects %q: %s", name, c.text, why)
				case c.reject && !strings.Contains(strings.ToLower(why), strings.ToLower(c.why)):
					t.Errorf("%s rejects %q with %q, which does not say %q", name, c.text, why, c.why)
				}
			}
		})
	}
}

// runGuard analyses text (a body that may hold several sentences, or a
// "# " heading) in a Markdown document published on 2024-06-15, finds the
// tokens of the part in square brackets and returns what guard g says of
// them.
func runGuard(t *testing.T, set *rules.Set, g rules.Guard, text string) string {
	t.Helper()
	open, close := strings.Index(text, "["), strings.Index(text, "]")
	if open < 0 || close < open {
		t.Fatalf("%q marks no trigger in [brackets]", text)
	}
	marked := text[open+1 : close]
	plain := text[:open] + marked + text[close+1:]
	nth := strings.Count(plain[:open], marked)
	a := testkit.Analyze(t, "guard.md", "---\npublished: \"2024-06-15\"\n---\n"+plain+"\n")
	start := nthIndex(a.Doc.Text, marked, nth)
	if start < 0 {
		t.Fatalf("%q: the document text %q does not hold %q", text, a.Doc.Text, marked)
	}
	end := start + len(marked)
	for _, v := range set.Views(a) {
		from, to := span(v.S, start, end)
		if from < to {
			return g(v, from, to)
		}
	}
	t.Fatalf("%q: no sentence has tokens for %q", text, marked)
	return ""
}

// span returns the tokens of s that lie within the bytes [start, end).
func span(s *analyze.Sentence, start, end int) (from, to int) {
	from, to = -1, -1
	for i, tok := range s.Tokens {
		if tok.Start >= start && tok.End <= end {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	if from < 0 {
		return 0, 0
	}
	return from, to
}

// nthIndex returns the byte offset of the nth (from 0) occurrence of sub
// in s, or -1.
func nthIndex(s, sub string, n int) int {
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if n == 0 {
			return off + i
		}
		n--
		off += i + len(sub)
	}
}
