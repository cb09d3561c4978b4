package rules

import "github.com/brief-tool/brief/analyze/dates"

// afterPublication rejects a trigger dated after the document was
// published: "talks on 30 June 2024" in a piece of 20 June 2024 are
// planned. (A date written without a year never falls after publication:
// package dates gives it the latest year that does not.)
func afterPublication(v *View, from, to int) string {
	pub, ok := dates.Parse(v.A.Doc.Published)
	if !ok {
		return ""
	}
	for _, d := range v.Dates {
		if !v.SameClause(d.From, from) || d.Value == "" {
			continue
		}
		when, ok := dates.Parse(d.Value)
		if ok && when.After(pub) {
			return "dated " + d.Value + ", after publication (" + v.A.Doc.Published + ")"
		}
	}
	return ""
}
