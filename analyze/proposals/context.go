package proposals

import (
	"regexp"
	"strings"

	"github.com/brief-tool/brief/analyze"
)

// merge folds restatements into the first statement of a proposal: the same
// mechanism between overlapping parties, by the same proposer, that says
// the same thing again (shared words, or a back-reference such as "such a
// line" or "the plan").
func (e *Extractor) merge(in []analyze.Proposal) []analyze.Proposal {
	var out []analyze.Proposal
	for _, p := range in {
		k := -1
		for j := range out {
			q := &out[j]
			if q.Mechanism == p.Mechanism && q.Proposer == p.Proposer && q.Section == p.Section && overlap(q.Parties, p.Parties) && e.restates(q, p) {
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
		q.Cues = dedupe(append(q.Cues, p.Cues...))
		for _, id := range p.Parties {
			if !contains(q.Parties, id) {
				q.Parties = append(q.Parties, id)
			}
		}
	}
	return out
}

var (
	backRef   = regexp.MustCompile(`(?i)\b((such an?|this|that|these|the same|the proposed) (line|channel|link|hotline|mechanism|measure|plan|idea|arrangement|proposal|step|agreement|zone|mediator|contact|connection)s?|the plan|the idea|in other words|put differently|in short)\b`)
	wordSplit = regexp.MustCompile(`[^\p{L}\p{N}-]+`)
)

// restates reports whether p says again what q (or one of its restatements)
// said.
func (e *Extractor) restates(q *analyze.Proposal, p analyze.Proposal) bool {
	if backRef.MatchString(p.Evidence) {
		return true
	}
	// The next sentence or the one after, unless it opens a new item of a
	// list ("Second, ...").
	if p.Sentence-analyze.LastSentence(q.Sentence, q.Support) <= 2 && !enumerated(strings.ToLower(p.Evidence)) && !additive.MatchString(p.Evidence) {
		return true
	}
	// Naming the measure with the same phrase: "a de-confliction line".
	for _, c := range p.Cues {
		if (strings.Contains(c, " ") || strings.Contains(c, "-")) && len(e.recommend.find(c)) == 0 {
			for _, d := range q.Cues {
				if c == d {
					return true
				}
			}
		}
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

// additive opens a sentence that adds a further measure.
var additive = regexp.MustCompile(`(?i)^(also|in addition|additionally|moreover|furthermore|beyond that|another|a further|next)\b`)

// contentWords are the lower-cased words of five letters or more: enough
// to tell what a sentence is about without a stop list.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range wordSplit.Split(strings.ToLower(s), -1) {
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
		if contains(b, x) {
			return true
		}
	}
	return len(a) == 0 || len(b) == 0
}

// context attaches to each proposal the reasons, caveats and precedents
// the text gives near it: in its paragraph, or in the enumerated reasons
// ("First, ... Second, ...") that follow it.
func (e *Extractor) context(a *analyze.Analysis, ps []analyze.Proposal) {
	if len(ps) == 0 {
		return
	}
	used := map[int]bool{}
	for _, p := range ps {
		used[p.Sentence] = true
		for _, s := range p.Support {
			used[s.Sentence] = true
		}
	}
	para := paragraphOf(a)
	for si, s := range a.Sentences {
		if s.Section != analyze.SectionBody || used[si] {
			continue
		}
		// The proposal this sentence belongs to: the last one stated
		// before it in the same paragraph, else the nearest before it.
		k := nearest(ps, si, para)
		if k < 0 {
			continue
		}
		low := strings.ToLower(s.Text)
		p := &ps[k]
		// Near: the same paragraph, or within three sentences of the
		// proposal's last statement.
		near := para[si] == para[p.Sentence] || si-analyze.LastSentence(p.Sentence, p.Support) <= 3
		mech, _ := e.mechanism(low, s.Text)
		switch {
		case mech == p.Mechanism && backRef.MatchString(s.Text):
			// "Such a line would ...": the proposal again, in other words.
			p.Support = append(p.Support, analyze.Support{Sentence: si, Section: s.Section, Evidence: s.Text})
		case enumerated(low):
			p.Rationale = append(p.Rationale, s.Text)
		case len(e.caveats.find(low)) > 0 && near:
			p.Caveats = append(p.Caveats, s.Text)
		case len(e.precedents.find(low)) > 0 && near:
			p.Precedents = append(p.Precedents, s.Text)
		case len(e.rationale.find(low)) > 0 && near:
			p.Rationale = append(p.Rationale, s.Text)
		}
	}
	// A purpose clause in the proposal itself is a reason: "... is needed
	// to mitigate the tactical risks".
	for i := range ps {
		if j := strings.Index(ps[i].Evidence, " to mitigate "); j >= 0 {
			ps[i].Rationale = append([]string{strings.TrimRight(ps[i].Evidence[j+1:], ".")}, ps[i].Rationale...)
		}
	}
}

// enumerated reports whether a sentence opens an enumerated reason.
func enumerated(low string) bool {
	for _, p := range []string{"first,", "second,", "third,", "fourth,", "fifth,", "finally,", "firstly,", "secondly,", "thirdly,"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

func paragraphOf(a *analyze.Analysis) map[int]int {
	out := map[int]int{}
	p := 0
	for si, s := range a.Sentences {
		for p < len(a.Paragraphs) && a.Paragraphs[p].End <= s.Start {
			p++
		}
		out[si] = p
	}
	return out
}

func nearest(ps []analyze.Proposal, si int, para map[int]int) int {
	best := -1
	for k, p := range ps {
		if p.Section != analyze.SectionBody || p.Sentence > si {
			continue
		}
		if best < 0 || p.Sentence > ps[best].Sentence {
			best = k
		}
	}
	return best
}
