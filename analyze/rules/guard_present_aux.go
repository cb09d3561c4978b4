package rules

// presentAux rejects a present passive in a sentence with no date: "when a
// ship is detained" speaks of any such event; "a ship is detained on
// Monday, officials say" reports one.
func presentAux(v *View, from, to int) string {
	for k := from - 1; k >= 0 && k >= from-3; k-- {
		switch v.word(k) {
		case "is", "are", "am", "gets", "get":
			if len(v.Dates) == 0 {
				return "a present passive with no date: " + quote(v.Words(k, to))
			}
			return ""
		}
		if v.tag(k) != "RB" {
			return ""
		}
	}
	return ""
}
