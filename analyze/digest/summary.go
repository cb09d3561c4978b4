package digest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brief-tool/brief/analyze"
)

// act says how an incident type reads when the trigger is not known, or
// reads as a noun: the noun for the event, the preposition that introduces
// its target, whether agents and targets are the two sides of it ("a clash
// between India and China"), and the preposition for its place.
type act struct {
	noun, target string
	mutual       bool
	place        string
	by           string // before the agents: "by", or "involving" for an event nobody did
	intransitive bool   // nothing is acted on: an object the extractor found is not kept
	object       string // before the object after the type's noun ("attack on"), "" for none
}

// acts gives every incident type of the contract its wording; a type
// outside the list reads as "other".
var acts = map[string]act{
	"attack":        {noun: "attack", target: "on", place: "in", object: "on"},
	"shootdown":     {noun: "shootdown", target: "against", place: "over", object: "of"},
	"seizure":       {noun: "seizure", target: "from", place: "in", object: "of"},
	"interception":  {noun: "interception", target: "of", place: "over", object: "of"},
	"strike":        {noun: "strike", target: "on", place: "in", object: "on"},
	"clash":         {noun: "clash", mutual: true, place: "in", intransitive: true},
	"collision":     {noun: "collision", mutual: true, place: "in", intransitive: true},
	"deployment":    {noun: "deployment", target: "against", place: "to", object: "of"},
	"threat":        {noun: "threat", target: "against", place: "in", object: "against"},
	"sanction":      {noun: "sanctions", target: "on", place: "in", object: "on"},
	"cooperation":   {noun: "cooperation", mutual: true, place: "in"},
	"communication": {noun: "contact", mutual: true, place: "in"},
	"other":         {noun: "incident", mutual: true, place: "in", by: "involving"},
}

func (a act) byWord() string {
	if a.by == "" {
		return "by"
	}
	return a.by
}

// summarize composes an incident's summary from its fields: who did what
// to what, where and when ("Iran shot down a U.S. RQ-4A drone over the
// Strait of Hormuz, 20 June 2019"). With a verb trigger and an object the
// clause is active; otherwise it is built on a noun, the trigger's or the
// type's ("Seizure of the Stena Impero by Iran", "Attack by Jaish-e-Mohammed
// on India in Kashmir, 14 February 2019"). verb says whether the trigger
// is a verb in the text; place is the location as the clause should write
// it ("the Strait of Hormuz"). It never cuts the sentence, never ends in a
// function word and names the agents whenever the incident has some.
func summarize(in analyze.Incident, n *namer, pos string, place string) string {
	a, ok := acts[in.Type]
	if !ok {
		a = acts["other"]
	}
	s := clause(in, n, a, pos)
	if place != "" {
		s += " " + a.place + " " + place
	}
	if d := DateWords(in.Date, in.DatePrecision); d != "" {
		s += ", " + d
	} else if dt := strings.TrimSpace(in.DateText); dt != "" && !endsInFunctionWord(dt) {
		s += ", " + dt
	}
	return upperFirst(s)
}

// clause is the summary's act: "Iran shot down a drone", "a drone was shot
// down", "talks between Iran and the United States", "a seizure by Iran".
func clause(in analyze.Incident, n *namer, a act, pos string) string {
	agents, targets := n.list(in.Agents), n.list(in.Targets)
	trigger := strings.ToLower(strings.TrimSpace(in.Trigger))
	object := withArticle(trimFunction(strings.TrimSpace(in.Object)))
	if a.intransitive {
		object = ""
	}
	switch {
	case (pos == posVerb || pos == posParticiple) && trigger != "" && agents != "" && object != "":
		return agents + " " + trigger + " " + object
	case pos == posParticiple && trigger != "" && object != "" && !a.mutual:
		// Nobody named: the passive keeps what was done to what.
		be := " was "
		if plural(object) {
			be = " were "
		}
		s := object + be + trigger
		if targets != "" && a.target != "" {
			s += " " + a.target + " " + targets
		}
		return s
	case a.mutual && agents != "":
		sides := n.list(append(append([]string{}, in.Agents...), in.Targets...))
		s := nounOf(a, trigger, pos, "")
		if len(in.Agents)+len(in.Targets) > 1 && strings.Contains(sides, " and ") && a.by == "" {
			return s + " between " + sides
		}
		return s + " " + a.byWord() + " " + sides
	}
	s := nounOf(a, trigger, pos, object)
	if agents != "" {
		s += " " + a.byWord() + " " + agents
	}
	if targets != "" && object == "" && a.target != "" {
		s += " " + a.target + " " + targets
	} else if targets != "" && object == "" {
		s += " with " + targets
	}
	return s
}

// nounOf is the head of a noun clause: the trigger when it is a noun of
// one word ("seizure of the Stena Impero"), else the type's noun with the
// preposition it takes ("attack on a convoy"); then the object, when
// there is one and the head can take it. After a verb trigger, the
// object goes with "of" only ("seized a tanker": "seizure of a tanker"):
// what a verb acts on ("fired 59 missiles") need not be what an "attack
// on" or a "strike on" hits.
func nounOf(a act, trigger, pos, object string) string {
	if trigger != "" && pos == posNoun && !strings.Contains(trigger, " ") {
		if object != "" && !a.mutual {
			return trigger + " of " + object
		}
		return trigger
	}
	verb := pos == posVerb || pos == posParticiple
	if object != "" && a.object != "" && (!verb || a.object == "of") {
		return a.noun + " " + a.object + " " + object
	}
	return a.noun
}

// plural guesses whether a noun phrase is plural from its last word.
func plural(np string) bool {
	w := strings.ToLower(lastWord(np))
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasPrefix(strings.ToLower(np), "two ") ||
		strings.Contains(np, " and ")
}

// withArticle gives a bare singular noun ("drone", as an extractor may
// keep only the head) the indefinite article a clause needs.
func withArticle(object string) string {
	if object == "" || strings.Contains(object, " ") || strings.HasSuffix(object, "s") {
		return object
	}
	r, _ := utf8.DecodeRuneInString(object)
	if !unicode.IsLower(r) {
		return object // a name: "Taipei", "Grace 1"
	}
	if strings.ContainsRune("aeiou", r) {
		return "an " + object
	}
	return "a " + object
}

// trimFunction drops function words from the end of a phrase ("a drone
// that" -> "a drone").
func trimFunction(s string) string {
	f := strings.Fields(s)
	for len(f) > 0 && function[strings.ToLower(strings.Trim(f[len(f)-1], ".,;:"))] {
		f = f[:len(f)-1]
	}
	return strings.Trim(strings.Join(f, " "), ",;:")
}

// DateWords writes an ISO date at its precision: "20 June 2019", "June
// 2019", "2019"; "" when it is not one.
func DateWords(date, precision string) string {
	layouts := map[string][2]string{
		"day":   {"2006-01-02", "2 January 2006"},
		"month": {"2006-01", "January 2006"},
		"year":  {"2006", "2006"},
	}
	l, ok := layouts[precision]
	if !ok {
		return ""
	}
	t, err := time.Parse(l[0], date)
	if err != nil {
		return ""
	}
	return t.Format(l[1])
}

// placeWords writes a location as a clause needs it: with "the" when the
// text writes it so ("the Strait of Hormuz", "Syria", "international
// waters").
func placeWords(text, loc string) string {
	loc = strings.TrimSpace(loc)
	if loc == "" || strings.HasPrefix(strings.ToLower(loc), "the ") {
		return loc
	}
	if r := loc[0]; r >= 'a' && r <= 'z' {
		return loc
	}
	// Most of the times the text names it, it writes "the" before it.
	lower, l := strings.ToLower(text), strings.ToLower(loc)
	with, all := 0, 0
	for i := 0; ; {
		j := strings.Index(lower[i:], l)
		if j < 0 {
			break
		}
		k := i + j
		i = k + len(l)
		if i < len(lower) && (unicode.IsLetter(rune(lower[i])) || unicode.IsDigit(rune(lower[i]))) {
			continue // "Syrian" is not "Syria"
		}
		all++
		if k >= 4 && lower[k-4:k] == "the " {
			with++
		}
	}
	if 2*with > all {
		return "the " + loc
	}
	return loc
}

// The parts of speech of a trigger that matter to a summary.
const (
	posVerb       = "verb"       // a finite verb: "Iran seized a tanker"
	posParticiple = "participle" // a past participle: "a tanker was seized"
	posNoun       = "noun"       // a noun that can head the clause: "seizure of a tanker"
	posNone       = ""           // neither (an infinitive, a gerund): the type's noun heads
)

// triggerPOS says what the incident's trigger is in its sentence, by the
// tag of its first token. Without tokens (an analysis read back from JSON)
// a trigger reads as a verb when its first word has the form of a past
// tense, else as a noun.
func triggerPOS(a *analyze.Analysis, in analyze.Incident) string {
	first := strings.Fields(strings.ToLower(in.Trigger))
	if len(first) == 0 {
		return posNone
	}
	if in.Sentence >= 0 && in.Sentence < len(a.Sentences) {
		for _, t := range a.Sentences[in.Sentence].Tokens {
			if strings.EqualFold(t.Text, first[0]) {
				switch t.Tag {
				case "VBN":
					return posParticiple
				case "VBD", "VBZ", "VBP":
					return posVerb
				case "NN", "NNS":
					return posNoun
				}
				return posNone
			}
		}
	}
	if strings.HasSuffix(first[0], "ed") || pastTense[first[0]] {
		return posVerb
	}
	return posNoun
}

// pastTense are irregular past forms of the event verbs.
var pastTense = map[string]bool{
	"shot": true, "struck": true, "hit": true, "fought": true, "held": true, "took": true,
	"sank": true, "sunk": true, "threw": true, "blew": true, "brought": true, "cut": true,
	"met": true, "spoke": true, "sent": true, "flew": true, "broke": true,
}
