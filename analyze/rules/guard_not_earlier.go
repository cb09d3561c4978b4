package rules

import (
	"strings"

	"github.com/brief-tool/brief/analyze/dates"
)

// notEarlier rejects a case that no date before publication places in the
// past: "In 1972 the navies signed rules" cites an earlier case; "Today,
// when the lines are blurred" and "this month's talks" tell the present,
// which is no precedent. Without a publication date, a case dated only by
// words of the present ("today", "this week", "now") is rejected too.
func notEarlier(v *View, from, to int) string {
	pub, ok := dates.Parse(v.A.Doc.Published)
	if !ok {
		return presentDatesOnly(v)
	}
	for _, d := range v.Dates {
		if when, ok := dates.Parse(d.Value); !ok || pub.After(when) {
			return ""
		}
	}
	return "no date before publication (" + v.A.Doc.Published + "): the present is no earlier case"
}

// presentDatesOnly rejects a case whose every date is the present told
// relatively, which only a publication date could resolve: "today", "this
// month". "Last year" and "in 1972" are earlier whatever the date.
func presentDatesOnly(v *View) string {
	if len(v.Dates) == 0 {
		return ""
	}
	for _, d := range v.Dates {
		w := strings.ToLower(v.A.Doc.Text[d.Start:d.End])
		if d.Value != "" || !(w == "today" || w == "now" || strings.HasPrefix(w, "this ")) {
			return ""
		}
	}
	return "dated only by the present (" + quote(v.A.Doc.Text[v.Dates[0].Start:v.Dates[0].End]) + "): no earlier case"
}
