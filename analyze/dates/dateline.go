package dates

import (
	"regexp"
	"strings"
)

// datelineRe matches a news dateline at the start of a text: a place in
// capitals, then a date (with a number) after a comma or an agency in brackets, then a
// dash: "YEREVAN, May 14, 2024 — ", "WASHINGTON (Reuters) - ".
var datelineRe = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*([^—–(\d-]{0,20}\d[^—–(-]{0,12}?)|\s*\([^)]{2,40}\))\s*(?:\([^)]{2,40}\)\s*)?[—–(-]\s?`)

// Dateline returns the length in bytes of the news dateline s opens with
// (0 when it has none) and the date written in it ("" when it names
// none). A dateline dates the report, not the events the report tells.
func Dateline(s string) (end int, date string) {
	m := datelineRe.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, ""
	}
	if m[2] >= 0 {
		date = strings.TrimSpace(s[m[2]:m[3]])
	}
	return m[1], date
}
