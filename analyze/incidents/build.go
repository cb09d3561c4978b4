package incidents

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/dates"
	"github.com/brief-tool/brief/analyze/rules"
)

// event is an incident as read from one sentence, before restatements are
// merged.
type event struct {
	analyze.Incident
	trigger int // the trigger's first token
	// definite marks a noun with a definite article ("the collision"),
	// which refers back to an incident told before.
	definite bool
	// directed keeps agent and target apart where the type has both sides
	// act ("agreed not to shell the port").
	directed bool
	// indefinite marks a noun with "a" or "an": a new referent.
	indefinite bool
	// again marks a new occurrence ("fought again", "another collision").
	again bool
	// retaliation marks an answer to another act, a new event.
	retaliation bool
	// head is the lower-case head word of the object ("tanker");
	// ownObject marks an object that refers back with a possessive
	// pronoun ("its crew").
	head      string
	ownObject bool
	// elaborates marks a participle after a comma, which tells more of
	// the act before it ("..., holding its crew"), or a noun that names
	// the act a verb before it took part in ("killed in an attack").
	elaborates bool
	// casualty marks people killed or wounded, told in the passive ("six
	// sailors were wounded"): what the act told beside it did.
	casualty bool
	// coordinated marks a verb after "and" that shares the subject of the
	// verb before it ("by downgrading ties and expelling the envoy").
	coordinated bool
	// agentSides and targetSides are the states of the agents and
	// targets: a navy and its state are one side.
	agentSides, targetSides []string
}

// setSides records the states of the event's agents and targets.
func (e *event) setSides(country map[string]string) {
	side := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			s := country[id]
			if s == "" {
				s = id
			}
			out = appendUnique(out, s)
		}
		return out
	}
	e.agentSides, e.targetSides = side(e.Agents), side(e.Targets)
}

// build reads an incident from a rule's match.
func (e *Extractor) build(v *rules.View, h *rules.Hit, sides []string) (event, bool) {
	tf, tt := h.Trigger(e.set)
	typ := h.Rule.Emit["type"]
	if typ == "$trigger" {
		if typ = e.set.Attr(v, tf, tt, "type"); typ == "" {
			typ = e.set.AttrOver(v, tf, "type")
		}
	}
	if typ == "" {
		return event{}, false
	}
	s := v.S
	ev := event{trigger: tf}
	ev.Type = typ
	ev.Sentence, ev.Section, ev.Evidence = s.Index, s.Section, s.Text
	ev.Trigger = v.Words(tf, tt)
	ev.Cues = []string{strings.ToLower(ev.Trigger)}
	ev.Rule = h.Rule.Name
	ev.Guards = append([]string(nil), h.Rule.Unless...)
	of, ot, ok := h.Capture(e.set, "object")
	if !ok {
		of, ot = objectSpan(v, tt)
	}
	if ot > of {
		ev.Object = v.Words(of, ot)
		ev.head = strings.ToLower(v.Tok(ot - 1).Lemma)
		ev.ownObject = v.Tok(of).Tag == "PRP$"
	}
	ev.elaborates = v.Tok(tf).Tag == "VBG" && tf > 0 && v.Tok(tf-1).Text == "," || circumstance(v, tf)
	ev.casualty = v.Tok(tf).Tag == "VBN" && v.Is(tf, "casualty.verb") || strings.HasPrefix(v.Tok(tf).Tag, "NN") && v.Is(tf, "outcome.noun")
	ev.coordinated = (&roleCtx{v: v, tf: tf, tt: tt}).sharedSubject() >= 0
	ev.definite, ev.indefinite = articles(v, tf)
	ev.again = sentenceHas(v, "again")
	ev.retaliation = sentenceHas(v, "retaliation")
	sym := e.symmetric[typ] && h.Rule.Emit["symmetric"] != "false"
	ev.directed = e.symmetric[typ] && !sym
	ev.Agents, ev.Targets = e.sides(v, h, tf, tt, sym, sides)
	if len(ev.Agents) == 0 && !strings.HasPrefix(v.Tok(tf).Tag, "NN") && (pronounSubject(v, tf) || possessiveSubject(v, tf)) {
		ev.Agents = []string{pronounAgent}
	}
	ev.setSides(countries(v.A))
	e.date(v, &ev, tf, tt)
	if ev.indefinite && ev.Date == "" && orderedDefinite(v, tf) {
		// Without a date of its own, "the latest skirmish" may be the
		// one told before.
		ev.definite, ev.indefinite = true, false
	}
	ev.Location = location(v)
	ev.Quantities = quantities(v)
	ev.Summary = summary(v, tf, tt)
	conf := 0.5
	if !strings.HasPrefix(v.Tok(tf).Tag, "NN") {
		conf += 0.15
	}
	if ev.Date != "" {
		conf += 0.1
	}
	if len(ev.Agents) > 0 {
		conf += 0.15
	}
	ev.Confidence = math.Round(conf*100) / 100
	return ev, true
}

// articles reports whether a noun trigger's phrase opens with a definite
// article or demonstrative ("the collision", "this seizure": it refers
// back) or an indefinite one ("a tougher message": a new one). A
// superlative of order makes "the" single out a new occurrence ("the last
// talks took place on 5 June"); Extract keeps that only with a date.
func articles(v *rules.View, tf int) (definite, indefinite bool) {
	if !strings.HasPrefix(v.Tok(tf).Tag, "NN") {
		return false, false
	}
	for k := tf - 1; k >= 0 && k >= tf-4; k-- {
		switch v.Tok(k).Lemma {
		case "the", "this", "that", "these", "those":
			if orderedDefinite(v, tf) {
				// "the last talks took place on 5 June": an occurrence
				// singled out, not the one told before.
				return false, true
			}
			return true, false
		case "a", "an":
			return false, true
		}
		t := v.Tok(k).Tag
		if !strings.HasPrefix(t, "JJ") && !strings.HasPrefix(t, "NN") && t != "CD" && t != "VBN" {
			return false, false
		}
	}
	return false, false
}

// orderedDefinite reports "the" and a superlative of order before a noun
// trigger: "the last talks", "the first clash".
func orderedDefinite(v *rules.View, tf int) bool {
	for k := tf - 1; k >= 0 && k >= tf-4; k-- {
		if v.Is(k, "order.adj") {
			return true
		}
		if l := v.Tok(k).Lemma; l == "the" || l == "a" || l == "an" {
			return false
		}
	}
	return false
}

func sentenceHas(v *rules.View, class string) bool {
	for i := 0; i < v.Len(); i++ {
		if v.Is(i, class) {
			return true
		}
	}
	return false
}

// sides reads agents and targets: the rule's captures first, then its role
// policy; "between X and Y" and "both sides" where both act.
func (e *Extractor) sides(v *rules.View, h *rules.Hit, tf, tt int, sym bool, main []string) (agents, targets []string) {
	c := &roleCtx{v: v, tf: tf, tt: tt, country: countries(v.A)}
	pol := policies[h.Rule.Emit["roles"]]
	if pol == nil {
		pol = auto
	}
	agents, targets = pol(c)
	if sp := reportedSpeaker(v, tf); sp != "" {
		// "Russia said it used bombs ... to force a British destroyer
		// away": the pronoun is the speaker, whatever the policy read.
		agents = []string{sp}
		targets = slices.DeleteFunc(targets, func(id string) bool { return id == sp })
	}
	if f, t, ok := h.Capture(e.set, "agent"); ok {
		agents = idsIn(v, f, t)
	}
	if f, t, ok := h.Capture(e.set, "target"); ok {
		targets = idsIn(v, f, t)
	}
	if pair := c.betweenPair(); pair != nil && (sym || len(agents) == 0) {
		agents, targets = pair, nil
	}
	if found, subject := c.bothSides(); found && (sym && len(agents) < 2 || subject && len(agents) == 0) {
		pair := c.recentPair(e.set.Views(v.A))
		if pair == nil {
			pair = main
		}
		for _, id := range pair {
			agents = appendUnique(agents, id)
		}
	}
	if sym {
		for _, id := range targets {
			agents = appendUnique(agents, id)
		}
		for _, id := range c.withParties() {
			agents = appendUnique(agents, id)
		}
		targets = nil
	}
	// A target on the agent's own side is a misreading ("the minister
	// warned that his country may respond").
	side := func(id string) string {
		if s := c.country[id]; s != "" {
			return s
		}
		return id
	}
	var tg []string
	for _, id := range targets {
		own := contains(agents, id)
		for _, ag := range agents {
			own = own || side(ag) == side(id)
		}
		if !own {
			tg = appendUnique(tg, id)
		}
	}
	var ag []string
	for _, id := range agents {
		ag = appendUnique(ag, id)
	}
	return ag, tg
}

// countries maps each actor id to its state.
func countries(a *analyze.Analysis) map[string]string {
	return a.Memo(countriesKey{}, func() any {
		out := map[string]string{}
		for _, ac := range a.Actors {
			if ac.Kind == analyze.KindState {
				out[ac.ID] = ac.ID
			} else {
				out[ac.ID] = ac.Country
			}
		}
		return out
	}).(map[string]string)
}

type countriesKey struct{}

// idsIn returns the actors named in tokens [from, to).
func idsIn(v *rules.View, from, to int) []string {
	var out []string
	for _, m := range v.Actors {
		if m.From < to && m.To > from {
			out = appendUnique(out, m.Value)
		}
	}
	return out
}

// objectSpan returns the noun phrase right after a verb trigger ending at
// token to: determiners, numbers, adjectives, names and nouns, with a
// particle or "of" phrase ("a U.S. RQ-4A drone", "the crew of the tanker").
func objectSpan(v *rules.View, to int) (int, int) {
	i := to
	for i < v.Len() && v.Tok(i).Tag == "RP" {
		i++
	}
	from := i
	for i < v.Len() && npTag(v.Tok(i).Tag) {
		i++
	}
	last := i
	for last > from && !strings.HasPrefix(v.Tok(last-1).Tag, "NN") && v.Tok(last-1).Tag != "CD" {
		last--
	}
	return from, last
}

func npTag(tag string) bool {
	return tag == "DT" || tag == "CD" || tag == "PRP$" || tag == "POS" || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN")
}

// date takes the date nearest the trigger that is written before the end
// of the trigger's clause (an opening "On June 6," dates what follows).
func (e *Extractor) date(v *rules.View, ev *event, tf, tt int) {
	_, end := v.Clause(tt - 1)
	best := math.MaxInt
	for _, d := range v.Dates {
		if d.From >= end || d.To <= tf && reportBetween(v, d.To, tf) {
			// After the clause, or dating a report of the event ("said
			// on Tuesday that the drone had been intercepted").
			continue
		}
		dist := d.From - tf
		if dist < 0 {
			dist = -dist
		}
		if !v.SameClause(d.From, tf) {
			// "fought in 2018, and seized three boats on November 25":
			// a date of the trigger's own clause first.
			dist += v.Len()
		}
		if dist < best {
			best = dist
			ev.Date, ev.DateText = d.Value, v.A.Doc.Text[d.Start:d.End]
			ev.DatePrecision = precision(d.Value)
		}
	}
}

// reportBetween reports a reporting verb in tokens [from, to).
func reportBetween(v *rules.View, from, to int) bool {
	for k := from; k < to; k++ {
		if v.Is(k, "report.verb") && strings.HasPrefix(v.Tok(k).Tag, "VB") {
			return true
		}
	}
	return false
}

func precision(iso string) string {
	switch len(iso) {
	case 4:
		return "year"
	case 7:
		return "month"
	case 10:
		return "day"
	}
	return ""
}

// circumstance reports a noun trigger at tf in a phrase of circumstance
// right after a verb: "were killed in a missile attack", "died during the
// raid", "was wounded in an ambush".
func circumstance(v *rules.View, tf int) bool {
	if !strings.HasPrefix(v.Tok(tf).Tag, "NN") {
		return false
	}
	k := tf - 1
	for n := 0; k >= 0 && n < 4 && modifierTag(v.Tok(k).Tag); n++ {
		k--
	}
	if k < 1 {
		return false
	}
	switch strings.ToLower(v.Tok(k).Text) {
	case "in", "during":
		return strings.HasPrefix(v.Tok(k-1).Tag, "VB")
	}
	return false
}

// modifierTag reports the tags of words that may stand between a
// preposition and its noun: articles, numbers, adjectives, nouns.
func modifierTag(tag string) bool {
	switch {
	case tag == "DT", tag == "CD", tag == "PRP$":
		return true
	case strings.HasPrefix(tag, "JJ"), strings.HasPrefix(tag, "NN"):
		return true
	}
	return false
}

// location is the first place the sentence names, or a state it puts
// something in ("in Syria", "over Iraq").
func location(v *rules.View) string {
	// A place after "in", "over", "off" first; else one that is neither an
	// owner ("Europe's plan") nor a modifier ("a Gaza ceasefire").
	for _, p := range v.Places {
		if p.From > 0 && v.Is(p.From-1, "locative") {
			return p.Value
		}
	}
	for _, p := range v.Places {
		if p.To < v.Len() && (v.Tok(p.To).Tag == "POS" || strings.HasPrefix(v.Tok(p.To).Tag, "NN") && !strings.HasPrefix(v.Tok(p.To).Tag, "NNP")) {
			continue
		}
		return p.Value
	}
	for _, m := range v.Actors {
		if m.From > 0 && v.Is(m.From-1, "locative") && countries(v.A)[m.Value] == m.Value {
			return v.A.Doc.Text[m.Start:m.End]
		}
	}
	return ""
}

var numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000}

// quantities reads counted things: "2,500 soldiers", "two drones", "23
// crew members": a number, at most two modifiers, and a countable noun of
// the force or casualty classes.
func quantities(v *rules.View) []analyze.Quantity {
	var out []analyze.Quantity
	for i := 0; i < v.Len(); i++ {
		t := v.Tok(i)
		n, ok := number(t)
		if !ok {
			continue
		}
		for k := i + 1; k < v.Len() && k <= i+3; k++ {
			if !v.Is(k, "countable") {
				if npTag(v.Tok(k).Tag) || v.Tok(k).Lemma == "of" {
					continue
				}
				break
			}
			unit := strings.ToLower(v.Tok(k).Text)
			if k+1 < v.Len() && v.Is(k+1, "countable") && strings.HasPrefix(v.Tok(k+1).Tag, "NNS") {
				unit += " " + strings.ToLower(v.Tok(k+1).Text) // "crew members"
			}
			if n >= 1900 && n <= 2100 && !strings.Contains(t.Text, ",") {
				break // a year, not a count
			}
			out = append(out, analyze.Quantity{Value: n, Unit: unit})
			i = k
			break
		}
	}
	return out
}

func number(t analyze.Token) (float64, bool) {
	if n, ok := numberWords[strings.ToLower(t.Text)]; ok {
		return n, true
	}
	if t.Tag != "CD" {
		return 0, false
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
	return n, err == nil
}

// summary is the clause around the trigger: from its subject (or the
// clause start, after any dateline or relative word) to the end of the
// trigger's object.
func summary(v *rules.View, tf, tt int) string {
	from, end := v.Clause(tf)
	if skip := datelineTokens(v); from < skip && skip <= tf {
		from = skip
	}
	if tf-from > 8 {
		from = tf - 8
	}
	for from < tf && v.Is(from, "relation.past") {
		from++
	}
	to := tt
	for to < end && to < tt+10 && v.Tok(to).Tag != "." {
		to++
	}
	out := strings.TrimLeft(v.Words(from, to), "“\"‘'")
	out = strings.TrimRight(out, " ,;:—–")
	if out != "" {
		out = strings.ToUpper(out[:1]) + out[1:]
	}
	return out
}

// datelineTokens returns the number of tokens of the sentence's news
// dateline ("YEREVAN, May 14 (Reuters) -"), 0 when it has none.
func datelineTokens(v *rules.View) int {
	end, _ := dates.Dateline(v.S.Text)
	if end == 0 {
		return 0
	}
	off := v.S.Start + end
	for i := 0; i < v.Len(); i++ {
		if v.Tok(i).Start >= off {
			return i
		}
	}
	return v.Len()
}
