package incidents

import (
	"sort"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/rules"
)

// A policy reads who acted (agents) and who was acted upon (targets) from
// the sentence around a trigger. Rules name one in emit: roles.
type policy func(c *roleCtx) (agents, targets []string)

var policies = map[string]policy{
	"auto":      auto,
	"active":    active,
	"passive":   passive,
	"nominal":   nominal,
	"owner":     owner,
	"mover":     mover,
	"addressee": addressee,
}

func policyNames() []string {
	out := make([]string, 0, len(policies))
	for n := range policies {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// roleCtx is what a policy reads.
type roleCtx struct {
	v      *rules.View
	tf, tt int // the trigger's tokens
	// country maps actor ids to their state (a state to itself).
	country map[string]string
}

func (c *roleCtx) tok(i int) analyze.Token { return c.v.Tok(i) }

func (c *roleCtx) lower(i int) string {
	if i < 0 || i >= c.v.Len() {
		return ""
	}
	return strings.ToLower(c.v.Tok(i).Text)
}

// placeLike reports whether mention m is a place in its sentence: after
// "in", "over", "near" and the like ("jets struck targets in Syria").
func (c *roleCtx) placeLike(m analyze.Annotation) bool {
	return m.From > 0 && c.v.Is(m.From-1, "locative")
}

// before returns the nearest actor mention ending before the trigger
// within limit tokens that could be its subject: not a place, and not the
// source of a report verb standing between it and the trigger ("France
// said one of the jets fired": France reports, it did not fire).
func (c *roleCtx) before(limit int) (analyze.Annotation, bool) {
	// "a collision that sent the drone into the sea": the subject of a
	// relative clause is the noun before "that", here no actor.
	if k := c.tf - 1; k > 0 && c.v.Is(k, "relation.past") && c.tok(k).Tag != "DT" {
		if _, ok := c.v.ActorAt(k - 1); !ok {
			return analyze.Annotation{}, false
		}
	}
	for k := len(c.v.Actors) - 1; k >= 0; k-- {
		m := c.v.Actors[k]
		if m.To > c.tf || c.tf-m.To > limit {
			continue
		}
		if c.placeLike(m) || c.reportBetween(m.To, c.tf) || c.subordinateBetween(m.To, c.tf) {
			continue
		}
		return m, true
	}
	return analyze.Annotation{}, false
}

// subordinateBetween reports a subordinating conjunction between tokens
// from and to: "the crew were rescued by an Emirati ship, ... since three
// people were killed" opens a clause whose subject follows "since".
func (c *roleCtx) subordinateBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if c.v.Is(k, "conjunction.sub") {
			return true
		}
	}
	return false
}

// reportBetween reports whether a reporting verb between tokens from and
// to introduces the trigger's clause: a verb trigger after one ("said one
// of the jets fired"), or a noun trigger after "that". A noun that is the
// reporting verb's object is the act itself ("announced a blockade").
func (c *roleCtx) reportBetween(from, to int) bool {
	noun := strings.HasPrefix(c.tok(c.tf).Tag, "NN")
	for i := from; i < to; i++ {
		if !c.v.Is(i, "report.verb") || !strings.HasPrefix(c.tok(i).Tag, "VB") {
			continue
		}
		if !noun {
			return true
		}
		for k := i + 1; k < to; k++ {
			if c.lower(k) == "that" {
				return true
			}
		}
	}
	return false
}

// after returns the first actor mention after the trigger within its
// clause and limit tokens, not a place.
func (c *roleCtx) after(limit int) (analyze.Annotation, bool) {
	_, end := c.v.Clause(c.tt - 1)
	for _, m := range c.v.Actors {
		if m.From < c.tt || m.From >= end || m.From-c.tt > limit || c.placeLike(m) {
			continue
		}
		return m, true
	}
	return analyze.Annotation{}, false
}

// afterWord returns the first actor within a few tokens after one of
// words, which follow the trigger within limit tokens.
func (c *roleCtx) afterWord(limit int, words ...string) (analyze.Annotation, bool) {
	for k := c.tt; k < c.v.Len() && k-c.tt <= limit; k++ {
		w := c.lower(k)
		found := false
		for _, x := range words {
			found = found || w == x
		}
		if !found {
			continue
		}
		for _, m := range c.v.Actors {
			if m.From > k && m.From-k <= 4 {
				return m, true
			}
		}
	}
	return analyze.Annotation{}, false
}

// conjoined returns the actors joined to m by "and" or commas before it
// ("India and China", "Presidents X and Y"), m last.
func (c *roleCtx) conjoined(m analyze.Annotation) []string {
	out := []string{m.Value}
	// "the UK-Iran standoff", "U.S.-Russian talks": sides joined in one
	// hyphenated word.
	for _, p := range c.v.Actors {
		if p.From == m.From && p.To == m.To && p.Value != m.Value && !contains(out, p.Value) {
			if p.Start < m.Start {
				out = append([]string{p.Value}, out...)
			} else {
				out = append(out, p.Value)
			}
		}
	}
	cur := m
	for k := len(c.v.Actors) - 1; k >= 0; k-- {
		p := c.v.Actors[k]
		if p.To > cur.From {
			continue
		}
		gap := gapWords(c, p.To, cur.From)
		switch {
		case len(gap) == 0 || allTitles(c, p.To, cur.From):
			// "Azerbaijani President Ilham Aliyev": a modifier of cur.
			cur = p
			continue
		case gap == "and" || gap == "," || gap == ", and" || gap == "&":
			out = append([]string{p.Value}, out...)
			cur = p
			continue
		}
		break
	}
	return out
}

func gapWords(c *roleCtx, from, to int) string {
	var parts []string
	for i := from; i < to; i++ {
		parts = append(parts, c.lower(i))
	}
	return strings.Join(parts, " ")
}

// allTitles reports whether tokens [from, to) are capitalised words (a
// title between a demonym and a name).
func allTitles(c *roleCtx, from, to int) bool {
	if to-from > 3 {
		return false
	}
	for i := from; i < to; i++ {
		t := c.tok(i).Text
		if t == "" || t[0] < 'A' || t[0] > 'Z' {
			return false
		}
	}
	return true
}

// hyphenated returns m with the actors named in the same word ("UK-Iran").
func (c *roleCtx) hyphenated(m analyze.Annotation) []string {
	out := []string{m.Value}
	for _, p := range c.v.Actors {
		if p.From == m.From && p.To == m.To && !contains(out, p.Value) {
			if p.Start < m.Start {
				out = append([]string{p.Value}, out...)
			} else {
				out = append(out, p.Value)
			}
		}
	}
	return out
}

// passiveVoice reports whether a verb trigger is passive: a participle
// after "be" or "get", or right after a noun with no object after it.
func (c *roleCtx) passiveVoice() bool {
	t := c.tok(c.tf)
	if t.Tag != "VBN" && t.Tag != "VBD" {
		return false
	}
	for k := c.tf - 1; k >= 0 && k >= c.tf-3; k-- {
		switch c.tok(k).Lemma {
		case "be", "get":
			return true
		}
		if c.tok(k).Tag != "RB" {
			break
		}
	}
	return c.lower(c.tt) == "by"
}

func auto(c *roleCtx) ([]string, []string) {
	switch {
	case strings.HasPrefix(c.tok(c.tf).Tag, "NN"):
		return nominal(c)
	case c.passiveVoice():
		return passive(c)
	}
	return active(c)
}

// active: the subject before the verb acts on the object after it.
func active(c *roleCtx) (agents, targets []string) {
	subj := c
	if k := c.sharedSubject(); k >= 0 {
		// "fired on three boats and seized them": the second verb's
		// subject is the first's, not the object between them.
		s := *c
		s.tf = k
		subj = &s
	}
	if m, ok := subj.before(20); ok {
		agents = c.conjoined(m)
	} else if m, ok := c.before(20); ok && subj != c {
		agents = c.conjoined(m)
	}
	if m, ok := c.after(12); ok {
		targets = append(targets, m.Value)
	}
	return agents, targets
}

// mover: forces are sent somewhere, not at someone, unless "against".
func mover(c *roleCtx) (agents, targets []string) {
	if m, ok := c.before(20); ok {
		agents = c.conjoined(m)
	}
	if m, ok := c.afterWord(10, "against"); ok {
		targets = append(targets, m.Value)
	}
	return agents, targets
}

// owner: the owner named before the trigger acted ("U.S. troops were
// deployed").
func owner(c *roleCtx) (agents, targets []string) {
	if m, ok := c.before(20); ok {
		agents = append(agents, m.Value)
	}
	return agents, nil
}

// passive: "by X" acts (or the sender "from X"); the subject is the target.
// Without "by", another state named after the verb is the likely actor
// ("detained ... in Iranian waters").
func passive(c *roleCtx) (agents, targets []string) {
	if m, ok := c.afterWord(8, "by"); ok {
		agents = append(agents, m.Value)
	} else if m, ok := c.afterWord(6, "from"); ok {
		agents = append(agents, m.Value)
	} else if m, ok := c.fromBefore(); ok {
		agents = append(agents, m.Value)
	}
	if m, ok := c.before(20); ok && !contains(agents, m.Value) {
		targets = append(targets, m.Value)
	}
	if len(agents) == 0 && len(targets) == 1 {
		for _, m := range c.v.Actors {
			if m.From >= c.tt && c.country[m.Value] == m.Value && m.Value != targets[0] && c.country[targets[0]] != m.Value {
				agents = append(agents, m.Value)
				break
			}
		}
	}
	return agents, targets
}

// fromBefore returns an actor named after "from" before the trigger: "a
// message from Moscow had been received".
func (c *roleCtx) fromBefore() (analyze.Annotation, bool) {
	for _, m := range c.v.Actors {
		if m.To <= c.tf && m.From > 0 && c.lower(m.From-1) == "from" {
			return m, true
		}
	}
	return analyze.Annotation{}, false
}

// nominal: the owner of the noun ("Tehran's seizure", "Chinese
// intercepts") or "by X" acts; "of", "on", "against", "to", "with" name
// the target; without an owner, the subject of the verb the noun is the
// object of ("the navy announced a blockade").
func nominal(c *roleCtx) (agents, targets []string) {
	if m, ok := c.before(6); ok && c.samePhrase(m.To, c.tf) {
		agents = append(agents, c.hyphenated(m)...)
	}
	if m, ok := c.afterWord(6, "by"); ok {
		agents = []string{m.Value}
	}
	if len(agents) == 0 && c.governedByVerb() {
		if m, ok := c.before(20); ok {
			agents = c.conjoined(m)
		}
	}
	if m, ok := c.afterWord(5, "of", "on", "against", "to", "with", "at"); ok && !contains(agents, m.Value) {
		targets = append(targets, m.Value)
	}
	return agents, targets
}

// samePhrase reports whether only a noun phrase's modifiers stand between
// tokens from and to: determiners, adjectives, numbers, names, dates,
// possessive marks.
func (c *roleCtx) samePhrase(from, to int) bool {
	for i := from; i < to; i++ {
		t := c.tok(i)
		switch {
		case t.Tag == "POS" || t.Tag == "DT" || t.Tag == "CD" || strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN"):
		case t.Text == "’s" || t.Text == "'s" || t.Text == "-":
		default:
			return false
		}
	}
	return true
}

// governedByVerb reports whether a verb of its clause comes before the
// noun trigger ("Kennedy announced a blockade", "held talks").
func (c *roleCtx) governedByVerb() bool {
	from, _ := c.v.Clause(c.tf)
	for i := c.tf - 1; i >= from; i-- {
		if strings.HasPrefix(c.tok(i).Tag, "VB") {
			return true
		}
	}
	return false
}

// withParties returns the actors after "with" in the trigger's clause: in
// a meeting or talks, those met with take part too ("a meeting ... with
// officers of the Lebanese army and the Israeli army").
func (c *roleCtx) withParties() []string {
	_, end := c.v.Clause(c.tt - 1)
	var out []string
	for k := c.tt; k < c.v.Len() && k < c.tt+20; k++ {
		if c.lower(k) != "with" {
			continue
		}
		for _, m := range c.v.Actors {
			if m.From > k && m.From <= k+15 && (m.From < end || m.From <= k+15) && !c.placeLike(m) {
				out = appendUnique(out, m.Value)
			}
		}
		break
	}
	return out
}

// bothSides reports "both sides", "the two armed forces", "each other"
// in the sentence, and whether the phrase is the trigger's subject (in
// its clause, before it).
func (c *roleCtx) bothSides() (found, subject bool) {
	for i := 0; i+1 < c.v.Len(); i++ {
		w := c.lower(i)
		if w == "each" && c.lower(i+1) == "other" {
			found = true
			continue
		}
		if w != "both" && !(w == "two" && c.lower(i-1) == "the") {
			continue
		}
		k := i + 1
		for n := 0; n < 2 && k+1 < c.v.Len() && (strings.HasPrefix(c.tok(k).Tag, "JJ") || c.tok(k).Tag == "VBN" || c.tok(k).Tag == "NN"); n++ {
			k++ // "the two armed forces", "both border armies"
		}
		if c.v.Is(k, "side") {
			found = true
			subject = subject || k < c.tf && c.v.SameClause(k, c.tf)
		}
	}
	return found, subject
}

// recentPair returns the two states last named in the sentence before the
// trigger and in the few sentences before it: "the two
// countries" refers to them ("... between Washington and Beijing. In 2014
// the two countries signed a memorandum"), or nil.
func (c *roleCtx) recentPair(views []*rules.View) []string {
	var out []string
	add := func(v *rules.View, to int) {
		for k := len(v.Actors) - 1; k >= 0 && len(out) < 2; k-- {
			m := v.Actors[k]
			if m.To > to {
				continue
			}
			// The state of a navy or a leader, when the state is itself
			// an actor of the document.
			if st := c.country[m.Value]; st != "" && c.country[st] == st {
				out = appendUnique(out, st)
			}
		}
	}
	add(c.v, c.tf)
	si := c.v.S.Index
	for k := si - 1; k >= 0 && k >= si-3 && len(out) < 2; k-- {
		add(views[k], views[k].Len())
	}
	if len(out) < 2 {
		return nil
	}
	out[0], out[1] = out[1], out[0] // in the order the text names them
	return out
}

// betweenPair returns the two actors of a "between X and Y" near the
// trigger.
func (c *roleCtx) betweenPair() []string {
	for k := 0; k < c.v.Len(); k++ {
		if c.lower(k) != "between" || k-c.tt > 8 || c.tf-k > 10 {
			continue
		}
		if both := c.v.BetweenAt(k); both != nil {
			return both
		}
	}
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func appendUnique(ss []string, s string) []string {
	if contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// addressee: what was sent "to X" went unanswered, so X refused to answer;
// the sender, named before, is the target ("Kyiv's calls to the port went
// unanswered").
func addressee(c *roleCtx) (agents, targets []string) {
	for k := len(c.v.Actors) - 1; k >= 0; k-- {
		m := c.v.Actors[k]
		if m.To > c.tf || c.tf-m.To > 12 {
			continue
		}
		if len(agents) == 0 && m.From > 0 && c.lower(m.From-1) == "to" || len(agents) == 0 && m.From > 1 && c.lower(m.From-2) == "to" && c.tok(m.From-1).Tag == "DT" {
			agents = append(agents, m.Value)
			continue
		}
		if len(agents) > 0 && m.Value != agents[0] {
			targets = append(targets, m.Value)
			break
		}
	}
	return agents, targets
}

// sharedSubject returns, for a finite verb or gerund trigger right after
// "and" with no subject of its own ("... and seized them", "by downgrading
// ties and expelling the envoy"), the verb of the same form it is
// coordinated with, whose subject it shares; or -1.
func (c *roleCtx) sharedSubject() int {
	tag := c.tok(c.tf).Tag
	if tag != "VBD" && tag != "VBZ" && tag != "VBP" && tag != "VBG" {
		return -1 // a gerund shares its first gerund's: "by downgrading ties and expelling the envoy"
	}
	j := c.tf - 1
	for j >= 0 && c.tok(j).Tag == "RB" {
		j--
	}
	if j < 1 || c.lower(j) != "and" {
		return -1
	}
	from, _ := c.v.Clause(j - 1)
	for k := j - 1; k >= 0 && k >= j-20; k-- {
		t := c.tok(k)
		if t.Text == ";" || k < from {
			return -1
		}
		// The tagger often reads a past verb after a plural noun as a
		// participle ("gunboats fired"): either form is the first verb.
		if (t.Tag == tag || tag == "VBD" && t.Tag == "VBN") && t.Lemma != "be" && t.Lemma != "have" && t.Lemma != "do" {
			return k
		}
	}
	return -1
}
