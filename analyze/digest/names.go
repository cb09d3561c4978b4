package digest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-tool/brief/analyze"
)

// display is the name of an actor as the text writes it. For a person it
// is the fullest form of the name the text uses (the most frequent
// mention of two or more words ending in the surname, titles dropped):
// "Frank McKenzie" where the dictionary says "Kenneth F. McKenzie". Other
// actors keep their canonical name, since the text names a state by its
// capital or a demonym as often as by its name.
func display(ac analyze.Actor) string {
	if ac.Kind != analyze.KindPerson {
		return ac.Name
	}
	surname := lastWord(ac.Name)
	count := map[string]int{}
	first := map[string]int{}
	for i, m := range ac.Mentions {
		form := personForm(m.Text)
		if len(strings.Fields(form)) < 2 || !strings.EqualFold(lastWord(form), surname) {
			continue
		}
		if _, ok := first[form]; !ok {
			first[form] = i
		}
		count[form]++
	}
	best := ""
	for form := range count {
		switch {
		case best == "":
		case count[form] != count[best]:
			if count[form] < count[best] {
				continue
			}
		case len(form) != len(best):
			if len(form) < len(best) {
				continue
			}
		case first[form] > first[best]:
			continue
		}
		best = form
	}
	if best == "" {
		return ac.Name
	}
	return best
}

// personForm trims a mention to the name it holds: no possessive, no
// leading title ("Gen.", "Adm.": an abbreviation of more than one letter).
func personForm(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "'s"), "’s")
	f := strings.Fields(s)
	for len(f) > 1 && (strings.HasSuffix(f[0], ".") && len(f[0]) > 2 || titles[strings.ToLower(f[0])]) {
		f = f[1:]
	}
	for _, w := range f {
		if r := []rune(w)[0]; !unicode.IsUpper(r) {
			return "" // "the general", "his deputy": not a name
		}
	}
	return strings.Join(f, " ")
}

// titles are words that stand before a name without being part of it.
var titles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`mr mrs ms dr sir lord lady president vice prime minister foreign defense
	defence secretary general admiral commander colonel major captain lieutenant sergeant marshal
	field air chief chairman premier senator ambassador king queen prince crown ayatollah sheikh
	supreme leader deputy director envoy spokesman spokeswoman gen adm col maj capt lt sgt sen rep
	brig brigadier representative governor mayor chancellor emperor pope imam cardinal rear`) {
		m[w] = true
	}
	return m
}()

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// namer names actors in composed text, as the text writes them and with
// the article the text gives them ("the United States", "Iran").
type namer struct {
	names map[string]string
}

func newNamer(a *analyze.Analysis) *namer {
	n := &namer{names: map[string]string{}}
	for _, ac := range a.Actors {
		name := ac.Display
		if name == "" {
			name = ac.Name
		}
		if definite(a.Doc.Text, ac, name) {
			name = "the " + name
		}
		n.names[ac.ID] = name
	}
	return n
}

// name is the actor's name in running text, or the id itself for an
// actor the analysis does not list.
func (n *namer) name(id string) string {
	if s, ok := n.names[id]; ok {
		return s
	}
	return id
}

// list names ids in running text: "A", "A and B", "A, B and C".
func (n *namer) list(ids []string) string {
	var names []string
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			names = append(names, n.name(id))
		}
	}
	return andList(names)
}

func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// definiteWords are words that make a name take "the" when the text never
// shows the name in full ("the United States", "the Soviet Union").
var definiteWords = map[string]bool{
	"United": true, "Union": true, "Kingdom": true, "Republic": true, "States": true,
	"Emirates": true, "Netherlands": true, "Philippines": true, "Islands": true,
	"Army": true, "Navy": true, "Force": true, "Forces": true, "Corps": true, "Command": true,
	"Ministry": true, "Department": true, "Council": true, "Guard": true, "Guards": true,
}

// definite says whether the text puts "the" before the actor's name: most
// of the mentions in that form follow "the" (for a state, at least two);
// when the text never writes the name in that form, whether the name has
// a word that takes "the".
func definite(text string, ac analyze.Actor, name string) bool {
	if ac.Kind == analyze.KindPerson {
		return false
	}
	if ac.Kind == analyze.KindState && hasDefiniteWord(name) {
		return true // "the United States" even where the text writes "Iran-United States talks"
	}
	with, all := 0, 0
	for _, m := range ac.Mentions {
		if !strings.EqualFold(m.Text, name) || m.Start > len(text) || m.End > len(text) {
			continue
		}
		// "the China Coast Guard": the article belongs to what follows.
		if after := strings.TrimLeft(text[m.End:], " "); after != "" && (startsUpper(after) || after[0] == '-') {
			continue
		}
		all++
		if before := text[:m.Start]; len(before) >= 4 && strings.EqualFold(before[len(before)-4:], "the ") {
			with++
		}
	}
	switch {
	case all == 0:
		return hasDefiniteWord(name)
	case ac.Kind == analyze.KindState && with < 2 && !hasDefiniteWord(name):
		// One "the China" is a slip or a compound the check missed; a
		// state's name takes "the" only when the text keeps writing it.
		return false
	}
	return 2*with > all
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasDefiniteWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if definiteWords[w] {
			return true
		}
	}
	return false
}

// upperFirst capitalises the first letter of s, for a clause that opens a
// sentence.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// lowerFirst lowers the first letter of s unless its first word is a name
// or an acronym (two capitals, or a capital that is not the sentence's
// own).
func lowerFirst(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	w := strings.Trim(f[0], ",;:")
	if !function[strings.ToLower(w)] && !commonStart[strings.ToLower(w)] {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// commonStart are content words that open sentences in this domain and
// are not names, so a sentence starting with one can follow "that".
var commonStart = map[string]bool{
	"talks": true, "exchanges": true, "none": true, "periods": true, "incidents": true,
	"each": true, "both": true, "neither": true, "such": true, "without": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "several": true, "many": true, "most": true,
}

// function lists English function words: a composed clause never ends in
// one, and a sentence that starts with one can be lowered after "that".
var function = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the this that these those there here it its they them their he
	him his she her we us our you your i me my who whom whose which what when where why how
	and or but nor so yet if then than as because while although though unless until since
	of in on at by for from to with without into onto over under about above below between
	among through during before after against across along around off up down out near
	is are was were be been being am has have had do does did will would shall should can
	could may might must not no also only very just even still again`) {
		m[w] = true
	}
	return m
}()

// endsInFunctionWord reports whether the last word of s is a function word.
func endsInFunctionWord(s string) bool {
	w := strings.ToLower(strings.TrimRight(lastWord(s), ".,;:!?”\"’')"))
	return function[w]
}
