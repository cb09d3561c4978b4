package rules

import "strings"

// hypothetical rejects a trigger named as a possibility or as something to
// prevent: "the risk of a clash", "to avoid a collision", "any attack",
// "an accidental exchange of fire". Only the words of a noun phrase (and
// "of", "from") may stand between the frame and the trigger.
func hypothetical(v *View, from, to int) string {
	cf, _ := v.Clause(from)
	for i := from - 1; i >= cf && i >= from-5; i-- {
		if v.Is(i, "frame.hypothetical") {
			return "framed as a possibility by " + quote(v.word(i))
		}
		t := v.tag(i)
		if !(t == "DT" || t == "IN" || t == "TO" || t == "CD" || t == "PRP$" || t == "POS" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") || t == "VBG" || t == "PRP") {
			return ""
		}
	}
	return ""
}
