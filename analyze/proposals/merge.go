package proposals

import (
	"strings"
	"unicode"

	"github.com/brief-tool/brief/analyze"
)

// merge folds restatements into the first statement of a proposal: the same
// mechanism between overlapping parties, by the same proposer, that says
// the same thing again (a back-reference such as "such a line", the next
// sentence but one unless it opens a new item of a list, the same words for
// the measure, or many shared words).
func (e *Extractor) merge(in []item) []item {
	var out []item
	for _, p := range in {
		k := -1
		// The nearest statement first: "the zone" is the zone named last.
		for j := len(out) - 1; j >= 0; j-- {
			q := &out[j]
			if q.Mechanism == p.Mechanism && q.Proposer == p.Proposer && q.Section == p.Section && overlap(q.Parties, p.Parties) && restates(q, &p) {
				k = j
				break
			}
		}
		if k < 0 {
			out = append(out, p)
			continue
		}
		q := &out[k]
		q.Support = append(q.Support, analyze.Support{Sentence: p.Sentence, Section: p.Section, Evidence: p.Evidence})
		for _, c := range p.Cues {
			q.Cues = appendUnique(q.Cues, c)
		}
		for _, id := range p.Parties {
			q.Parties = appendUnique(q.Parties, id)
		}
		for _, id := range p.Mediators {
			q.Mediators = appendUnique(q.Mediators, id)
		}
		if q.Where == "" {
			q.Where = p.Where
		}
	}
	return out
}

// nearNew is how many sentences after a measure another one named with "a"
// is a new measure rather than the first restated.
const nearNew = 6

// restates reports whether p says again what q (or a restatement of it)
// said.
func restates(q, p *item) bool {
	if p.Sentence == q.Sentence {
		return false // one sentence, two measures: two proposals
	}
	if p.step {
		return false
	}
	if p.backref() {
		return true
	}
	if p.indefinite && p.measure != q.measure && p.Sentence-q.Sentence <= nearNew {
		// "set a no-fly zone" a few sentences after "set up a buffer
		// zone": another zone. Far from the first statement, "a
		// de-confliction line" in the conclusion sums it up again.
		return false
	}
	if p.Sentence-analyze.LastSentence(q.Sentence, q.Support) <= 2 {
		return true
	}
	// The same measure named again, or a measure of its kind with the
	// same head ("a communication line", "a de-confliction line").
	if p.measure != "" && (p.measure == q.measure && strings.Contains(p.measure, " ") || lastWord(p.measure) == lastWord(q.measure)) {
		return true
	}
	pw := contentWords(p.Evidence)
	texts := []string{q.Evidence}
	for _, s := range q.Support {
		texts = append(texts, s.Evidence)
	}
	for _, t := range texts {
		if jaccard(pw, contentWords(t)) >= 0.15 {
			return true
		}
	}
	return false
}

// backref reports whether the measure is named with a word that refers
// back ("such a line", "this mechanism", "the proposed channel").
func (p *item) backref() bool {
	ev := strings.ToLower(p.Evidence)
	for _, w := range []string{"such a ", "such an ", "this ", "these ", "the proposed ", "the same "} {
		if i := strings.Index(ev, w+firstWord(p.measure)); i >= 0 && p.measure != "" {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimSuffix(f[len(f)-1], "s")
}

func firstWord(s string) string {
	for _, w := range strings.Fields(s) {
		if w != "a" && w != "an" && w != "the" {
			return w
		}
	}
	return s
}

// contentWords are the lower-cased words of five letters or more: enough
// to tell what a sentence is about without a stop list.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		if len([]rune(w)) >= 5 {
			out[strings.TrimSuffix(w, "s")] = true // "officials" is "official"
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if containsStr(b, x) {
			return true
		}
	}
	return len(a) == 0 || len(b) == 0
}
