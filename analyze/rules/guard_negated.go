package rules

// negated rejects a trigger that a negation governs: "did not seize",
// "never intercepted", "no collision", "without firing". "Not only"
// asserts what it governs and adds more ("not only seized the boat but
// detained its crew").
func negated(v *View, from, to int) string {
	if k := v.governing(from, func(i int) bool { return v.Is(i, "negation") }); k >= 0 && !(v.word(k) == "not" && v.word(k+1) == "only") {
		return "negated by " + quote(v.word(k))
	}
	return ""
}
