package incidents

import (
	"github.com/brief-tool/brief/analyze"
)

// near is how many sentences apart a restatement may be told without a
// date or a definite back-reference tying it to the first telling.
const near = 6

// merge folds restatements into the first telling of an incident. Two
// events are one when they have the same type and compatible dates, and
// either the later refers back to the earlier ("the collision"), names no
// side soon after it, shares its date, or names the same sides (compared by
// country: a navy and its state are one side) within a few sentences. A
// different object, reversed roles, a retaliation, a different date or
// "again"/"another" make a new event; a definite back-reference wins over
// "again". Body events never merge with what a caption, bio or comment
// says.
func merge(in []event) []event {
	var out []event
	for _, x := range in {
		target := -1
		for k := len(out) - 1; k >= 0; k-- {
			if restates(&x, &out[k]) {
				target = k
				break
			}
		}
		if target < 0 {
			out = append(out, x)
			continue
		}
		absorb(&out[target], &x)
	}
	return out
}

func restates(x, y *event) bool {
	if x.casualty && len(x.agentSides) == 0 && x.Section == y.Section && x.Sentence-analyze.LastSentence(y.Sentence, y.Support) <= 1 {
		// "the two jets collided, and the pilot was killed"; "... opened
		// fire. Six sailors were wounded.": what the act did, whatever its
		// type.
		return true
	}
	if y.Type != x.Type || y.Section != x.Section || !compatible(x.Date, y.Date) {
		return false
	}
	if x.Sentence == y.Sentence && (x.elaborates || len(x.agentSides) > 0 && sameSet(x.agentSides, y.agentSides) || x.coordinated && len(x.agentSides) == 0 && !reversed(x, y)) {
		// "seized the tanker, holding its crew"; "downgraded ties and
		// expelled the envoy": one act of one side, told in parts.
		return true
	}
	if x.Sentence == y.Sentence && len(x.agentSides) == 0 && !newEvent(x, y) {
		// "opened fire on the boats, and six sailors were wounded": what
		// the act did, told without its doer.
		return true
	}
	return !newEvent(x, y) && refersBack(x, y)
}

// newEvent reports what makes x another event than y: another object
// ("seized a tanker", "seized a trawler"), reversed roles ("A attacked B",
// "B attacked A"), or, unless x refers back with "the", "again",
// "another", an answer to it, or an indefinite "a".
func newEvent(x, y *event) bool {
	if x.head != "" && y.head != "" && x.head != y.head && !x.ownObject {
		return true
	}
	if reversed(x, y) {
		return true
	}
	return (x.again || x.retaliation || x.indefinite) && !x.definite
}

// refersBack reports what ties x to y: a definite back-reference, no
// sides of its own soon after, the same date, or the same sides close by.
func refersBack(x, y *event) bool {
	gap := x.Sentence - analyze.LastSentence(y.Sentence, y.Support)
	xs, ys := x.sideSet(), y.sideSet()
	switch {
	case x.definite && gap <= near*2:
		return true
	case len(xs) == 0 && gap <= near && (x.Date == "" || x.Date == y.Date):
		return true
	case x.Date != "" && x.Date == y.Date && (len(xs) == 0 || len(ys) == 0 || overlap(xs, ys)):
		return true
	}
	return len(xs) > 0 && overlap(xs, ys) && gap <= near && (x.Date == "" || y.Date == "")
}

// sideSet is the sides an event names, by country.
func (e *event) sideSet() []string {
	out := append([]string{}, e.agentSides...)
	for _, c := range e.targetSides {
		out = appendUnique(out, c)
	}
	return out
}

// reversed reports whether x does to y's agents what y did to x's.
func reversed(x, y *event) bool {
	return len(x.agentSides) > 0 && len(y.targetSides) > 0 && overlap(x.agentSides, y.targetSides) &&
		len(x.targetSides) > 0 && len(y.agentSides) > 0 && overlap(x.targetSides, y.agentSides) && !overlap(x.agentSides, y.agentSides)
}

func absorb(y, x *event) {
	if x.Sentence != y.Sentence && !hasSupport(&y.Incident, x.Sentence) {
		y.Support = append(y.Support, analyze.Support{Sentence: x.Sentence, Section: x.Section, Evidence: x.Evidence})
	}
	if y.Date == "" && (x.Date != "" || y.DateText == "") {
		y.Date, y.DateText, y.DatePrecision = x.Date, x.DateText, x.DatePrecision
	}
	// A casualty told beside an act of another type adds its sentence, not
	// its roles: a clash has no target.
	if len(y.Agents) == 0 && x.Type == y.Type {
		y.Agents, y.agentSides = x.Agents, x.agentSides
	}
	if len(y.Targets) == 0 && x.Type == y.Type {
		y.Targets, y.targetSides = x.Targets, x.targetSides
	}
	if y.Location == "" {
		y.Location = x.Location
	}
	if len(y.Quantities) == 0 {
		y.Quantities = x.Quantities
	}
	if y.Object == "" {
		y.Object, y.head = x.Object, x.head
	}
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
		if contains(b, x) {
			return true
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}
