// Package dates reads calendar dates as articles write them and normalises
// them to ISO 8601 at the precision the text gives (YYYY, YYYY-MM or
// YYYY-MM-DD).
package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Precision of a date.
const (
	Day   = "day"
	Month = "month"
	Year  = "year"
)

// Date is a calendar date known to some precision; Month and Day are zero
// when unknown.
type Date struct {
	Year, Month, Day int
}

// Precision says how much of d is known.
func (d Date) Precision() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return Year
	case d.Day == 0:
		return Month
	}
	return Day
}

// String is the ISO form at d's precision, "" for the zero Date.
func (d Date) String() string {
	switch d.Precision() {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Months maps English month names and abbreviations to their number.
var Months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var (
	isoRe      = regexp.MustCompile(`^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}| ?UTC)?)?$`)
	mdyRe      = regexp.MustCompile(`^(?i)([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	dmyRe      = regexp.MustCompile(`^(?i)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$`)
	monthYrRe  = regexp.MustCompile(`^(?i)([a-z]+)\.?,?\s+(\d{4})$`)
	weekdayPfx = regexp.MustCompile(`^(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+`)
)

// Parse reads a whole date string: ISO (2019-07-01, 2019-07, 2019, with an
// optional time), "July 1, 2019", "1 July 2019" or "July 2019".
func Parse(s string) (Date, bool) {
	s = strings.TrimSpace(weekdayPfx.ReplaceAllString(strings.TrimSpace(s), ""))
	if m := isoRe.FindStringSubmatch(s); m != nil {
		// A month or day that is written must be real: "2019-07-00" is not
		// a date.
		if (m[2] != "" && atoi(m[2]) == 0) || (m[3] != "" && atoi(m[3]) == 0) {
			return Date{}, false
		}
		return valid(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := mdyRe.FindStringSubmatch(s); m != nil {
		if mo, ok := Months[strings.ToLower(m[1])]; ok {
			return valid(atoi(m[3]), mo, atoi(m[2]))
		}
	}
	if m := dmyRe.FindStringSubmatch(s); m != nil {
		if mo, ok := Months[strings.ToLower(m[2])]; ok {
			return valid(atoi(m[3]), mo, atoi(m[1]))
		}
	}
	if m := monthYrRe.FindStringSubmatch(s); m != nil {
		if mo, ok := Months[strings.ToLower(m[1])]; ok {
			return valid(atoi(m[2]), mo, 0)
		}
	}
	return Date{}, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// valid checks that the parts name a real calendar date.
func valid(y, m, d int) (Date, bool) {
	if y < 1000 || y > 9999 || m < 0 || m > 12 || d < 0 || d > 31 || (m == 0 && d != 0) {
		return Date{}, false
	}
	if d > 0 {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return Date{}, false
		}
	}
	return Date{Year: y, Month: m, Day: d}, true
}

// After reports whether d is certainly later than e at the precision both
// have: 2019-07 is after 2019-06-20, 2019-06 is not after 2019-06-20.
func (d Date) After(e Date) bool {
	switch {
	case d.Year != e.Year:
		return d.Year > e.Year
	case d.Month == 0 || e.Month == 0 || d.Month != e.Month:
		return d.Month != 0 && e.Month != 0 && d.Month > e.Month
	}
	return d.Day != 0 && e.Day != 0 && d.Day > e.Day
}
