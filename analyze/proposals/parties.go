package proposals

import (
	"sort"
	"strings"

	"github.com/brief-tool/brief/analyze"
)

type mention struct {
	id, kind, country string
	start, end        int
}

func mentionsBySentence(a *analyze.Analysis) map[int][]mention {
	out := map[int][]mention{}
	for _, ac := range a.Actors {
		for _, m := range ac.Mentions {
			out[m.Sentence] = append(out[m.Sentence], mention{id: ac.ID, kind: ac.Kind, country: ac.Country, start: m.Start, end: m.End})
		}
	}
	for k := range out {
		ms := out[k]
		sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	}
	return out
}

// attribution returns the actor a sentence attributes its recommendation
// to: "X said ...", "according to X", "X called for ...".
func attribution(s analyze.Sentence, ms []mention) string {
	toks := s.Tokens
	for i, t := range toks {
		l := t.Lemma
		switch {
		case (l == "say" || l == "tell" || l == "urge" || l == "propose" || l == "suggest" || l == "demand" || l == "insist" || l == "argue" || l == "want" || l == "recommend" || l == "warn" || l == "add" || l == "state") && strings.HasPrefix(t.Tag, "VB"):
			// The speaker is the nearest person or actor before the verb.
			for k := len(ms) - 1; k >= 0; k-- {
				if ms[k].end <= t.Start && t.Start-ms[k].end < 40 {
					return ms[k].id
				}
			}
			// "..., said X" after the verb.
			for _, m := range ms {
				if m.start >= t.End && m.start-t.End < 20 {
					return m.id
				}
			}
		case l == "according" && i+1 < len(toks) && toks[i+1].Text == "to":
			for _, m := range ms {
				if m.start >= toks[i+1].End && m.start-toks[i+1].End < 20 {
					return m.id
				}
			}
		case l == "call" && i+1 < len(toks) && toks[i+1].Text == "for":
			for k := len(ms) - 1; k >= 0; k-- {
				if ms[k].end <= t.Start && t.Start-ms[k].end < 40 {
					return ms[k].id
				}
			}
		}
	}
	return ""
}

// parties are the states (or the countries of the bodies) the sentence
// names; when it names none, the document's two most salient states, as
// "both sides" and "the two countries" refer to them.
func parties(a *analyze.Analysis, ms []mention) []string {
	var out []string
	for _, m := range ms {
		id := ""
		switch {
		case m.kind == analyze.KindState:
			id = m.id
		case m.country != "" && m.kind != analyze.KindPerson:
			id = m.country
		}
		if id != "" && !contains(out, id) {
			out = append(out, id)
		}
	}
	if len(out) >= 2 {
		return out
	}
	// Actors named only in captions, bios or comments (salience 0) are not
	// the sides the article is about.
	for _, ac := range a.Actors {
		if (ac.Kind == analyze.KindState || ac.Kind == analyze.KindGroup) && ac.Salience > 0 && !contains(out, ac.ID) && len(out) < 2 {
			out = append(out, ac.ID)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
