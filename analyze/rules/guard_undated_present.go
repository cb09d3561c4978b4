package rules

// undatedPresent rejects a present-tense trigger in a sentence that gives
// no date and no habit: "Iran seizes tankers when it is sanctioned" states
// a pattern; "Iran seizes tanker" in a dated news line reports one.
// Present tense under a reporting verb ("said Beijing reserves the
// right") and with a habitual adverb ("routinely intercept") stands.
func undatedPresent(v *View, from, to int) string {
	t := v.tag(from)
	if t != "VBZ" && t != "VBP" {
		return ""
	}
	if len(v.Dates) > 0 {
		return ""
	}
	for i := 0; i < v.Len(); i++ {
		if v.Is(i, "habitual") || v.Is(i, "report.verb") && i != from {
			return ""
		}
	}
	return "present tense with no date: a state of affairs"
}
