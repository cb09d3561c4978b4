package rules

import "strings"

// unpartnered rejects a verb of talking with no one to talk to: "spoke
// about small steps" is speech; "spoke with his counterpart", "the two
// ministers talked" and "spoke by phone" are contact between sides.
func unpartnered(v *View, from, to int) string {
	if !v.Is(from, "talk.verb") {
		return ""
	}
	for k := to; k < v.Len() && k < to+6; k++ {
		switch v.word(k) {
		case "with", "to", "by", "over", "via":
			return ""
		}
	}
	// Two speakers: a plural or conjoined subject.
	for k := from - 1; k >= 0 && k >= from-6; k-- {
		t := v.Tok(k)
		if t.Lemma == "and" || t.Tag == "NNS" || t.Tag == "NNPS" || v.Is(k, "side") || t.Lemma == "they" || t.Lemma == "we" {
			return ""
		}
		if strings.HasPrefix(t.Tag, "VB") || t.Text == "," {
			break
		}
	}
	return "talking with no partner named"
}
