package rules

// presentOnly rejects a sentence that tells nothing of the past: a
// precedent is an earlier case, dated or told in a past tense.
func presentOnly(v *View, from, to int) string {
	if len(v.Dates) > 0 {
		return ""
	}
	for i := 0; i < v.Len(); i++ {
		if t := v.tag(i); t == "VBD" || t == "VBN" && i > 0 && v.Tok(i-1).Lemma == "have" {
			return ""
		}
	}
	return "nothing in the sentence is past"
}
