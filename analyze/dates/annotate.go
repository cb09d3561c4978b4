package dates

import (
	"context"

	"github.com/brief-tool/brief/analyze"
)

// Annotator is the stage that finds the dates of every sentence and adds
// them as the date layer (value: the date resolved against the document's
// publication date, "" when it cannot be), for the stages after it. A
// date inside a news dateline is left out: it dates the report, not what
// the report tells.
type Annotator struct{}

// Name implements analyze.Extractor.
func (Annotator) Name() string { return "dates" }

// Extract implements analyze.Extractor.
func (Annotator) Extract(ctx context.Context, a *analyze.Analysis) error {
	pub, _ := Parse(a.Doc.Published)
	for si, s := range a.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !mayHaveDate(s.Text) {
			continue
		}
		skip, _ := Dateline(s.Text)
		for _, f := range FindAll(s.Text, pub) {
			if f.Start < skip {
				continue
			}
			start, end := s.Start+f.Start, s.Start+f.End
			if from, to, ok := a.TokenSpan(si, start, end); ok {
				a.Annotate(analyze.Annotation{Layer: analyze.LayerDate, Sentence: si, From: from, To: to, Start: start, End: end, Value: f.Date.String()})
			}
		}
	}
	return nil
}

// mayHaveDate reports whether s has a digit or a word that date
// expressions are made of: only then are the date patterns run.
func mayHaveDate(s string) bool {
	var buf [12]byte
	n := 0
	flush := func() bool {
		ok := n >= 3 && dateWords[string(buf[:n])]
		n = 0
		return ok
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			return true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			if n < len(buf) {
				buf[n] = c | 0x20
			}
			n++
		default:
			if n > len(buf) {
				n = 0
			}
			if flush() {
				return true
			}
		}
	}
	return n <= len(buf) && flush()
}

var dateWords = func() map[string]bool {
	m := map[string]bool{"yesterday": true, "today": true, "week": true, "weekend": true, "month": true, "year": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}
	for name := range Months {
		m[name] = true
	}
	return m
}()
