package rules

import "github.com/brief-tool/brief/analyze/dates"

// presentOnly rejects a sentence that tells nothing of the past: a
// precedent is an earlier case, told in a past tense or dated in a year
// before the document's.
func presentOnly(v *View, from, to int) string {
	pub, pubOK := dates.Parse(v.A.Doc.Published)
	for _, d := range v.Dates {
		if when, ok := dates.Parse(d.Value); ok && (!pubOK || when.Year < pub.Year) {
			return ""
		}
	}
	for i := 0; i < v.Len(); i++ {
		if t := v.tag(i); t == "VBD" || t == "VBN" && i > 0 && v.Tok(i-1).Lemma == "have" {
			return ""
		}
	}
	return "nothing in the sentence is past"
}
