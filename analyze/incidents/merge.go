package incidents

import (
	"regexp"

	"github.com/brief-tool/brief/analyze"
)

var againRe = regexp.MustCompile(`(?i)\b(again|another|a second|a third|a new|renewed|once more)\b`)

// merge folds restatements into the first statement of an incident: the
// same type, compatible dates and sides, or a definite back-reference ("the
// collision") to the latest incident of its type.
func merge(in []event) []analyze.Incident {
	var out []analyze.Incident
	for _, ev := range in {
		x := ev.Incident
		target := -1
		// "fought again", "another collision": a new occurrence.
		again := againRe.MatchString(x.Evidence)
		for k := len(out) - 1; k >= 0; k-- {
			y := &out[k]
			if y.Type != x.Type || again && x.Sentence != y.Sentence {
				continue
			}
			if !compatible(x.Date, y.Date) {
				continue
			}
			// A back-reference: "the collision", or an event named with no
			// sides at all soon after one with sides.
			backRef := ev.definite || (len(x.Agents)+len(x.Targets) == 0 && x.Sentence-analyze.LastSentence(y.Sentence, y.Support) <= 6)
			sameDate := x.Date != "" && x.Date == y.Date
			xa, ya := append(append([]string{}, x.Agents...), x.Targets...), append(append([]string{}, y.Agents...), y.Targets...)
			sides := len(xa) > 0 && overlap(xa, ya)
			// An undated restatement names the same sides within a few
			// sentences; further away it is more likely another event.
			near := x.Sentence-analyze.LastSentence(y.Sentence, y.Support) <= 6
			// "other" gathers unlike events: only the same word restates one.
			if x.Type == "other" && !sameCue(x, *y) && x.Sentence != y.Sentence {
				continue
			}
			if backRef || (sameDate && overlapOrEmpty(xa, ya)) || (sides && near && (x.Date == "" || y.Date == "")) || x.Sentence == y.Sentence {
				target = k
				break
			}
		}
		if target < 0 {
			out = append(out, x)
			continue
		}
		y := &out[target]
		if x.Sentence != y.Sentence && !hasSupport(y, x.Sentence) {
			y.Support = append(y.Support, analyze.Support{Sentence: x.Sentence, Section: x.Section, Evidence: x.Evidence})
		}
		if y.Date == "" && (x.Date != "" || y.DateText == "") {
			y.Date, y.DateText, y.DatePrecision = x.Date, x.DateText, x.DatePrecision
		}
		if len(y.Agents) == 0 {
			y.Agents = x.Agents
		}
		if len(y.Targets) == 0 {
			y.Targets = x.Targets
		}
		if y.Location == "" {
			y.Location = x.Location
		}
		if len(y.Quantities) == 0 {
			y.Quantities = x.Quantities
		}
	}
	return out
}

// sameCue reports whether two incidents were read from the same word
// ("violated", "violation"): their cues share a five-letter stem.
func sameCue(x, y analyze.Incident) bool {
	stem := func(s string) string {
		if len(s) > 5 {
			return s[:5]
		}
		return s
	}
	for _, a := range x.Cues {
		for _, b := range y.Cues {
			if stem(a) == stem(b) {
				return true
			}
		}
	}
	return false
}

func hasSupport(y *analyze.Incident, s int) bool {
	for _, sp := range y.Support {
		if sp.Sentence == s {
			return true
		}
	}
	return false
}

// compatible dates agree where both are known ("2019-06" and "2019-06-20").
func compatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return b[:len(a)] == a
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func overlapOrEmpty(a, b []string) bool {
	return len(a) == 0 || len(b) == 0 || overlap(a, b)
}
