package incidents

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/dates"
)

// trigger is a cue found at token i, n tokens long.
type trigger struct {
	typ  string
	i, n int
	noun bool
	// definite is a noun trigger that refers back ("the collision"): it
	// restates an earlier incident rather than reporting a new one.
	definite bool
	// directed keeps agent and target apart even when the type is one
	// where both sides act.
	directed bool
	// tag overrides the tagger's tag of the trigger's first token when it
	// misread a verb as a noun.
	tag string
}

// event is an incident as read from one sentence, before restatements are
// merged.
type event struct {
	analyze.Incident
	// definite marks a noun with a definite article ("the collision"),
	// which refers back to an incident told before.
	definite bool
}

func (e *Extractor) sentence(a *analyze.Analysis, s analyze.Sentence, pub dates.Date, ms []actorMention, top []string) []event {
	toks := s.Tokens
	if strings.HasSuffix(strings.TrimSpace(s.Text), "?") {
		return nil
	}
	var out []event
	var found []dates.Found
	searched := false
	lastVerb := -1
	for i := 0; i < len(toks); i++ {
		t, ok := e.match(toks, i)
		if !ok {
			continue
		}
		// "agreed not to shoot down", "agreed to set up": the event that
		// follows says what was agreed.
		if !t.noun && t.typ == "cooperation" && t.i+t.n < len(toks) && (toks[t.i+t.n].Text == "not" || toks[t.i+t.n].Text == "to") {
			continue
		}
		if !searched {
			// Dates are looked for only in sentences that report something;
			// a news dateline ("YEREVAN, May 14, 2024 —") dates the report,
			// not the event.
			found, searched = dates.FindAll(s.Text, pub), true
			if m := datelineRe.FindStringIndex(s.Text); m != nil {
				var kept []dates.Found
				for _, f := range found {
					if f.Start >= m[1] {
						kept = append(kept, f)
					}
				}
				found = kept
			}
		}
		i += t.n - 1
		typ, ok := e.factual(toks, t, len(found) > 0, ms)
		if !ok {
			continue
		}
		// The object of a reported event is not a second event: "was
		// suspending the memorandum" is a suspension, not an agreement.
		if t.noun && lastVerb >= 0 && t.i-lastVerb <= 3 {
			continue
		}
		if !t.noun {
			lastVerb = t.i + t.n - 1
		}
		// Said over a channel, it is communication: "were warned through
		// the deconfliction line", "was on the line with".
		if overChannel(toks, t.i) && typ != "cooperation" {
			typ = "communication"
		}
		t.directed = typ != t.typ // "agreed not to shoot down" keeps who did it to whom
		t.typ = typ
		in := e.build(a, s, t, ms, found, top)
		out = append(out, event{Incident: in, definite: t.definite})
	}
	return out
}

// datelineRe matches a news dateline: "YEREVAN, May 14, 2024 — ",
// "WASHINGTON (Reuters) - ".
var datelineRe = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,40}(,[^—–-]{4,30}|\s*\([^)]{2,40}\))\s*[—–-]\s`)

var wordRe = regexp.MustCompile(`^[\p{L}'’-]+$`)

// match finds a verb or noun cue at token i.
func (e *Extractor) match(toks []analyze.Token, i int) (trigger, bool) {
	tag := toks[i].Tag
	isVerb := strings.HasPrefix(tag, "VB")
	isNoun := strings.HasPrefix(tag, "NN")
	// The tagger reads some past tenses as nouns ("a J-11 flew/NN within",
	// "Austin spoke/NN by phone"): an inflected verb form whose base form
	// differs is still a verb.
	misread := false
	if isNoun && pastForm(toks[i]) {
		isVerb, misread = true, true
	}
	// "shooting down of", "the downing of": gerunds used as nouns.
	if tag == "VBG" && i > 0 && (toks[i-1].Lemma == "the" || toks[i-1].Tag == "POS" || toks[i-1].Tag == "PRP$") {
		isVerb, isNoun = false, true
	}
	if isVerb {
		for _, c := range e.verbs {
			if n := seq(toks, i, c.words); n > 0 {
				if misread && len(c.words) == 1 && !nextIsPrep(toks, i+n) {
					continue
				}
				if objs := e.objects[c.typ]; objs != nil && !hasObject(toks, i, n, objs) {
					continue
				}
				if objs := e.verbObjects[strings.Join(c.words, " ")]; objs != nil && !hasObject(toks, i, n, objs) {
					continue
				}
				t := trigger{typ: c.typ, i: i, n: n}
				if misread {
					t.tag = "VBD"
				}
				return t, true
			}
		}
	}
	// A multi-word verb cue is evidence enough whatever the tag: "cut/NN
	// in front of".
	if !isVerb && isNoun {
		for _, c := range e.verbs {
			if len(c.words) < 2 {
				continue
			}
			if n := seq(toks, i, c.words); n > 0 && i > 0 && !strings.HasPrefix(toks[i-1].Tag, "DT") && toks[i-1].Tag != "IN" {
				return trigger{typ: c.typ, i: i, n: n, tag: "VBD"}, true
			}
		}
	}
	if isNoun || isVerb {
		for _, c := range e.nouns {
			if n := seq(toks, i, c.words); n > 0 {
				if isVerb && n == 1 {
					continue // a one-word noun cue read as a verb is the verb's business
				}
				def := i > 0 && (toks[i-1].Lemma == "the" || toks[i-1].Lemma == "this" || toks[i-1].Lemma == "that")
				return trigger{typ: c.typ, i: i, n: n, noun: true, definite: def}, true
			}
		}
	}
	return trigger{}, false
}

// seq matches cue words against tokens from i by lemma (or text, for
// particles) and returns how many tokens matched.
func seq(toks []analyze.Token, i int, words []string) int {
	k := i
	for j, w := range words {
		// "shoot down" and "shoot-down" and "shootdown" all occur.
		if k >= len(toks) {
			return 0
		}
		tw := strings.ToLower(toks[k].Text)
		if toks[k].Lemma != w && tw != w {
			// Allow a pronoun or a few modifiers between a verb and the
			// rest of its cue: "shot it down", "fired 59 Tomahawk missiles".
			if j > 0 {
				skip := k
				for skip < len(toks) && skip < k+3 && (toks[skip].Tag == "PRP" || toks[skip].Tag == "DT" || toks[skip].Tag == "CD" || toks[skip].Tag == "JJ" || toks[skip].Tag == "NNP") {
					skip++
				}
				if skip > k && skip < len(toks) && (toks[skip].Lemma == w || strings.ToLower(toks[skip].Text) == w) {
					k = skip + 1
					continue
				}
			}
			return 0
		}
		k++
	}
	return k - i
}

// hasObject reports whether one of objs follows the verb at i (n tokens
// long), or, for a passive participle, comes before it ("troops were
// deployed", "a message had been received").
func hasObject(toks []analyze.Token, i, n int, objs map[string]bool) bool {
	if toks[i].Tag == "VBN" {
		for k := i - 1; k >= 0 && k >= i-6; k-- {
			if objs[toks[k].Lemma] || objs[strings.ToLower(toks[k].Text)] {
				return true
			}
			if toks[k].Text == "," || toks[k].Text == ";" {
				break
			}
		}
	}
	from := i + n
	for k := from; k < len(toks) && k < from+7; k++ {
		if objs[toks[k].Lemma] || objs[strings.ToLower(toks[k].Text)] {
			return true
		}
		if toks[k].Text == "." || toks[k].Text == ";" {
			return false
		}
	}
	return false
}

var be = map[string]bool{"be": true, "is": true, "was": true, "were": true, "been": true, "being": true, "are": true, "am": true}

// factual decides whether a trigger reports something that happened, and
// the type it then has.
func (e *Extractor) factual(toks []analyze.Token, t trigger, dated bool, ms []actorMention) (string, bool) {
	typ := t.typ
	// Conditions anywhere before the trigger: "if the U.S. stops a ship".
	for k := 0; k < t.i; k++ {
		if e.cond[strings.ToLower(toks[k].Text)] && toks[k].Tag != "MD" {
			return "", false
		}
	}
	back := func(n int) []analyze.Token {
		from := t.i - n
		if from < 0 {
			from = 0
		}
		seg := toks[from:t.i]
		// Stop at clause punctuation.
		for k := len(seg) - 1; k >= 0; k-- {
			if seg[k].Text == "," || seg[k].Text == ";" || seg[k].Text == ":" || seg[k].Text == "—" {
				return seg[k+1:]
			}
		}
		return seg
	}
	if t.noun {
		// A noun in a clause with a modal is a possibility: "a collision
		// could escalate", "the memorandum should be extended".
		if clauseHasModal(toks, t.i) {
			return "", false
		}
		// A bare plural is a generalisation: "seizures breed seizures";
		// unless a modifier, a date or two sides anchor it ("rocket
		// attacks", "meetings ... between U.S. and Chinese officials").
		if toks[t.i].Tag == "NNS" && !dated && !between(toks[t.i:min(len(toks), t.i+t.n+6)], ms) && (t.i == 0 || !(toks[t.i-1].Tag == "DT" || toks[t.i-1].Tag == "PRP$" || toks[t.i-1].Tag == "POS" || toks[t.i-1].Tag == "CD" || strings.HasPrefix(toks[t.i-1].Tag, "NN") || strings.HasPrefix(toks[t.i-1].Tag, "JJ"))) {
			return "", false
		}
		for _, tk := range back(3) {
			w := strings.ToLower(tk.Text)
			if e.hypo[w] || e.hypo[tk.Lemma] || e.neg[w] || e.modal[w] {
				return "", false
			}
		}
		// The object of a purpose ("to confirm the release", "to discuss an
		// agreement") is the subject of talk, not an event told.
		for k := t.i - 1; k >= 1 && k >= t.i-3; k-- {
			if toks[k].Tag == "VB" && toks[k-1].Tag == "TO" {
				return "", false
			}
		}
		// A noun modifying another noun names a kind of thing, not an
		// event: "contact zone", "attack plans", "strike group".
		// ("Chinese intercept techniques" still reports Chinese intercepts.)
		j := t.i + t.n
		for j < len(toks) && strings.ContainsAny(toks[j].Text, "“”\"'’‘") && len(toks[j].Text) <= 3 {
			j++
		}
		// (The tagger reads some nouns next to curly quotes as numbers.)
		if j < len(toks) && (toks[j].Tag == "NN" || toks[j].Tag == "NNS" || toks[j].Tag == "CD" && wordRe.MatchString(toks[j].Text)) && !(t.i > 0 && mentionEndsAt(ms, toks[t.i-1].End)) {
			return "", false
		}
		if t.definite {
			return typ, true
		}
		// A bare noun is an event only when something anchors it: a date,
		// a possessive owner, an actor it is "of"/"by"/"between", or a
		// past-tense verb it is the object of ("reached an agreement").
		if dated || possessiveBefore(toks, t.i) || actorAfter(toks, t.i+t.n, ms) || between(toks[t.i:min(len(toks), t.i+t.n+6)], ms) || pastVerbBefore(toks, t.i) || pastRelative(toks, t.i+t.n) {
			return typ, true
		}
		return "", false
	}
	// Verbs.
	// "warned that the line would not replace a treaty" reports speech; a
	// threat warns of force ("warned that it would respond", "... would be
	// tracked as targets").
	if toks[t.i].Lemma == "warn" && t.typ == "threat" {
		for k := t.i + 1; k < len(toks) && k <= t.i+4; k++ {
			if strings.EqualFold(toks[k].Text, "that") && !hostile.MatchString(strings.ToLower(spanText(toks[k:]))) {
				return "", false
			}
		}
	}
	// "called the attack unprovoked" is a verdict, not a call: a call is
	// to someone ("called Putin", "called his counterpart") or "with" them.
	if toks[t.i].Lemma == "call" && typ == "communication" && !calledSomeone(toks, t.i+t.n, ms) {
		return "", false
	}
	pre := back(4)
	for k := len(pre) - 1; k >= 0; k-- {
		w := strings.ToLower(pre[k].Text)
		if e.neg[w] {
			// "agreed not to shoot down" is cooperation.
			if k >= 1 && (pre[k-1].Lemma == "agree" || pre[k-1].Lemma == "pledge" || pre[k-1].Lemma == "promise" || pre[k-1].Lemma == "commit") {
				return "cooperation", true
			}
			return "", false
		}
		if e.modal[w] || pre[k].Tag == "MD" {
			return "", false
		}
	}
	tag := toks[t.i].Tag
	if t.tag != "" {
		tag = t.tag
	}
	if t.i > 0 && toks[t.i-1].Text == "to" {
		gov := ""
		for k := t.i - 2; k >= 0 && k >= t.i-4; k-- {
			if strings.HasPrefix(toks[k].Tag, "VB") {
				gov = toks[k].Lemma
				break
			}
		}
		switch gov {
		case "threaten", "vow", "warn":
			return "threat", true
		case "agree", "pledge", "promise", "commit":
			return "cooperation", true
		case "decide", "order", "begin", "start", "continue", "move", "use", "go":
			return typ, true
		}
		return "", false
	}
	switch tag {
	case "VBD":
		return typ, true
	case "VBN":
		// "was shot down", "had seized", or a participle after a noun;
		// not an adjective ("an agreed vocabulary") nor a present passive
		// without a date ("when a ship is detained").
		if t.i > 0 && (toks[t.i-1].Tag == "DT" || toks[t.i-1].Tag == "PRP$") {
			return "", false
		}
		if t.i > 0 && (toks[t.i-1].Text == "is" || toks[t.i-1].Text == "are" || toks[t.i-1].Text == "be") && !dated {
			return "", false
		}
		return typ, true
	case "VBZ", "VBP":
		// Present tense reports news ("Iran seizes tanker") only with a date.
		if dated {
			return typ, true
		}
		return "", false
	case "VBG":
		if t.i > 0 && (toks[t.i-1].Text == "was" || toks[t.i-1].Text == "were" || toks[t.i-1].Text == "been") {
			return typ, true
		}
		// "the Soviet Union building missile sites", "Putin conversing":
		// an actor doing it, reported as a scene.
		if t.i > 0 && mentionEndsAt(ms, toks[t.i-1].End) {
			return typ, true
		}
		// "began bombing", "responded by expelling": an aspect verb or a
		// past main verb carries the tense.
		if t.i > 0 {
			switch toks[t.i-1].Lemma {
			case "begin", "start", "continue", "resume", "keep":
				if toks[t.i-1].Tag == "VBD" || toks[t.i-1].Tag == "VBN" {
					return typ, true
				}
			case "by":
				for k := t.i - 2; k >= 0; k-- {
					if toks[k].Tag == "VBD" {
						return typ, true
					}
				}
			}
		}
		return "", false
	case "VB":
		if t.i > 0 && (toks[t.i-1].Lemma == "do" || toks[t.i-1].Text == "did") {
			return typ, true
		}
		return "", false
	}
	return "", false
}

// samePhrase reports whether only a noun phrase's modifiers (determiners,
// adjectives, numbers, names, dates, possessive marks) lie between byte
// offsets from and to.
func samePhrase(toks []analyze.Token, from, to int) bool {
	for _, t := range toks {
		if t.Start < from || t.End > to {
			continue
		}
		switch {
		case t.Tag == "POS" || t.Tag == "DT" || t.Tag == "CD" || strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NNP"):
		case t.Text == "’s" || t.Text == "'s" || t.Text == "-":
		default:
			return false
		}
	}
	return true
}

var channelRe = regexp.MustCompile(`(?i)^(through|over|via|on|by) (the|a|their|its) (deconfliction |de-confliction |military |direct |secure )?(line|hotline|channel|link|telephone|phone)\b|^by (telephone|phone)\b`)

// overChannel reports whether the words after token i say the act went
// through a communication channel.
func overChannel(toks []analyze.Token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+5; k++ {
		rest := make([]string, 0, 5)
		for j := k; j < len(toks) && j < k+5; j++ {
			rest = append(rest, toks[j].Text)
		}
		if channelRe.MatchString(strings.Join(rest, " ")) {
			return true
		}
	}
	return false
}

// clauseBreak words and marks end a clause.
var clauseBreak = map[string]bool{",": true, ";": true, ":": true, "—": true, "–": true, "(": true, ")": true,
	"that": true, "how": true, "whether": true, "if": true, "when": true, "because": true, "while": true,
	"which": true, "who": true, "but": true, "although": true, "though": true, "unless": true}

// clauseHasModal reports whether the clause around token i has a modal verb.
func clauseHasModal(toks []analyze.Token, i int) bool {
	for k := i - 1; k >= 0 && !clauseBreak[strings.ToLower(toks[k].Text)]; k-- {
		if toks[k].Tag == "MD" {
			return true
		}
	}
	for k := i + 1; k < len(toks) && !clauseBreak[strings.ToLower(toks[k].Text)]; k++ {
		if toks[k].Tag == "MD" {
			return true
		}
	}
	return false
}

func calledSomeone(toks []analyze.Token, i int, ms []actorMention) bool {
	if i >= len(toks) {
		return false
	}
	if w := strings.ToLower(toks[i].Text); w == "with" || w == "on" || w == "for" {
		return true
	}
	for _, m := range ms {
		if m.start >= toks[i].Start && m.start-toks[i].Start <= 12 {
			return true
		}
	}
	for k := i; k < len(toks) && k < i+3; k++ {
		switch strings.ToLower(toks[k].Text) {
		case "counterpart", "counterparts", "president", "premier", "minister", "leader", "leaders", "chancellor", "king":
			return true
		}
	}
	return false
}

func mentionEndsAt(ms []actorMention, end int) bool {
	for _, m := range ms {
		if m.end == end {
			return true
		}
	}
	return false
}

// between reports whether the sentence sets two actors against each other:
// "between X and Y".
func between(toks []analyze.Token, ms []actorMention) bool {
	for _, t := range toks {
		if strings.EqualFold(t.Text, "between") {
			n := 0
			for _, m := range ms {
				if m.start > t.End && m.start < t.End+80 {
					n++
				}
			}
			if n >= 2 {
				return true
			}
		}
	}
	return false
}

// pastVerbBefore reports whether a past-tense verb governs the noun at i
// within its clause ("announced a blockade", "held talks").
func pastVerbBefore(toks []analyze.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch {
		case toks[k].Tag == "VBD" || (toks[k].Tag == "VBN" && k > 0 && (toks[k-1].Lemma == "have" || be[toks[k-1].Lemma])):
			return true
		case toks[k].Tag == "IN" && k > 0 && (toks[k-1].Text == "was" || toks[k-1].Text == "were"):
			return true // "was in contact with"
		case toks[k].Tag == "," || toks[k].Tag == "IN" || toks[k].Tag == "MD" || toks[k].Tag == "TO":
			return false
		}
	}
	return false
}

// pastForm reports whether a token is an inflected verb form: its base
// form differs and it does not look like a plural noun.
func pastForm(t analyze.Token) bool {
	w := strings.ToLower(t.Text)
	return t.Lemma != "" && t.Lemma != w && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

func nextIsPrep(toks []analyze.Token, i int) bool {
	return i < len(toks) && (toks[i].Tag == "IN" || toks[i].Tag == "TO" || toks[i].Tag == "DT" || toks[i].Tag == "RP")
}

// pastRelative reports whether a past relative clause follows the noun:
// "the line of communication ... that was established".
func pastRelative(toks []analyze.Token, from int) bool {
	for k := from; k < len(toks) && k < from+8; k++ {
		w := strings.ToLower(toks[k].Text)
		if (w == "that" || w == "which") && k+2 < len(toks) {
			aux := strings.ToLower(toks[k+1].Text)
			if (aux == "was" || aux == "were" || aux == "had") && (toks[k+2].Tag == "VBN" || toks[k+2].Tag == "VBD") {
				return true
			}
		}
	}
	return false
}

// noObject reports whether the verb before token i has no direct object.
func noObject(toks []analyze.Token, i int) bool {
	if i >= len(toks) {
		return true
	}
	switch toks[i].Tag {
	case "RB", "IN", "WRB", ",", ".", "TO", "CC", ":":
		return true
	}
	return false
}

func possessiveBefore(toks []analyze.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if toks[k].Tag == "POS" || toks[k].Text == "’s" || toks[k].Text == "'s" || ((toks[k].Text == "’" || toks[k].Text == "'") && k > 0 && toks[k-1].Tag == "NNS") {
			return true
		}
	}
	return false
}

// actorAfter reports whether an actor is named just after a noun trigger,
// introduced by of, by, between, on or against.
func actorAfter(toks []analyze.Token, i int, ms []actorMention) bool {
	if i >= len(toks) {
		return false
	}
	switch strings.ToLower(toks[i].Text) {
	case "of", "by", "between", "on", "against", "with":
	default:
		return false
	}
	limit := toks[i].End + 60
	for _, m := range ms {
		if m.start >= toks[i].End && m.start <= limit {
			return true
		}
	}
	return false
}

// build reads agents, targets, date, place and quantities for a trigger.
func (e *Extractor) build(a *analyze.Analysis, s analyze.Sentence, t trigger, ms []actorMention, found []dates.Found, top []string) analyze.Incident {
	toks := s.Tokens
	ts, te := toks[t.i].Start, toks[t.i+t.n-1].End
	in := analyze.Incident{
		Type:     t.typ,
		Sentence: s.Index,
		Section:  s.Section,
		Evidence: s.Text,
		Cues:     []string{strings.ToLower(a.Doc.Text[ts:te])},
	}
	agents, targets := e.parties(a.Doc.Text, toks, t, ms, top)
	in.Agents, in.Targets = agents, targets
	if len(agents) == 0 && !t.noun && pronounSubject(toks, t.i) {
		in.Agents = []string{pronounAgent}
	}
	// The date nearest the trigger: one written before it (often an
	// opening "On June 6,"), or after it within its clause.
	best := math.MaxInt
	clauseEnd := s.End
	for k := t.i + t.n; k < len(toks); k++ {
		if clauseBreak[strings.ToLower(toks[k].Text)] {
			clauseEnd = toks[k].Start
			break
		}
	}
	for _, f := range found {
		if s.Start+f.Start >= clauseEnd {
			continue
		}
		d := abs(s.Start + f.Start - ts)
		if d < best {
			// An unresolved date ("June 20" with no publication date)
			// keeps its words and no value.
			best = d
			in.Date, in.DateText, in.DatePrecision = f.Date.String(), f.Text, f.Date.Precision()
		}
	}
	if e.places != nil {
		in.Location = e.places.Place(a.Doc.Text, s.Start, s.End)
	}
	if in.Location == "" {
		in.Location = stateLocation(a.Doc.Text, ms, s.Start)
	}
	in.Quantities = quantities(s.Text)
	in.Summary = summary(a.Doc.Text, s, t, ms)
	conf := 0.5
	if !t.noun {
		conf += 0.15
	}
	if in.Date != "" {
		conf += 0.1
	}
	if len(in.Agents) > 0 {
		conf += 0.15
	}
	in.Confidence = math.Round(conf*100) / 100
	return in
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// parties reads who acted and who was acted upon.
// top are the document's two most salient states, which "both sides" and
// "the two governments" refer to.
func (e *Extractor) parties(text string, toks []analyze.Token, t trigger, ms []actorMention, top []string) (agents, targets []string) {
	ts, te := toks[t.i].Start, toks[t.i+t.n-1].End
	// "between X and Y": both sides act.
	for k := 0; k+1 < len(toks); k++ {
		if strings.ToLower(toks[k].Text) == "between" {
			var both []string
			for _, m := range ms {
				if m.start > toks[k].Start && m.start < toks[k].End+80 && len(both) < 2 {
					both = appendUnique(both, m.id)
				}
			}
			if len(both) == 2 && (e.sym[t.typ] || abs(toks[k].Start-te) < 40 || abs(toks[k].Start-ts) < 60) {
				return both, nil
			}
		}
	}
	before := func(limit int) *actorMention {
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].end <= ts && ts-ms[k].end <= limit {
				return &ms[k]
			}
		}
		return nil
	}
	afterWord := func(words map[string]bool, limit int) *actorMention {
		for k := t.i + t.n; k < len(toks) && toks[k].Start-te < limit; k++ {
			if !words[strings.ToLower(toks[k].Text)] {
				continue
			}
			for j := range ms {
				if ms[j].start >= toks[k].End && ms[j].start-toks[k].End < 40 {
					return &ms[j]
				}
			}
		}
		return nil
	}
	// The object stays in the trigger's clause.
	clauseEnd := toks[len(toks)-1].End
	for k := t.i + t.n; k < len(toks); k++ {
		if clauseBreak[strings.ToLower(toks[k].Text)] {
			clauseEnd = toks[k].Start
			break
		}
	}
	after := func(limit int) *actorMention {
		for j := range ms {
			if ms[j].start >= te && ms[j].start-te <= limit && ms[j].start < clauseEnd {
				return &ms[j]
			}
		}
		return nil
	}
	passive := false
	if !t.noun && toks[t.i].Tag == "VBN" {
		for k := t.i - 1; k >= 0 && k >= t.i-3; k-- {
			if be[toks[k].Lemma] || be[strings.ToLower(toks[k].Text)] {
				passive = true
				break
			}
		}
		// "10 U.S. sailors detained overnight": a participle right after
		// its noun is passive too.
		if t.i > 0 && strings.HasPrefix(toks[t.i-1].Tag, "NN") && noObject(toks, t.i+t.n) {
			passive = true
		}
	}
	// The tagger often reads such a participle as a past tense: a
	// transitive event verb right after a noun and with no object after it
	// is passive all the same.
	if !t.noun && !e.sym[t.typ] && t.typ != "deployment" && toks[t.i].Tag == "VBD" && t.n == 1 && t.i > 0 && strings.HasPrefix(toks[t.i-1].Tag, "NNS") && noObject(toks, t.i+1) {
		passive = true
	}
	by := map[string]bool{"by": true}
	switch {
	case passive && t.typ == "deployment":
		// "US troops were deployed": the troops' owner deployed them.
		if m := before(120); m != nil {
			agents = append(agents, m.id)
		}
	case passive:
		if m := afterWord(by, 60); m != nil {
			agents = append(agents, m.id)
		}
		// "a message from Moscow had been received": the sender acts.
		if m := fromBefore(toks, ms, ts); m != nil && len(agents) == 0 {
			agents = append(agents, m.id)
		}
		if m := afterWord(map[string]bool{"from": true}, 40); m != nil && t.typ == "communication" {
			agents = appendUnique(agents, m.id)
		}
		if m := before(120); m != nil {
			targets = append(targets, m.id)
		}
		if len(agents) == 0 && len(targets) > 0 && !e.sym[t.typ] && t.typ != "communication" {
			// Without "by", the other state the sentence names after the
			// event is the likely actor ("detained ... in Iranian waters").
			for _, m := range ms {
				if m.start >= te && m.kind == analyze.KindState && m.id != targets[0] {
					agents = append(agents, m.id)
					break
				}
			}
		}
	case t.noun:
		// The owner of the noun phrase: "Tehran's June 20 shoot down",
		// "Chinese intercepts".
		if m := before(40); m != nil && samePhrase(toks, m.end, ts) {
			agents = append(agents, m.id)
		}
		if m := afterWord(by, 80); m != nil {
			agents = appendUnique(nil, m.id)
		}
		// The subject of the verb the noun is the object of: "Kennedy
		// announced a blockade", "Putin seems determined on confrontation".
		if len(agents) == 0 && (pastVerbBefore(toks, t.i) || e.sym[t.typ]) {
			if m := before(150); m != nil {
				agents = append(agents, m.id)
			}
		}
		if m := afterWord(map[string]bool{"of": true, "on": true, "against": true, "to": true, "with": true}, 40); m != nil {
			targets = append(targets, m.id)
		}
	default:
		if m := before(150); m != nil {
			if e.sym[t.typ] {
				// "Presidents Donald Trump and Vladimir Putin conversing":
				// every conjoined subject acts, in the order written.
				agents = append(agents, conjoined(text, ms, *m)...)
			}
			agents = append(agents, m.id)
		}
		if t.typ == "deployment" {
			// Troops are sent somewhere, not at someone, unless "against".
			if m := afterWord(map[string]bool{"against": true}, 60); m != nil {
				targets = append(targets, m.id)
			}
		} else if m := after(70); m != nil {
			targets = append(targets, m.id)
		}
	}
	sym := e.sym[t.typ] && !t.directed
	if len(agents) < 2 && sym && bothSides.MatchString(strings.ToLower(text[toks[0].Start:toks[len(toks)-1].End])) {
		// "the two governments signed": the two states the text is about.
		for _, id := range top {
			agents = appendUnique(agents, id)
		}
	}
	if sym {
		// Both sides act: the target joins the agents.
		for _, id := range targets {
			agents = appendUnique(agents, id)
		}
		targets = nil
	}
	// A target on the agent's own side is a misreading ("Erdogan warned
	// that Turkey may come").
	country := map[string]string{}
	for _, m := range ms {
		country[m.id] = m.country
	}
	side := func(id string) string {
		if c := country[id]; c != "" {
			return c
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
			tg = append(tg, id)
		}
	}
	return agents, tg
}

var bothSides = regexp.MustCompile(`\b(the two|both) (governments|sides|countries|nations|states|militaries|armies|navies|leaders|capitals|powers|superpowers|parties|neighbou?rs|rivals)\b|\beach other\b`)

// pronounAgent marks an agent that is a pronoun ("it blew up the office"),
// resolved by Extract to the sides of the incident just before.
const pronounAgent = "\x00pronoun"

var subjectPronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true}

// pronounSubject reports whether the verb at i has a pronoun subject just
// before it ("they agreed", "it then blew up").
func pronounSubject(toks []analyze.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if subjectPronouns[strings.ToLower(toks[k].Text)] {
			return true
		}
		if toks[k].Tag != "RB" && toks[k].Tag != "VBD" && toks[k].Tag != "VBZ" && toks[k].Tag != "VBP" && toks[k].Tag != "MD" {
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
		in[i].Agents = nil
		for k := i - 1; k >= 0; k-- {
			if in[i].Sentence-in[k].Sentence > 2 {
				break
			}
			if len(in[k].Agents) > 0 && in[k].Agents[0] != pronounAgent {
				in[i].Agents = append([]string(nil), in[k].Agents...)
				break
			}
		}
	}
}

// fromBefore returns an actor named after "from" before offset ts.
func fromBefore(toks []analyze.Token, ms []actorMention, ts int) *actorMention {
	for k := range toks {
		if toks[k].Start >= ts || !strings.EqualFold(toks[k].Text, "from") {
			continue
		}
		for j := range ms {
			if ms[j].start >= toks[k].End && ms[j].start-toks[k].End <= 5 && ms[j].end <= ts {
				return &ms[j]
			}
		}
	}
	return nil
}

var (
	titleGap  = regexp.MustCompile(`^(\p{Lu}[\p{L}.]*\s*){1,3}$`)
	titleTail = regexp.MustCompile(`(\s+\p{Lu}[\p{L}.]*){1,3}$`)
)

var hostile = regexp.MustCompile(`\b(respond|retaliat\w*|target\w*|strike|attack\w*|shoot|fire|force|military|consequences|war|destroy\w*|punish\w*|act|action|measures|response|escalat\w*|invade|seize|intercept\w*)\b`)

// spanText joins tokens' texts with spaces.
func spanText(toks []analyze.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

// conjoined returns the actors joined to m by "and" or commas just before
// it: "Trump and Putin", "India, China and Russia".
func conjoined(text string, ms []actorMention, m actorMention) []string {
	var out []string
	cur := m
	for k := len(ms) - 1; k >= 0; k-- {
		p := ms[k]
		if p.end > cur.start {
			continue
		}
		gap := strings.TrimSpace(text[p.end:cur.start])
		if gap == "" || titleGap.MatchString(gap) {
			// "Azerbaijani President Ilham Aliyev": a modifier of cur.
			cur = p
			continue
		}
		gap = titleTail.ReplaceAllString(gap, "")
		if gap != "and" && gap != "," && gap != ", and" && gap != "&" {
			break
		}
		out = append([]string{p.id}, out...)
		cur = p
	}
	return out
}

func appendUnique(ss []string, s string) []string {
	if contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// stateLocation names a state the sentence puts something in ("in Syria",
// "over Iraq").
func stateLocation(text string, ms []actorMention, base int) string {
	for _, m := range ms {
		if m.kind != analyze.KindState {
			continue
		}
		pre := strings.ToLower(text[max(base, m.start-8):m.start])
		for _, p := range []string{"in ", "over ", "inside ", "near ", "off ", "into "} {
			if strings.HasSuffix(pre, p) {
				return text[m.start:m.end]
			}
		}
	}
	return ""
}

var (
	numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens of": 24, "hundreds of": 200, "thousands of": 2000}
	quantRe = regexp.MustCompile(`(?i)\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of|thousands of)\s+(?:[a-z-]+\s+){0,2}?(soldiers|troops|sailors|marines|personnel|drones|aircraft|jets|fighters|bombers|planes|helicopters|ships|warships|vessels|boats|tankers|destroyers|submarines|missiles|rockets|shells|people|civilians|crew members|crew|casualties|dead|killed|wounded|hostages|prisoners|battalions|brigades|divisions)\b`)
)

// quantities reads counted things: "2,500 soldiers", "two drones".
func quantities(s string) []analyze.Quantity {
	var out []analyze.Quantity
	for _, m := range quantRe.FindAllStringSubmatch(s, -1) {
		n, ok := numberWords[strings.ToLower(m[1])]
		if !ok {
			v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
			if err != nil {
				continue
			}
			n = v
		}
		if n >= 1900 && n <= 2100 && !strings.Contains(m[1], ",") {
			continue // a year, not a count
		}
		out = append(out, analyze.Quantity{Value: n, Unit: strings.ToLower(m[2])})
	}
	return out
}

// relativeWord opens a clause the summary should not start before.
var relativeWord = map[string]bool{"that": true, "when": true, "after": true, "which": true, "who": true,
	"where": true, "while": true, "because": true, "as": true}

// summary is the clause around the trigger: from the agent (or the clause
// start) to the end of the trigger's object.
func summary(text string, s analyze.Sentence, t trigger, ms []actorMention) string {
	toks := s.Tokens
	start := t.i
	// Not before the end of a dateline.
	lineEnd := s.Start
	if m := datelineRe.FindStringIndex(s.Text); m != nil {
		lineEnd = s.Start + m[1]
	}
	for k := t.i - 1; k >= 0 && k >= t.i-8; k-- {
		w := toks[k].Text
		if w == "," || w == ";" || w == ":" || w == "—" || w == "(" || w == ")" || relativeWord[strings.ToLower(w)] || toks[k].Start < lineEnd {
			break
		}
		start = k
	}
	end := t.i + t.n
	for end < len(toks) && end < t.i+t.n+10 {
		w := toks[end].Text
		if w == "," || w == ";" || w == "." || w == ":" || w == "—" || w == ")" {
			break
		}
		end++
	}
	out := text[toks[start].Start:toks[end-1].End]
	out = strings.TrimLeft(out, "“\"‘'")
	if len(out) > 0 {
		out = strings.ToUpper(out[:1]) + out[1:]
	}
	_ = ms
	return out
}
