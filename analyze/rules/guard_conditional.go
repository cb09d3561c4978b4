package rules

// conditional rejects a trigger after a condition in its sentence: "If the
// navy stops a ship, the guard will seize a tanker" reports neither.
func conditional(v *View, from, to int) string {
	for i := 0; i < from; i++ {
		if v.Is(i, "condition") && v.tag(i) != "MD" {
			return "after the condition " + quote(v.word(i))
		}
	}
	return ""
}
