package rules

import (
	"slices"
	"sync"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/match"
)

// Rule is one compiled rule.
type Rule struct {
	Name string
	// Kind says which stage reads the rule's matches: incident, proposal,
	// rationale, caveat, precedent, attribution, ...
	Kind     string
	Doc      string
	Pattern  *match.Pattern
	Unless   []string // guard names, in the order they are checked
	guards   []Guard
	Emit     map[string]string
	Priority int
	// CheckAt "match" has the guards read the first word of the match
	// rather than the trigger ("may accuse Iran of seizing": the modal
	// governs the accusing).
	CheckAt  string
	Examples Examples
	// File and Line say where the rule is written.
	File string
	Line int
}

// Examples are sentences we wrote for a rule: it must match every Yes
// sentence (and pass its guards) and no No sentence.
type Examples struct {
	Yes []string `yaml:"yes"`
	No  []string `yaml:"no"`
}

// Set is a compiled set of word classes and rules. It is read-only after
// Load and safe for concurrent use.
type Set struct {
	g      *match.Grammar
	rules  []*Rule
	byKind map[string][]*Rule
	// starts says where each rule of a kind can start, for a whole
	// sentence at once.
	starts map[string]*match.Starts
	attrs  map[match.Label]map[string]string
	layers layerLabels
}

// startScratch is reused space for finding where rules can start.
var startScratch = sync.Pool{New: func() any { return new(match.StartScratch) }}

// layerLabels are the labels of the annotation layers the View supplies.
type layerLabels struct {
	actor, date, place, quote match.Label
	kinds                     map[string]match.Label // actor kinds: state, person, ...
}

// Rules returns the rules of one kind, highest priority first.
func (s *Set) Rules(kind string) []*Rule { return s.byKind[kind] }

// All returns every rule, in file order.
func (s *Set) All() []*Rule { return s.rules }

// Grammar returns the grammar the rules are written in.
func (s *Set) Grammar() *match.Grammar { return s.g }

// Hit is one match of a rule on a sentence.
type Hit struct {
	Rule     *Rule
	From, To int // tokens the pattern matched
	caps     [match.MaxCaptures][2]int
	// Guard names the guard that rejected the match, with Why it did; both
	// are empty when every guard let it through.
	Guard, Why string
}

// OK reports whether every guard let the hit through.
func (h *Hit) OK() bool { return h.Guard == "" }

// Capture returns the tokens of a named capture.
func (h *Hit) Capture(s *Set, name string) (from, to int, ok bool) {
	slot := s.g.CaptureSlot(name)
	if slot < 0 {
		return 0, 0, false
	}
	from, to = h.caps[slot][0], h.caps[slot][1]
	return from, to, from >= 0 && to > from
}

// Trigger returns the tokens of the trigger capture, or the whole match.
func (h *Hit) Trigger(s *Set) (from, to int) {
	if f, t, ok := h.Capture(s, "trigger"); ok {
		return f, t
	}
	return h.From, h.To
}

// Run matches the rules of kind on a view and checks each match's guards.
// It returns every match, those the guards rejected too (with the guard
// and its reason), once per rule and trigger, in the order of the rules
// then of the sentence.
func (s *Set) Run(v *View, kind string) []Hit {
	var out []Hit
	var m match.Match
	rs := s.byKind[kind]
	if len(rs) == 0 {
		return nil
	}
	sc := startScratch.Get().(*match.StartScratch)
	defer startScratch.Put(sc)
	// Only the tokens where a rule can start are tried: at the others
	// MatchAt fails at once.
	starts := s.starts[kind].Find(v.Text, sc)
	for k, r := range rs {
		if !r.Pattern.Possible(v.Text) {
			continue
		}
		first := len(out)
		for _, start := range starts[k] {
			if !r.Pattern.MatchAt(v.Text, int(start), &m) {
				continue
			}
			h := Hit{Rule: r, From: m.From, To: m.To}
			for slot := range h.caps {
				h.caps[slot][0], h.caps[slot][1], _ = m.Capture(slot)
				if h.caps[slot][1] <= h.caps[slot][0] {
					h.caps[slot] = [2]int{-1, -1}
				}
			}
			tf, tt := h.Trigger(s)
			if slices.ContainsFunc(out[first:], func(o Hit) bool { f, t := o.Trigger(s); return f == tf && t == tt }) {
				continue
			}
			gf, gt := tf, tt
			if r.CheckAt == "match" {
				gf, gt = h.From, h.From+1
			}
			for k, g := range r.guards {
				if why := g(v, gf, gt); why != "" {
					h.Guard, h.Why = r.Unless[k], why
					break
				}
			}
			out = append(out, h)
		}
	}
	return out
}

// Attr returns the attribute key of the word class whose span starts the
// tokens [from, to) (the longest such span that has the attribute), or "".
func (s *Set) Attr(v *View, from, to int, key string) string {
	best, bestLen := "", 0
	for l, attrs := range s.attrs {
		val, ok := attrs[key]
		if !ok {
			continue
		}
		if sp, ok := v.Text.SpanAt(from, l); ok && sp.To <= to && sp.To-sp.From > bestLen {
			best, bestLen = val, sp.To-sp.From
		}
	}
	return best
}

// AttrOver returns the attribute key of a word class covering token i
// (the longest span that has it), or "".
func (s *Set) AttrOver(v *View, i int, key string) string {
	best, bestLen := "", 0
	for l, attrs := range s.attrs {
		val, ok := attrs[key]
		if !ok {
			continue
		}
		if sp, ok := v.Text.SpanOver(i, l); ok && sp.To-sp.From > bestLen {
			best, bestLen = val, sp.To-sp.From
		}
	}
	return best
}

// InClass reports whether token i lies in a span of the word class (or
// layer) called name.
func (s *Set) InClass(v *View, i int, name string) bool {
	l, ok := s.g.Lookup(name)
	return ok && v.Text.Covered(i, l)
}

// ClassSpan returns the longest span of the class called name that starts
// at token i.
func (s *Set) ClassSpan(v *View, i int, name string) (from, to int, ok bool) {
	l, found := s.g.Lookup(name)
	if !found {
		return 0, 0, false
	}
	sp, ok := v.Text.SpanAt(i, l)
	return sp.From, sp.To, ok
}

// Describe writes a hit for --explain: the words matched and each capture.
func (s *Set) Describe(v *View, h *Hit) (words string, captures []string) {
	words = v.Words(h.From, h.To)
	for slot := 0; slot < match.MaxCaptures; slot++ {
		if h.caps[slot][0] < 0 || slot >= s.g.Captures() {
			continue
		}
		captures = append(captures, s.g.CaptureName(slot)+"="+v.Words(h.caps[slot][0], h.caps[slot][1]))
	}
	return words, captures
}

// Record adds the hits of a stage to the analysis's trace, when tracing:
// outcomes[i] says what became of hits[i] when its guards let it through.
func Record(a *analyze.Analysis, s *Set, v *View, stage string, hits []Hit, outcomes []string) {
	if a.Trace == nil {
		return
	}
	for i := range hits {
		h := &hits[i]
		words, caps := s.Describe(v, h)
		e := analyze.TraceEvent{Sentence: v.S.Index, Stage: stage, Rule: h.Rule.Name, Match: words, Captures: caps, Guard: h.Guard, Why: h.Why}
		if h.OK() && i < len(outcomes) {
			e.Outcome = outcomes[i]
		}
		a.Trace.Record(e)
	}
}

// ClassAttrs returns the attributes of every word class that has some.
func (s *Set) ClassAttrs() []map[string]string {
	out := make([]map[string]string, 0, len(s.attrs))
	for _, m := range s.attrs {
		out = append(out, m)
	}
	return out
}
