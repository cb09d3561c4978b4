package rules

// complement rejects a noun trigger that completes a noun of rules, bans
// or talks: "rules for encounters", "a ban on simulated attacks", "talks on
// the collision" name a kind of event or a topic, not an event told.
func complement(v *View, from, to int) string {
	for i := from - 1; i >= 1 && i >= from-5; i-- {
		switch v.word(i) {
		case "for", "on", "against", "regarding", "about", "of", "governing", "covering":
			if v.Is(i-1, "rule.noun") {
				return "completes " + quote(v.Words(i-1, i+1))
			}
			return ""
		}
		if !npTag(v.tag(i)) && v.tag(i) != "CC" && v.tag(i) != "," {
			return ""
		}
	}
	return ""
}
