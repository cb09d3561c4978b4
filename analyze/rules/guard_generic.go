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

// between reports whether "between" and the two sides follow token i
// closely, in its clause: two actors ("between Serbia and Kosovo") or the
// two sides counted ("between the two navies", "between both sides"; "talks
// between the militaries" are talks of any militaries).
func (v *View) between(i int) bool {
	for k := i; k < v.Len() && k < i+7 && v.SameClause(i-1, k); k++ {
		if v.word(k) != "between" {
			continue
		}
		if len(v.BetweenAt(k)) == 2 {
			return true
		}
		two := false
		for j := k + 1; j < v.Len() && j <= k+4 && npTag(v.tag(j)); j++ {
			two = two || v.word(j) == "two" || v.word(j) == "both"
			if two && v.Is(j, "side") {
				return true
			}
		}
		return false
	}
	return false
}

// BetweenAt returns the two sides of a "between X and Y" whose "between"
// is token k: the first two distinct actors named within ten tokens after
// it, or nil. (One home for the construction: incidents read its sides,
// the guards its presence.)
func (v *View) BetweenAt(k int) []string {
	var both []string
	for _, m := range v.Actors {
		if m.From > k && m.From <= k+10 && len(both) < 2 && !containsID(both, m.Value) {
			both = append(both, m.Value)
		}
	}
	if len(both) < 2 {
		return nil
	}
	return both
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
