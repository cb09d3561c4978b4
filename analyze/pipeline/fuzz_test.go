package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/pipeline"
)

// FuzzAnalyze runs the whole analysis on arbitrary bytes, read as each
// format, and checks what the contract promises: no panic; an error is an
// *analyze.FileError naming the path; offsets lie within the text and on
// its runes; sentence.text == doc.text[start:end]; every finding's
// sentence exists and its evidence is that sentence; every warning points
// inside the text.
//
// Seeded from the test articles and the pathological text of
// issue 15 (runs of brackets that were quadratic in prose's tokenizer).
// Run locally with
//
//	go test -run '^$' -fuzz FuzzAnalyze -fuzztime 60s ./analyze/pipeline
func FuzzAnalyze(f *testing.F) {
	for _, pattern := range []string{"testdata/articles/*"} {
		m, _ := filepath.Glob(pattern)
		for _, p := range m {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	for _, s := range []string{
		"", "Iran seized a tanker on June 20. The U.S. should open a hotline with Iran.",
		"It began " + strings.Repeat("[", 20000) + " and ended.",
		strings.Repeat("[[", 2000) + strings.Repeat("]]", 2000),
		strings.Repeat("(((x))) ", 500), strings.Repeat("word ", 3000),
		"The U.S.S. " + strings.Repeat("don't", 300) + " stop.", "“‘" + strings.Repeat("’”", 100),
		"---\ntitle: x\n---\n# H\n\n- Establish a hotline between China and the United States.",
		"<article><p>Russia said NATO must stop.</p></article><div class=comment><p>China warned.</p></div>",
	} {
		f.Add([]byte(s))
	}
	ex, err := pipeline.Standard(nil)
	if err != nil {
		f.Fatal(err)
	}
	o := pipeline.Default
	o.Extractors = ex
	p, err := pipeline.New(o)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, path := range []string{"f.txt", "f.md", "f.html"} {
			a, err := p.Analyze(context.Background(), path, data)
			if err != nil {
				var fe *analyze.FileError
				if !errors.As(err, &fe) || fe.Path != path || errors.Is(err, pipeline.ErrInternal) {
					t.Fatalf("%s: error %v (%T) is not a FileError naming the path, or is a panic", path, err, err)
				}
				continue
			}
			if msg := contractErr(a); msg != "" {
				t.Fatalf("%s: %s", path, msg)
			}
		}
	})
}

// contractErr returns what in a breaks the contract, or "".
func contractErr(a *analyze.Analysis) string {
	text := a.Doc.Text
	span := func(s, e int) bool {
		return 0 <= s && s <= e && e <= len(text) && (s == len(text) || isRuneStart(text[s])) && (e == len(text) || isRuneStart(text[e]))
	}
	sentence := func(i int) (analyze.Sentence, bool) {
		if i < 0 || i >= len(a.Sentences) {
			return analyze.Sentence{}, false
		}
		return a.Sentences[i], true
	}
	for i, s := range a.Sentences {
		if s.Index != i || !span(s.Start, s.End) || text[s.Start:s.End] != s.Text || s.Start == s.End {
			return fmt.Sprintf("sentence %d does not match its offsets", i)
		}
		if i > 0 && s.Start < a.Sentences[i-1].End {
			return fmt.Sprintf("sentence %d overlaps the one before", i)
		}
	}
	for _, sec := range a.Sections {
		if !span(sec.Start, sec.End) {
			return "a section lies outside the text"
		}
	}
	for _, ac := range a.Actors {
		for _, m := range ac.Mentions {
			s, ok := sentence(m.Sentence)
			if !ok || !span(m.Start, m.End) || text[m.Start:m.End] != m.Text || m.Start < s.Start || m.End > s.End {
				return "a mention of " + ac.ID + " is not inside its sentence"
			}
		}
	}
	for _, src := range a.Sources {
		for _, m := range src.Mentions {
			if _, ok := sentence(m.Sentence); !ok || !span(m.Start, m.End) || text[m.Start:m.End] != m.Text {
				return "a mention of source " + src.Name + " does not match the text"
			}
		}
	}
	// evidence checks that a finding's evidence and support are the
	// sentences they name.
	evidence := func(kind string, at int, ev string, support []analyze.Support) string {
		if s, ok := sentence(at); !ok || s.Text != ev {
			return "a" + kind + "'s evidence is not its sentence"
		}
		for _, sp := range support {
			if s, ok := sentence(sp.Sentence); !ok || s.Text != sp.Evidence {
				return "a" + kind + "'s support is not its sentence"
			}
		}
		return ""
	}
	for _, in := range a.Incidents {
		if msg := evidence("n incident", in.Sentence, in.Evidence, in.Support); msg != "" {
			return msg
		}
	}
	for _, pr := range a.Proposals {
		if msg := evidence(" proposal", pr.Sentence, pr.Evidence, pr.Support); msg != "" {
			return msg
		}
	}
	for _, w := range a.Warnings {
		if w.Offset < -1 || w.Offset > len(text) || w.Message == "" {
			return "a warning points outside the text"
		}
	}
	return ""
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
