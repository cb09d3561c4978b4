package rules

import (
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/match"
)

// View is one sentence prepared for the rules: its tokens and annotation
// layers as the matcher sees them, its clauses, and the analysis it
// belongs to. Guards and the stages read it; nothing writes it after
// Views builds it.
type View struct {
	A    *analyze.Analysis
	S    *analyze.Sentence
	Text *match.Text
	Set  *Set
	// clause numbers each token's clause: a new clause starts after
	// clause punctuation and at a subordinating word.
	clause []int
	// Actors are the actor mentions of the sentence, in token order.
	Actors []analyze.Annotation
	// Dates and Places are the sentence's date and place annotations.
	Dates, Places []analyze.Annotation
	// Lead is the sentence that announces the list this sentence is an
	// item of ("The two sides agreed on the following:" before "To hold
	// talks monthly."), or nil.
	Lead *View
}

type viewsKey struct{ s *Set }

// Views returns the prepared sentences of a, built once per analysis and
// shared by every stage that asks.
func (s *Set) Views(a *analyze.Analysis) []*View {
	return a.Memo(viewsKey{s}, func() any { return s.buildViews(a) }).([]*View)
}

func (s *Set) buildViews(a *analyze.Analysis) []*View {
	kinds := map[string]string{}
	for _, ac := range a.Actors {
		kinds[ac.ID] = ac.Kind
	}
	out := make([]*View, len(a.Sentences))
	var ext []match.Span
	for si := range a.Sentences {
		sent := &a.Sentences[si]
		v := &View{A: a, S: sent, Set: s, Text: s.g.NewText()}
		toks := make([]match.Token, len(sent.Tokens))
		for i, t := range sent.Tokens {
			lower := t.Lower
			if lower == "" {
				lower = strings.ToLower(t.Text)
			}
			toks[i] = match.Token{Lemma: t.Lemma, Lower: lower, Tag: t.Tag}
		}
		ext = ext[:0]
		for _, an := range a.Annotations(si) {
			switch an.Layer {
			case analyze.LayerActor:
				v.Actors = append(v.Actors, an)
				ext = append(ext, match.Span{Label: s.layers.actor, From: an.From, To: an.To})
				if l, ok := s.layers.kinds[kinds[an.Value]]; ok {
					ext = append(ext, match.Span{Label: l, From: an.From, To: an.To})
				}
			case analyze.LayerDate:
				v.Dates = append(v.Dates, an)
				ext = append(ext, match.Span{Label: s.layers.date, From: an.From, To: an.To})
			case analyze.LayerPlace:
				v.Places = append(v.Places, an)
				ext = append(ext, match.Span{Label: s.layers.place, From: an.From, To: an.To})
			}
		}
		ext = appendQuotes(ext, s.layers.quote, sent.Tokens)
		v.Text.Reset(toks, ext)
		v.clause = clauses(sent.Tokens)
		out[si] = v
		if si > 0 && sameSection(a, si-1, si) && listItem(sent.Tokens) {
			switch prev := out[si-1]; {
			case prev.Lead != nil:
				v.Lead = prev.Lead
			case endsWith(prev.S.Tokens, ":"):
				v.Lead = prev
			}
		}
	}
	return out
}

func sameSection(a *analyze.Analysis, i, j int) bool {
	return a.Sentences[i].Section == a.Sentences[j].Section
}

func endsWith(toks []analyze.Token, text string) bool {
	return len(toks) > 0 && toks[len(toks)-1].Text == text
}

// listItem reports a sentence shaped as an item of a list of steps: after
// any list marker ("1.", "(b)", "-"), an infinitive ("To hold talks") or a
// command ("Hold talks").
func listItem(toks []analyze.Token) bool {
	i := 0
	for i < len(toks) && i < 3 && listMarker(toks[i]) {
		i++
	}
	switch {
	case i+1 < len(toks) && toks[i].Lower == "to" && toks[i+1].Tag == "VB":
		return true
	case i < len(toks) && toks[i].Tag == "VB":
		return true
	}
	return false
}

func listMarker(t analyze.Token) bool {
	switch t.Text {
	case "-", "*", "•", "–", "(", ")", ".":
		return true
	}
	return t.Tag == "CD" || t.Tag == "LS" || len(t.Text) == 1 && t.Text[0] >= 'a' && t.Text[0] <= 'h'
}

// appendQuotes adds a quote span for each run of tokens between quotation
// marks.
func appendQuotes(ext []match.Span, l match.Label, toks []analyze.Token) []match.Span {
	open := -1
	for i, t := range toks {
		switch t.Text {
		case "“", "‘":
			open = i + 1
		case "”", "’":
			if open >= 0 && open < i {
				ext = append(ext, match.Span{Label: l, From: open, To: i})
			}
			open = -1
		case `"`, "``", "''":
			if open >= 0 {
				if open < i {
					ext = append(ext, match.Span{Label: l, From: open, To: i})
				}
				open = -1
			} else {
				open = i + 1
			}
		}
	}
	return ext
}

// clauseMarks end a clause; subordinators open one.
var (
	clauseMarks   = map[string]bool{",": true, ";": true, ":": true, "—": true, "–": true, "--": true, "(": true, ")": true}
	subordinators = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whose": true, "when": true,
		"while": true, "because": true, "although": true, "though": true, "if": true, "unless": true, "whether": true,
		"after": true, "before": true, "until": true, "where": true, "but": true, "whereas": true}
)

// clauses numbers the clause of each token: a clause ends at clause
// punctuation and a new one opens at a subordinating word.
func clauses(toks []analyze.Token) []int {
	out := make([]int, len(toks))
	c := 0
	for i, t := range toks {
		low := strings.ToLower(t.Text)
		switch {
		case clauseMarks[low]:
			out[i] = c
			c++
			continue
		case subordinators[low] && i > 0 && !(low == "that" && t.Tag == "DT" && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Tag, "NN")):
			c++
		}
		out[i] = c
	}
	return out
}

// Clause returns the tokens [from, to) of the clause that holds token i.
func (v *View) Clause(i int) (from, to int) {
	if i < 0 || i >= len(v.clause) {
		return 0, 0
	}
	c := v.clause[i]
	from, to = i, i+1
	for from > 0 && v.clause[from-1] == c {
		from--
	}
	for to < len(v.clause) && v.clause[to] == c {
		to++
	}
	return from, to
}

// SameClause reports whether tokens i and j lie in one clause.
func (v *View) SameClause(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(v.clause) && j < len(v.clause) && v.clause[i] == v.clause[j]
}

// Tok returns token i of the sentence.
func (v *View) Tok(i int) analyze.Token { return v.S.Tokens[i] }

// Len returns the number of tokens.
func (v *View) Len() int { return len(v.S.Tokens) }

// Words returns the text of tokens [from, to) as written.
func (v *View) Words(from, to int) string {
	if from < 0 || to > len(v.S.Tokens) || from >= to {
		return ""
	}
	return v.A.Doc.Text[v.S.Tokens[from].Start:v.S.Tokens[to-1].End]
}

// ActorAt returns the actor mention that covers token i.
func (v *View) ActorAt(i int) (analyze.Annotation, bool) {
	for _, an := range v.Actors {
		if an.From <= i && i < an.To {
			return an, true
		}
	}
	return analyze.Annotation{}, false
}

// Is reports whether token i is in the word class (or layer) name.
func (v *View) Is(i int, name string) bool { return v.Set.InClass(v, i, name) }
