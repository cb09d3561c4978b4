package rules

// unagreed rejects a step that no agreement, decision or pledge before it
// governs: in "agreed to halt drills and to withdraw posts" both steps are
// agreed; in "met to discuss the line" nothing was.
func unagreed(v *View, from, to int) string {
	for i := from - 1; i >= 0; i-- {
		if v.Is(i, "agreement.verb") {
			return ""
		}
		if v.word(i) == ";" || v.word(i) == "." {
			break
		}
	}
	return "no agreement, decision or pledge governs the step"
}
