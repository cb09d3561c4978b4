// Package proposals finds the de-confliction options a document puts
// forward: who should do what, between whom, through whom, where, why and
// with what limits.
//
// What counts as putting a measure forward is written as rules
// (analyze/rules/data/proposals.yaml): advice ("should establish"), calls
// ("urged both sides to"), needs ("a channel is long overdue"),
// intentions and plans ("wants to set up"), agreed steps not yet carried
// out, hedges ("one option could be"), each with the guards that reject
// what is no proposal (a counterfactual, a question, a caveat, a list
// announcement). The mechanism is that of the measure the clause names (a
// word class of measures in the rule data), not of the clause around it;
// the rule says where to look for it. This package turns the matches into
// proposals, reads their parties, mediators and place, folds restatements
// into one item, and attaches the reasons, caveats and precedents that the
// context rules find nearby. It names no mechanism.
package proposals

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/rules"
)

// Extractor finds proposals. It is safe for concurrent use.
type Extractor struct {
	set *rules.Set
	// thirdParty holds the mechanisms whose proposals have mediators
	// (classes with third-party: "true"); unlisted is the mechanism of a
	// measure of no listed kind (unlisted: "true"). Both are data.
	thirdParty map[string]bool
	unlisted   map[string]bool
}

// New builds an Extractor over the proposal and context rules of set,
// checking what each rule emits.
func New(set *rules.Set) (*Extractor, error) {
	for _, kind := range []string{"proposal", "context"} {
		for _, r := range set.Rules(kind) {
			if err := check(kind, r); err != nil {
				return nil, &analyze.FileError{Path: r.File, Line: r.Line, Err: fmt.Errorf("rule %s: %w", r.Name, err)}
			}
		}
	}
	e := &Extractor{set: set, thirdParty: map[string]bool{}, unlisted: map[string]bool{}}
	for _, attrs := range set.ClassAttrs() {
		if attrs["third-party"] == "true" {
			e.thirdParty[attrs["mechanism"]] = true
		}
		if attrs["unlisted"] == "true" {
			e.unlisted[attrs["mechanism"]] = true
		}
	}
	return e, nil
}

var emits = map[string]map[string][]string{
	"proposal": {
		"mechanism": append([]string{"$measure"}, analyze.Mechanisms...),
		"fallback":  analyze.Mechanisms,
		"measure":   {"after", "before", "near", "step", "subject"},
		"proposer":  {"speaker", "subject", "authors"},
	},
	"context": {
		"role":  {"rationale", "caveat", "precedent", "restatement", "announce"},
		"scope": {"own", "near"},
		"about": {"measure"},
	},
}

func check(kind string, r *rules.Rule) error {
	for k, v := range r.Emit {
		allowed, ok := emits[kind][k]
		if !ok {
			return fmt.Errorf("emit %s: %s rules emit %s", k, kind, strings.Join(sortedKeys(emits[kind]), ", "))
		}
		if !slices.Contains(allowed, v) {
			return fmt.Errorf("emit %s %q: want one of %s", k, v, strings.Join(allowed, ", "))
		}
	}
	if kind == "proposal" && r.Emit["mechanism"] == "" {
		return fmt.Errorf("emit has no mechanism")
	}
	if kind == "context" && r.Emit["role"] == "" {
		return fmt.Errorf("emit has no role")
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Name implements analyze.Extractor.
func (e *Extractor) Name() string { return "proposals" }

// Extract implements analyze.Extractor.
func (e *Extractor) Extract(ctx context.Context, a *analyze.Analysis) error {
	views := e.set.Views(a)
	sides := a.MainSides()
	var found []item
	for si, v := range views {
		if err := ctx.Err(); err != nil {
			return err
		}
		switch a.Sentences[si].Section {
		case analyze.SectionBody, analyze.SectionComments, analyze.SectionBio:
		default:
			continue
		}
		found = append(found, e.sentence(v, sides)...)
	}
	found = e.merge(found)
	e.context(views, found)
	a.Proposals = a.Proposals[:0]
	for _, p := range found {
		a.Proposals = append(a.Proposals, p.Proposal)
	}
	return nil
}

// item is a proposal as read from one sentence, with what merging and
// context need.
type item struct {
	analyze.Proposal
	// measure is the measure's words, lower case ("a direct line").
	measure string
	// step opens a new item of a list ("First, ...", "Also, ...", an item
	// under "agreed on the following:") or is a further step under a cue.
	step bool
	// trigger is the cue's first token; measureSpan the measure's tokens.
	trigger     int
	measureSpan [2]int
	// unnamed marks a proposal whose clause names no measure: its
	// mechanism is its rule's fallback.
	unnamed bool
	// indefinite marks a measure named with "a" or "an" ("set a no-fly
	// zone"): a new measure, unless it is named in the same words.
	indefinite bool
}

// sentence reads the proposals of one sentence: one per measure, from the
// first rule (by priority) that names it.
func (e *Extractor) sentence(v *rules.View, sides []string) []item {
	hits := e.set.Run(v, "proposal")
	outcome := make([]string, len(hits))
	var out []item
	var measures [][2]int
	var triggers [][2]int
	for i := range hits {
		h := &hits[i]
		if !h.OK() {
			continue
		}
		tf, tt := h.Trigger(e.set)
		if overlaps(triggers, tf, tt) {
			outcome[i] = "its cue is another rule's"
			continue
		}
		mf, mt, mech := e.measure(v, h, tf, tt)
		if mech == "" {
			outcome[i] = "names no measure"
			continue
		}
		if mt <= mf && e.forceOrCondition(v, tt) {
			outcome[i] = "advises an act of force, or under a condition: no measure"
			continue
		}
		if mt > mf && overlaps(measures, mf, mt) {
			outcome[i] = "its measure is already proposed"
			// The cue still counts for the proposal that has the measure.
			for k := range out {
				if out[k].measureSpan == [2]int{mf, mt} {
					out[k].Cues = appendUnique(out[k].Cues, strings.ToLower(v.Words(tf, tt)))
				}
			}
			continue
		}
		p := e.build(v, h, tf, tt, mf, mt, mech, sides)
		out = append(out, p)
		if mt > mf {
			measures = append(measures, [2]int{mf, mt})
		}
		triggers = append(triggers, [2]int{tf, tt})
		outcome[i] = "kept as " + mech
		// Further steps under the same cue: "should keep X, and refrain
		// from Y" proposes both.
		for end := e.stepAfter(v, h, tt, mt); end >= 0; {
			next := nextStep(v, end)
			if next < 0 {
				break
			}
			stop := stepEnd(v, next+1)
			sf, st := e.measureAfter(v, next, stop)
			end = stop
			if st <= sf || overlaps(measures, sf, st) {
				continue
			}
			m := e.set.Attr(v, sf, st, "mechanism")
			if m == "" {
				continue
			}
			q := e.build(v, h, next, next+1, sf, st, m, sides)
			q.step = true // a step of its own, never a restatement
			out = append(out, q)
			measures = append(measures, [2]int{sf, st})
			outcome[i] += ", and " + m
		}
		// The items of ", including A, B and C" after the measure are
		// measures of their own ("the accord includes safety rules,
		// including a hotline and advance notice of flights").
		if mt <= mf {
			continue // no measure of its own: nothing the list could detail
		}
		for _, it := range includedItems(v, mt) {
			sf, st := e.measureAfter(v, it[0], it[1])
			if st <= sf || overlaps(measures, sf, st) {
				continue
			}
			m := e.set.Attr(v, sf, st, "mechanism")
			if m == "" {
				continue
			}
			q := e.build(v, h, it[0], it[0]+1, sf, st, m, sides)
			q.step = true
			out = append(out, q)
			measures = append(measures, [2]int{sf, st})
			outcome[i] += ", including " + m
		}
	}
	// A cue that names no measure, in a sentence whose other cue does,
	// frames that recommendation ("it is essential to remember that the
	// channel should not include ...").
	out = slices.DeleteFunc(out, func(p item) bool {
		return p.unnamed && slices.ContainsFunc(out, func(q item) bool {
			return !q.unnamed && q.trigger > p.trigger && sameCoordinate(v, p.trigger, q.trigger)
		})
	})
	rules.Record(v.A, e.set, v, "proposals", hits, outcome)
	slices.SortStableFunc(out, func(a, b item) int { return a.trigger - b.trigger })
	return out
}

// includedItems returns the items of a list opened by ", including"
// within six tokens after the measure ending at token from, up to the
// sentence's end or a semicolon: each item's tokens, split at commas and
// at "and" or "or".
func includedItems(v *rules.View, from int) [][2]int {
	k := from
	for ; k < v.Len(); k++ {
		w := v.Tok(k).Lower
		if w == ";" || w == "." || w == ":" || k > from+6 || v.Is(k, "subordinator") {
			return nil // the list details the measure, right after it
		}
		if w == "including" && k > 0 && v.Tok(k-1).Text == "," {
			break
		}
	}
	var items [][2]int
	start := k + 1
	for j := start; j <= v.Len(); j++ {
		if j < v.Len() {
			w := v.Tok(j).Lower
			if w != "," && w != "and" && w != "or" && w != ";" && w != "." {
				continue
			}
		}
		if j > start {
			items = append(items, [2]int{start, j})
		}
		if j < v.Len() && (v.Tok(j).Lower == ";" || v.Tok(j).Lower == ".") {
			break
		}
		start = j + 1
	}
	return items
}

// sameCoordinate reports whether no coordinate clause begins between
// tokens i and j: ", and", "but", "while", or "and" before a new subject
// ("X should A and the two states should B" holds two clauses).
func sameCoordinate(v *rules.View, i, j int) bool {
	for k := i + 1; k < j && k < v.Len(); k++ {
		t := v.Tok(k)
		switch t.Lemma {
		case "but", "while", "whereas", ";":
			return false
		case "which", "who", "whom", "whose":
			if v.Tok(k-1).Text == "," {
				return false // ", which ...": a relative clause of its own
			}
		case "and", "or":
			comma := v.Tok(k-1).Text == ","
			if comma && k+1 < v.Len() && (v.Tok(k+1).Tag == "VB" || v.Tok(k+1).Tag == "VBP") {
				return false // ", and refrain from ...": a step of its own
			}
			if finiteSoon(v, k+1) && (comma || subjectStart(v.Tok(k+1).Tag)) {
				return false // "and the two states should ...": a clause
			}
		}
	}
	return true
}

func subjectStart(tag string) bool {
	return tag == "DT" || tag == "PRP" || strings.HasPrefix(tag, "NN")
}

// finiteSoon reports a finite verb or a modal within six tokens from i.
func finiteSoon(v *rules.View, i int) bool {
	for k := i; k < v.Len() && k < i+6; k++ {
		switch v.Tok(k).Tag {
		case "MD", "VBD", "VBZ", "VBP":
			return true
		}
	}
	return false
}

// stepAfter returns the end of the step a cue governs, from which further
// coordinated steps are looked for, or -1 when the rule reads no steps.
func (e *Extractor) stepAfter(v *rules.View, h *rules.Hit, tt, mt int) int {
	if h.Rule.Emit["measure"] == "before" {
		return -1
	}
	if mt > tt {
		if mt < v.Len() && v.Is(mt, "subordinator") {
			return mt // "pull back from the border while keeping ..."
		}
		return stepEndAt(v, mt, mt)
	}
	return stepEnd(v, tt)
}

// forceOrCondition reports whether advice that names no measure is rather
// a threat or a condition: "Iran should seize a tanker if ...".
func (e *Extractor) forceOrCondition(v *rules.View, tt int) bool {
	for i := 0; i < v.Len(); i++ {
		if v.Is(i, "condition") {
			return true
		}
	}
	for k := tt; k < v.Len() && k < tt+3; k++ {
		if v.Is(k, "hostile.act") {
			return true
		}
	}
	return false
}

func overlaps(spans [][2]int, from, to int) bool {
	for _, s := range spans {
		if from < s[1] && to > s[0] {
			return true
		}
	}
	return false
}

func (e *Extractor) build(v *rules.View, h *rules.Hit, tf, tt, mf, mt int, mech string, sides []string) item {
	s := v.S
	p := item{trigger: tf, measureSpan: [2]int{mf, mt}}
	p.unnamed = mt <= mf && h.Rule.Emit["mechanism"] == "$measure"
	p.Mechanism = mech
	p.Sentence, p.Section, p.Evidence = s.Index, s.Section, s.Text
	p.Rule = h.Rule.Name
	p.Guards = append([]string(nil), h.Rule.Unless...)
	p.Cues = []string{strings.ToLower(v.Words(tf, tt))}
	if mt > mf {
		p.measure = strings.ToLower(v.Words(mf, mt))
		p.Cues = appendUnique(p.Cues, p.measure)
	}
	p.Proposer = proposer(v, h.Rule.Emit["proposer"], tf)
	p.Parties, p.Mediators, p.Where = roles(v, e.thirdParty[mech], tf, mt, sides)
	p.Summary = summary(v, tf, tt, mf, mt)
	// An item of a list or an enumerated step is a step of its own.
	p.step = v.Is(0, "enumeration") || v.Is(0, "additive") || v.Lead != nil || addsItem(v, tf)
	p.indefinite = mt > mf && indefiniteAt(v, mf)
	p.Confidence = 0.6
	switch {
	case mt > mf && !e.unlisted[mech]:
		p.Confidence = 0.75
	case mt <= mf:
		p.Confidence = 0.5
	}
	p.Confidence = math.Round(p.Confidence*100) / 100
	return p
}

// indefiniteAt reports "a" or "an" opening the noun phrase whose head
// begins at token i: "a no-fly zone", "a 10-kilometer-wide buffer zone".
func indefiniteAt(v *rules.View, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := v.Tok(k)
		switch {
		case t.Lower == "a" || t.Lower == "an":
			return true
		case t.Tag == "CD" || t.Tag == "HYPH" || t.Text == "-" || strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN"):
			continue
		}
		return false
	}
	return false
}

func appendUnique(ss []string, s string) []string {
	if slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// addsItem reports an additive adverb in the trigger's clause before it:
// "the two sides will also set up a no-fly zone" adds a measure to those
// told before, it does not restate one.
func addsItem(v *rules.View, tf int) bool {
	cf, _ := v.Clause(tf)
	for k := cf; k < tf; k++ {
		if v.Tok(k).Tag == "RB" && v.Is(k, "additive") {
			return true
		}
	}
	return false
}
