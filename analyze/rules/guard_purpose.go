package rules

// purpose rejects a noun trigger that is the object of a purpose or a
// topic: "to confirm the release", "to discuss an agreement", "talking
// about war" name the subject of talk, not an event told.
func purpose(v *View, from, to int) string {
	for i := from - 1; i >= 0 && i >= from-4; i-- {
		if v.tag(i) == "VB" && i > 0 && v.tag(i-1) == "TO" {
			return "the object of " + quote(v.Words(i-1, i+1))
		}
		if v.Is(i, "topic.mark") {
			return "the topic of " + quote(v.word(i))
		}
		if v.tag(i) != "DT" && v.tag(i) != "JJ" && v.tag(i) != "PRP$" && v.tag(i) != "CD" {
			return ""
		}
	}
	return ""
}
