package rules

// reportedFact rejects a verb that reports a fact rather than recommending:
// "reports suggested that contacts had prepared the ground", "insisted
// that it had been flying over international waters". After "that", a
// past tense with no modal tells what was.
func reportedFact(v *View, from, to int) string {
	k := to
	for k < v.Len() && v.tag(k) == "RB" {
		k++
	}
	if v.word(k) != "that" {
		return ""
	}
	for i := k + 1; i < v.Len(); i++ {
		t := v.tag(i)
		if t == "MD" || v.Is(i, "recommend.modal") {
			return ""
		}
		if t == "VBD" || t == "VBN" && i > 0 && v.Tok(i-1).Lemma == "have" {
			return "reports what was: " + quote(v.Words(k, i+1))
		}
	}
	return ""
}
