package rules

// aboutText rejects a sentence about the text itself: "This report looks
// at what should follow" describes the report. A text that is the subject
// of the cue puts the measure forward itself ("The report recommends
// that both navies talk"): its authors do.
func aboutText(v *View, from, to int) string {
	for i := 0; i+1 < v.Len(); i++ {
		if (v.word(i) == "this" || v.word(i) == "the") && v.Is(i+1, "text.kind") && i+1 < from {
			k := i + 2
			for k < from && v.tag(k) == "RB" {
				k++
			}
			if k == from {
				continue
			}
			return "about the text itself: " + quote(v.Words(i, i+2))
		}
	}
	return ""
}
