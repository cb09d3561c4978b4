package proposals

import (
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/rules"
)

// context attaches to each proposal what the sentences near it say of it,
// as the context rules read them: reasons, caveats, earlier cases, and
// restatements in other words ("Such a line would ..."). A sentence belongs
// to the proposal whose kind of measure it names, else to the nearest one
// before it, if it is near (its paragraph, or the two sentences after the
// proposal's last statement) and about the measure (naming its kind, or
// going on about it: a back-reference, a pronoun). A purpose clause in the
// proposal's own sentence is a reason.
func (e *Extractor) context(views []*rules.View, ps []item) {
	if len(ps) == 0 {
		return
	}
	used := map[int]bool{}
	for _, p := range ps {
		used[p.Sentence] = true
		for _, s := range p.Support {
			used[s.Sentence] = true
		}
	}
	para := paragraphs(views)
	for si, v := range views {
		if v.S.Section != analyze.SectionBody {
			continue
		}
		hits := e.set.Run(v, "context")
		outcome := make([]string, len(hits))
		for i := range hits {
			h := &hits[i]
			if !h.OK() {
				continue
			}
			if used[si] {
				if h.Rule.Emit["scope"] == "own" {
					outcome[i] = e.own(v, h, ps)
				}
				continue
			}
			if h.Rule.Emit["scope"] == "own" {
				continue
			}
			outcome[i] = e.attach(v, h, ps, para)
			if outcome[i] != "" && outcome[i][0] != '-' {
				used[si] = true
				break
			}
		}
		rules.Record(v.A, e.set, v, "context", hits, outcome)
	}
}

// own adds what a clause of a proposal's own sentence says of it: a
// purpose is a reason, "although ..." a caveat, "as in 1972" a precedent.
// The clause runs from the cue to the end of the sentence.
func (e *Extractor) own(v *rules.View, h *rules.Hit, ps []item) string {
	tf, _ := h.Trigger(e.set)
	for k := range ps {
		p := &ps[k]
		if p.Sentence != v.S.Index || tf < p.trigger {
			continue
		}
		text := strings.TrimRight(v.Words(tf, v.Len()), ". ")
		if text == "" {
			continue
		}
		switch role := h.Rule.Emit["role"]; role {
		case "rationale":
			p.Rationale = append([]string{text}, p.Rationale...)
		case "caveat":
			p.Caveats = append([]string{text}, p.Caveats...)
		case "precedent":
			p.Precedents = append([]string{text}, p.Precedents...)
		default:
			continue
		}
		return "a " + h.Rule.Emit["role"] + " of the proposal in its sentence"
	}
	return ""
}

// attach gives a context sentence to the proposal it is about; it returns
// what it did, or "- ..." when it attached nothing.
func (e *Extractor) attach(v *rules.View, h *rules.Hit, ps []item, para []int) string {
	si := v.S.Index
	mech := ""
	if f, t, ok := e.namedMeasure(v); ok {
		mech = e.set.Attr(v, f, t, "mechanism")
	}
	k := byMechanism(ps, mech, si)
	if k < 0 {
		k = nearest(ps, si)
	}
	if k < 0 {
		return "- no proposal before it"
	}
	p := &ps[k]
	last := analyze.LastSentence(p.Sentence, p.Support)
	named := mech != "" && mech == p.Mechanism
	role := h.Rule.Emit["role"]
	// Near: the proposal's paragraph or the three sentences after it; an
	// earlier case of the same kind of measure may be told anywhere, and
	// the limits of that kind of measure anywhere after it.
	near := para[si] == para[last] || si > last && si-last <= 3 || role == "precedent" && named || role == "caveat" && named && si > p.Sentence
	// About: naming its kind of measure, referring back to it, or
	// standing right after it.
	about := named || si == last+1 || v.Is(0, "backref") || v.Is(0, "enumeration") || v.Is(0, "contrast") || v.Is(1, "backref")
	if !near || !about {
		return "- not near or not about a proposal"
	}
	switch role {
	case "restatement":
		if !named {
			return "- names another kind of measure"
		}
		p.Support = append(p.Support, analyze.Support{Sentence: si, Section: v.S.Section, Evidence: v.S.Text})
		return "restates the proposal of sentence " + itoa(p.Sentence)
	case "rationale":
		p.Rationale = append(p.Rationale, v.S.Text)
	case "caveat":
		p.Caveats = append(p.Caveats, v.S.Text)
	case "precedent":
		p.Precedents = append(p.Precedents, v.S.Text)
	}
	return h.Rule.Emit["role"] + " of the proposal of sentence " + itoa(p.Sentence)
}

// namedMeasure returns the first measure the sentence names.
func (e *Extractor) namedMeasure(v *rules.View) (int, int, bool) {
	for i := 0; i < v.Len(); i++ {
		if f, t, ok := e.measureAt(v, i); ok {
			return f, t, true
		}
	}
	return 0, 0, false
}

// paragraphs numbers the paragraph of each sentence.
func paragraphs(views []*rules.View) []int {
	out := make([]int, len(views))
	if len(views) == 0 {
		return out
	}
	a := views[0].A
	p := 0
	for si, v := range views {
		for p < len(a.Paragraphs) && a.Paragraphs[p].End <= v.S.Start {
			p++
		}
		out[si] = p
	}
	return out
}

// byMechanism returns the body proposal of mechanism mech stated last
// before sentence si (or the first after it), or -1.
func byMechanism(ps []item, mech string, si int) int {
	if mech == "" {
		return -1
	}
	best := -1
	for k, p := range ps {
		if p.Section != analyze.SectionBody || p.Mechanism != mech {
			continue
		}
		if best < 0 || (p.Sentence < si && p.Sentence > ps[best].Sentence) {
			best = k
		}
	}
	return best
}

// nearest returns the body proposal stated last before sentence si, or -1.
func nearest(ps []item, si int) int {
	best := -1
	for k, p := range ps {
		if p.Section != analyze.SectionBody || p.Sentence > si {
			continue
		}
		if best < 0 || p.Sentence > ps[best].Sentence {
			best = k
		}
	}
	return best
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
