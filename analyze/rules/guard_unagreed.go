package rules

// unagreed rejects a step that no agreement, decision or pledge before it
// governs: in "agreed to halt drills and to withdraw posts" both steps are
// agreed; in "met to discuss the line" nothing was. An item of a list is
// governed by the sentence that announces the list ("The two sides agreed
// on the following:" before "To hold talks every month.").
func unagreed(v *View, from, to int) string {
	for i := from - 1; i >= 0; i-- {
		if v.Is(i, "agreement.verb") {
			return ""
		}
		if v.word(i) == "which" && i >= 2 && (v.word(i-1) == "under" || v.word(i-1) == "by") && v.Is(i-2, "measure.agreement") {
			// "a protocol under which the troops are to be pulled back":
			// what the agreement lays down.
			return ""
		}
		if v.word(i) == ";" || v.word(i) == "." {
			return "no agreement, decision or pledge governs the step"
		}
	}
	if l := v.Lead; l != nil {
		for i := 0; i < l.Len(); i++ {
			if l.Is(i, "agreement.verb") {
				return ""
			}
		}
	}
	return "no agreement, decision or pledge governs the step"
}
