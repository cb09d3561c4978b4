// Package incidents finds what happened in a document: shoot-downs,
// seizures, strikes, intercepts, clashes, deployments, talks and
// agreements, each with its date, place, quantities and the actors on each
// side.
//
// What counts as a report of an event is written as rules
// (analyze/rules/data/incidents.yaml): patterns over tokens and annotation
// layers, guards that reject what did not happen (a negation, a modal, a
// condition, a plan, a possibility), and what each rule emits: the type
// (named in the data, or the type of the word class its trigger belongs
// to) and how agent and target are read (a role policy of roles.go). This
// package turns the matches into incidents and folds restatements into
// one item with their sentences in Support; it names no incident type.
package incidents

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/rules"
)

// Extractor finds incidents. It is safe for concurrent use.
type Extractor struct {
	set *rules.Set
	// symmetric types are those where both sides act (a clash between X
	// and Y): the word classes say so. Of those, named-sides types take
	// no default sides: a war or a collision the sentence names no side
	// of may be anyone's.
	symmetric, namedSides map[string]bool
}

// New builds an Extractor over the incident rules of set, checking what
// each rule emits.
func New(set *rules.Set) (*Extractor, error) {
	e := &Extractor{set: set, symmetric: map[string]bool{}, namedSides: map[string]bool{}}
	for _, attrs := range set.ClassAttrs() {
		if attrs["symmetric"] == "true" && attrs["type"] != "" {
			e.symmetric[attrs["type"]] = true
		}
		if attrs["named-sides"] == "true" && attrs["type"] != "" {
			e.namedSides[attrs["type"]] = true
		}
	}
	for _, r := range set.Rules("incident") {
		if err := check(r); err != nil {
			return nil, &analyze.FileError{Path: r.File, Line: r.Line, Err: fmt.Errorf("rule %s: %w", r.Name, err)}
		}
	}
	return e, nil
}

func check(r *rules.Rule) error {
	for k, v := range r.Emit {
		switch k {
		case "type":
			if v != "$trigger" && !slices.Contains(analyze.IncidentTypes, v) {
				return fmt.Errorf("emit type %q: want $trigger or one of %v", v, analyze.IncidentTypes)
			}
		case "roles":
			if _, ok := policies[v]; !ok {
				return fmt.Errorf("emit roles %q: want one of %v", v, policyNames())
			}
		case "symmetric":
			if v != "true" && v != "false" {
				return fmt.Errorf("emit symmetric %q: want \"true\" or \"false\"", v)
			}
		case "require":
			if v != "agent" {
				return fmt.Errorf("emit require %q: want agent", v)
			}
		default:
			return fmt.Errorf("emit %s: incident rules emit type, roles, symmetric and require", k)
		}
	}
	if r.Emit["type"] == "" {
		return fmt.Errorf("emit has no type")
	}
	return nil
}

// Name implements analyze.Extractor.
func (e *Extractor) Name() string { return "incidents" }

// Extract implements analyze.Extractor.
func (e *Extractor) Extract(ctx context.Context, a *analyze.Analysis) error {
	views := e.set.Views(a)
	sides := a.MainSides()
	var found []event
	for si, v := range views {
		if err := ctx.Err(); err != nil {
			return err
		}
		switch a.Sentences[si].Section {
		case analyze.SectionByline, analyze.SectionBoilerplate:
			continue
		}
		found = append(found, e.sentence(v, sides)...)
	}
	resolvePronouns(found, views)
	a.Incidents = a.Incidents[:0]
	for _, ev := range merge(found) {
		e.defaultSides(a, &ev, sides)
		a.Incidents = append(a.Incidents, ev.Incident)
	}
	return nil
}

// sentence turns the rule matches of one sentence into events: for each
// trigger the first rule (by priority) whose guards let it through, and no
// trigger inside another's.
func (e *Extractor) sentence(v *rules.View, sides []string) []event {
	hits := e.set.Run(v, "incident")
	var out []event
	var taken [][2]int // triggers and objects already used
	outcome := make([]string, len(hits))
	for i := range hits {
		h := &hits[i]
		if !h.OK() {
			continue
		}
		tf, tt := h.Trigger(e.set)
		if k := overlapping(taken, tf, tt); k >= 0 {
			outcome[i] = fmt.Sprintf("inside tokens %d-%d, already read", taken[k][0], taken[k][1])
			continue
		}
		// "violated the agreement by crossing the line": the gerund
		// after "by" says how the act before it was done.
		if tf > 0 && v.Tok(tf-1).Lemma == "by" && strings.HasSuffix(v.Tok(tf).Tag, "VBG") && len(taken) > 0 && taken[len(taken)-1][0] < tf {
			outcome[i] = "the manner of the act before it"
			continue
		}
		ev, ok := e.build(v, h, sides)
		if !ok {
			outcome[i] = "no incident type"
			continue
		}
		if h.Rule.Emit["require"] == "agent" && len(ev.Agents) == 0 {
			outcome[i] = "no agent, which the rule requires"
			continue
		}
		taken = append(taken, [2]int{tf, tt})
		if of, ot, ok := h.Capture(e.set, "object"); ok {
			taken = append(taken, [2]int{of, ot})
		} else if of, ot := objectSpan(v, tt); ot > of {
			// The object of a reported event is not a second event:
			// "suspended the memorandum" is a suspension.
			taken = append(taken, [2]int{of, ot})
		}
		outcome[i] = "kept as " + ev.Type
		out = append(out, ev)
	}
	rules.Record(v.A, e.set, v, "incidents", hits, outcome)
	slices.SortStableFunc(out, func(a, b event) int { return a.trigger - b.trigger })
	return out
}

func overlapping(spans [][2]int, from, to int) int {
	for k, s := range spans {
		if from < s[1] && to > s[0] {
			return k
		}
	}
	return -1
}

// defaultSides fills sides the sentence left unnamed, once restatements
// are merged (so that this default does not make restatements look like
// other events): talks, agreements and clashes that name no side, in a text
// about two sides, are between them; an act done to one of the two sides
// by someone unnamed was done by the other.
func (e *Extractor) defaultSides(a *analyze.Analysis, in *event, sides []string) {
	if e.symmetric[in.Type] && !e.namedSides[in.Type] && !in.directed && len(in.Agents) == 0 && len(in.Targets) == 0 {
		in.Agents = append([]string(nil), sides...)
	}
	// Both sides act where both act; a text that names one of its two
	// sides ("Russian forces were warned") means the other too.
	if e.symmetric[in.Type] && !e.namedSides[in.Type] && !in.directed && len(in.agentSides) == 1 && len(in.Targets) == 0 && len(sides) == 2 {
		for j, id := range sides {
			if in.agentSides[0] == id && !contains(in.Agents, sides[1-j]) {
				in.Agents = append(in.Agents, sides[1-j])
			}
		}
	}
	if len(in.Agents) == 0 && len(in.Targets) == 1 && len(sides) == 2 {
		for j, id := range sides {
			if sameSide(a, in.Targets[0], id) {
				in.Agents = []string{sides[1-j]}
			}
		}
	}
}

// sameSide reports whether actor id is state or belongs to it.
func sameSide(a *analyze.Analysis, id, state string) bool {
	if id == state {
		return true
	}
	for _, ac := range a.Actors {
		if ac.ID == id {
			return ac.Country == state
		}
	}
	return false
}
