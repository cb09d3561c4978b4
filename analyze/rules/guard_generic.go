package rules

import "strings"

// generic rejects a bare plural: "seizures breed seizures" speaks of
// events in general. A determiner, a possessive, a number, a modifier, a
// date or the two sides ("talks between the two navies") anchor it.
func generic(v *View, from, to int) string {
	// A superlative speaks of a class: "the most dangerous encounters"
	// (but "the latest war" is one).
	for k := from - 1; k >= 0 && k >= from-3; k-- {
		if (v.tag(k) == "JJS" || v.word(k) == "most") && !v.Is(k, "order.adj") {
			return "a superlative names a kind of event"
		}
		if !npTag(v.tag(k)) && v.tag(k) != "RBS" {
			break
		}
	}
	if v.tag(from) != "NNS" && v.tag(to-1) != "NNS" {
		return ""
	}
	if from > 0 {
		t := v.tag(from - 1)
		if t == "DT" || t == "PRP$" || t == "POS" || t == "CD" || strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "JJ") {
			return ""
		}
	}
	if v.datedClause(from) || v.between(to) {
		return ""
	}
	return "a bare plural names events in general"
}

// datedClause reports whether a date stands in the clause of token i.
func (v *View) datedClause(i int) bool {
	for _, d := range v.Dates {
		if v.SameClause(d.From, i) {
			return true
		}
	}
	return false
}

// between reports whether "between" and two actors follow token i closely,
// in its clause.
func (v *View) between(i int) bool {
	for k := i; k < v.Len() && k < i+7 && v.SameClause(i-1, k); k++ {
		if v.word(k) != "between" {
			continue
		}
		n := 0
		for _, an := range v.Actors {
			if an.From > k && an.From <= k+8 {
				n++
			}
		}
		return n >= 2
	}
	return false
}
