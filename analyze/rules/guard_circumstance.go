package rules

import "strings"

// circumstance rejects a noun that is part of an idiom ("a great deal of")
// or qualifies an act told by another word:
// "boarded the tanker in breach of sanctions" tells of a boarding, not of
// a breach or of sanctions; "struck the camp, in what the ministry called a
// raid" labels the strike; "created annual meetings" sets up a body, it
// tells of no meeting.
func circumstance(v *View, from, to int) string {
	// "a great deal of autonomy": an idiom, no deal.
	if v.Is(from, "idiom") {
		return "an idiom: " + quote(v.word(from))
	}
	// "in breach of", "in violation of", after an act: the noun and what
	// follows qualify the act ("events in violation of the resolution"
	// are what happened).
	for k := from; k >= 1 && k >= from-5; k-- {
		if v.Is(k, "breach.noun") && v.word(k-1) == "in" && (k == from || v.word(k+1) == "of") && v.actBefore(k-1) {
			return "the circumstance " + quote(v.Words(k-1, k+1))
		}
	}
	// "described as a raid", "called it an attack", "termed a provocation".
	for k := from - 1; k >= 0 && k >= from-5; k-- {
		if v.Is(k, "label.verb") {
			return "a label: " + quote(v.Words(k, from+1))
		}
		if !npTag(v.tag(k)) && v.tag(k) != "IN" && v.tag(k) != "PRP" {
			break
		}
	}
	// "created annual meetings", "set up a joint committee".
	if k := v.verbBefore(from); k >= 0 && from-k <= 4 && v.Is(k, "institute.verb") && v.Is(from, "event.noun") {
		for i := k + 1; i < from; i++ {
			if !npTag(v.tag(i)) && v.tag(i) != "RP" && v.tag(i) != "CC" {
				return ""
			}
		}
		return "set up, not held: " + quote(v.Words(k, from+1))
	}
	// "the war began in May when troops moved into the town": the clause
	// tells the act that opened what the noun names, and is the incident.
	if v.isNoun(from) && v.onsetTold(to) {
		return "its onset is told by the clause that follows"
	}
	return ""
}

// onsetTold reports a verb of beginning soon after token i ("began",
// "broke out"), then "when", "as" or "after" and an act in that clause.
func (v *View) onsetTold(i int) bool {
	k := i
	for ; k < v.Len() && k < i+6; k++ {
		if strings.HasPrefix(v.tag(k), "VB") {
			break
		}
	}
	if k >= v.Len() || k >= i+6 || !(v.Is(k, "onset.verb") && v.tag(k) != "VBG") {
		return false
	}
	for j := k + 1; j < v.Len() && j <= k+6; j++ {
		switch v.word(j) {
		case "when", "as", "after":
			for a := j + 1; a < v.Len() && v.SameClause(j+1, a); a++ {
				if v.Is(a, "event.verb") || v.Is(a, "event.deployment.verb") {
					return true
				}
			}
			return false
		}
		if strings.HasPrefix(v.tag(j), "VB") {
			return false
		}
	}
	return false
}

// actBefore reports an event verb before token i in the sentence.
func (v *View) actBefore(i int) bool {
	for k := 0; k < i; k++ {
		if v.Is(k, "event.verb") {
			return true
		}
	}
	return false
}
