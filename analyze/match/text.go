package match

import (
	"cmp"
	"slices"
	"strings"
)

// Text is one sentence prepared for matching: its tokens, the spans of the
// caller's layers and of the grammar's word classes, and the scratch space
// the matcher uses. Reuse a Text for sentence after sentence (Reset) so
// that matching allocates nothing once its buffers have grown. A Text is
// not safe for concurrent use.
type Text struct {
	g     *Grammar
	toks  []Token
	spans []Span  // sorted by From, then longest first
	heads []int32 // spans starting at token i: spans[heads[i]:heads[i+1]]
	cover []Bits  // per token: the labels of the spans over it
	// Present holds every label with a span in the sentence.
	Present Bits
	stack   []frame
}

type frame struct {
	pc, pos int32
	slot    int32 // -1: a choice point; else a capture to restore
	old     int32
}

// NewText returns an empty Text for sentences matched against g.
func (g *Grammar) NewText() *Text { return &Text{g: g} }

// Reset prepares a sentence: toks are its tokens (kept, not copied) and ext
// the spans of the caller's layers; spans outside the sentence are
// ignored. The word classes of the grammar are found here.
func (t *Text) Reset(toks []Token, ext []Span) {
	t.toks = toks
	t.spans = t.spans[:0]
	n := len(toks)
	for _, s := range ext {
		if s.From >= 0 && s.From < s.To && s.To <= n && int(s.Label) < len(t.g.names) {
			t.spans = append(t.spans, s)
		}
	}
	for i := range toks {
		t.classesAt(i)
	}
	slices.SortFunc(t.spans, func(a, b Span) int {
		if c := cmp.Compare(a.From, b.From); c != 0 {
			return c
		}
		if c := cmp.Compare(b.To, a.To); c != 0 {
			return c
		}
		return cmp.Compare(a.Label, b.Label)
	})
	t.spans = slices.Compact(t.spans)
	t.heads = slices.Grow(t.heads[:0], n+1)[:n+1]
	t.cover = slices.Grow(t.cover[:0], n)[:n]
	clear(t.cover)
	t.Present = Bits{}
	k := 0
	for i := 0; i <= n; i++ {
		for k < len(t.spans) && t.spans[k].From < i {
			k++
		}
		t.heads[i] = int32(k)
	}
	for _, s := range t.spans {
		for j := s.From; j < s.To; j++ {
			t.cover[j].Set(s.Label)
		}
		t.Present.Set(s.Label)
	}
}

// classesAt adds the word-class spans that start at token i.
func (t *Text) classesAt(i int) {
	tok := &t.toks[i]
	t.addEntries(t.g.single[tok.Lemma], i)
	if tok.Lower != tok.Lemma {
		t.addEntries(t.g.single[tok.Lower], i)
	}
	t.addEntries(t.g.phrases[tok.Lemma], i)
	if tok.Lower != tok.Lemma {
		t.addEntries(t.g.phrases[tok.Lower], i)
	}
}

func (t *Text) addEntries(es []entry, i int) {
	for k := range es {
		e := &es[k]
		end := i + 1
		if len(e.words) > 1 {
			if end = t.phrase(e.words, i); end < 0 {
				continue
			}
		}
		// A verb phrase is headed by its first word ("shoot down"), a
		// noun phrase by its last ("de-confliction line").
		head := i
		if e.pos == Noun {
			head = end - 1
		}
		if !e.pos.admits(t.toks[head].Tag) {
			continue
		}
		t.add(e.label, i, end)
	}
}

func (t *Text) add(l Label, from, to int) {
	t.spans = append(t.spans, Span{Label: l, From: from, To: to})
	for _, f := range t.g.families[l] {
		t.add(f, from, to)
	}
}

// phrase matches words from token i and returns the end, or -1. "~" lets
// up to three modifiers or pronouns stand between words ("shot it down",
// "fired two Tomahawk missiles", "solve existing problems").
func (t *Text) phrase(words []string, i int) int {
	k := i
	for j := 0; j < len(words); j++ {
		w := words[j]
		if w == "~" {
			next := words[j+1]
			gap := 0
			for gap < 3 && k < len(t.toks) && !hasWord(&t.toks[k], next) && filler(t.toks[k].Tag) {
				k++
				gap++
			}
			continue
		}
		if k >= len(t.toks) || !hasWord(&t.toks[k], w) {
			return -1
		}
		k++
	}
	return k
}

func hasWord(tok *Token, w string) bool { return tok.Lemma == w || tok.Lower == w }

// filler tags may stand inside a phrase with a gap; participles count as
// the adjectives they are there ("settle the remaining differences",
// "fired guided missiles").
func filler(tag string) bool {
	switch tag {
	case "PRP", "PRP$", "DT", "CD", "RB", "VBG", "VBN":
		return true
	}
	return strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NNP")
}

// Len returns the number of tokens.
func (t *Text) Len() int { return len(t.toks) }

// Token returns token i.
func (t *Text) Token(i int) Token { return t.toks[i] }

// Covered reports whether token i lies inside a span labelled l.
func (t *Text) Covered(i int, l Label) bool { return i >= 0 && i < len(t.cover) && t.cover[i].Has(l) }

// SpanAt returns the longest span labelled l that starts at token i.
func (t *Text) SpanAt(i int, l Label) (Span, bool) {
	if i < 0 || i >= len(t.toks) {
		return Span{}, false
	}
	for _, s := range t.spans[t.heads[i]:t.heads[i+1]] {
		if s.Label == l {
			return s, true
		}
	}
	return Span{}, false
}

// SpanOver returns the longest span labelled l that covers token i.
func (t *Text) SpanOver(i int, l Label) (Span, bool) {
	best, ok := Span{}, false
	for _, s := range t.spans {
		if s.From > i {
			break
		}
		if s.Label == l && s.To > i && (!ok || s.To-s.From > best.To-best.From) {
			best, ok = s, true
		}
	}
	return best, ok
}

// Spans calls fn for every span labelled l, in order.
func (t *Text) Spans(l Label, fn func(Span) bool) {
	for _, s := range t.spans {
		if s.Label == l && !fn(s) {
			return
		}
	}
}
