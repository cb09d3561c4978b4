// Package proposals finds the de-confliction options a document puts
// forward: who should do what, between whom, why, and with what limits.
//
// A sentence is a proposal when it uses recommending language (should,
// must, need to, it is time, we propose, X called for ...) and names a
// measure; the measure's mechanism (hotline, agreement, notification,
// separation, mediation, dialogue, restraint, other) is decided by cue
// rules kept as data (data/cues.yaml), and the cues that fired are kept
// with the item. A limit that is itself recommended ("should not
// include", "should be constrained") is a restraint. Restatements of a
// proposal are one item with its other sentences in Support; reasons,
// caveats and precedents are read from the sentences around it.
package proposals

import (
	"context"
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/brief-tool/brief/analyze"
)

//go:embed data/cues.yaml
var cuesYAML []byte

// Cues is the proposal vocabulary.
type Cues struct {
	Recommend      []string    `yaml:"recommend"`
	Imperatives    []string    `yaml:"imperatives"`
	Strong         []string    `yaml:"strong"`
	Counterfactual []string    `yaml:"counterfactual"`
	CaveatOpeners  []string    `yaml:"caveat_openers"`
	Limits         []string    `yaml:"limits"`
	Mechanisms     []Mechanism `yaml:"mechanisms"`
	Rationale      []string    `yaml:"rationale"`
	Caveats        []string    `yaml:"caveats"`
	Precedents     []string    `yaml:"precedents"`
}

// Mechanism is a kind of measure and the words that name it.
type Mechanism struct {
	Name string   `yaml:"name"`
	Cues []string `yaml:"cues"`
}

// LoadCues reads the shipped cues.
func LoadCues() (*Cues, error) {
	var c Cues
	if err := yaml.UnmarshalWithOptions(cuesYAML, &c, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("proposal cues: %w", err)
	}
	known := map[string]bool{}
	for _, m := range analyze.Mechanisms {
		known[m] = true
	}
	for _, m := range c.Mechanisms {
		if !known[m.Name] {
			return nil, fmt.Errorf("proposal cues: unknown mechanism %q", m.Name)
		}
	}
	return &c, nil
}

// phrases matches any of a list of phrases at word boundaries.
type phrases struct {
	re *regexp.Regexp
}

func compile(list []string) phrases {
	if len(list) == 0 {
		return phrases{}
	}
	sorted := append([]string(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	q := make([]string, len(sorted))
	for i, p := range sorted {
		q[i] = regexp.QuoteMeta(strings.ToLower(p))
	}
	return phrases{re: regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(` + strings.Join(q, "|") + `)(?:[^\p{L}\p{N}]|$)`)}
}

// find returns the phrases found in lower-cased s, in order.
func (p phrases) find(s string) []string {
	if p.re == nil {
		return nil
	}
	var out []string
	for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, s[m[2]:m[3]])
	}
	return out
}

// findLower is find without the matches that are capitalised in orig (the
// same text before lower-casing) other than at its start.
func (p phrases) findLower(low, orig string) []string {
	if p.re == nil {
		return nil
	}
	var out []string
	for _, m := range p.re.FindAllStringSubmatchIndex(low, -1) {
		if m[2] > 0 && len(orig) == len(low) && m[2] < len(orig) && orig[m[2]] >= 'A' && orig[m[2]] <= 'Z' {
			continue
		}
		out = append(out, low[m[2]:m[3]])
	}
	return out
}

// index returns the offset of the first phrase in s, or -1.
func (p phrases) index(s string) int {
	if p.re == nil {
		return -1
	}
	m := p.re.FindStringSubmatchIndex(s)
	if m == nil {
		return -1
	}
	return m[2]
}

// Extractor finds proposals. It is safe for concurrent use.
type Extractor struct {
	recommend, strong, counter, limits phrases
	rationale, caveats, precedents     phrases
	caveatOpen                         phrases
	mechs                              []mechCues
	// imperative tells a sentence that opens with a verb ("Establish a
	// hotline"); nil leaves only the commands list.
	imperative func(analyze.Sentence) bool
	// commands are the verbs that open recommendations written as
	// commands.
	commands map[string]bool
}

type mechCues struct {
	name string
	cues phrases
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithImperative reads sentences that open with a verb in the base form as
// recommendations when they name a measure: lists of recommendations are
// written that way.
func WithImperative(f func(analyze.Sentence) bool) Option {
	return func(e *Extractor) { e.imperative = f }
}

// New builds an Extractor from cues.
func New(c *Cues, opts ...Option) *Extractor {
	e := &Extractor{
		recommend: compile(c.Recommend), strong: compile(c.Strong), counter: compile(c.Counterfactual), limits: compile(c.Limits),
		rationale: compile(c.Rationale), caveatOpen: compile(c.CaveatOpeners), caveats: compile(c.Caveats), precedents: compile(c.Precedents),
	}
	for _, m := range c.Mechanisms {
		e.mechs = append(e.mechs, mechCues{m.Name, compile(m.Cues)})
	}
	e.commands = map[string]bool{}
	for _, v := range c.Imperatives {
		e.commands[strings.ToLower(v)] = true
	}
	for _, o := range opts {
		o(e)
	}
	return e
}

// command reports whether a sentence opens with a command: a verb of the
// imperatives list, or a base verb by the tagger.
func (e *Extractor) command(s analyze.Sentence) bool {
	if len(s.Tokens) < 2 {
		return false
	}
	if e.commands[strings.ToLower(s.Tokens[0].Text)] && s.Tokens[1].Tag != "POS" && !strings.HasPrefix(s.Tokens[1].Tag, "VB") {
		return true
	}
	return e.imperative != nil && e.imperative(s)
}

// Name implements analyze.Extractor.
func (e *Extractor) Name() string { return "proposals" }

// Extract implements analyze.Extractor.
func (e *Extractor) Extract(ctx context.Context, a *analyze.Analysis) error {
	byS := mentionsBySentence(a)
	var found []analyze.Proposal
	for _, s := range a.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		switch s.Section {
		case analyze.SectionBody, analyze.SectionComments, analyze.SectionBio:
		default:
			continue
		}
		found = append(found, e.sentence(a, s, byS[s.Index])...)
	}
	found = e.merge(found)
	e.context(a, found)
	a.Proposals = found
	return nil
}

// sentence reads the proposals of one sentence: one per recommending
// clause ("X should A, and Y should not B" holds two) whose measures differ.
func (e *Extractor) sentence(a *analyze.Analysis, s analyze.Sentence, ms []mention) []analyze.Proposal {
	low := strings.ToLower(s.Text)
	if strings.HasSuffix(strings.TrimSpace(low), "?") || e.caveatOpen.index(low) == 0 || aboutText.MatchString(low) {
		return nil
	}
	var out []analyze.Proposal
	for _, seg := range segments(low, e.recommend.re) {
		part := low[seg[0]:seg[1]]
		if len(e.counter.find(part)) > 0 || counterfactual.MatchString(part) {
			continue
		}
		rec := e.recommend.find(part)
		if (len(rec) == 0 || relativeOnly(part, e.recommend)) && seg[0] == 0 && s.Section == analyze.SectionBody {
			// "Establish a hotline between the coast guards." (The measure
			// is checked first: it is cheap, the command test re-tags.)
			if m, _ := e.mechanism(part, s.Text[seg[0]:seg[1]]); m != "" && e.command(s) {
				rec = []string{"imperative"}
			}
		}
		if len(rec) == 0 || (rec[0] != "imperative" && relativeOnly(part, e.recommend)) {
			continue
		}
		lim := e.limits.find(part)
		mech, cues := e.mechanism(part, s.Text[seg[0]:seg[1]])
		switch {
		case len(lim) > 0:
			// A recommended limit: "the channel should not include ...".
			mech, cues = "restraint", append(lim, cues...)
		case mech == "" && len(out) == 0 && len(e.strong.find(part)) > 0 && !relativeOnly(part, e.strong) && !conditional.MatchString(part) && !announcement.MatchString(part):
			// A recommendation of no known kind of measure; not a second
			// clause of one already found ("... and both should say so"),
			// nor an announcement of a list ("we recommend four steps").
			mech = "other"
		}
		if mech == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Mechanism == mech {
			out[n-1].Cues = dedupe(append(out[n-1].Cues, append(rec, cues...)...))
			continue
		}
		p := analyze.Proposal{
			Mechanism:  mech,
			Cues:       dedupe(append(rec, cues...)),
			Sentence:   s.Index,
			Section:    s.Section,
			Evidence:   s.Text,
			Proposer:   "authors",
			Confidence: 0.6,
		}
		if id := attribution(s, ms); id != "" {
			p.Proposer = id
		}
		p.Parties = parties(a, ms)
		p.Summary = summary(s.Text[seg[0]:seg[1]], e.recommend.index(part))
		if len(cues) > 1 {
			p.Confidence = 0.75
		}
		if mech == "other" {
			p.Confidence = 0.5
		}
		out = append(out, p)
	}
	return out
}

// announcement matches a sentence that introduces recommendations rather
// than making one.
var announcement = regexp.MustCompile(`\b(following|these|two|three|four|five|six|several|some|a few|further) (steps|measures|recommendations|ideas|options|proposals|principles|changes|things)\b|:\s*$`)

// counterfactual matches a modal with a perfect infinitive: "should have
// acted", "could have prevented".
var counterfactual = regexp.MustCompile(`\b(should|could|would|must|might|ought to)( not)? have (\w+ed|\w+en|done|made|gone|had|known|seen|told|kept|held|led|put|set|cut|let|met|sent|built|brought|fought|thought|sought|left|lost|paid|said|won|run|begun|struck|shot)\b`)

// aboutText matches a sentence about the text itself ("This report looks
// at what should follow").
var aboutText = regexp.MustCompile(`\bthis (report|article|essay|paper|piece|analysis|column|brief|study)\b`)

// conditional marks a clause that depends on a condition: without a named
// measure, "Iran should seize a tanker if ..." is a threat, not an option.
var conditional = regexp.MustCompile(`\b(if|unless)\b`)

// relativeOnly reports whether every recommending cue in s sits in a
// relative clause ("plans that should be offered"), which describes a noun
// rather than recommending.
func relativeOnly(s string, cues phrases) bool {
	for _, m := range cues.re.FindAllStringSubmatchIndex(s, -1) {
		before := strings.TrimSpace(s[:m[2]])
		if !(strings.HasSuffix(before, " that") || strings.HasSuffix(before, " which") || strings.HasSuffix(before, " who")) {
			return false
		}
	}
	return true
}

// clauseJoin marks where a second recommending clause may begin.
var clauseJoin = regexp.MustCompile(`(?:,\s*(?:and|but|while)\s+|;\s*|\s+and\s+(?:the|both|each|all|they|it|we|he|she)\b)`)

// segments cuts a sentence into spans of one recommending clause each: a
// new span starts at the clause join before each further cue.
func segments(low string, cue *regexp.Regexp) [][2]int {
	if cue == nil {
		return [][2]int{{0, len(low)}}
	}
	cuts := []int{0}
	locs := cue.FindAllStringIndex(low, -1)
	for _, l := range locs[min(1, len(locs)):] {
		prev := cuts[len(cuts)-1]
		best := -1
		for _, j := range clauseJoin.FindAllStringIndex(low[prev:l[0]], -1) {
			best = prev + j[0]
		}
		if best > prev {
			cuts = append(cuts, best)
		}
	}
	var out [][2]int
	for i, c := range cuts {
		end := len(low)
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		out = append(out, [2]int{c, end})
	}
	return out
}

// mechanism picks the mechanism whose cues the sentence names most
// (multi-word cues weigh more); on a tie, the one named first, as the
// subject or first object of the recommendation usually names the measure.
// orig is the text as written: a cue inside a proper name ("the Blue
// Line", "Line of Control") names a place, not a measure.
func (e *Extractor) mechanism(low, orig string) (string, []string) {
	best, bestScore, bestAt := "", 0, len(low)
	var bestCues []string
	for _, m := range e.mechs {
		found := m.cues.findLower(low, orig)
		if len(found) == 0 {
			continue
		}
		score := 0
		for _, f := range found {
			score += len(strings.Fields(f))
		}
		at := m.cues.index(low)
		if score > bestScore || score == bestScore && at < bestAt {
			best, bestScore, bestAt, bestCues = m.name, score, at, found
		}
	}
	return best, bestCues
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// summary is the recommended measure: the words after the recommending
// cue without the cue, or, when the cue is "is needed" and the like, the
// subject before it.
func summary(s string, at int) string {
	out := s
	if at > 0 && at < len(s) {
		before := strings.TrimSpace(s[:at])
		rest := strings.TrimSpace(s[at:])
		if m := needCue.FindStringIndex(rest); m != nil && m[0] == 0 && len(strings.Fields(before)) >= 3 {
			// "A direct line between the staffs is needed": the measure is
			// the subject; drop an opening adverbial ("In this respect,")
			// and a closing relative clause (", who enjoy ...").
			if m := npStart.FindAllStringIndex(before, -1); len(m) > 0 {
				before = before[m[len(m)-1][0]+2:]
			} else if k := strings.LastIndex(before, ", "); k >= 0 && len(strings.Fields(before[k+2:])) >= 3 {
				before = before[k+2:]
			}
			if k := relTail.FindStringIndex(before); k != nil {
				before = before[:k[0]]
			}
			out = strings.TrimSuffix(strings.TrimSuffix(before, " is"), " are")
		} else if len(strings.Fields(rest)) >= 4 {
			// "Iran and the U.S. should establish a line": the measure is
			// what follows the recommending words.
			out = leadCue.ReplaceAllString(rest, "")
		}
	}
	out = strings.TrimRight(strings.TrimSpace(out), ".")
	if out != "" {
		out = strings.ToUpper(out[:1]) + out[1:]
	}
	return out
}

var (
	needCue = regexp.MustCompile(`(?i)^((is |are )?(needed|necessary|essential|vital|critical|required)|(could|would|will) be (helpful|useful|wise|better|valuable|needed))\b`)
	npStart = regexp.MustCompile(`, (the|a|an) `)
	relTail = regexp.MustCompile(`, (who|which|that|whose) `)
	leadCue = regexp.MustCompile(`(?i)^((should|must|ought to|need to|needs to|could|would|can|will)( also| now| first| then| still)?( be used to| help| have to)?\s+|(it is time|it's time|it’s time)( for [^,]+? to)?\s+|(we )?(recommend|propose|urge)(s|d)?( that)?\s+|(it )?(is|are)( also)? (important|essential|vital|critical|necessary)( for [^,]+?)? to\s+)`)
)
