package rules

// commits rejects a verb or noun of agreeing that commits to a future act:
// "agreed to halt drills" and "an agreement to abide by the rules" put the
// halt and the rules forward (proposals); they do not report an agreement
// carried out. ("agreed not to fire" is a rule of its own.) A vow of force
// is no commitment but a threat, which is an event: "vowed to retaliate",
// "vowed to \"respond forcefully\"".
func commits(v *View, from, to int) string {
	if !v.Is(from, "agreement.verb") && !v.Is(from, "agreement.noun") {
		return ""
	}
	k := to
	if v.word(k) == "not" || v.word(k) == "never" || v.word(k) != "to" {
		return ""
	}
	j := k + 1
	for j < v.Len() && quoteMarks[v.word(j)] {
		j++
	}
	if j >= v.Len() || v.tag(j) != "VB" && !v.Is(j, "hostile.act") {
		return ""
	}
	if v.Is(from, "event.threat") && v.Is(j, "hostile.act") {
		return ""
	}
	return "commits to a future act: " + quote(v.Words(from, j+1))
}

var quoteMarks = map[string]bool{`"`: true, "“": true, "”": true, "‘": true, "’": true, "``": true, "''": true, "'": true}
