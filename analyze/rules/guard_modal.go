package rules

import "strings"

// modal rejects a trigger under a modal verb: "could seize", "may have
// fired", "will hold talks" say what is possible, feared or planned, not
// what happened. A noun trigger is also under a modal later in its clause
// ("a collision could escalate"), except in a perfect ("the collision
// could have been avoided" tells of a collision that happened).
func modal(v *View, from, to int) string {
	// The class catches modals the tagger misses ("wo", "ca"); a
	// capitalised "May" is the month.
	isModal := func(i int) bool {
		return v.tag(i) == "MD" || v.Is(i, "modal") && !strings.HasPrefix(v.tag(i), "NN") && v.tag(i) != "CD"
	}
	if k := v.governing(from, isModal); k >= 0 {
		return "under the modal " + quote(v.word(k))
	}
	if !v.isNoun(from) {
		return ""
	}
	// A noun is the object of the verb before it, and under that verb's
	// modal: "could escalate into a confrontation", "should seek a
	// binding, written agreement" (commas inside a noun phrase do not end
	// the search), "should be extended and updated for encounters" (a
	// coordinated verb shares the first one's modal).
	if k := v.verbBefore(from); k >= 0 {
		for k >= 0 {
			if m := v.governing(k, isModal); m >= 0 {
				return "the object of a verb under the modal " + quote(v.word(m))
			}
			k = v.coordinatedVerb(k)
		}
	}
	_, end := v.Clause(from)
	for i := to; i < end; i++ {
		if strings.HasPrefix(v.tag(i), "VB") && !auxiliaries[v.Tok(i).Lemma] && v.tag(i) != "MD" {
			return "" // a verb of its own before any modal
		}
		if isModal(i) && v.lemma(i+1) != "have" {
			return "in a clause under the modal " + quote(v.word(i))
		}
	}
	return ""
}

// verbBefore returns the content verb a noun at i is the object of: the
// first one before it, across the words and commas of a noun phrase and
// its prepositions, or -1. A participle inside the noun phrase ("a
// binding, written agreement") modifies the noun; it is no verb.
func (v *View) verbBefore(i int) int {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		t := v.Tok(k)
		switch {
		case (t.Tag == "VBN" || t.Tag == "VBG") && k > 0 && v.tag(k-1) == "," && npTag(v.tag(k+1)) && k > 1 && npTag(v.tag(k-2)):
			continue
		case strings.HasPrefix(t.Tag, "VB") && !auxiliaries[t.Lemma]:
			return k
		case t.Text == ";" || t.Text == "." || v.Is(k, "subordinator") && t.Tag != "DT":
			return -1
		}
	}
	return -1
}

// coordinatedVerb returns, for a verb at k that "and" or "or" joins to an
// earlier one ("extended ... and updated"), that earlier verb, or -1.
func (v *View) coordinatedVerb(k int) int {
	j := k - 1
	for j >= 0 && v.tag(j) == "RB" {
		j--
	}
	if j < 0 || v.tag(j) != "CC" {
		return -1
	}
	for i := j - 1; i >= 0 && i >= j-8; i-- {
		if strings.HasPrefix(v.tag(i), "VB") && !auxiliaries[v.Tok(i).Lemma] && v.tag(i) == v.tag(k) {
			return i
		}
	}
	return -1
}
