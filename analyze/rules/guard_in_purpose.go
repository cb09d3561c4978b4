package rules

// inPurpose rejects a cue inside a purpose clause: in "set up a hotline
// so that commanders do not have to wait for talks" the talks are no
// recommendation.
func inPurpose(v *View, from, to int) string {
	cf, _ := v.Clause(from)
	for i := from - 1; i >= 0 && i >= cf-1; i-- {
		if v.Is(i, "frame.purpose") {
			return "inside a purpose clause: " + quote(v.word(i))
		}
	}
	return ""
}
