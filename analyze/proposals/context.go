package proposals

import (
	"slices"
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
// proposal's own sentence is a reason. A limit set against a whole plan
// ("None of these steps will ...", or told after "There are limits.")
// belongs to every proposal of the plan.
func (e *Extractor) context(views []*rules.View, ps []item) {
	if len(ps) == 0 {
		return
	}
	st := &contextState{views: views, ps: ps, para: paragraphs(views), used: map[int]bool{}}
	for _, p := range ps {
		st.used[p.Sentence] = true
		for _, s := range p.Support {
			st.used[s.Sentence] = true
		}
	}
	for si, v := range views {
		if v.S.Section == analyze.SectionBody {
			e.contextOf(st, si, v)
		}
	}
}

// contextState is what the context pass carries from sentence to
// sentence: the sentences already given to a proposal, and the plan whose
// limits a caveat heading announced.
type contextState struct {
	views     []*rules.View
	ps        []item
	para      []int
	used      map[int]bool
	announced *plan
}

// contextOf reads the context rules on sentence si and gives what they
// find to the proposals it is about.
func (e *Extractor) contextOf(st *contextState, si int, v *rules.View) {
	rebuttal := v.Len() > 0 && v.Is(0, "rebuttal")
	if st.announced != nil && (st.para[si] > st.announced.until || rebuttal) {
		st.announced = nil
	}
	heading := isHeading(st.views, st.para, si)
	hits := e.set.Run(v, "context")
	outcome := make([]string, len(hits))
	for i := range hits {
		h := &hits[i]
		if !h.OK() {
			continue
		}
		own := h.Rule.Emit["scope"] == "own"
		if st.used[si] {
			if own {
				outcome[i] = e.own(v, h, st.ps)
			}
			continue
		}
		if own {
			continue
		}
		outcome[i] = e.contextHit(st, si, v, h, heading, rebuttal)
		if outcome[i] != "" && outcome[i][0] != '-' {
			st.used[si] = true
			break
		}
	}
	rules.Record(v.A, e.set, v, "context", hits, outcome)
}

// contextHit places what hit h of sentence si says, and returns the
// outcome --explain shows ("-" first when it was placed nowhere).
func (e *Extractor) contextHit(st *contextState, si int, v *rules.View, h *rules.Hit, heading, rebuttal bool) string {
	role := h.Rule.Emit["role"]
	switch {
	case role == "announce":
		pl := planBefore(st.views, st.ps, si)
		if len(pl) == 0 {
			return "- no plan before it"
		}
		until := st.para[si]
		if heading || alone(st.para, si) {
			until++
		}
		st.announced = &plan{proposals: pl, until: until, last: pl}
		return "announces the caveats of the proposals of sentences " + sentences(st.ps, pl)
	case heading:
		return "- a heading"
	case role == "caveat" && rebuttal:
		return "- answers the limits told before it"
	case role == "caveat" && st.announced != nil:
		pl := e.ofKind(v, h, st.ps, st.announced.proposals)
		if len(pl) == len(st.announced.proposals) && pronoun(v) {
			pl = st.announced.last // "It cannot ...": the measure the last caveat was about
		}
		st.announced.last = pl
		return e.planCaveat(v, st.ps, pl)
	case role == "caveat" && collective(v):
		if pl := planBefore(st.views, st.ps, si); len(pl) > 0 {
			return e.planCaveat(v, st.ps, pl)
		}
		return "- no plan before it"
	}
	return e.attach(v, h, st.ps, st.para)
}

// plan is the proposals a caveat heading ("There are limits.") announced
// the limits of, the last paragraph those limits may be told in, and the
// proposals the last of them was about.
type plan struct {
	proposals []int
	until     int
	last      []int
}

// planBefore returns the proposals of the plan stated just before sentence
// si: the body proposals before it, each at most three sentences after the
// one before it, the last at most five sentences before si, and none
// before the one that opens with "First"; or nil.
func planBefore(views []*rules.View, ps []item, si int) []int {
	var idx []int
	for k, p := range ps {
		if p.Section == analyze.SectionBody && p.Sentence < si {
			idx = append(idx, k)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	slices.SortStableFunc(idx, func(a, b int) int { return ps[a].Sentence - ps[b].Sentence })
	last := 0
	for _, k := range idx {
		last = max(last, analyze.LastSentence(ps[k].Sentence, ps[k].Support))
	}
	if si-last > 5 {
		return nil
	}
	first := len(idx) - 1
	for first > 0 && ps[idx[first]].Sentence-ps[idx[first-1]].Sentence <= 3 {
		if v := views[ps[idx[first]].Sentence]; v.Len() > 0 && v.Is(0, "list.first") {
			break
		}
		first--
	}
	for first > 0 && ps[idx[first-1]].Sentence == ps[idx[first]].Sentence {
		first-- // another proposal of the first item's sentence
	}
	out := idx[first:]
	slices.Sort(out)
	return out
}

// ofKind narrows a plan to the proposals of the kinds of measure the
// sentence names ("The risk is that a channel ..." limits the lines of the
// plan, "Hanoi may see a pullback as ..." its pullbacks); what a measure
// cannot do names no measure of the plan ("A hotline cannot replace talks":
// only the words before the cue count). A sentence that names none, or
// none the plan has, limits the whole plan.
func (e *Extractor) ofKind(v *rules.View, h *rules.Hit, ps []item, pl []int) []int {
	end := v.Len()
	tf, tt := h.Trigger(e.set)
	for i := tf; i < tt; i++ {
		if v.Is(i, "caveat.limit") {
			end = tf
		}
	}
	mechs := map[string]bool{}
	for i := 0; i < end; i++ {
		if f, t, ok := e.measureAt(v, i); ok {
			mechs[e.set.Attr(v, f, t, "mechanism")] = true
			i = t - 1
		}
	}
	var out []int
	for _, k := range pl {
		if mechs[ps[k].Mechanism] {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return pl
	}
	return out
}

// planCaveat gives the sentence as a caveat to every proposal of pl.
func (e *Extractor) planCaveat(v *rules.View, ps []item, pl []int) string {
	for _, k := range pl {
		if !slices.Contains(ps[k].Caveats, v.S.Text) {
			ps[k].Caveats = append(ps[k].Caveats, v.S.Text)
		}
	}
	return "caveat of the proposals of sentences " + sentences(ps, pl)
}

// collective reports whether the sentence opens by referring to a whole
// list of measures ("None of these steps ...", "But all of this ...").
func collective(v *rules.View) bool {
	if v.Len() > 0 && v.Is(0, "collective.ref") {
		return true
	}
	return v.Len() > 1 && (v.Tok(0).Tag == "CC" || v.Tok(0).Tag == "RB") && v.Is(1, "collective.ref")
}

// pronoun reports whether the sentence opens with "it" or "they", going
// on about what the sentence before it was about.
func pronoun(v *rules.View) bool {
	return v.Len() > 0 && v.Tok(0).Tag == "PRP" && (v.Tok(0).Lemma == "it" || v.Tok(0).Lemma == "they")
}

// isHeading reports whether sentence si is a heading: alone in its
// paragraph and without the punctuation that ends a sentence.
func isHeading(views []*rules.View, para []int, si int) bool {
	if !alone(para, si) {
		return false
	}
	v := views[si]
	if v.Len() == 0 {
		return false
	}
	switch v.Tok(v.Len() - 1).Text {
	case ".", "!", "?", ":", ";", "\"", "'", "\u201d", "\u2019", ")", "...", "\u2026":
		return false
	}
	return true
}

// alone reports whether sentence si is the only one of its paragraph.
func alone(para []int, si int) bool {
	return (si == 0 || para[si-1] != para[si]) && (si == len(para)-1 || para[si+1] != para[si])
}

// sentences lists the sentences of the proposals pl, for --explain.
func sentences(ps []item, pl []int) string {
	var b strings.Builder
	for i, k := range pl {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(itoa(ps[k].Sentence))
	}
	return b.String()
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
