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
func pronounSubject(v *rules.View, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := v.Tok(k)
		if subjectPronouns[strings.ToLower(t.Text)] {
			return true
		}
		if t.Tag != "RB" && !strings.HasPrefix(t.Tag, "VB") && t.Tag != "MD" {
			return false
		}
	}
	return false
}

// resolvePronouns gives a pronoun agent the agents of the incident just
// before it (within two sentences), or drops it.
func resolvePronouns(in []event) {
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
