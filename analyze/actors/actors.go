// Package actors finds the actors of a document — states, people,
// organisations, military bodies and armed groups — and resolves every
// surface form to one identity: "Tehran", "Iranian" and "Iran's" are Iran;
// "Trump" is Donald Trump once the text has named him in full.
//
// Dictionaries decide (data/*.yaml, embedded, extended by users' files);
// title patterns ("Defense Secretary Ashton Carter") find people; prose's
// statistical recogniser is asked only about capitalised spans the
// dictionaries and patterns leave unexplained, and only proposes: its
// answers pass the same filters. Publications are sources, not actors; the
// article's authors are not actors.
package actors

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/nlp"
)

// EntityFinder proposes named entities for a sentence; *nlp.NLP is one.
// EntitiesNear returns the entities of s that overlap one of spans (byte
// offsets into the document's text), as a recogniser run over the whole
// sentence would find them.
type EntityFinder interface {
	EntitiesNear(s analyze.Sentence, spans []analyze.Span) ([]nlp.Entity, error)
}

// Resolver is the actors extractor. It is safe for concurrent use.
type Resolver struct {
	dict    *Dictionary
	actors  *index
	sources *index
	titles  *index
	stop    *index
	places  *index
	ner     EntityFinder
	// services maps "USA|navy" to the dictionary's entry for that
	// service, so "American navy" and "U.S. Navy" are one actor.
	services map[string]int
	// people maps a lower-cased full name or alias of a known person to the
	// entry, so a name found by a title pattern gets its country;
	// surnames maps a surname to the one person the dictionary knows by it
	// (-1 when several share it).
	people   map[string]int
	surnames map[string]int
	ships    map[string]string // ship prefix -> country
}

// New builds a Resolver over d. ner may be nil, which turns the
// statistical fallback off.
func New(d *Dictionary, ner EntityFinder) *Resolver {
	titles := newIndex(true)
	titles.keepDots = true
	r := &Resolver{dict: d, actors: newIndex(false), sources: newIndex(false), titles: titles,
		stop: newIndex(false), places: newIndex(false), ner: ner, services: map[string]int{}, people: map[string]int{}, surnames: map[string]int{}, ships: map[string]string{}}
	for _, s := range d.Ships {
		r.ships[s.Prefix] = s.Country
	}
	for i, e := range d.Entries {
		r.indexEntry(i, e)
	}
	for i, e := range d.Sources {
		r.sources.add(e.Name, i, formName)
		for _, a := range e.Aliases {
			r.sources.add(a, i, formAlias)
		}
	}
	for i, t := range d.Titles {
		r.titles.add(t.Title, i, formName)
		for _, a := range t.Aliases {
			r.titles.add(a, i, formAlias)
		}
	}
	for i, s := range d.Stopwords {
		r.stop.add(s.Term, i, formName)
	}
	for i, p := range d.Places {
		r.places.add(p.Name, i, formName)
		for _, a := range p.Aliases {
			r.places.add(a, i, formAlias)
		}
	}
	return r
}

// indexEntry adds the forms of dictionary entry i: its names, demonyms,
// capitals and seats; a person's full names and surname; a body's service
// under its state ("USA|navy" for the U.S. Navy).
func (r *Resolver) indexEntry(i int, e Entry) {
	r.actors.add(e.Name, i, formName)
	for _, a := range e.Aliases {
		r.actors.add(a, i, formAlias)
	}
	for _, a := range e.Demonyms {
		r.actors.add(a, i, formDemonym)
	}
	for _, a := range e.Capitals {
		r.actors.add(a, i, formCapital)
	}
	for _, s := range e.Seats {
		r.actors.add(s.Name, i, formSeat)
	}
	if e.Kind == analyze.KindPerson {
		for _, form := range append([]string{e.Name}, e.Aliases...) {
			if len(strings.Fields(form)) > 1 {
				r.people[strings.ToLower(key(form))] = i
			}
		}
		f := strings.Fields(e.Name)
		last := strings.ToLower(key(f[len(f)-1]))
		if prev, seen := r.surnames[last]; seen && prev != i {
			r.surnames[last] = -1
		} else {
			r.surnames[last] = i
		}
	}
	if e.Country == "" || e.Kind == analyze.KindState {
		return
	}
	for _, form := range append([]string{e.Name}, e.Aliases...) {
		lf := strings.ToLower(form)
		for si, s := range services {
			if !strings.HasSuffix(lf, serviceSuffixes[si]) {
				continue
			}
			k := e.Country + "|" + s.name
			if _, seen := r.services[k]; !seen {
				r.services[k] = i
			}
		}
	}
}

// serviceSuffixes are the services' words as a name ends in them ("
// air force").
var serviceSuffixes = func() []string {
	out := make([]string, len(services))
	for i, s := range services {
		out[i] = " " + strings.Join(s.words, " ")
	}
	return out
}()

// Name implements analyze.Extractor.
func (r *Resolver) Name() string { return "actors" }

// acc gathers one actor's mentions while a document is read.
type acc struct {
	id, name, kind, country, role string
	mentions                      []analyze.Mention
}

// docState is the working state for one document.
type docState struct {
	a       *analyze.Analysis
	actors  map[string]*acc
	sources map[string]*analyze.Source
	people  []*person
	// covered marks, per sentence, the words a dictionary, title or person
	// pattern explained.
	words   [][]word
	covered [][]bool
	placed  [][]bool // covered by a gazetteer place, which may begin a name
	roles   []roleRef
	places  []placeHit
	// acronyms are the short forms the text defines in brackets after a
	// name ("Sudanese Defence Forces (SDF)"): they win over the
	// dictionary's reading of the same letters.
	acronyms map[string]acc
}

// placeHit is a gazetteer place named over words [i, j) of sentence si.
type placeHit struct {
	si, i, j int
	name     string
}

// Extract implements analyze.Extractor.
func (r *Resolver) Extract(ctx context.Context, a *analyze.Analysis) error {
	st := &docState{a: a, actors: map[string]*acc{}, sources: map[string]*analyze.Source{}, acronyms: map[string]acc{}}
	st.words = make([][]word, len(a.Sentences))
	st.covered = make([][]bool, len(a.Sentences))
	st.placed = make([][]bool, len(a.Sentences))
	for si, s := range a.Sentences {
		st.words[si] = splitWords(s.Tokens)
		st.covered[si] = make([]bool, len(st.words[si]))
		st.placed[si] = make([]bool, len(st.words[si]))
		// Bylines and page furniture name the writers and the site, not
		// actors of the story.
		if s.Section == analyze.SectionByline || s.Section == analyze.SectionBoilerplate {
			for k := range st.covered[si] {
				st.covered[si][k] = true
			}
			continue
		}
		r.scanSentence(st, si)
	}
	if err := r.fallback(ctx, st); err != nil {
		return err
	}
	r.resolvePeople(st)
	r.historical(st)
	r.divided(st)
	a.Actors = st.result()
	a.Sources = st.sourceList()
	st.annotate()
	return nil
}

// annotate adds the actor and place layers that later stages read.
func (st *docState) annotate() {
	a := st.a
	for _, ac := range a.Actors {
		for _, m := range ac.Mentions {
			if from, to, ok := a.TokenSpan(m.Sentence, m.Start, m.End); ok {
				a.Annotate(analyze.Annotation{Layer: analyze.LayerActor, Sentence: m.Sentence, From: from, To: to, Start: m.Start, End: m.End, Value: ac.ID})
			}
		}
	}
	for _, p := range st.places {
		ws := st.words[p.si]
		start, end := ws[p.i].start, ws[p.j-1].end
		if from, to, ok := a.TokenSpan(p.si, start, end); ok {
			a.Annotate(analyze.Annotation{Layer: analyze.LayerPlace, Sentence: p.si, From: from, To: to, Start: start, End: end, Value: p.name})
		}
	}
}

// mention records a mention of the actor id over words [i, j) of sentence si.
func (st *docState) mention(si, i, j int, ac acc) {
	ws := st.words[si]
	start, end := ws[i].start, ws[j-1].end
	s := st.a.Sentences[si]
	m := analyze.Mention{Text: st.a.Doc.Text[start:end], Sentence: s.Index, Start: start, End: end, Section: s.Section}
	cur := st.actors[ac.id]
	if cur == nil {
		cur = &acc{id: ac.id, name: ac.name, kind: ac.kind, country: ac.country, role: ac.role}
		st.actors[ac.id] = cur
	}
	if cur.role == "" {
		cur.role = ac.role
	}
	cur.mentions = append(cur.mentions, m)
	for k := i; k < j; k++ {
		st.covered[si][k] = true
	}
	if j-i > 1 && j+2 < len(ws) && ws[j].text == "(" && ws[j+2].text == ")" && acronym(ws[j+1].text) {
		st.acronyms[ws[j+1].text] = ac
	}
}

// acronym reports a word of two to six capitals (and digits).
func acronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s[0] >= 'A' && s[0] <= 'Z'
}

// scanSentence matches sources, dictionary actors and titled people.
func (r *Resolver) scanSentence(st *docState, si int) {
	ws := st.words[si]
	for i := 0; i < len(ws); {
		i += r.scanAt(st, si, i)
	}
}

// scanAt reads what is named at word i of sentence si and returns how many
// words it used (at least one).
func (r *Resolver) scanAt(st *docState, si, i int) int {
	ws := st.words[si]
	if f, n := r.sources.match(ws, i); n > 0 {
		st.source(si, i, i+n, r.dict.Sources[f.item].Name)
		return n
	}
	if n := r.person(st, si, i, r.leaderOf(ws, i), ""); n > 0 {
		return n
	}
	if n := r.ship(st, si, i); n > 0 {
		return n
	}
	if ac, ok := st.acronyms[ws[i].text]; ok {
		st.mention(si, i, i+1, ac)
		return 1
	}
	f, n := r.actors.match(ws, i)
	// A place name blocks the names inside it: "the Taiwan Strait",
	// "the Philippine Sea" name waters, not states.
	if _, pn := r.places.match(ws, i); pn > n {
		n = 0
	}
	if n == 0 || !r.acceptForm(st, si, i, n, f) {
		return r.nonActorAt(st, si, i)
	}
	e := r.dict.Entries[f.item]
	end := i + n
	if (f.kind == formCapital) && i > 0 && locative[strings.ToLower(ws[i-1].text)] {
		// "signed in Moscow": a capital as a place, not a government.
		st.cover(si, i, end)
		return n
	}
	if e.Kind == analyze.KindState && f.kind != formSeat {
		// "Iranian military", "Chinese navy": a state's armed service.
		if sn := r.serviceAt(st, si, i, end, e); sn > 0 {
			return end + sn - i
		}
		// "Turkish government", "U.S. officials": the state itself.
		end += govWords(ws, end)
	}
	if f.kind == formName || f.kind == formAlias && e.Kind == analyze.KindOrganization {
		// "the UN Interim Security Force": a short name begins a
		// body's name as the full one does.
		if j := r.namedBody(st, si, end); j > end {
			// "the Eritrea-Ethiopia Boundary Commission", "the OSCE Minsk
			// Group": a body whose name begins with a state's or an
			// organisation's.
			name := st.a.Doc.Text[ws[i].start:ws[j-1].end]
			kind := ""
			for k := j - 1; k >= end && kind == ""; k-- {
				kind = orgNouns[ws[k].text] // the head, before "for Abyei"
			}
			st.mention(si, i, j, acc{id: analyze.Slug(name), name: name, kind: kind})
			return j - i
		}
	}
	st.mention(si, i, end, entryAcc(e))
	if e.Country != "" {
		// "Iranian Foreign Minister Mohammad Javad Zarif", "Iran's
		// Supreme Leader, Ayatollah Ali Khamenei", "CENTCOM commander
		// Frank McKenzie".
		prefix := ""
		if e.Kind != analyze.KindState {
			prefix = st.a.Doc.Text[ws[i].start:ws[end-1].end]
		}
		end += r.person(st, si, end, e.Country, prefix)
	}
	return end - i
}

// officeHeads are words that make a capitalised run a person's title,
// not a body's name.
var officeHeads = map[string]bool{"head": true, "chief": true, "commander": true, "director": true, "chairman": true,
	"chair": true, "chairwoman": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "envoy": true,
	"secretary": true, "minister": true, "president": true, "representative": true}

// namedBody returns where a body's name that continues a dictionary name
// ending at word i ends: one or more capitalised words (or a name joined
// by a hyphen), with "and", "of" or "for" between them, the last an
// organisation noun, and at least one word before it ("Boundary
// Commission", "Minsk Group"); else i.
func (r *Resolver) namedBody(st *docState, si, i int) int {
	ws := st.words[si]
	if i == 0 || i >= len(ws) || ws[i-1].possessive {
		return i
	}
	best := i
	for k := i; k < len(ws) && k < i+8; k++ {
		w := ws[k]
		if st.covered[si][k] && !st.placed[si][k] || w.possessive {
			break
		}
		if _, n := r.titles.match(ws, k); n > 0 || officeHeads[strings.ToLower(w.text)] {
			break // "the UN Head of Mission": a title, before a person
		}
		if (w.key == "and" || w.key == "of" || w.key == "for") && k > i && k+1 < len(ws) && capitalized(ws[k+1].text) {
			continue
		}
		if !capitalized(w.text) || !nameWord(w.text) {
			break
		}
		if _, ok := orgNouns[w.text]; ok {
			// "Force for Abyei", "Mission in Ethiopia and Eritrea": a
			// body named for the place it serves; without one, a bare
			// noun after the name ("UN Mission") says too little.
			if e := placeAfter(ws, k+1); e > k+1 {
				best = e
			} else if k > i {
				best = k + 1
			}
		}
	}
	return best
}

// placeAfter returns where "for", "in" or "on" and the capitalised words
// of a place after an organisation noun at word i-1 end ("for Abyei", "in
// Ethiopia and Eritrea"), or i when none follow.
func placeAfter(ws []word, i int) int {
	if i+1 >= len(ws) || (ws[i].key != "for" && ws[i].key != "in" && ws[i].key != "on") {
		return i
	}
	end := i
	for k := i + 1; k < len(ws) && k < i+6; k++ {
		switch {
		case capitalized(ws[k].text) && nameWord(ws[k].text) && !ws[k].possessive:
			end = k + 1
		case (ws[k].key == "and" || ws[k].key == "the") && end > i && k+1 < len(ws) && capitalized(ws[k+1].text):
		case ws[k].key == "the" && end == i:
		default:
			return end
		}
	}
	return end
}

// nonActorAt covers a term that is never an actor or a place name at word
// i, and returns the words used (one when there is neither).
func (r *Resolver) nonActorAt(st *docState, si, i int) int {
	ws := st.words[si]
	if _, sn := r.stop.match(ws, i); sn > 0 {
		st.cover(si, i, i+sn)
		return sn
	}
	if pf, pn := r.places.match(ws, i); pn > 0 {
		st.places = append(st.places, placeHit{si: si, i: i, j: i + pn, name: r.dict.Places[pf.item].Name})
		st.cover(si, i, i+pn)
		for k := i; k < i+pn; k++ {
			st.placed[si][k] = true
		}
		return pn
	}
	return 1
}

// serviceAt reads a state's armed service or ministry after the state's
// name (words [i, end)) and returns the service's words, 0 when none.
func (r *Resolver) serviceAt(st *docState, si, i, end int, e Entry) int {
	ws := st.words[si]
	sn, svc := service(ws, end)
	if sn == 0 || svc.modified && r.knownAt(ws, end) {
		return 0
	}
	name := strings.TrimSuffix(strings.TrimSuffix(st.a.Doc.Text[ws[i].start:ws[end+sn-1].end], "’s"), "'s")
	if ws[end-1].possessive && len(e.Demonyms) > 0 {
		// "Armenia's Defense Ministry" is the Armenian defense ministry.
		name = e.Demonyms[0] + " " + svc.name
	}
	ac := acc{id: strings.ToLower(e.Country) + "-" + analyze.Slug(svc.name), name: name, kind: svc.kind, country: e.Country}
	if k, ok := r.services[e.Country+"|"+svc.name]; ok {
		ac = entryAcc(r.dict.Entries[k])
	}
	st.mention(si, i, end+sn, ac)
	return sn
}

// cover marks words [i, j) of sentence si as explained.
func (st *docState) cover(si, i, j int) {
	for k := i; k < j; k++ {
		st.covered[si][k] = true
	}
}

// knownAt reports whether a dictionary actor is named at word i: "Iran's
// Islamic Revolutionary Guard Corps" is the IRGC, not a service read by
// grammar.
func (r *Resolver) knownAt(ws []word, i int) bool {
	_, n := r.actors.match(ws, i)
	return n > 0
}

// locative prepositions make a capital a place ("talks in Moscow") rather
// than its government ("Moscow warned").
// ("A message from Moscow", "a call to Washington" are governments.)
var locative = map[string]bool{"in": true, "at": true, "near": true, "outside": true,
	"via": true, "into": true, "around": true, "across": true}

func entryAcc(e Entry) acc {
	return acc{id: e.ID, name: e.Name, kind: e.Kind, country: e.Country}
}

// acceptForm checks context for names that are also ordinary names or words
// (Jordan, Chad, Georgia, Washington): such a form next to another
// unexplained capitalised word is part of some other name ("Michael Jordan",
// "George Washington").
func (r *Resolver) acceptForm(st *docState, si, i, n int, f form) bool {
	ws := st.words[si]
	e := r.dict.Entries[f.item]
	if !e.Ambiguous && f.kind != formCapital {
		return true
	}
	if i > 0 && capitalized(ws[i-1].text) && !ws[i-1].first && !st.covered[si][i-1] && !ws[i-1].possessive {
		return false
	}
	if j := i + n; j < len(ws) && capitalized(ws[j].text) && !ws[i+n-1].possessive {
		if _, k := r.actors.match(ws, j); k == 0 {
			if _, t := r.titles.match(ws, j); t == 0 {
				return false
			}
		}
	}
	return true
}

// svc is an armed service or ministry that a demonym can qualify.
type svc struct {
	words []string
	name  string
	kind  string
	// modified marks a service read with modifiers before its head.
	modified bool
}

var services = []svc{
	{words: []string{"armed", "forces"}, name: "armed forces", kind: analyze.KindMilitary},
	{words: []string{"air", "force"}, name: "air force", kind: analyze.KindMilitary},
	{words: []string{"coast", "guard"}, name: "coast guard", kind: analyze.KindMilitary},
	{words: []string{"general", "staff"}, name: "general staff", kind: analyze.KindMilitary},
	{words: []string{"joint", "staff"}, name: "joint staff", kind: analyze.KindMilitary},
	{words: []string{"defense", "ministry"}, name: "defense ministry", kind: analyze.KindMilitary},
	{words: []string{"defence", "ministry"}, name: "defense ministry", kind: analyze.KindMilitary},
	{words: []string{"ministry", "of", "defense"}, name: "defense ministry", kind: analyze.KindMilitary},
	{words: []string{"ministry", "of", "defence"}, name: "defense ministry", kind: analyze.KindMilitary},
	{words: []string{"special", "forces"}, name: "special forces", kind: analyze.KindMilitary},
	{words: []string{"border", "guards"}, name: "border guards", kind: analyze.KindMilitary},
	{words: []string{"military"}, name: "military", kind: analyze.KindMilitary},
	{words: []string{"army"}, name: "army", kind: analyze.KindMilitary},
	{words: []string{"navy"}, name: "navy", kind: analyze.KindMilitary},
	{words: []string{"marines"}, name: "marines", kind: analyze.KindMilitary},
	{words: []string{"foreign", "ministry"}, name: "foreign ministry", kind: analyze.KindOrganization},
	{words: []string{"defense", "department"}, name: "defense department", kind: analyze.KindMilitary},
	{words: []string{"state", "department"}, name: "state department", kind: analyze.KindOrganization},
	{words: []string{"fleet"}, name: "fleet", kind: analyze.KindMilitary},
	{words: []string{"air", "defences"}, name: "air defences", kind: analyze.KindMilitary},
	{words: []string{"air", "defenses"}, name: "air defenses", kind: analyze.KindMilitary},
	{words: []string{"air", "defence"}, name: "air defence", kind: analyze.KindMilitary},
	{words: []string{"air", "defense"}, name: "air defense", kind: analyze.KindMilitary},
	{words: []string{"defence", "forces"}, name: "defence forces", kind: analyze.KindMilitary},
	{words: []string{"defense", "forces"}, name: "defense forces", kind: analyze.KindMilitary},
	{words: []string{"militia"}, name: "militia", kind: analyze.KindMilitary},
}

// modifiedServices are heads that name a service only after a modifier:
// "Southern Command", "Special Forces", "Republican Guard".
var modifiedServices = []svc{
	{words: []string{"command"}, name: "command", kind: analyze.KindMilitary},
	{words: []string{"commands"}, name: "commands", kind: analyze.KindMilitary},
	{words: []string{"forces"}, name: "forces", kind: analyze.KindMilitary},
	{words: []string{"corps"}, name: "corps", kind: analyze.KindMilitary},
	{words: []string{"guard"}, name: "guard", kind: analyze.KindMilitary},
	{words: []string{"division"}, name: "division", kind: analyze.KindMilitary},
	{words: []string{"brigade"}, name: "brigade", kind: analyze.KindMilitary},
	{words: []string{"district"}, name: "district", kind: analyze.KindMilitary},
}

// serviceAdjectives may stand between a state's name and its service:
// "the Chinese naval forces", "Algerian air defences" (with "air" part of
// the head), "the Iranian Southern Command".
var serviceAdjectives = map[string]bool{"naval": true, "coastal": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "special": true, "strategic": true, "rocket": true,
	"missile": true, "maritime": true, "border": true, "national": true, "republican": true, "revolutionary": true,
	"royal": true, "regular": true, "territorial": true, "ground": true, "aerospace": true, "expeditionary": true}

// service matches an armed service after a state's name, with up to three
// modifiers before its head noun (capitalised words, ordinals, service
// adjectives): "Dutch Navy", "the US 5th Fleet", "Egyptian Southern
// Military Zone Command". The name of a modified service keeps its
// modifiers.
func service(ws []word, i int) (int, svc) {
	best, bestSvc := 0, svc{}
	for m := 0; m <= 3 && i+m < len(ws); m++ {
		if m > 0 && !serviceModifier(ws[i+m-1]) {
			break
		}
		n, s := serviceHead(ws, i+m, m > 0)
		if n == 0 || m+n <= best {
			continue
		}
		if m > 0 {
			var mods []string
			for k := i; k < i+m; k++ {
				mods = append(mods, strings.ToLower(ws[k].key))
			}
			s.name = strings.Join(mods, " ") + " " + s.name
			s.modified = true
		}
		best, bestSvc = m+n, s
	}
	return best, bestSvc
}

func serviceModifier(w word) bool {
	if w.possessive {
		return false
	}
	k := strings.ToLower(w.key)
	if serviceAdjectives[k] || ordinal(k) {
		return true
	}
	return capitalized(w.text) && nameWord(w.text)
}

// ordinal reports "5th", "1st", "third" and the like.
func ordinal(s string) bool {
	switch s {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	n := len(s)
	if n < 3 || s[0] < '0' || s[0] > '9' {
		return false
	}
	suf := s[n-2:]
	return suf == "st" || suf == "nd" || suf == "rd" || suf == "th"
}

// serviceHead matches a service's head noun at word i; modified heads may
// be broader ("Special Forces", "Southern Command").
func serviceHead(ws []word, i int, modified bool) (int, svc) {
	heads := services
	if modified {
		heads = append(append([]svc(nil), services...), modifiedServices...)
	}
	for _, s := range heads {
		if i+len(s.words) > len(ws) {
			continue
		}
		ok := true
		for k, w := range s.words {
			if strings.ToLower(ws[i+k].key) != w || (k < len(s.words)-1 && ws[i+k].possessive) {
				ok = false
				break
			}
		}
		// "the Iranian military commanders": a noun after the service makes
		// the service word an adjective.
		if ok && !(i+len(s.words) < len(ws) && strings.HasPrefix(ws[i+len(s.words)].tag, "NN") && !capitalized(ws[i+len(s.words)].text) && !ws[i+len(s.words)-1].possessive) {
			return len(s.words), s
		}
	}
	return 0, svc{}
}

var govNouns = map[string]bool{"government": true, "officials": true, "authorities": true, "leadership": true,
	"regime": true, "administration": true, "forces": true, "troops": true, "side": true, "leaders": true, "diplomats": true}

// govWords matches a word that makes a demonym stand for its state
// ("Turkish government").
func govWords(ws []word, i int) int {
	if i < len(ws) && govNouns[strings.ToLower(ws[i].key)] {
		return 1
	}
	return 0
}

// source records a mention of a publication.
func (st *docState) source(si, i, j int, name string) {
	ws := st.words[si]
	s := st.a.Sentences[si]
	src := st.sources[name]
	if src == nil {
		src = &analyze.Source{Name: name}
		st.sources[name] = src
	}
	start, end := ws[i].start, ws[j-1].end
	src.Mentions = append(src.Mentions, analyze.Mention{Text: st.a.Doc.Text[start:end], Sentence: s.Index, Start: start, End: end, Section: s.Section})
	for k := i; k < j; k++ {
		st.covered[si][k] = true
	}
}

func (st *docState) sourceList() []analyze.Source {
	out := make([]analyze.Source, 0, len(st.sources))
	for _, k := range sortedKeys(st.sources) {
		out = append(out, *st.sources[k])
	}
	return out
}

// result turns the gathered actors into the contract's list, ranked by
// salience. Only body mentions make an actor salient: what comments, bios
// and captions say is not the article's own.
func (st *docState) result() []analyze.Actor {
	n := len(st.a.Sentences)
	var out []analyze.Actor
	best := 0.0
	for _, id := range sortedKeys(st.actors) {
		ac := st.actors[id]
		sort.SliceStable(ac.mentions, func(i, j int) bool { return ac.mentions[i].Start < ac.mentions[j].Start })
		score := 0.0
		first := -1
		for _, m := range ac.mentions {
			switch m.Section {
			case analyze.SectionBody:
				score++
				if first < 0 {
					first = m.Sentence
				}
			case analyze.SectionTitle:
				score += 2
			}
		}
		if score > 0 && first >= 0 && n > 0 {
			score += 1 - float64(first)/float64(n) // earlier is more central
		}
		if score > best {
			best = score
		}
		out = append(out, analyze.Actor{ID: ac.id, Name: ac.name, Kind: ac.kind, Country: ac.country, Role: ac.role, Salience: score, Mentions: ac.mentions})
	}
	for i := range out {
		if best > 0 {
			out[i].Salience = math.Round(out[i].Salience/best*100) / 100
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Salience != out[j].Salience {
			return out[i].Salience > out[j].Salience
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// predecessors maps a state to the historical state its capital and seats
// stood for: in a text about the Soviet Union, "Moscow" and "the Kremlin"
// are Soviet.
var predecessors = map[string]string{"RUS": "SUN", "SRB": "YUG", "CZE": "CSK"}

// dissolved is the last year each historical state existed.
var dissolved = map[string]int{"SUN": 1991, "YUG": 1992, "CSK": 1992}

// historical moves capital and seat mentions of a modern state to its
// predecessor when the document names the predecessor and not the modern
// state itself.
func (r *Resolver) historical(st *docState) {
	for modern, old := range predecessors {
		m, o := st.actors[modern], st.actors[old]
		if m == nil || o == nil {
			continue
		}
		var e *Entry
		for i := range r.dict.Entries {
			if r.dict.Entries[i].ID == modern {
				e = &r.dict.Entries[i]
			}
		}
		if e == nil {
			continue
		}
		metonyms := map[string]bool{}
		for _, c := range e.Capitals {
			metonyms[key(c)] = true
		}
		for _, s := range e.Seats {
			metonyms[key(s.Name)] = true
			metonyms[key("the "+s.Name)] = true
		}
		var keep []analyze.Mention
		for _, mm := range m.mentions {
			// The metonym follows the time of its sentence: "Moscow" in
			// 1962 is Soviet, in 2025 Russian.
			if year := st.era(mm.Sentence); metonyms[key(mm.Text)] && (year == 0 || year <= dissolved[old]) {
				o.mentions = append(o.mentions, mm)
			} else {
				keep = append(keep, mm)
			}
		}
		m.mentions = keep
		if len(keep) == 0 {
			delete(st.actors, modern)
		}
	}
}

// era returns the year the text is at in sentence si: the latest year a
// date of the sentence names, else of the sentences before it in its
// paragraph; 0 when none does.
func (st *docState) era(si int) int {
	a := st.a
	para := -1
	for k, p := range a.Paragraphs {
		if p.Start <= a.Sentences[si].Start && a.Sentences[si].Start < p.End {
			para = k
		}
	}
	for k := si; k >= 0; k-- {
		if para >= 0 && a.Sentences[k].Start < a.Paragraphs[para].Start {
			break
		}
		year := 0
		for _, d := range a.Layer(analyze.LayerDate, k) {
			if len(d.Value) >= 4 {
				if y, err := strconv.Atoi(d.Value[:4]); err == nil && y > year {
					year = y
				}
			}
		}
		if year > 0 {
			return year
		}
	}
	return 0
}

// divided names the halves of a divided country by their short forms once
// the text has named both: "the North" and "the South" in a text about the
// two Koreas.
var divided = []struct{ north, south string }{{"PRK", "KOR"}, {"SDN", "SSD"}}

func (r *Resolver) divided(st *docState) {
	for _, pair := range divided {
		n, s := st.actors[pair.north], st.actors[pair.south]
		if n == nil || s == nil {
			continue
		}
		for si, ws := range st.words {
			for k := 1; k < len(ws); k++ {
				if st.covered[si][k] || !strings.EqualFold(ws[k-1].key, "the") {
					continue
				}
				var target *acc
				switch ws[k].key {
				case "North":
					target = n
				case "South":
					target = s
				}
				// "the North Atlantic": the word must stand alone.
				if target == nil || (k+1 < len(ws) && capitalized(ws[k+1].text) && !ws[k].possessive) {
					continue
				}
				st.mention(si, k, k+1, acc{id: target.id})
			}
			// "northern troops", "southern forces".
			for k := 0; k+1 < len(ws); k++ {
				if st.covered[si][k] || !armedNouns[strings.ToLower(ws[k+1].key)] {
					continue
				}
				switch strings.ToLower(ws[k].key) {
				case "northern":
					st.mention(si, k, k+2, acc{id: n.id})
				case "southern":
					st.mention(si, k, k+2, acc{id: s.id})
				}
			}
		}
	}
}

var armedNouns = map[string]bool{"troops": true, "forces": true, "soldiers": true, "military": true,
	"army": true, "navy": true, "side": true, "units": true, "guards": true, "artillery": true}

// ship reads "USS Decatur" as a mention of the ship's navy (or, without one
// in the dictionaries, its state) and returns the words used.
func (r *Resolver) ship(st *docState, si, i int) int {
	ws := st.words[si]
	country, ok := r.ships[ws[i].text]
	if !ok || i+1 >= len(ws) || !capitalized(ws[i+1].text) {
		return 0
	}
	j := i + 1
	for j < len(ws) && j < i+4 && capitalized(ws[j].text) && nameWord(ws[j].text) {
		j++
		if ws[j-1].possessive {
			break
		}
	}
	ac := acc{id: country, kind: analyze.KindState, country: country}
	if k, ok := r.services[country+"|navy"]; ok {
		ac = entryAcc(r.dict.Entries[k])
	} else {
		for _, e := range r.dict.Entries {
			if e.ID == country {
				ac = entryAcc(e)
				break
			}
		}
	}
	if ac.name == "" {
		return 0
	}
	st.mention(si, i, j, ac)
	return j - i
}
