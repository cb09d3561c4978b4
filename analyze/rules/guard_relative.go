package rules

// relative rejects a recommending cue inside a relative clause: "plans
// that should be offered" describes the plans rather than recommending.
func relative(v *View, from, to int) string {
	for i := from - 1; i >= 0 && i >= from-4; i-- {
		switch v.word(i) {
		case "that", "which", "who":
			if v.tag(i) == "WDT" || v.tag(i) == "WP" || v.tag(i) == "IN" {
				return "in a relative clause after " + quote(v.word(i))
			}
		}
		if v.tag(i) != "RB" && v.tag(i) != "MD" && !auxiliaries[v.Tok(i).Lemma] {
			return ""
		}
	}
	return ""
}
