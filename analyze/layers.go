package analyze

import "sort"

// Annotation labels tokens [From, To) of one sentence: an actor mention, a
// date, a place, a quotation. Stages add annotations as they find things
// and later stages query them (In, Layer), so that no stage recomputes
// another's view of the text. Start and End are the byte offsets of the
// annotated text in Doc.Text, which may be narrower than its tokens.
type Annotation struct {
	Layer      string
	Sentence   int
	From, To   int // token indices within the sentence
	Start, End int // byte offsets into Doc.Text
	Value      string
}

// Layer names used by brief's stages.
const (
	LayerActor = "actor" // Value: the actor id
	LayerDate  = "date"  // Value: the date resolved (YYYY, YYYY-MM or YYYY-MM-DD), "" if it cannot be
	LayerPlace = "place" // Value: the place's canonical name
)

// Annotate adds an annotation. Annotations of a sentence are kept in
// token order.
func (a *Analysis) Annotate(an Annotation) {
	if an.Sentence < 0 || an.Sentence >= len(a.Sentences) {
		return
	}
	if a.layers == nil {
		a.layers = make([][]Annotation, len(a.Sentences))
	}
	ls := append(a.layers[an.Sentence], an)
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].From < ls[j].From })
	a.layers[an.Sentence] = ls
}

// Annotations returns every annotation of sentence si, in token order.
func (a *Analysis) Annotations(si int) []Annotation {
	if si < 0 || si >= len(a.layers) {
		return nil
	}
	return a.layers[si]
}

// In returns the annotations of layer that overlap tokens [from, to) of
// sentence si, in token order.
func (a *Analysis) In(layer string, si, from, to int) []Annotation {
	var out []Annotation
	for _, an := range a.Annotations(si) {
		if an.Layer == layer && an.From < to && an.To > from {
			out = append(out, an)
		}
	}
	return out
}

// Layer returns the annotations of one layer in sentence si.
func (a *Analysis) Layer(layer string, si int) []Annotation {
	var out []Annotation
	for _, an := range a.Annotations(si) {
		if an.Layer == layer {
			out = append(out, an)
		}
	}
	return out
}

// TokenSpan returns the tokens of sentence si that cover bytes
// [start, end) of Doc.Text, or ok false when none does.
func (a *Analysis) TokenSpan(si, start, end int) (from, to int, ok bool) {
	toks := a.Sentences[si].Tokens
	from = sort.Search(len(toks), func(i int) bool { return toks[i].End > start })
	to = sort.Search(len(toks), func(i int) bool { return toks[i].Start >= end })
	return from, to, from < to
}

// Memo returns the value stored under key, building it with build the
// first time: a view of the document that several stages read (the rule
// engine's prepared sentences) is computed once. Keys are values of an
// unexported type of the package that owns the view. An Analysis is used
// by one goroutine at a time, so Memo needs no lock.
func (a *Analysis) Memo(key any, build func() any) any {
	if v, ok := a.memo[key]; ok {
		return v
	}
	if a.memo == nil {
		a.memo = map[any]any{}
	}
	v := build()
	a.memo[key] = v
	return v
}

// Release drops what only the analysis stages need (tokens, annotations,
// memos), once they have run: an analysis kept for rendering is then its
// contract and no more.
func (a *Analysis) Release() {
	for i := range a.Sentences {
		a.Sentences[i].Tokens = nil
	}
	a.layers = nil
	a.memo = nil
}

// MainSides returns the two sides the document is about: the states whose
// actors (the state, its government, its forces, its people) the body
// names most, or armed groups where fewer than two states are named.
// "Both sides" and "the two governments" refer to them.
func (a *Analysis) MainSides() []string {
	score := map[string]float64{}
	var order []string
	add := func(id string, s float64) {
		if _, ok := score[id]; !ok {
			order = append(order, id)
		}
		score[id] += s
	}
	for _, ac := range a.Actors {
		switch {
		case ac.Salience <= 0:
		case ac.Kind == KindState:
			add(ac.ID, ac.Salience)
		case ac.Country != "" && ac.Kind != KindGroup:
			add(ac.Country, ac.Salience)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return score[order[i]] > score[order[j]] })
	if len(order) > 2 {
		order = order[:2]
	}
	for _, ac := range a.Actors {
		if len(order) >= 2 {
			break
		}
		if ac.Kind == KindGroup && ac.Salience > 0 {
			order = append(order, ac.ID)
		}
	}
	return order
}
