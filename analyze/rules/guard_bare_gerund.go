package rules

import "strings"

// bareGerund rejects an -ing form that no tense carries: "suspending
// talks" alone is no report. It stands after "was"/"were"/"been" (a
// progressive), after a verb of starting or going on ("began escorting"),
// after "by" with a past verb before it ("responded by downgrading
// ties"), and right after its actor ("the junta building airstrips").
func bareGerund(v *View, from, to int) string {
	if v.tag(from) != "VBG" {
		return ""
	}
	k := from - 1
	for k >= 0 && v.tag(k) == "RB" {
		k--
	}
	if k < 0 {
		return "an -ing form with nothing to carry its tense"
	}
	switch {
	case v.word(k) == "was" || v.word(k) == "were" || v.word(k) == "been":
		return ""
	case v.Is(k, "aspect.verb") && v.tag(k) != "VBG":
		return ""
	case v.word(k) == "by":
		for i := k - 1; i >= 0; i-- {
			if t := v.tag(i); t == "VBD" || t == "VBN" {
				return ""
			}
		}
	}
	if _, ok := v.ActorAt(k); ok {
		return ""
	}
	return "an -ing form with nothing to carry its tense"
}

// npTag reports the tags a noun phrase is made of.
func npTag(tag string) bool {
	return tag == "DT" || tag == "CD" || tag == "PRP$" || tag == "POS" || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN")
}
