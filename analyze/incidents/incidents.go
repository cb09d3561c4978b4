// Package incidents finds what happened in a document: shoot-downs,
// seizures, strikes, intercepts, clashes, deployments, talks and
// agreements, each with its date, place, quantities and the actors on each
// side.
//
// Triggers are verbs and nouns from a lexicon kept as data
// (data/lexicon.yaml), matched on lemmas. Only what happened counts: a
// trigger under a modal, a negation, a condition or a hypothetical ("the
// risk of a clash") is skipped, except that "agreed not to shoot down" is
// cooperation. Agent and target come from the sentence's structure: active
// and passive voice, possessives, "between X and Y". A restated incident is
// one item with its other sentences in Support.
package incidents

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/dates"
)

//go:embed data/lexicon.yaml
var lexiconYAML []byte

// Lexicon is the event vocabulary.
type Lexicon struct {
	Types        map[string]TypeCues `yaml:"types"`
	Modals       []string            `yaml:"modals"`
	Negations    []string            `yaml:"negations"`
	Conditionals []string            `yaml:"conditionals"`
	Hypothetical []string            `yaml:"hypothetical"`
}

// TypeCues are the words that report one type of incident.
type TypeCues struct {
	Symmetric bool     `yaml:"symmetric"`
	Verbs     []string `yaml:"verbs"`
	Nouns     []string `yaml:"nouns"`
	Objects   []string `yaml:"objects"`
	// VerbObjects restrict single verbs that are too common alone:
	// "release" reports a cooperation only when it releases people or a
	// ship, not footage.
	VerbObjects map[string][]string `yaml:"verb_objects"`
}

// LoadLexicon reads the shipped lexicon.
func LoadLexicon() (*Lexicon, error) {
	var l Lexicon
	if err := yaml.UnmarshalWithOptions(lexiconYAML, &l, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("incidents lexicon: %w", err)
	}
	known := map[string]bool{}
	for _, t := range analyze.IncidentTypes {
		known[t] = true
	}
	for t := range l.Types {
		if !known[t] {
			return nil, fmt.Errorf("incidents lexicon: unknown type %q", t)
		}
	}
	return &l, nil
}

// Places finds place names in a sentence; the actors dictionary's gazetteer
// is one.
type Places interface {
	// Place returns the first gazetteer place named in text[start:end], or "".
	Place(text string, start, end int) string
}

// Extractor finds incidents. It is safe for concurrent use.
type Extractor struct {
	lex         *Lexicon
	verbs       []cue
	nouns       []cue
	objects     map[string]map[string]bool
	verbObjects map[string]map[string]bool
	sym         map[string]bool
	modal       map[string]bool
	neg         map[string]bool
	cond        map[string]bool
	hypo        map[string]bool
	places      Places
}

// cue is one trigger: its words (lemmas) and the type it reports.
type cue struct {
	words []string
	typ   string
}

// New builds an Extractor from a lexicon; places may be nil.
func New(l *Lexicon, places Places) *Extractor {
	e := &Extractor{lex: l, objects: map[string]map[string]bool{}, verbObjects: map[string]map[string]bool{}, sym: map[string]bool{},
		modal: set(l.Modals), neg: set(l.Negations), cond: set(l.Conditionals), hypo: set(l.Hypothetical), places: places}
	types := make([]string, 0, len(l.Types))
	for t := range l.Types {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := l.Types[t]
		for _, v := range c.Verbs {
			e.verbs = append(e.verbs, cue{strings.Fields(strings.ToLower(v)), t})
		}
		for _, n := range c.Nouns {
			e.nouns = append(e.nouns, cue{strings.Fields(strings.ToLower(n)), t})
		}
		if len(c.Objects) > 0 {
			e.objects[t] = set(c.Objects)
		}
		for v, objs := range c.VerbObjects {
			e.verbObjects[strings.ToLower(v)] = set(objs)
		}
		e.sym[t] = c.Symmetric
	}
	// Longer cues first, so "shoot down" wins over "shoot".
	byLen := func(cs []cue) {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].words) > len(cs[j].words) })
	}
	byLen(e.verbs)
	byLen(e.nouns)
	return e
}

func set(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[strings.ToLower(s)] = true
	}
	return m
}

// Name implements analyze.Extractor.
func (e *Extractor) Name() string { return "incidents" }

// Extract implements analyze.Extractor.
func (e *Extractor) Extract(ctx context.Context, a *analyze.Analysis) error {
	pub, _ := dates.Parse(a.Doc.Published)
	mentions := mentionsBySentence(a)
	var top []string
	for _, ac := range a.Actors {
		if ac.Kind == analyze.KindState && ac.Salience > 0 && len(top) < 2 {
			top = append(top, ac.ID)
		}
	}
	var found []event
	for _, s := range a.Sentences {
		if s.Section == analyze.SectionTitle || s.Section == analyze.SectionBoilerplate || s.Section == analyze.SectionByline {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		found = append(found, e.sentence(a, s, pub, mentions[s.Index], top)...)
	}
	resolvePronouns(found)
	a.Incidents = merge(found)
	// Talks, agreements and clashes that name no sides, in a text about two
	// sides, are between them (decided after merging, so that this default
	// does not make restatements look like other events).
	for k := range a.Incidents {
		in := &a.Incidents[k]
		if e.sym[in.Type] && len(in.Agents) == 0 && len(in.Targets) == 0 {
			in.Agents = append([]string(nil), top...)
		}
		// Done to one of the two sides by someone unnamed: in a text about
		// two sides, the other one ("Russian forces were warned").
		if len(in.Agents) == 0 && len(in.Targets) == 1 && len(top) == 2 {
			for j, id := range top {
				if sameSide(a, in.Targets[0], id) {
					in.Agents = []string{top[1-j]}
				}
			}
		}
	}
	return nil
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

// actorMention is an actor named in a sentence.
type actorMention struct {
	id, name, kind, country string
	start, end              int
}

func mentionsBySentence(a *analyze.Analysis) map[int][]actorMention {
	out := map[int][]actorMention{}
	for _, ac := range a.Actors {
		for _, m := range ac.Mentions {
			out[m.Sentence] = append(out[m.Sentence], actorMention{id: ac.ID, name: ac.Name, kind: ac.Kind, country: ac.Country, start: m.Start, end: m.End})
		}
	}
	for k := range out {
		ms := out[k]
		sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	}
	return out
}
