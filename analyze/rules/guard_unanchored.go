package rules

import "strings"

// unanchored rejects a noun trigger that nothing ties to a time or a
// side: "a blockade" alone names a kind of act. Anchors: a date in its
// clause; an owner ("Tehran's seizure", "their 1985 agreement"); an actor
// it is of, by, between, on, against or with; a past verb it is the
// object of ("reached an agreement"); a relative clause in the past
// after it ("the clash that killed ..."); a definite article, which
// refers back to an event told before.
func unanchored(v *View, from, to int) string {
	if !v.isNoun(from) {
		return ""
	}
	if v.Definite(from) {
		return ""
	}
	if v.datedClause(from) || v.owner(from) || v.actorAfter(to) || v.between(to) || v.pastVerbBefore(from) || v.pastRelative(to) {
		return ""
	}
	return "nothing anchors the noun to a time or a side"
}

// owner reports a possessive just before token i: "Iran's", "their".
func (v *View) owner(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := v.Tok(k)
		if t.Tag == "POS" || t.Tag == "PRP$" || t.Text == "’s" || t.Text == "'s" {
			return true
		}
		if _, ok := v.ActorAt(k); ok && k == i-1 {
			return true // "Chinese intercepts", "U.S. strikes"
		}
	}
	return false
}

// actorAfter reports an actor named just after token i, introduced by of,
// by, between, on, against or with.
func (v *View) actorAfter(i int) bool {
	switch v.word(i) {
	case "of", "by", "between", "on", "against", "with", "from", "in", "to":
	default:
		return false
	}
	for _, an := range v.Actors {
		if an.From > i && an.From <= i+6 {
			return true
		}
	}
	return false
}

// pastVerbBefore reports a past-tense verb governing the noun at i within
// its clause: "reached an agreement", "announced a blockade".
func (v *View) pastVerbBefore(i int) bool {
	cf, _ := v.Clause(i)
	for k := i - 1; k >= cf && k >= i-6; k-- {
		t := v.Tok(k)
		if t.Tag == "VBD" || t.Tag == "VBN" && k > 0 && auxiliaries[v.Tok(k-1).Lemma] {
			return true
		}
		if strings.HasPrefix(t.Tag, "VB") {
			return false
		}
	}
	return false
}

// pastRelative reports a relative clause in the past right after the noun
// ending at i: "the clash that killed", "talks that began".
func (v *View) pastRelative(i int) bool {
	if w := v.word(i); w != "that" && w != "which" {
		return false
	}
	for k := i + 1; k < v.Len() && k <= i+3; k++ {
		if v.tag(k) == "VBD" {
			return true
		}
	}
	return false
}

// Definite reports whether the noun phrase of the noun at i opens with a
// definite article or a demonstrative ("the chemical attack").
func (v *View) Definite(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch v.Tok(k).Lemma {
		case "the", "this", "that", "these", "those":
			return true
		}
		if t := v.tag(k); !strings.HasPrefix(t, "JJ") && !strings.HasPrefix(t, "NN") && t != "CD" && t != "VBN" && t != "HYPH" {
			return false
		}
	}
	return false
}
