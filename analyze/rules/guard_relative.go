package rules

// relative rejects a recommending cue inside a relative clause: "ideas
// that should be offered" describes the ideas rather than recommending.
// An agreement, plan or resolution that calls for something ("the accord
// that calls for halting hostile acts") still puts it forward.
func relative(v *View, from, to int) string {
	for i := from - 1; i >= 0 && i >= from-4; i-- {
		switch v.word(i) {
		case "that", "which", "who":
			if v.tag(i) == "WDT" || v.tag(i) == "WP" || v.tag(i) == "IN" {
				if i > 0 && (v.Is(i-1, "measure") || v.Is(i-1, "rule.noun") || v.Is(i-1, "text.kind")) {
					return ""
				}
				return "in a relative clause after " + quote(v.word(i))
			}
		}
		if v.tag(i) != "RB" && v.tag(i) != "MD" && !auxiliaries[v.Tok(i).Lemma] {
			return ""
		}
	}
	return ""
}
