package ingest

import "github.com/brief-tool/brief/analyze/dates"

// NormalizeDate returns s as ISO YYYY-MM-DD, YYYY-MM or YYYY.
func NormalizeDate(s string) (string, bool) {
	d, ok := dates.Parse(s)
	if !ok {
		return "", false
	}
	return d.String(), true
}
