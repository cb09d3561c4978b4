package rules

// negated rejects a trigger that a negation governs: "did not seize",
// "never intercepted", "no collision", "without firing".
func negated(v *View, from, to int) string {
	if k := v.governing(from, func(i int) bool { return v.Is(i, "negation") }); k >= 0 {
		return "negated by " + quote(v.word(k))
	}
	return ""
}
