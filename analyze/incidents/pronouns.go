package incidents

import (
	"strings"

	"github.com/brief-tool/brief/analyze/rules"
)

// pronounAgent marks an agent that is a pronoun ("it blew up the office"),
// resolved to the sides of the incident just before.
const pronounAgent = "\x00pronoun"

var subjectPronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true}

// pronounSubject reports whether the verb at i has a pronoun subject just
// before it ("they agreed", "it then blew up").
func pronounSubject(v *rules.View, i int) bool { return pronounBefore(v, i) >= 0 }

// pronounBefore returns the subject pronoun within three tokens before
// token i, only adverbs, verbs and modals between; or -1.
func pronounBefore(v *rules.View, i int) int {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := v.Tok(k)
		if subjectPronouns[strings.ToLower(t.Text)] {
			return k
		}
		if t.Tag != "RB" && !strings.HasPrefix(t.Tag, "VB") && t.Tag != "MD" {
			return -1
		}
	}
	return -1
}

// resolvePronouns gives a pronoun agent the agents of the incident just
// before it (within two sentences), or drops it. A pronoun continues the
// subject of the sentence before it: when that subject names no side
// ("The war began when Eritrean troops moved in. It killed ..."), the
// pronoun is the subject's, not the side's.
func resolvePronouns(in []event, views []*rules.View) {
	for i := range in {
		if len(in[i].Agents) != 1 || in[i].Agents[0] != pronounAgent {
			continue
		}
		in[i].Agents, in[i].agentSides = nil, nil
		for k := i - 1; k >= 0; k-- {
			if in[i].Sentence-in[k].Sentence > 2 {
				break
			}
			if len(in[k].Agents) > 0 && in[k].Agents[0] != pronounAgent {
				if in[k].Sentence != in[i].Sentence && in[k].Sentence < len(views) && !subjectNamesSide(views[in[k].Sentence]) {
					break
				}
				in[i].Agents = append([]string(nil), in[k].Agents...)
				in[i].agentSides = append([]string(nil), in[k].agentSides...)
				break
			}
		}
	}
}

// possessiveSubject reports a subject that a possessive pronoun ties to
// sides told before: "their representatives ... signed", "its navy
// seized".
func possessiveSubject(v *rules.View, i int) bool {
	from, _ := v.Clause(i)
	for k := i - 1; k >= from && k >= i-10; k-- {
		t := v.Tok(k)
		if t.Tag == "PRP$" && (k == from || v.Tok(k-1).Tag == "," || v.Tok(k-1).Tag == "IN" && k-1 == from) {
			return true
		}
		if strings.HasPrefix(t.Tag, "VB") {
			return false
		}
	}
	return false
}

// subjectNamesSide reports an actor among the words before the first verb
// of the sentence: its subject, with what opens it ("On Monday, Iran").
func subjectNamesSide(v *rules.View) bool {
	first := v.Len()
	for k := 0; k < v.Len(); k++ {
		if t := v.Tok(k).Tag; strings.HasPrefix(t, "VB") || t == "MD" {
			first = k
			break
		}
	}
	for _, m := range v.Actors {
		if m.From < first {
			return true
		}
	}
	return false
}

// reportedSpeaker returns the actor who says that "it" or "they" did what
// the trigger at tf tells: "Russia said it used bombs", "Hanoi announced
// that they had fired"; "" when the subject is no pronoun or no actor
// speaks right before it.
func reportedSpeaker(v *rules.View, tf int) string {
	p := pronounBefore(v, tf)
	if p < 0 {
		return ""
	}
	k := p - 1
	if k >= 0 && v.Tok(k).Lower == "that" {
		k--
	}
	if k < 0 || !v.Is(k, "report") || !strings.HasPrefix(v.Tok(k).Tag, "VB") {
		return ""
	}
	for i := len(v.Actors) - 1; i >= 0; i-- {
		if m := v.Actors[i]; m.To <= k && k-m.To <= 2 {
			return m.Value
		}
	}
	return ""
}
