package proposals

import (
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/rules"
)

// measure finds the measure a proposal names, where its rule says to look,
// and returns its tokens and mechanism: the rule's own mechanism when it
// names one, the measure's otherwise, or the rule's fallback when the
// clause names no measure ("" for no proposal).
func (e *Extractor) measure(v *rules.View, h *rules.Hit, tf, tt int) (from, to int, mech string) {
	if m := h.Rule.Emit["mechanism"]; m != "$measure" {
		// The rule names the mechanism: what it matched is the measure.
		return h.From, h.To, m
	}
	if f, t, ok := h.Capture(e.set, "measure"); ok {
		from, to = f, t
	} else {
		switch h.Rule.Emit["measure"] {
		case "before":
			from, to = e.measureBefore(v, tf)
		case "near":
			if from, to = e.measureAfter(v, tt, coordEnd(v, tt)); to <= from {
				from, to = e.measureBefore(v, tf)
			}
		case "subject":
			if from, to = e.measureBefore(v, tf); to <= from {
				from, to = e.measureAfter(v, tt, coordEnd(v, tt))
			}
		case "step":
			from, to = e.measureAfter(v, tf, stepEnd(v, tt))
		default:
			from, to = e.measureAfter(v, tt, coordEnd(v, tt))
		}
	}
	end := coordEnd(v, tt)
	if h.Rule.Emit["measure"] == "step" {
		end = stepEnd(v, tt)
	}
	if pf, pt, ok := pullback(v, tf, end); ok && (to <= from || pf <= from && from < pt) {
		// The withdrawal is the measure, or holds it ("pull the guns back
		// from the line" names no channel).
		if m := e.set.Attr(v, pf, pt, "from-line"); m != "" {
			return pf, pt, m
		}
	}
	if to > from {
		if m := e.set.Attr(v, from, to, "mechanism"); m != "" {
			return from, to, m
		}
	}
	return from, to, h.Rule.Emit["fallback"]
}

// pullback finds a withdrawal from a line in tokens [from, end): a verb or
// noun of withdrawal, then "from" or "out of" and a boundary within the
// clause ("pull the guns back to ten miles from the border", "the
// withdrawal of both brigades out of the zone"). Forces moved off a line
// separate the sides; a withdrawal from no line is restraint, and is left
// to the measure classes.
func pullback(v *rules.View, from, end int) (int, int, bool) {
	for i := max(from, 0); i < end && i < v.Len(); i++ {
		if !v.Is(i, "withdrawal") {
			continue
		}
		for k := i + 1; k < end && k < i+14; k++ {
			w := v.Tok(k).Lower
			if w != "from" && !(w == "out" && k+1 < end && v.Tok(k+1).Lower == "of") {
				continue
			}
			for j := k + 1; j < end && j < k+6; j++ {
				if v.Is(j, "terrain.line") {
					return i, j + 1, true
				}
			}
		}
	}
	return 0, 0, false
}

// measureAfter returns the first measure in tokens [from, end), skipping
// purpose clauses ("to avoid an accident, both navies need a hotline"
// proposes the hotline) and names that contain a measure word but are
// places or boundaries ("the Demilitarized Zone", "the median line").
// A verb of a measure gives way to the measure it has for its object
// ("negotiate a code of conduct", "keep observing the buffer zone"), unless
// the object is only its topic ("discuss the radar rules" stays
// talk).
func (e *Extractor) measureAfter(v *rules.View, from, end int) (int, int) {
	for i := from; i < end && i < v.Len(); i++ {
		if v.Is(i, "frame.purpose") {
			i = skipPurpose(v, i)
			continue
		}
		f, t, ok := e.measureAt(v, i)
		if !ok {
			continue
		}
		if !strings.HasPrefix(v.Tok(t-1).Tag, "NN") && !v.Is(f, "measure.topic") {
			for k := t; k < end && k < t+6; k++ {
				if nf, nt, ok := e.measureAt(v, k); ok && strings.HasPrefix(v.Tok(nt-1).Tag, "NN") {
					return nf, nt
				}
				if w := v.Tok(k).Text; w == "," || w == ";" {
					break
				}
			}
		}
		return f, t
	}
	return 0, 0
}

// measureBefore returns the measure nearest before token to in the
// sentence: the subject of "is needed".
func (e *Extractor) measureBefore(v *rules.View, to int) (int, int) {
	for i := to - 1; i >= 0; i-- {
		if f, t, ok := e.measureAt(v, i); ok && t <= to {
			return f, t
		}
	}
	return 0, 0
}

// measureAt returns the longest measure span starting at token i that is
// not part of a place's or a boundary's name, nor a word of a longer
// proper name ("the Hormuz Peace Endeavor").
func (e *Extractor) measureAt(v *rules.View, i int) (int, int, bool) {
	if v.Is(i, "place") || v.Is(i, "boundary") {
		return 0, 0, false
	}
	if i > 0 && v.Is(i, "measure.bare") && v.Tok(i-1).Tag == "POS" {
		return 0, 0, false // "Beijing's line": its stance
	}
	if v.Is(i, "measure.bare") && spatialBefore(v, i) {
		return 0, 0, false // "back from the line": a line on the map
	}
	f, t, ok := e.set.ClassSpan(v, i, "measure")
	if !ok || inName(v, f, t) {
		return 0, 0, false
	}
	// A bare "line" is a channel only in a text that names a channel.
	if t-f == 1 && v.Is(f, "measure.bare") && !e.namesChannel(v.A) {
		return 0, 0, false
	}
	return f, t, true
}

// spatialBefore reports a preposition of place or motion before the noun
// at i, across its article: "from the line", "along the line", "across
// the lines". A channel is used "on" a line, not moved from or along it.
func spatialBefore(v *rules.View, i int) bool {
	k := i - 1
	if k >= 0 && v.Tok(k).Tag == "DT" {
		k--
	}
	if k < 0 {
		return false
	}
	switch v.Tok(k).Lower {
	case "from", "along", "across", "behind", "beyond", "near", "toward", "towards", "past", "astride", "straddling":
		return true
	}
	return false
}

type channelKey struct{}

// namesChannel reports whether the document names a communication
// channel in so many words (a hotline, a direct line, a channel), so that
// "the line" later refers to it.
func (e *Extractor) namesChannel(a *analyze.Analysis) bool {
	return a.Memo(channelKey{}, func() any {
		for _, v := range e.set.Views(a) {
			for i := 0; i < v.Len(); i++ {
				if v.Is(i, "measure.hotline") && !v.Is(i, "measure.bare") {
					return true
				}
			}
		}
		return false
	}).(bool)
}

// inName reports whether tokens [from, to) are capitalised words followed
// by more of them in mid-sentence, directly or across "and", "of", "for"
// or "&": inside a name ("the Hormuz Peace Endeavor", "the Peace and
// Security Council"). A measure that ends the name is its head and names
// its kind ("the Joint Working Group", "the Regional Border Committee").
func inName(v *rules.View, from, to int) bool {
	capital := func(i int) bool {
		if i <= 0 || i >= v.Len() {
			return false
		}
		t := v.Tok(i).Text
		return t != "" && t[0] >= 'A' && t[0] <= 'Z'
	}
	if !capital(from) {
		return false
	}
	if to < v.Len() {
		switch v.Tok(to).Text {
		case "and", "of", "for", "&":
			return capital(to + 1)
		}
	}
	return capital(to)
}

// skipPurpose returns the last token of a purpose clause opening at i.
func skipPurpose(v *rules.View, i int) int {
	for k := i + 1; k < v.Len(); k++ {
		if w := v.Tok(k).Text; w == "," || w == ";" {
			return k
		}
	}
	return v.Len()
}

// coordEnd returns where the coordinate clause holding token i ends: at
// ";", or where "but", "while", ", and" or "and" before a new subject
// begins another; commas inside a noun phrase do not end it.
func coordEnd(v *rules.View, i int) int {
	for k := i + 1; k < v.Len(); k++ {
		if v.Tok(k).Text == ";" || v.Tok(k).Text == "." {
			return k
		}
		if !sameCoordinate(v, i, k+1) {
			return k
		}
	}
	return v.Len()
}

// stepEnd returns where the step that starts at token i ends: at the
// next clause mark, or before the next verb of a list of steps ("to halt
// drills and to withdraw posts", "should keep X, and refrain from Y").
func stepEnd(v *rules.View, i int) int { return stepEndAt(v, i, i+2) }

// stepEndAt is stepEnd where "and" or "or" before a verb may open the
// next step from token join on: right after a cue it is part of the cue,
// right after a measure it is a new step ("renew talks and develop
// rules"); "to" after a measure is a purpose ("hold talks to discuss").
func stepEndAt(v *rules.View, i, join int) int {
	for k := i; k < v.Len(); k++ {
		t := v.Tok(k)
		switch t.Text {
		case ";", ".", ",", ":", "—", "–", "(":
			return k
		}
		if k > i && v.Is(k, "subordinator") {
			return k
		}
		if k == i && (t.Lemma == "whether" || t.Lemma == "if") {
			// "will watch whether the ships keep their distance": what
			// is asked about is not the step.
			return k
		}
		coord := t.Lemma == "and" || t.Lemma == "or"
		if (k >= join && coord || k > i+1 && (coord || t.Lemma == "to")) && k+1 < v.Len() && (v.Tok(k+1).Tag == "VB" || v.Tok(k+1).Tag == "VBP") {
			return k
		}
	}
	return v.Len()
}

// nextStep returns where a further coordinated step begins after the step
// ending at token end ("..., and refrain from ...", "and to withdraw",
// "while continuing to talk"), or -1.
func nextStep(v *rules.View, end int) int {
	k := end
	for k < v.Len() && (v.Tok(k).Text == "," || v.Tok(k).Lemma == "and" || v.Tok(k).Lemma == "or" || v.Tok(k).Lemma == "to" || v.Tok(k).Tag == "RB") {
		k++
	}
	if k > end-1 && k+1 < v.Len() && v.Tok(k).Lower == "while" && v.Tok(k+1).Tag == "VBG" {
		// "should push for a code, while continuing to pursue talks",
		// "..., while keeping the line open": what goes on beside the
		// step is advised with it.
		k++
		if v.Is(k, "aspect") && k+2 < v.Len() && v.Tok(k+1).Lemma == "to" {
			return k + 2
		}
		return k
	}
	if k > end && k < v.Len() && (v.Tok(k).Tag == "VB" || v.Tok(k).Tag == "VBP") {
		return k
	}
	return -1
}

// proposer returns who puts the measure forward: the subject of the cue
// verb (policy subject), the actor a reporting verb or "according to"
// names (speaker), else the authors. Words inside a quotation ("we expect
// ...") are the speaker's.
func proposer(v *rules.View, policy string, tf int) string {
	if policy == "authors" {
		return "authors"
	}
	quoted := v.Is(tf, "quote") || strings.HasPrefix(v.S.Text, "“") || strings.HasPrefix(v.S.Text, "\"")
	if policy == "subject" && !quoted {
		if m, ok := subjectOf(v, tf); ok {
			return m.Value
		}
		if tf > 0 && (v.Tok(tf-1).Lemma == "we" || v.Tok(tf-1).Lemma == "i") {
			return "authors"
		}
	}
	if id := speaker(v); id != "" {
		return id
	}
	if quoted || pronounSpeaker(v) {
		if id := lastPerson(v); id != "" {
			return id
		}
	}
	return "authors"
}

// pronounSpeaker reports a reporting verb with a pronoun subject: "he
// said", "she told reporters".
func pronounSpeaker(v *rules.View) bool {
	for i := 1; i < v.Len(); i++ {
		if v.Is(i, "report.verb") && strings.HasPrefix(v.Tok(i).Tag, "VB") {
			switch v.Tok(i - 1).Lemma {
			case "he", "she", "they":
				return true
			}
			if i+1 < v.Len() {
				switch v.Tok(i + 1).Lemma {
				case "he", "she", "they":
					return true
				}
			}
		}
	}
	return false
}

// lastPerson returns the person (or organisation) named last in the three
// sentences before v, whom a quotation or a pronoun refers to.
func lastPerson(v *rules.View) string {
	for si := v.S.Index - 1; si >= 0 && si >= v.S.Index-3; si-- {
		ls := v.A.Layer(analyze.LayerActor, si)
		for k := len(ls) - 1; k >= 0; k-- {
			for _, ac := range v.A.Actors {
				if ac.ID == ls[k].Value && (ac.Kind == analyze.KindPerson || ac.Kind == analyze.KindOrganization) {
					return ac.ID
				}
			}
		}
	}
	return ""
}

// subjectOf returns the actor just before token i in its clause (its
// subject), not a place.
func subjectOf(v *rules.View, i int) (analyze.Annotation, bool) {
	from, _ := v.Clause(i)
	for k := len(v.Actors) - 1; k >= 0; k-- {
		m := v.Actors[k]
		if m.To > i || m.To < from-1 || i-m.To > 10 {
			continue
		}
		if m.From > 0 && v.Is(m.From-1, "locative") {
			continue
		}
		return m, true
	}
	return analyze.Annotation{}, false
}

// speaker returns the actor a reporting verb of the sentence names ("X
// said", "said X", "according to X"), or "".
func speaker(v *rules.View) string {
	for i := 0; i < v.Len(); i++ {
		t := v.Tok(i)
		if t.Lemma == "according" && i+1 < v.Len() && v.Tok(i+1).Lemma == "to" {
			for _, m := range v.Actors {
				if m.From > i+1 && m.From <= i+5 {
					return m.Value
				}
			}
		}
		if !v.Is(i, "report.verb") || !strings.HasPrefix(t.Tag, "VB") {
			continue
		}
		for k := len(v.Actors) - 1; k >= 0; k-- {
			if m := v.Actors[k]; m.To <= i && i-m.To <= 6 {
				return m.Value
			}
		}
		for _, m := range v.Actors {
			if m.From > i && m.From-i <= 4 {
				return m.Value
			}
		}
	}
	return ""
}

// roles reads who would carry the measure out (parties), who would broker
// or watch it (mediators) and where (a place the sentence names, or a
// state after "in", "over", "along" ...). Parties are states, or the
// states of the bodies named; with fewer than two, the document's two
// main sides, as "both sides" refers to them.
func roles(v *rules.View, thirdParty bool, tf, mt int, sides []string) (parties, mediators []string, where string) {
	country := map[string]string{}
	kind := map[string]string{}
	for _, ac := range v.A.Actors {
		country[ac.ID], kind[ac.ID] = ac.Country, ac.Kind
		if ac.Kind == analyze.KindState {
			country[ac.ID] = ac.ID
		}
	}
	if len(v.Places) > 0 {
		where = v.Places[0].Value
	}
	for _, m := range v.Actors {
		switch {
		case mediatorMark(v, m):
			mediators = appendUnique(mediators, m.Value)
			continue
		case locativeList(v, m) && kind[m.Value] == analyze.KindState:
			if where == "" {
				where = v.A.Doc.Text[m.Start:m.End]
			}
			continue
		case kind[m.Value] == analyze.KindPerson:
			continue
		}
		id := country[m.Value]
		if kind[m.Value] == analyze.KindOrganization && id == "" {
			// A body of no state named in a proposal of mediation is its
			// third party ("UN observers").
			if thirdParty {
				mediators = appendUnique(mediators, m.Value)
			}
			continue
		}
		if id == "" || country[id] == "" {
			// A body whose state the text never names stands for itself:
			// parties are actors of the document.
			id = m.Value
		}
		parties = appendUnique(parties, id)
	}
	// In a mediation, a party that is not one of the two sides is the
	// third party ("Oman could serve as an intermediary").
	if thirdParty && len(sides) == 2 {
		var keep []string
		for _, id := range parties {
			if id != sides[0] && id != sides[1] {
				mediators = appendUnique(mediators, id)
				continue
			}
			keep = append(keep, id)
		}
		parties = keep
	}
	var p []string
	for _, id := range parties {
		if !containsStr(mediators, id) {
			p = append(p, id)
		}
	}
	parties = p
	for _, id := range sides {
		if len(parties) >= 2 {
			break
		}
		if !containsStr(mediators, id) {
			parties = appendUnique(parties, id)
		}
	}
	return parties, mediators, where
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// locativeList reports whether a mention stands after "in", "over",
// "along" and the like, or in a list that one opens ("in the Gulf, Iraq
// and Syria"): a place, not a party.
func locativeList(v *rules.View, m analyze.Annotation) bool {
	for k := m.From - 1; k >= 0; k-- {
		if v.Is(k, "locative") {
			return true
		}
		t := v.Tok(k)
		_, actor := v.ActorAt(k)
		if !(actor || v.Is(k, "place") || t.Text == "," || t.Lemma == "and" || t.Lemma == "or" || t.Tag == "DT" || strings.HasPrefix(t.Tag, "NNP")) {
			return false
		}
	}
	return false
}

// mediatorMark reports whether a mention follows a word that introduces a
// third party ("mediated by Oman", "through Switzerland", "hosted by").
func mediatorMark(v *rules.View, m analyze.Annotation) bool {
	for k := m.From - 1; k >= 0 && k >= m.From-4; k-- {
		if v.Is(k, "mediator.mark") {
			return true
		}
		if t := v.Tok(k).Tag; t != "DT" && !strings.HasPrefix(t, "JJ") && !strings.HasPrefix(t, "NN") {
			return false
		}
	}
	return false
}

// summary is the measure as the sentence puts it: from the cue's verb
// when the cue is one ("set up a direct line", "act as a mediator"), else
// from after the cue (the words of a "to" or "be" dropped), to the end of
// its clause; or the measure's own phrase when it stands before the cue.
func summary(v *rules.View, tf, tt, mf, mt int) string {
	var out string
	switch {
	case mt > mf && mt <= tf:
		from := mf
		for from > 0 && npTagOK(v.Tok(from-1).Tag) {
			from--
		}
		out = v.Words(from, clauseEndAfter(v, mt))
	default:
		from := tt
		if t := v.Tok(tf).Tag; strings.HasPrefix(t, "VB") && !auxVerb(v.Tok(tf).Lemma) && v.Tok(tf).Lemma != "need" && !v.Is(tf, "recommend.strong") && !v.Is(tf, "recommend.verb") && !v.Is(tf, "intend.to") && !v.Is(tf, "intend.object") && !v.Is(tf, "endorse.verb") {
			from = tf
		}
		neg := ""
		for from < v.Len() && (v.Tok(from).Lemma == "to" || v.Tok(from).Lemma == "be" || v.Tok(from).Tag == "RB" || v.Tok(from).Tag == "MD") {
			if v.Is(from, "negation") {
				// "should not include X" proposes not to include it.
				neg = v.Tok(from).Lower
				if neg == "n't" {
					neg = "not"
				}
			}
			from++
		}
		out = v.Words(from, clauseEndAfter(v, from))
		if neg != "" && out != "" {
			out = neg + " to " + out
		}
	}
	out = strings.TrimRight(strings.TrimSpace(out), ".,;:")
	if out == "" {
		out = strings.TrimRight(v.S.Text, ".")
	}
	return strings.ToUpper(out[:1]) + out[1:]
}

func auxVerb(lemma string) bool {
	return lemma == "be" || lemma == "have" || lemma == "do"
}

func npTagOK(tag string) bool {
	return tag == "DT" || tag == "CD" || tag == "PRP$" || tag == "POS" || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN")
}

// clauseEndAfter returns the end of the words that complete a phrase from
// token i: the sentence's end or the next clause mark after it.
func clauseEndAfter(v *rules.View, i int) int {
	for k := i; k < v.Len(); k++ {
		switch v.Tok(k).Text {
		case ";", ".", "—", "–", ":":
			return k
		}
	}
	return v.Len()
}
