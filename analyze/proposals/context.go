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
		// The proposal this sentence belongs to: the one whose kind of
		// measure it names ("the de-confliction line might not ..."), else
		// the nearest one stated before it.
		low := strings.ToLower(s.Text)
		mech, _ := e.mechanism(low, s.Text)
		k := byMechanism(ps, mech, si)
		if k < 0 {
			k = nearest(ps, si, para)
		}
		if k < 0 {
			continue
		}
		p := &ps[k]
		// Near: the same paragraph, or the two sentences after the
		// proposal's last statement; and about the measure: naming its
		// kind, or referring back to it ("it", "such a line").
		last := analyze.LastSentence(p.Sentence, p.Support)
		named := mech != "" && mech == p.Mechanism
		near := named || para[si] == para[last] || si-last <= 2
		about := named || backRef.MatchString(s.Text) || pronounStart.MatchString(s.Text) || e.caveatOpen.index(low) == 0
		switch {
		case mech == p.Mechanism && backRef.MatchString(s.Text):
			// "Such a line would ...": the proposal again, in other words.
			p.Support = append(p.Support, analyze.Support{Sentence: si, Section: s.Section, Evidence: s.Text})
		case enumerated(low):
			p.Rationale = append(p.Rationale, s.Text)
		case len(e.caveats.find(low)) > 0 && contrast.MatchString(low) && near && about:
			p.Caveats = append(p.Caveats, s.Text)
		case len(e.precedents.find(low)) > 0 && (near || mech == p.Mechanism) && about && pastMark.MatchString(low):
			p.Precedents = append(p.Precedents, s.Text)
		case len(e.rationale.find(low)) > 0 && near && about:
			// "The line is helpful to mitigate the risk": a reason, though
			// it names a risk.
			p.Rationale = append(p.Rationale, s.Text)
		case len(e.caveats.find(low)) > 0 && near && about:
			p.Caveats = append(p.Caveats, s.Text)
		}
	}
	// A purpose clause in the proposal itself is a reason: "... is needed
	// to mitigate the tactical risks".
	for i := range ps {
		if m := purpose.FindStringIndex(ps[i].Evidence); m != nil {
			ps[i].Rationale = append([]string{strings.TrimRight(strings.TrimSpace(ps[i].Evidence[m[0]:]), ".")}, ps[i].Rationale...)
		}
	}
}

var (
	// pronounStart opens a sentence that goes on about what came before.
	pronounStart = regexp.MustCompile(`^(It (would|will|could|can|cannot|can't|might|may|should|is not|isn't|does not|doesn't)|Such|(This|That|The|These|Those) (lines?|channels?|links?|hotlines?|mechanisms?|measures?|plans?|idea|agreements?|arrangements?|proposals?|zones?|talks|dialogue|mediators?|mediation|steps?))\b`)
	// contrast marks a limit set against the measure.
	contrast = regexp.MustCompile(`\b(although|though|despite|however|but|cannot|can not|no substitute|not a substitute|not a panacea|will not|won't|would not|limitations?|limits|drawbacks?|downside|only if|provided that|unless|might not|may not|does not|no guarantee)\b`)
	// pastMark is what makes a sentence tell of an earlier case: a year or
	// a word for the past.
	pastMark = regexp.MustCompile(`\b(1[89]\d\d|20\d\d|previous(ly)?|past|earlier|once|precedent|history|worked|had worked|has worked|during the)\b`)
	// purpose is a purpose clause: "to mitigate ...", "in order to ...".
	purpose = regexp.MustCompile(`\b(in order to|so as to|so that|to (mitigate|reduce|prevent|avoid|lower|limit|manage|ease|defuse|de-escalate|build|restore|keep|stop|contain))\b`)
)

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

// byMechanism returns the body proposal of mechanism mech stated last
// before sentence si (or first after it), or -1.
func byMechanism(ps []analyze.Proposal, mech string, si int) int {
	if mech == "" {
		return -1
	}
	best := -1
	for k, p := range ps {
		if p.Section != analyze.SectionBody || p.Mechanism != mech {
			continue
		}
		if best < 0 || (p.Sentence < si && p.Sentence > ps[best].Sentence) {
			best = k
		}
	}
	return best
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
