package rules

// rejected rejects a proposal that the sentence turns down: "the proposal
// for a hotline was rejected", "Moscow dismissed the idea". A measure
// rejected by its proposer is not a proposal.
func rejected(v *View, from, to int) string {
	for i := 0; i < v.Len(); i++ {
		if v.Is(i, "rejection") {
			return "turned down: " + quote(v.word(i))
		}
	}
	return ""
}
