package rules

// caveatOpener rejects a sentence that opens by naming a risk, a problem
// or a doubt: "The risk is that a hotline would be ignored" states a
// caveat whatever modal follows.
func caveatOpener(v *View, from, to int) string {
	i := 0
	if v.Tok(0).Tag == "DT" {
		i = 1
	}
	if v.Is(i, "caveat.opener") && i < from {
		return "the sentence opens with a caveat: " + quote(v.word(i))
	}
	return ""
}
