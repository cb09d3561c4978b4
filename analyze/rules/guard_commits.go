package rules

// commits rejects a verb of agreeing that commits to a future act:
// "agreed to halt drills" puts forward the halt (a proposal), it does not
// report an agreement carried out. ("agreed not to fire" is a rule of its
// own.)
func commits(v *View, from, to int) string {
	if !v.Is(from, "agreement.verb") {
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
