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
	// A noun is the object of its clause's verb, and under that verb's
	// modal: "could escalate into a confrontation".
	cf, _ := v.Clause(from)
	for i := from - 1; i >= cf; i-- {
		if strings.HasPrefix(v.tag(i), "VB") && !auxiliaries[v.Tok(i).Lemma] {
			if k := v.governing(i, isModal); k >= 0 {
				return "the object of a verb under the modal " + quote(v.word(k))
			}
			break
		}
	}
	_, end := v.Clause(from)
	for i := to; i < end; i++ {
		if strings.HasPrefix(v.tag(i), "VB") && !auxiliaries[v.Tok(i).Lemma] && v.tag(i) != "MD" {
			return "" // a verb of its own before any modal
		}
		if isModal(i) && v.Tok(i+1).Lemma != "have" {
			return "in a clause under the modal " + quote(v.word(i))
		}
	}
	return ""
}
