package rules

// commits rejects a verb or noun of agreeing that commits to a future act:
// "agreed to halt drills" and "an agreement to abide by the rules" put the
// halt and the rules forward (proposals); they do not report an agreement
// carried out. ("agreed not to fire" is a rule of its own.)
func commits(v *View, from, to int) string {
	if !v.Is(from, "agreement.verb") && !v.Is(from, "agreement.noun") {
		return ""
	}
	k := to
	if v.word(k) == "not" || v.word(k) == "never" {
		return ""
	}
	if v.word(k) == "to" && k+1 < v.Len() && v.tag(k+1) == "VB" {
		return "commits to a future act: " + quote(v.Words(from, k+2))
	}
	return ""
}
