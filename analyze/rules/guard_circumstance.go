package rules

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
	return ""
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
