package rules

// counterfactual rejects a modal with a perfect: "should have opened a
// hotline", "could have prevented the crash" regret what was not done.
func counterfactual(v *View, from, to int) string {
	_, end := v.Clause(from)
	start, _ := v.Clause(from)
	for i := start; i+1 < end; i++ {
		if v.tag(i) == "MD" || v.Is(i, "modal") {
			k := i + 1
			if v.Is(k, "negation") {
				k++
			}
			if v.Tok(k).Lemma == "have" && k+1 < v.Len() && (v.tag(k+1) == "VBN" || v.tag(k+1) == "VBD" || v.tag(k+2) == "VBN") {
				return "a counterfactual: " + quote(v.Words(i, k+1))
			}
		}
	}
	return ""
}
