package rules

import "strings"

// hypothetical rejects a trigger named as a possibility or as something to
// prevent: "the risk of a clash", "to avoid a collision", "any attack",
// "an accidental exchange of fire", "the danger is that a strike ...",
// "anyone who attacked the ship". Only the words of a noun phrase (and
// "of", "from", or "who" right before the trigger) may stand between the
// frame and the trigger.
func hypothetical(v *View, from, to int) string {
	if r := fearedClause(v, from); r != "" {
		return r
	}
	if r := nearMiss(v, from, to); r != "" {
		return r
	}
	cf, _ := v.Clause(from)
	if cf > 0 && cf == from-1 && v.tag(cf) == "WP" {
		cf-- // "anyone who attacked": the relative's antecedent
	}
	for i := from - 1; i >= cf && i >= from-5; i-- {
		if v.Is(i, "frame.hypothetical") {
			return "framed as a possibility by " + quote(v.word(i))
		}
		if !phraseTag(v.tag(i)) && !(v.tag(i) == "WP" && i == from-1) {
			return ""
		}
	}
	return ""
}

// fearedClause: "The risk is that one major attack wrecks the ceasefire":
// all that follows the frame is feared.
func fearedClause(v *View, from int) string {
	i := 0
	if v.tag(0) == "DT" {
		i = 1
	}
	if v.Is(i, "frame.hypothetical") && v.lemma(i+1) == "be" && v.word(i+2) == "that" && i+2 < from {
		return "framed as a possibility by " + quote(v.Words(0, i+3))
	}
	return ""
}

// nearMiss: "came close to war", a frame that begins at the trigger
// itself, tells of an event that nearly happened ("came close to the
// destroyer" is an approach).
func nearMiss(v *View, from, to int) string {
	f, t, ok := v.Set.ClassSpan(v, from, "frame.hypothetical")
	if !ok || t-f <= to-from {
		return ""
	}
	k := t
	for k < v.Len() && (v.tag(k) == "DT" || strings.HasPrefix(v.tag(k), "JJ")) {
		k++
	}
	if v.Is(k, "event.noun") {
		return "framed as a near miss by " + quote(v.Words(f, k+1))
	}
	return ""
}

// phraseTag reports the tags of the words of a noun phrase, and of "of"
// and "from", that may stand between a frame and what it frames.
func phraseTag(t string) bool {
	switch t {
	case "DT", "IN", "TO", "CD", "PRP$", "POS", "VBG", "PRP":
		return true
	}
	return strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN")
}
