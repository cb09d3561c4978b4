package nlp

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tokenize"

	"github.com/brief-tool/brief/analyze"
)

// Below the limits, the bounded tokenizer gives exactly prose's tokens,
// however much punctuation a run carries.
func TestBoundedTokenizeMatchesProse(t *testing.T) {
	tok := tokenize.New()
	for _, s := range []string{
		"The U.S. Navy said (on Monday) that it \"won't\" leave.",
		"Iran’s “red lines” — again.",
		strings.Repeat("[", 40) + "x" + strings.Repeat("]", 40),
		strings.Repeat("(", 17) + "word",
		"word" + strings.Repeat(").", 30),
		strings.Repeat("\"", 50),
		strings.Repeat("[", 16) + " " + strings.Repeat(")", 16),
		"$" + strings.Repeat("$", 30) + "5,000",
		"don't" + strings.Repeat("!", 20),
		"see https://example.org/a/very/long/path?with=query&and=more#fragment",
		"x\u00a0y\tz  w",
	} {
		a := &analyze.Analysis{}
		got := DefaultLimits.boundedTokenize(a, tok, s, 0)
		want := tok.Tokenize(s)
		if !reflect.DeepEqual(texts(got), texts(want)) || !reflect.DeepEqual(starts(got), starts(want)) {
			t.Errorf("%q:\n got %q %v\nwant %q %v", s, texts(got), starts(got), texts(want), starts(want))
		}
		if len(a.Warnings) != 0 {
			t.Errorf("%q: warnings %v", s, a.Warnings)
		}
	}
}

func texts(toks []tokenize.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func starts(toks []tokenize.Token) []int {
	out := make([]int, len(toks))
	for i, t := range toks {
		out[i] = t.Start
	}
	return out
}

// A run over the limit is tokenized in pieces, with a warning at its
// offset; every token still points at its own bytes.
func TestBoundedTokenizeCutsLongRuns(t *testing.T) {
	tok := tokenize.New()
	lim := Limits{MaxRunBytes: 100, MaxSentenceBytes: 1 << 20}
	s := "Before " + strings.Repeat("ab(", 100) + " after"
	a := &analyze.Analysis{}
	toks := lim.boundedTokenize(a, tok, s, 1000)
	for _, tk := range toks {
		if s[tk.Start:tk.End()] != tk.Text {
			t.Fatalf("token %q at %d does not match the text", tk.Text, tk.Start)
		}
		if len(tk.Text) > 100 {
			t.Errorf("token of %d bytes, want at most 100", len(tk.Text))
		}
	}
	if len(a.Warnings) != 1 || a.Warnings[0].Offset != 1007 || !strings.Contains(a.Warnings[0].Message, "limits.max_run_bytes") {
		t.Errorf("warnings = %+v, want one at offset 1007 naming limits.max_run_bytes", a.Warnings)
	}
	if toks[0].Text != "Before" || toks[len(toks)-1].Text != "after" {
		t.Errorf("first and last tokens %q, %q", toks[0].Text, toks[len(toks)-1].Text)
	}
}

// A sentence over the limit becomes several, cut at white space, each still
// doc.text[start:end]; the tokens of the pathological case keep their
// offsets.
func TestSegmentBoundsSentences(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "A short one. " + strings.Repeat("word ", 2000) + "end. " + strings.Repeat("[", 5000) + " Last sentence here."
	a := &analyze.Analysis{Doc: analyze.Doc{Text: text}, Paragraphs: []analyze.Paragraph{{Span: analyze.Span{Start: 0, End: len(text)}, Section: analyze.SectionBody}}}
	if err := p.SegmentContext(context.Background(), a, Limits{MaxRunBytes: 1024, MaxSentenceBytes: 4096}); err != nil {
		t.Fatal(err)
	}
	for i, s := range a.Sentences {
		if s.Text != text[s.Start:s.End] || s.Index != i {
			t.Fatalf("sentence %d does not match its offsets", i)
		}
		if len(s.Text) > 4096 {
			t.Errorf("sentence %d has %d bytes", i, len(s.Text))
		}
		if s.Text != strings.TrimSpace(s.Text) {
			t.Errorf("sentence %d has white space at an edge", i)
		}
		for _, tk := range s.Tokens {
			if text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token %q does not match its offsets", tk.Text)
			}
		}
	}
	if first := a.Sentences[0].Text; first != "A short one." {
		t.Errorf("first sentence %q", first)
	}
	var msgs []string
	for _, w := range a.Warnings {
		msgs = append(msgs, w.Message)
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, "limits.max_sentence_bytes") || !strings.Contains(all, "limits.max_run_bytes") {
		t.Errorf("warnings %q should name both limits", all)
	}
}

func TestSegmentStopsWhenCancelled(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "One. Two."
	a := &analyze.Analysis{Doc: analyze.Doc{Text: text}, Paragraphs: []analyze.Paragraph{{Span: analyze.Span{Start: 0, End: len(text)}, Section: analyze.SectionBody}}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.SegmentContext(ctx, a, DefaultLimits); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// BenchmarkSegmentBrackets is issue 15's worst case: 20,000 opening
// brackets in one sentence took 32 s in prose's tokenizer alone.
func BenchmarkSegmentBrackets(b *testing.B) {
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := "It began " + strings.Repeat("[", 20000) + " and ended."
	for b.Loop() {
		a := &analyze.Analysis{Doc: analyze.Doc{Text: text}, Paragraphs: []analyze.Paragraph{{Span: analyze.Span{Start: 0, End: len(text)}, Section: analyze.SectionBody}}}
		if err := p.Segment(a); err != nil {
			b.Fatal(err)
		}
	}
}
