package rules

import "github.com/brief-tool/brief/analyze/dates"

// notEarlier rejects a case that no date before publication places in the
// past: "In 1972 the navies signed rules" cites an earlier case; "Today,
// when the lines are blurred" and "this month's talks" tell the present,
// which is no precedent.
func notEarlier(v *View, from, to int) string {
	pub, ok := dates.Parse(v.A.Doc.Published)
	if !ok {
		return ""
	}
	for _, d := range v.Dates {
		if when, ok := dates.Parse(d.Value); !ok || pub.After(when) {
			return ""
		}
	}
	return "no date before publication (" + v.A.Doc.Published + "): the present is no earlier case"
}
