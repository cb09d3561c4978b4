package rules

import "github.com/brief-tool/brief/analyze/dates"

// longAgo rejects a step agreed in a year before the document's: "agreed
// in June 1963 to set up a link" tells of a link that exists. A step agreed
// this year, or undated, is not yet known to be carried out.
func longAgo(v *View, from, to int) string {
	pub, ok := dates.Parse(v.A.Doc.Published)
	for _, d := range v.Dates {
		if d.From >= from || d.Value == "" {
			continue
		}
		when, wok := dates.Parse(d.Value)
		if !wok {
			continue
		}
		if ok && when.Year < pub.Year || !ok && when.Year > 0 {
			return "agreed in " + d.Value + ": carried out since"
		}
	}
	return ""
}
