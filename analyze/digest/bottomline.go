package digest

import (
	"sort"
	"strings"
	"unicode"

	"github.com/brief-tool/brief/analyze"
)

// The bottom line is composed, not picked: what the article proposes
// (the measure, between whom, through whom, where), what it is for, the
// incidents that prompt it, its main argument and its main caveat, each a
// clause that points at its evidence. A report with no proposal gets its
// main incidents instead.

// maxArgumentWords keeps a long argument or caveat out of the bottom line:
// past this length it is a paragraph, not a clause.
const maxArgumentWords = 40

// maxPurposeWords keeps a purpose clause short enough to follow the
// measure in one sentence.
const maxPurposeWords = 25

// maxCited is how many incidents the bottom line cites.
const maxCited = 2

// bottomLine composes the bottom line of a; rec is the index of the main
// recommendation or -1.
func bottomLine(a *analyze.Analysis, n *namer, rec int) []analyze.Clause {
	if rec < 0 {
		return reportLine(a, n)
	}
	p := a.Proposals[rec]
	subject, verb, pronoun := "The authors", "call for", "They"
	if p.Proposer != "authors" && p.Proposer != "" {
		subject = upperFirst(n.name(p.Proposer))
		verb, pronoun = "calls for", subject
	}
	text := subject + " " + verb + " " + measure(a, p)
	if len(p.Parties) > 1 {
		if len(p.Parties) > 2 {
			text += " among " + n.list(p.Parties)
		} else {
			text += " between " + n.list(p.Parties)
		}
	} else if len(p.Parties) == 1 {
		text += " by " + n.list(p.Parties)
	}
	if len(p.Mediators) > 0 {
		text += " through " + n.list(p.Mediators)
	}
	if w := placeWords(a.Doc.Text, p.Where); w != "" {
		text += " in " + w
	}
	var out []analyze.Clause
	add := func(role, text string, sentence int, end string) {
		out = append(out, analyze.Clause{Role: role, Text: text, Sentence: sentence, End: end})
	}
	add(analyze.ClauseProposal, text, p.Sentence, "")
	var argument string
	argSentence := -1
	for _, r := range p.Rationale {
		r = strings.TrimSpace(r)
		if purpose(r) {
			if len(out) == 1 {
				add(analyze.ClausePurpose, lowerInitial(strings.TrimRight(r, ".;, ")), evidenceOf(a, r, p.Sentence), "")
			}
			continue
		}
		if argument == "" && usable(r) && !purposeLike(r) {
			argument, argSentence = r, evidenceOf(a, r, p.Sentence)
			argument = clauseOf(a, argSentence, argument)
		}
	}
	cited := mainIncidents(a)
	for i, in := range cited {
		lead := "citing "
		if i > 0 {
			lead = "and "
		}
		add(analyze.ClauseIncident, lead+incidentPhrase(a, n, in), in.Sentence, "")
	}
	// Commas between the clauses of the first sentence, a full stop after
	// it.
	for i := 0; i < len(out)-1; i++ {
		if out[i+1].Role != analyze.ClauseIncident || !strings.HasPrefix(out[i+1].Text, "and ") {
			out[i].End = ","
		}
	}
	out[len(out)-1].End = "."
	if argument != "" {
		add(analyze.ClauseRationale, pronoun+" argue that "+argument, argSentence, ".")
		if pronoun != "They" {
			out[len(out)-1].Text = pronoun + " argues that " + argument
		}
	}
	for _, c := range p.Caveats {
		if c = strings.TrimSpace(c); usable(c) {
			warn := " warn that "
			if pronoun != "They" {
				warn = " warns that "
			}
			n := evidenceOf(a, c, p.Sentence)
			add(analyze.ClauseCaveat, pronoun+warn+stripCaveat(clauseOf(a, n, c)), n, ".")
			break
		}
	}
	return out
}

// reportLine is the bottom line of an article that proposes nothing: its
// main incidents, one sentence each, in date order.
func reportLine(a *analyze.Analysis, n *namer) []analyze.Clause {
	var out []analyze.Clause
	for _, in := range mainIncidentsN(a, 3) {
		out = append(out, analyze.Clause{Role: analyze.ClauseIncident, Text: in.Summary, Sentence: in.Sentence, End: "."})
	}
	return out
}

// hostile are the incident types that prompt de-confliction: what the
// bottom line cites first.
var hostile = map[string]bool{
	"attack": true, "shootdown": true, "seizure": true, "interception": true, "strike": true,
	"clash": true, "collision": true, "threat": true, "deployment": true,
}

func mainIncidents(a *analyze.Analysis) []analyze.Incident { return mainIncidentsN(a, maxCited) }

// mainIncidentsN picks the k main body incidents: hostile ones first, then
// dated ones, then the most often stated, the most confident, the
// earliest; returned in date order (undated last), then text order.
func mainIncidentsN(a *analyze.Analysis, k int) []analyze.Incident {
	var ins []analyze.Incident
	for _, in := range a.Incidents {
		if in.Section == analyze.SectionBody {
			ins = append(ins, in)
		}
	}
	sort.SliceStable(ins, func(i, j int) bool {
		x, y := ins[i], ins[j]
		if hostile[x.Type] != hostile[y.Type] {
			return hostile[x.Type]
		}
		if (x.Date != "") != (y.Date != "") {
			return x.Date != ""
		}
		if len(x.Support) != len(y.Support) {
			return len(x.Support) > len(y.Support)
		}
		if x.Confidence != y.Confidence {
			return x.Confidence > y.Confidence
		}
		return x.Sentence < y.Sentence
	})
	if len(ins) > k {
		ins = ins[:k]
	}
	sort.SliceStable(ins, func(i, j int) bool {
		x, y := ins[i], ins[j]
		if (x.Date == "") != (y.Date == "") {
			return y.Date == ""
		}
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		return x.Sentence < y.Sentence
	})
	return ins
}

// incidentPhrase names an incident as a noun phrase: "the 20 June 2019
// shootdown by the IRGC over the Strait of Hormuz".
func incidentPhrase(a *analyze.Analysis, n *namer, in analyze.Incident) string {
	ac, ok := acts[in.Type]
	if !ok {
		ac = acts["other"]
	}
	s := "the "
	if d := DateWords(in.Date, in.DatePrecision); d != "" {
		s += d + " "
	}
	s += nounOf(ac, strings.ToLower(strings.TrimSpace(in.Trigger)), triggerPOS(a, in), withArticle(trimFunction(in.Object)))
	if ac.mutual && len(in.Agents)+len(in.Targets) > 1 {
		s += " between " + n.list(append(append([]string{}, in.Agents...), in.Targets...))
	} else if len(in.Agents) > 0 {
		s += " by " + n.list(in.Agents)
	}
	if w := placeWords(a.Doc.Text, in.Location); w != "" {
		s += " " + ac.place + " " + w
	}
	return s
}

// measure names what a proposal puts forward, as the text words it when a
// cue of the proposal is a noun in its sentence ("a direct communication
// channel", "advance notice"), else by its mechanism.
func measure(a *analyze.Analysis, p analyze.Proposal) string {
	if p.Sentence >= 0 && p.Sentence < len(a.Sentences) {
		if np := nounPhrase(a.Sentences[p.Sentence].Tokens, p.Cues); np != "" {
			return np
		}
	}
	if m, ok := mechanisms[p.Mechanism]; ok {
		return m
	}
	return mechanisms["other"]
}

// mechanisms name each mechanism when the text gives no noun for it.
var mechanisms = map[string]string{
	"hotline":      "a hotline",
	"agreement":    "an agreement",
	"notification": "advance notification",
	"separation":   "a separation of forces",
	"mediation":    "mediation",
	"dialogue":     "regular talks",
	"restraint":    "restraint",
	"other":        "a measure",
}

// mass are nouns that take no article ("call for advance notice").
var mass = map[string]bool{
	"notice": true, "notification": true, "restraint": true, "caution": true, "dialogue": true,
	"mediation": true, "separation": true, "disengagement": true, "cooperation": true,
	"de-escalation": true, "communication": true, "transparency": true, "coordination": true,
	"deconfliction": true, "de-confliction": true, "verification": true, "monitoring": true,
}

// nounPhrase finds the first cue that ends in a noun among the tokens and
// returns the noun phrase around it: the adjectives and nouns before it and
// the nouns after it, with an article when its head is a singular count
// noun.
func nounPhrase(toks []analyze.Token, cues []string) string {
	// The cues that name the measure follow those that recommend it:
	// read them from the last.
	for c := len(cues) - 1; c >= 0; c-- {
		words := strings.Fields(strings.ToLower(cues[c]))
		if len(words) == 0 {
			continue
		}
		for i := 0; i+len(words) <= len(toks); i++ {
			if !matchAt(toks, i, words) {
				continue
			}
			last := i + len(words) - 1
			if !noun(toks[last].Tag) || !nominal(toks[i:last+1]) {
				break
			}
			start, end := i, last+1
			// The words of the cues that recommend are no modifiers of
			// the measure ("Open talks on ...", a command the tagger read
			// as an adjective, calls for talks, not for open ones).
			for start > 0 && modifier(toks[start-1].Tag) && word(toks[start-1].Text) && !cueWord(cues[:c], toks[start-1].Text) {
				start--
			}
			for end < len(toks) && noun(toks[end].Tag) && word(toks[end].Text) {
				end++
			}
			for start < i && ordinal[strings.ToLower(toks[start].Text)] {
				start++
			}
			// A lone noun outside a noun phrase ("and refrain from") is a
			// verb the tagger took for a noun.
			if end-start == 1 && (start == 0 || !npContext(toks[start-1].Tag)) {
				break
			}
			var parts []string
			for _, t := range toks[start:end] {
				parts = append(parts, t.Text)
			}
			np := strings.ReplaceAll(strings.Join(parts, " "), " - ", "-")
			head := toks[end-1]
			if head.Tag == "NNS" || mass[strings.ToLower(head.Text)] || strings.Contains(np, " of ") ||
				comparative[strings.ToLower(toks[start].Text)] {
				return np
			}
			if strings.ContainsRune("aeiou", unicode.ToLower([]rune(np)[0])) {
				return "an " + np
			}
			return "a " + np
		}
	}
	return ""
}

func matchAt(toks []analyze.Token, i int, words []string) bool {
	for k, w := range words {
		if !strings.EqualFold(toks[i+k].Text, w) {
			return false
		}
	}
	return true
}

// ordinal are adjectives that place a measure in a sequence rather than
// describe it ("the first calls").
var ordinal = map[string]bool{"first": true, "second": true, "third": true, "last": true, "next": true, "other": true, "such": true, "same": true}

// npContext are the tags that can precede a noun phrase.
func npContext(tag string) bool {
	return tag == "DT" || tag == "PRP$" || tag == "IN" || tag == "CD" || tag == "POS" || tag == "JJ"
}

// comparative are words that open a noun phrase taking no article ("more
// patrols", "less violence").
var comparative = map[string]bool{"more": true, "less": true, "fewer": true, "greater": true, "further": true}

// word reports whether a token is a word, not punctuation the tagger
// took for a noun (quotation marks).
func word(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// nominal reports whether the tokens of a cue make a noun phrase: nouns,
// adjectives, and "of" or "the" inside ("rules of the road").
func nominal(toks []analyze.Token) bool {
	for k, t := range toks {
		switch {
		case noun(t.Tag) || t.Tag == "JJ" || t.Tag == "VBN" || t.Tag == "HYPH":
		case k > 0 && k < len(toks)-1 && (t.Tag == "IN" || t.Tag == "DT"):
		default:
			return false
		}
	}
	return true
}

func noun(tag string) bool { return tag == "NN" || tag == "NNS" }

func modifier(tag string) bool { return tag == "JJ" || tag == "NN" || tag == "VBN" || tag == "HYPH" }

// purpose reports whether a rationale is a purpose clause that can follow
// the measure ("so that commanders do not have to wait ...").
func purpose(r string) bool {
	l := strings.ToLower(r)
	if strings.ContainsAny(r, "“”\"") {
		return false // a quotation cut short, not a clause of the text's own
	}
	for _, p := range []string{"so that ", "so as to ", "in order to ", "to "} {
		if strings.HasPrefix(l, p) {
			return len(strings.Fields(r)) <= maxPurposeWords
		}
	}
	return false
}

// purposeLike reports whether r opens as a purpose clause, which cannot
// follow "argue that".
func purposeLike(r string) bool {
	l := strings.ToLower(r)
	for _, p := range []string{"so that ", "so as to ", "in order to ", "to "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// usable reports whether a sentence can be an argument or caveat clause:
// short enough, not a question, not a dateline.
func usable(s string) bool {
	f := strings.Fields(s)
	if len(f) < 4 || len(f) > maxArgumentWords || strings.HasSuffix(s, "?") {
		return false
	}
	if r := []rune(f[0])[0]; !unicode.IsUpper(r) {
		return false // a fragment, not a sentence
	}
	if dateline(f) {
		return false
	}
	// A sentence that opens on a person's pronoun reports what someone
	// said: not the article's argument.
	switch strings.ToLower(f[0]) {
	case "he", "his", "she", "her", "him":
		return false
	}
	return true
}

// dateline reports whether words open on a dateline ("WASHINGTON, March
// 16 -", "SEOUL/PYONGYANG --"): a place in capitals, then a comma or a
// dash soon after.
func dateline(f []string) bool {
	w := strings.TrimRight(f[0], ",")
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	if letters < 3 {
		return false
	}
	if strings.HasSuffix(f[0], ",") {
		return true
	}
	for _, x := range f[1:min(len(f), 8)] {
		if x == "-" || x == "--" || x == "–" || x == "—" {
			return true
		}
	}
	return false
}

// stripCaveat drops the words that announce a caveat ("the risk is
// that"), which "warn that" already says.
func stripCaveat(s string) string {
	for _, p := range []string{"the risk is that ", "the danger is that ", "the problem is that "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[len(p):]
		}
	}
	return s
}

// clauseOf turns a sentence of a (sentence n) into a clause that follows
// "that": its opening connective dropped, its first letter lowered unless
// a name opens it, its final stop removed.
func clauseOf(a *analyze.Analysis, n int, s string) string {
	s = strings.TrimSpace(s)
	for _, c := range []string{"But ", "And ", "Yet ", "However, ", "Still, ", "Indeed, ", "First, ", "Second, ", "Third, ", "Fourth, ", "Finally, ", "Also, "} {
		if strings.HasPrefix(s, c) {
			s = upperFirst(s[len(c):])
			break
		}
	}
	s = strings.TrimRight(s, ".!;")
	first, _, _ := strings.Cut(s, " ")
	first = strings.Trim(first, ",;:")
	if n >= 0 && n < len(a.Sentences) {
		for _, t := range a.Sentences[n].Tokens {
			if t.Text == first {
				// A name keeps its capital, and so does a word the text
				// never writes in lower case ("Russian").
				l := strings.ToLower(first)
				switch {
				case function[l] || commonStart[l]:
					return lowerInitial(s)
				case t.Tag == "NNP" || t.Tag == "NNPS" || t.Text == "I" || !lowerInText(a.Doc.Text, first):
					return s
				}
				return lowerInitial(s)
			}
		}
	}
	return lowerFirst(s)
}

// lowerInText reports whether the text writes word in lower case
// somewhere, after a space.
func lowerInText(text, word string) bool {
	l := strings.ToLower(word)
	for _, after := range []string{" ", ",", "."} {
		if strings.Contains(text, " "+l+after) {
			return true
		}
	}
	return false
}

// lowerInitial lowers the first letter of s unless the first word is an
// acronym.
func lowerInitial(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// evidenceOf is the sentence that holds s, the nearest to near; near when
// none does.
func evidenceOf(a *analyze.Analysis, s string, near int) int {
	s = strings.ToLower(strings.TrimSpace(s))
	best := -1
	for _, x := range a.Sentences {
		t := strings.ToLower(x.Text)
		if x.Section != analyze.SectionBody || (!strings.Contains(t, s) && (len(t) < 20 || !strings.Contains(s, t))) {
			continue
		}
		if best < 0 || abs(x.Index-near) < abs(best-near) {
			best = x.Index
		}
	}
	if best < 0 {
		return near
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// cueWord reports whether w is a word of one of the cues.
func cueWord(cues []string, w string) bool {
	for _, c := range cues {
		for _, f := range strings.Fields(c) {
			if strings.EqualFold(f, w) {
				return true
			}
		}
	}
	return false
}
