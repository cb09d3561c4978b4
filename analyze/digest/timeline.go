package digest

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"github.com/brief-tool/brief/analyze"
)

// Event is an incident on a timeline of several articles: one incident, or
// the same incident as reported by several articles.
type Event struct {
	// Date is the most precise date reported, DatePrecision its
	// precision; Start and End the same date as days since 1970-01-01,
	// End inclusive.
	Date, DatePrecision string
	Start, End          int
	Type                string
	// Summary is the summary of the most confident report.
	Summary string
	// Reports are the statements of the event, at most one per article,
	// in the order of the analyses given to Merge.
	Reports []Report

	conf float64
	keys map[string]bool
}

// Report is one article's statement of an event: the index of its
// analysis in the slice given to Merge and of the incident in it.
type Report struct {
	Doc, Incident int
}

// Timeline is the merged timeline of several analyses.
type Timeline struct {
	// Events are in date order.
	Events []*Event
	// Undated counts the body incidents without a date, which are not on
	// the timeline.
	Undated int
}

// MergeDays is how far apart, in days, two reports of the same incident
// may date it.
const MergeDays = 3

// Merge gathers the dated body incidents of docs into one timeline.
// Incidents of several articles merge into one event when they have the
// same type, share an actor (by id, or by country: the IRGC and Iran share
// IRN) and are dated within MergeDays of each other, both to the day or
// the month. Incidents of one article are never merged here: the extractor
// has already done so.
//
// The incidents are taken in date order and each is compared only with the
// events still open, those that end at most MergeDays before it starts, so
// the cost grows with the corpus, not with its square.
func Merge(docs []*analyze.Analysis) *Timeline {
	tl := &Timeline{}
	type item struct {
		doc, inc int
		in       *analyze.Incident
		ev       *Event
	}
	var items []item
	for d, a := range docs {
		countries := map[string]string{}
		for _, ac := range a.Actors {
			countries[ac.ID] = ac.Country
		}
		for k := range a.Incidents {
			in := &a.Incidents[k]
			if in.Section != analyze.SectionBody {
				continue
			}
			start, end, ok := DayRange(in.Date)
			if !ok {
				tl.Undated++
				continue
			}
			ev := &Event{Date: in.Date, DatePrecision: in.DatePrecision, Type: in.Type, Summary: in.Summary,
				Start: start, End: end, conf: in.Confidence, keys: map[string]bool{}}
			for _, id := range append(append([]string{}, in.Agents...), in.Targets...) {
				ev.keys["id:"+id] = true
				if c := countries[id]; c != "" {
					ev.keys["country:"+c] = true
				}
			}
			items = append(items, item{d, k, in, ev})
		}
	}
	// A total order (the last key, the item's own place, is unique), so
	// an unstable sort is deterministic.
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(
			cmp.Compare(a.ev.Start, b.ev.Start),
			cmp.Compare(a.ev.End, b.ev.End),
			cmp.Compare(a.in.Type, b.in.Type),
			cmp.Compare(docs[a.doc].Doc.ID, docs[b.doc].Doc.ID),
			cmp.Compare(a.in.Sentence, b.in.Sentence),
			cmp.Compare(a.doc, b.doc),
			cmp.Compare(a.inc, b.inc),
		)
	})
	// open are the events a later incident may still join, in the order
	// they were opened.
	var open []*Event
	for _, it := range items {
		keep := open[:0]
		for _, ev := range open {
			if ev.End+MergeDays >= it.ev.Start {
				keep = append(keep, ev)
			}
		}
		open = keep
		var into *Event
		for _, ev := range open {
			if mergeable(ev, it.ev, it.doc) {
				into = ev
				break
			}
		}
		if into == nil {
			into = it.ev
			tl.Events = append(tl.Events, into)
			if into.DatePrecision != "year" { // a year is never merged
				open = append(open, into)
			}
		} else {
			if finer(it.ev.DatePrecision, into.DatePrecision) {
				into.Date, into.DatePrecision, into.Start, into.End = it.ev.Date, it.ev.DatePrecision, it.ev.Start, it.ev.End
			}
			if it.ev.conf > into.conf {
				into.Summary, into.conf = it.ev.Summary, it.ev.conf
			}
			for k := range it.ev.keys {
				into.keys[k] = true
			}
		}
		into.Reports = append(into.Reports, Report{Doc: it.doc, Incident: it.inc})
	}
	sort.SliceStable(tl.Events, func(i, j int) bool { return tl.Events[i].Start < tl.Events[j].Start })
	return tl
}

// mergeable says whether an incident of article doc (x) states the event
// ev.
func mergeable(ev, x *Event, doc int) bool {
	if ev.Type != x.Type || ev.DatePrecision == "year" || x.DatePrecision == "year" {
		return false
	}
	for _, r := range ev.Reports {
		if r.Doc == doc {
			return false
		}
	}
	if gap := max(0, x.Start-ev.End, ev.Start-x.End); gap > MergeDays {
		return false
	}
	for k := range x.keys {
		if ev.keys[k] {
			return true
		}
	}
	return false
}

func finer(a, b string) bool {
	rank := map[string]int{"day": 3, "month": 2, "year": 1}
	return rank[a] > rank[b]
}

// DayRange reads YYYY-MM-DD, YYYY-MM or YYYY as a range of days since the
// Unix epoch, end inclusive.
func DayRange(d string) (start, end int, ok bool) {
	day := func(t time.Time) int { return int(t.Unix() / 86400) }
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if len(d) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, d)
		if err != nil {
			return 0, 0, false
		}
		return day(t), day(f.next(t)) - 1, true
	}
	return 0, 0, false
}
