package digest

import (
	"sort"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/digest/textrank"
)

// minPassageWords keeps headings and fragments out of the key passages.
const minPassageWords = 6

// keyPassages returns the two or three body sentences TextRank ranks
// highest, in text order, and every candidate's score by sentence index.
func keyPassages(a *analyze.Analysis, opts textrank.Options) ([]int, map[int]float64) {
	var cand []int
	var texts []string
	for _, s := range a.Sentences {
		if s.Section == analyze.SectionBody && len(strings.Fields(s.Text)) >= minPassageWords {
			cand = append(cand, s.Index)
			texts = append(texts, s.Text)
		}
	}
	scores := textrank.Rank(texts, opts)
	k := 2
	if len(cand) >= 8 {
		k = 3
	}
	out := []int{}
	for _, i := range textrank.Top(scores, k) {
		out = append(out, cand[i])
	}
	byIndex := make(map[int]float64, len(cand))
	for i, n := range cand {
		byIndex[n] = scores[i]
	}
	return out, byIndex
}

// maxQuotes caps the notable quotes of an article.
const maxQuotes = 5

// quotes finds direct quotations of at least four words in body sentences
// and keeps the best by their sentence's TextRank score, in text order.
func quotes(a *analyze.Analysis, scores map[int]float64) []analyze.Quote {
	var qs []analyze.Quote
	var named map[int][]int // body sentence -> actors named in it, once per sentence
	if len(a.Actors) > 0 {
		named = map[int][]int{}
		for i, ac := range a.Actors {
			for _, m := range ac.Mentions {
				if m.Section == analyze.SectionBody {
					if l := named[m.Sentence]; len(l) == 0 || l[len(l)-1] != i {
						named[m.Sentence] = append(l, i)
					}
				}
			}
		}
	}
	for _, s := range a.Sentences {
		if s.Section != analyze.SectionBody {
			continue
		}
		for _, q := range quoted(s.Text) {
			if len(strings.Fields(q)) < 4 {
				continue
			}
			qs = append(qs, analyze.Quote{Text: q, Sentence: s.Index, Speaker: speaker(a, named[s.Index])})
		}
	}
	sort.SliceStable(qs, func(i, j int) bool {
		si, sj := scores[qs[i].Sentence], scores[qs[j].Sentence]
		if si != sj {
			return si > sj
		}
		return qs[i].Sentence < qs[j].Sentence
	})
	if len(qs) > maxQuotes {
		qs = qs[:maxQuotes]
	}
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Sentence < qs[j].Sentence })
	return qs
}

// quoted returns the passages of s between matching quotation marks.
func quoted(s string) []string {
	var out []string
	pairs := []struct{ open, close string }{{"“", "”"}, {"\"", "\""}}
	for _, p := range pairs {
		rest := s
		for {
			i := strings.Index(rest, p.open)
			if i < 0 {
				break
			}
			rest = rest[i+len(p.open):]
			j := strings.Index(rest, p.close)
			if j < 0 {
				break
			}
			if q := strings.TrimSpace(rest[:j]); q != "" {
				out = append(out, strings.TrimRight(q, ",")) // a comma before the closing mark is not the speaker's
			}
			rest = rest[j+len(p.close):]
		}
	}
	return out
}

// speaker is the id of the actor among named (indexes into a.Actors, in
// their order: most salient first) who most likely said a quote in their
// sentence: a person if one is named, else the first actor named.
func speaker(a *analyze.Analysis, named []int) string {
	for _, i := range named {
		if a.Actors[i].Kind == analyze.KindPerson {
			return a.Actors[i].ID
		}
	}
	if len(named) > 0 {
		return a.Actors[named[0]].ID
	}
	return ""
}

// recommendation is the index in a.Proposals of the main recommendation:
// a body proposal, the authors' own over one they report, then the one
// the article says most about (restatements, reasons, caveats,
// precedents), then the most confident, then the earliest; -1 when the
// body has none.
func recommendation(a *analyze.Analysis) int {
	best := -1
	own := func(p analyze.Proposal) bool { return p.Proposer == "authors" || p.Proposer == "" }
	said := func(p analyze.Proposal) int {
		return len(p.Support) + len(p.Rationale) + len(p.Caveats) + len(p.Precedents)
	}
	for i, p := range a.Proposals {
		if p.Section != analyze.SectionBody {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		b := a.Proposals[best]
		switch {
		case own(p) != own(b):
			if own(p) {
				best = i
			}
		case said(p) != said(b):
			if said(p) > said(b) {
				best = i
			}
		case p.Confidence > b.Confidence:
			best = i
		}
	}
	return best
}
