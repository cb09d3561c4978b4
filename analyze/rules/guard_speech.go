package rules

// speech rejects a warning that is only speech: "warned that the line
// would not replace a treaty" reports words; a threat warns of force
// ("warned that it would respond", "warned the ships to leave or be
// targeted").
func speech(v *View, from, to int) string {
	for i := to; i < v.Len(); i++ {
		if v.Is(i, "force") {
			return ""
		}
	}
	return "a warning that names no use of force"
}
