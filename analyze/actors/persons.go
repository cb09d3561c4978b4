package actors

import (
	"context"
	"strings"
	"unicode"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/dates"
	"github.com/brief-tool/brief/analyze/nlp"
)

// person is a named person found in the text, before short references are
// resolved.
type person struct {
	words   []string // the name as written, without titles
	role    string
	country string
	spans   []wspan
}

// wspan is a run of words [i, j) in sentence si.
type wspan struct{ si, i, j int }

// roleRef is a title used without a name ("the Supreme Leader"), resolved
// later to the one person who holds it.
type roleRef struct {
	span    wspan
	role    string
	country string
}

func (p *person) full() string { return strings.Join(p.words, " ") }
func (p *person) last() string { return p.words[len(p.words)-1] }

// nameParticles may stand between the capitalised parts of a name.
var nameParticles = map[string]bool{"bin": true, "ibn": true, "al": true, "el": true, "de": true,
	"van": true, "von": true, "da": true, "di": true, "del": true, "der": true, "la": true, "le": true}

// orgNouns end the names of organisations; they never belong to a personal
// name.
var orgNouns = map[string]string{
	"University": analyze.KindOrganization, "Institute": analyze.KindOrganization, "Council": analyze.KindOrganization,
	"Ministry": analyze.KindOrganization, "Department": analyze.KindOrganization, "Agency": analyze.KindOrganization,
	"Commission": analyze.KindOrganization, "Committee": analyze.KindOrganization, "Foundation": analyze.KindOrganization,
	"Party": analyze.KindOrganization, "Center": analyze.KindOrganization, "Centre": analyze.KindOrganization,
	"Organization": analyze.KindOrganization, "Organisation": analyze.KindOrganization, "Office": analyze.KindOrganization,
	"Bureau": analyze.KindOrganization, "Union": analyze.KindOrganization, "League": analyze.KindOrganization,
	"Assembly": analyze.KindOrganization, "Parliament": analyze.KindOrganization, "Senate": analyze.KindOrganization,
	"Congress": analyze.KindOrganization, "Court": analyze.KindOrganization, "Service": analyze.KindOrganization,
	"Command": analyze.KindMilitary, "Corps": analyze.KindMilitary, "Forces": analyze.KindMilitary,
	"Army": analyze.KindMilitary, "Navy": analyze.KindMilitary, "Guard": analyze.KindMilitary, "Guards": analyze.KindMilitary,
	"Brigade": analyze.KindMilitary, "Brigades": analyze.KindMilitary, "Fleet": analyze.KindMilitary,
	"Regiment": analyze.KindMilitary, "Division": analyze.KindMilitary, "Battalion": analyze.KindMilitary,
	"Squadron": analyze.KindMilitary, "Staff": analyze.KindMilitary, "District": analyze.KindMilitary, "Front": analyze.KindGroup, "Movement": analyze.KindGroup,
	"Group": analyze.KindOrganization, "Panel": analyze.KindOrganization, "Mechanism": analyze.KindOrganization,
	"Mission": analyze.KindOrganization, "Force": analyze.KindMilitary,
}

// person matches [title...] [","] Name at word i of sentence si and returns
// the words it used, 0 when there is no titled name there. country is the
// state the words before i named, if any; prefix is how they named it.
func (r *Resolver) person(st *docState, si, i int, country, prefix string) int {
	ws := st.words[si]
	t := i
	for t < len(ws) {
		_, n := r.titles.match(ws, t)
		if n == 0 || (t > i && ws[t-1].possessive) {
			break
		}
		t += n
	}
	if t == i || ws[t-1].possessive {
		// "the Commander's Critical Information Requirements" is no name.
		return 0
	}
	if t < len(ws) && pluralTitle(ws[t-1].text, ws[t].text) {
		// "Director Generals", "Presidents ... and ...": a title in the
		// plural names several, not one person.
		return 0
	}
	ri := i
	if t > i+1 && strings.EqualFold(ws[i].text, "counterpart") {
		// "his Finnish counterpart President X": the office is the role.
		ri = i + 1
	}
	role := st.a.Doc.Text[ws[ri].start:ws[t-1].end]
	if prefix != "" {
		role = prefix + " " + role
	}
	nameStart := t
	if nameStart < len(ws) && ws[nameStart].text == "," {
		// Apposition: "Iran's Supreme Leader, Ayatollah Ali Khamenei".
		nameStart++
		for nameStart < len(ws) {
			_, n := r.titles.match(ws, nameStart)
			if n == 0 {
				break
			}
			nameStart += n
		}
	}
	end := r.nameEnd(st, si, nameStart)
	if end == nameStart {
		if capitalized(ws[i].text) || country != "" {
			st.roles = append(st.roles, roleRef{span: wspan{si, i, t}, role: strings.ToLower(role), country: country})
		}
		return 0
	}
	p := &person{role: role, country: country}
	for k := nameStart; k < end; k++ {
		p.words = append(p.words, ws[k].text)
	}
	if p.country == "" {
		p.country = r.appositionCountry(ws, end)
	}
	p.spans = append(p.spans, wspan{si, nameStart, end})
	st.people = append(st.people, p)
	for k := i; k < end; k++ {
		st.covered[si][k] = true
	}
	return end - i
}

// pluralTitle reports whether a title word is followed by its own plural
// ("Director Generals") or is itself a plural title before a capital
// ("Generals Smith").
func pluralTitle(title, next string) bool {
	lt, ln := strings.ToLower(title), strings.ToLower(next)
	if strings.HasSuffix(ln, "s") && !strings.HasSuffix(ln, "ss") && strings.HasPrefix(ln, "general") {
		return true
	}
	return strings.HasSuffix(lt, "generals") || strings.HasSuffix(lt, "ministers") || strings.HasSuffix(lt, "secretaries") || strings.HasSuffix(lt, "commanders") || strings.HasSuffix(lt, "admirals")
}

// appositionCountry reads the country from an apposition after a name:
// "Frank McKenzie, the U.S. CENTCOM commander".
func (r *Resolver) appositionCountry(ws []word, i int) string {
	if i >= len(ws) || ws[i].text != "," {
		return ""
	}
	i++
	if i < len(ws) && (ws[i].key == "the" || ws[i].key == "a" || ws[i].key == "an") {
		i++
	}
	country := ""
	for i < len(ws) {
		f, n := r.actors.match(ws, i)
		if n == 0 {
			break
		}
		if country == "" {
			country = r.dict.Entries[f.item].Country
		}
		i += n
	}
	if i < len(ws) && strings.EqualFold(ws[i].key, "former") {
		i++
	}
	_, n := r.titles.match(ws, i)
	if n == 0 {
		return ""
	}
	if country != "" {
		return country
	}
	// "Mohsen Rezaei, a former commander of the Guards": the body the
	// title belongs to.
	i += n
	if i < len(ws) && ws[i].key == "of" {
		i++
		if i < len(ws) && strings.EqualFold(ws[i].key, "the") {
			i++
		}
		if i < len(ws) {
			if f, n := r.actors.match(ws, i); n > 0 {
				return r.dict.Entries[f.item].Country
			}
		}
	}
	return ""
}

// leaderOf reads the country of a person from the national group it leads,
// told before it: "the Thai delegation was led by General X", "a Chilean
// team, headed by Admiral Y". The state must name the group directly (at
// most two lower-case words between), so "the attack on the Turkish post
// was led by X" gives X no country. "" when there is none.
func (r *Resolver) leaderOf(ws []word, i int) string {
	if i < 3 || ws[i-1].key != "by" {
		return ""
	}
	switch strings.ToLower(ws[i-2].key) {
	case "led", "headed", "commanded", "chaired":
	default:
		return ""
	}
	k := i - 3
	for k >= 0 && (ws[k].text == "," || auxBe[strings.ToLower(ws[k].key)]) {
		k--
	}
	// One or two lower-case nouns: "delegation", "negotiating team".
	end := k + 1
	for k >= 0 && end-k <= 2 && !capitalized(ws[k].text) && strings.HasPrefix(ws[k].tag, "NN") {
		k--
	}
	if k+1 == end {
		return ""
	}
	for s := max(k-3, 0); s <= k; s++ {
		if f, n := r.actors.match(ws, s); n > 0 && s+n == k+1 {
			if e := r.dict.Entries[f.item]; e.Kind == analyze.KindState && !afterPreposition(ws, s) {
				return e.Country
			}
		}
	}
	return ""
}

// afterPreposition reports whether the noun phrase at word i is the
// object of a preposition ("the attack on the Turkish post"): then it is
// not what the verb after it is said of.
func afterPreposition(ws []word, i int) bool {
	k := i - 1
	if k >= 0 && ws[k].tag == "DT" {
		k--
	}
	return k >= 0 && ws[k].tag == "IN"
}

// auxBe are the forms of "be" of a passive ("was led by").
var auxBe = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true}

// nameEnd returns the end of a personal name starting at word i: up to four
// capitalised words (initials and particles allowed) that no dictionary
// explains.
func (r *Resolver) nameEnd(st *docState, si, i int) int {
	ws := st.words[si]
	j := i
	for j < len(ws) && j-i < 4 {
		w := ws[j]
		switch {
		case nameParticles[strings.ToLower(w.key)] && j > i && j+1 < len(ws) && capitalized(ws[j+1].text):
		case !nameWord(w.text) || w.tag == "NNPS":
			return trimName(ws, i, j)
		default:
			if _, n := r.titles.match(ws, j); n > 0 {
				return trimName(ws, i, j)
			}
			if f, n := r.actors.match(ws, j); n > 0 && j == i {
				if r.dict.Entries[f.item].Kind == analyze.KindPerson {
					return i + n // a name the dictionary knows
				}
				return trimName(ws, i, j)
			}
			if _, n := r.stop.match(ws, j); n > 0 {
				return trimName(ws, i, j)
			}
			if _, ok := orgNouns[w.text]; ok {
				return i
			}
		}
		j++
		if ws[j-1].possessive {
			break
		}
	}
	// A name followed by an organisation noun is the organisation's.
	if j < len(ws) {
		if _, ok := orgNouns[ws[j].text]; ok {
			return i
		}
	}
	return trimName(ws, i, j)
}

func trimName(ws []word, i, j int) int {
	for j > i && nameParticles[ws[j-1].key] { // only a lower-case particle can't end a name
		j--
	}
	return j
}

// nameWord reports whether s can be part of a personal name: capitalised
// letters, an initial ("F."), apostrophes and hyphens inside.
func nameWord(s string) bool {
	if !capitalized(s) {
		return false
	}
	if _, ok := dates.Months[strings.ToLower(strings.TrimSuffix(s, "."))]; ok {
		return false
	}
	if weekdays[strings.ToLower(s)] {
		return false
	}
	upper := 0
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) {
				upper++
			}
		case r == '.' && i == len(s)-1:
		case r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	// All-capital words of more than two letters are acronyms, not names.
	return !(upper > 2 && upper == len([]rune(strings.TrimSuffix(s, "."))))
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// fallback looks at the capitalised spans nothing explained: organisation
// names ending in a noun such as "University" or "Command" are read by
// rule; for the rest, the statistical recogniser proposes people.
func (r *Resolver) fallback(ctx context.Context, st *docState) error {
	for si := range st.words {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.orgRuns(st, si)
		// Headlines are in title case: every word looks like a name there.
		if r.ner == nil || st.a.Sentences[si].Section == analyze.SectionTitle || !st.unexplained(si) {
			continue
		}
		ents, err := r.ner.EntitiesNear(st.a.Sentences[si], st.nameRuns(si))
		if err != nil {
			return err
		}
		for _, e := range ents {
			if e.Label == "PERSON" {
				r.proposedPerson(st, si, e)
			}
		}
	}
	return nil
}

// proposedPerson keeps a person the recogniser proposes, when the words
// say a name: the longest uncovered run of name words in the entity, of two
// to four words, in a place a person can be named.
func (r *Resolver) proposedPerson(st *docState, si int, e nlp.Entity) {
	ws := st.words[si]
	i, j := wordRange(ws, e.Start, e.End)
	for i < j && (st.covered[si][i] || !nameWord(ws[i].text)) {
		i++
	}
	k := i
	for k < j && !st.covered[si][k] && nameWord(ws[k].text) {
		if _, n := r.stop.match(ws, k); n > 0 {
			break
		}
		k++
		if ws[k-1].possessive {
			break
		}
	}
	// The recogniser often stops short of a name ("John F." of "John F.
	// Kennedy"): the name runs as far as name words do.
	if end := r.nameEnd(st, si, i); end > k && k > i {
		k = end
		for x := i; x < k; x++ {
			if st.covered[si][x] {
				k = x
			}
		}
	}
	if k-i < 2 || k-i > 4 || !personContext(ws, i) || placeAround(st, si, i, k) || st.namedAsThing(st.a.Doc.Text[ws[i].start:ws[k-1].end]) {
		return
	}
	if end := r.nameEnd(st, si, i); end < k {
		return
	}
	p := &person{}
	for x := i; x < k; x++ {
		p.words = append(p.words, ws[x].text)
		st.covered[si][x] = true
	}
	p.spans = append(p.spans, wspan{si, i, k})
	st.people = append(st.people, p)
}

// notPersonBefore are words after which a capitalised name is a place, a
// ship or a title rather than a person: "in Hot Springs", "the tanker Stena
// Impero", "the novel “Red Alert”".
var notPersonBefore = map[string]bool{"in": true, "at": true, "near": true, "on": true, "over": true,
	"into": true, "from": true, "outside": true, "across": true, "toward": true, "towards": true, "off": true,
	"tanker": true, "ship": true, "vessel": true, "destroyer": true, "frigate": true, "carrier": true,
	"tankers": true, "ships": true, "vessels": true, "destroyers": true, "frigates": true, "carriers": true,
	"cruiser": true, "submarine": true, "boat": true, "freighter": true, "USS": true, "HMS": true, "INS": true,
	"operation": true, "Operation": true, "exercise": true, "novel": true, "film": true, "movie": true,
	"book": true, "the": true, "The": true, "a": true, "an": true, "“": true, "\"": true, "‘": true, "'": true}

// personContext reports whether the words before a recognised name leave it
// a person.
func personContext(ws []word, i int) bool {
	if i == 0 {
		return true
	}
	prev := strings.ToLower(ws[i-1].text)
	if notPersonBefore[ws[i-1].text] || notPersonBefore[prev] {
		return false
	}
	// "the British-flagged Stena Impero": a flag or owner makes it a ship.
	for _, s := range []string{"flagged", "owned", "registered", "operated"} {
		if strings.HasSuffix(prev, s) {
			return false
		}
	}
	return true
}

// articles open a noun phrase; a capitalised one opens a sentence.
var articles = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true}

// placeHeads are the nouns that make the name they end or precede a
// place: "the Border Zone", "the Ta Moan temples", "Lorca Valley".
var placeHeads = map[string]bool{"zone": true, "line": true, "area": true, "valley": true, "river": true,
	"island": true, "islands": true, "strait": true, "sea": true, "pass": true, "temple": true, "temples": true,
	"bay": true, "gulf": true, "shoal": true, "reef": true, "mountain": true, "mountains": true, "hills": true,
	"lake": true, "canal": true, "corridor": true, "region": true, "district": true, "province": true,
	"village": true, "villages": true, "town": true, "city": true, "port": true, "airport": true, "camp": true,
	"crossing": true, "bridge": true, "plateau": true, "heights": true, "peninsula": true, "county": true}

// placeAround reports whether the words of a name [i, k) say a place: it
// ends in a place noun ("Demilitarised Border Zone"), a place noun follows
// it ("the Ta Moan and Ta Krabei temples"), or "in" and a name already
// read follow it ("Gok Machar in South Sudan": people are "of" a state).
func placeAround(st *docState, si, i, k int) bool {
	ws := st.words[si]
	if placeHeads[strings.ToLower(ws[k-1].text)] {
		return true
	}
	if k < len(ws) && placeHeads[ws[k].text] {
		return true
	}
	return k+1 < len(ws) && ws[k].text == "in" && st.covered[si][k+1] && capitalized(ws[k+1].text)
}

// namedAsThing reports whether the text elsewhere names name as a thing:
// after "the", a ship word or a flag ("the Eternity C", "the
// Liberian-flagged Eternity C"). People are not named so; ships are, even
// where a sentence gives the bare name.
func (st *docState) namedAsThing(name string) bool {
	text := st.a.Doc.Text
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			return false
		}
		i += off
		before := strings.TrimRight(text[max(0, i-20):i], " ")
		if f := strings.Fields(before); len(f) > 0 {
			last := f[len(f)-1]
			if last == "the" || last == "The" || notPersonBefore[last] || strings.HasSuffix(last, "-flagged") || strings.HasSuffix(last, "-owned") {
				return true
			}
		}
		off = i + len(name)
	}
}

// unexplained reports whether sentence si has a run of two or more
// capitalised words, other than an ordinary sentence opener, that nothing
// has explained: the shape of a first mention of a person. (Later, single
// word references resolve against the names found.)
func (st *docState) unexplained(si int) bool {
	run := 0
	for k, w := range st.words[si] {
		if st.covered[si][k] || !nameWord(w.text) || (w.first && !strings.HasPrefix(w.tag, "NNP")) {
			run = 0
			continue
		}
		run++
		if run >= 2 {
			return true
		}
	}
	return false
}

// nameRuns returns the runs of two or more words of sentence si that
// could be a name proposedPerson keeps: uncovered name words and
// particles. A person it keeps starts at a word of the entity proposed and
// runs over such words only, so the recogniser need not be asked about the
// rest of the sentence.
func (st *docState) nameRuns(si int) []analyze.Span {
	var runs []analyze.Span
	ws := st.words[si]
	for k := 0; k < len(ws); {
		j := k
		for j < len(ws) && !st.covered[si][j] && (nameWord(ws[j].text) || nameParticles[strings.ToLower(ws[j].key)] || nameParticles[ws[j].key]) {
			j++
		}
		if j-k >= 2 {
			runs = append(runs, analyze.Span{Start: ws[k].start, End: ws[j-1].end})
		}
		k = max(j, k+1)
	}
	return runs
}

// orgRuns finds capitalised runs that end in an organisation noun ("National
// Defense University", "Center for Strategic Studies").
func (r *Resolver) orgRuns(st *docState, si int) {
	ws := st.words[si]
	for j := 0; j < len(ws); j++ {
		kind, ok := orgNouns[ws[j].text]
		if !ok || st.covered[si][j] {
			continue
		}
		if j+1 < len(ws) && officeHeads[strings.ToLower(ws[j+1].text)] {
			continue // "Force Commander": a title
		}
		i := j
		for i > 0 && (!st.covered[si][i-1] || st.placed[si][i-1]) && !ws[i-1].possessive && !officeHeads[strings.ToLower(ws[i-1].text)] &&
			(capitalized(ws[i-1].text) && nameWord(ws[i-1].text) || (ws[i-1].key == "of" || ws[i-1].key == "for" || ws[i-1].key == "and") && i-2 >= 0 && capitalized(ws[i-2].text)) {
			i--
		}
		// "The General Border Committee" opening a sentence: the article
		// is no part of the name.
		for i < j && (!capitalized(ws[i].text) || articles[strings.ToLower(ws[i].text)]) {
			i++
		}
		if i == j || (ws[i].first && !strings.HasPrefix(ws[i].tag, "NNP")) && i+1 == j {
			continue // a lone noun ("Army") says too little
		}
		name := st.a.Doc.Text[ws[i].start:ws[j].end]
		st.mention(si, i, j+1, acc{id: analyze.Slug(name), name: name, kind: kind})
	}
}

// wordRange maps a byte range to the words it covers.
func wordRange(ws []word, start, end int) (int, int) {
	i := 0
	for i < len(ws) && ws[i].end <= start {
		i++
	}
	j := i
	for j < len(ws) && ws[j].start < end {
		j++
	}
	return i, j
}

// resolvePeople merges the people found into one actor each: short
// references ("Trump", "the Supreme Leader") join the full name the text
// gave, and the article's own authors are dropped.
func (r *Resolver) resolvePeople(st *docState) {
	full := joinNames(st.people)
	st.bareSurnames(full)
	st.aloneTitles(full)
	for _, p := range full {
		if st.isAuthor(p) {
			continue
		}
		ac := r.personAcc(p)
		for _, sp := range p.spans {
			st.mention(sp.si, sp.i, sp.j, ac)
		}
	}
}

// joinNames folds the people found into one per name, longest names
// first, so "Trump" joins "Donald Trump" and "Del Col" joins "Stefano Del
// Col".
func joinNames(people []*person) []*person {
	var full []*person
	byName := map[string]*person{}
	for _, min := range []int{2, 1} {
		for _, p := range people {
			if (min == 2) != (len(p.words) >= 2) {
				continue
			}
			k := strings.ToLower(key(p.full()))
			if q := byName[k]; q != nil {
				q.absorb(p)
				continue
			}
			if min == 1 {
				if q := lastNameOwner(full, p.words[0]); q != nil {
					q.absorb(p)
					continue
				}
				// "General Yuthasak" after "General Yuthasak Sasiprapha":
				// where a name's first word is the one used with a title.
				if q := firstNameOwner(full, p); q != nil {
					q.absorb(p)
					continue
				}
			}
			if q := suffixOwner(full, p); q != nil {
				q.absorb(p)
				continue
			}
			byName[k] = p
			full = append(full, p)
		}
	}
	return full
}

// bareSurnames gives the people their surnames used alone elsewhere in
// the text.
func (st *docState) bareSurnames(full []*person) {
	for si, ws := range st.words {
		for k, w := range ws {
			if st.covered[si][k] || !nameWord(w.text) {
				continue
			}
			if k+1 < len(ws) && !st.covered[si][k+1] && nameWord(ws[k+1].text) && !w.possessive {
				continue // part of some other name
			}
			if k > 0 && !st.covered[si][k-1] && nameWord(ws[k-1].text) && !ws[k-1].first {
				continue
			}
			if q := lastNameOwner(full, w.text); q != nil {
				q.spans = append(q.spans, wspan{si, k, k + 1})
				st.covered[si][k] = true
			}
		}
	}
}

// aloneTitles gives a title used alone ("the Supreme Leader") to the one
// person the text gave that title.
func (st *docState) aloneTitles(full []*person) {
	for _, rr := range st.roles {
		var holder *person
		for _, p := range full {
			if strings.HasSuffix(strings.ToLower(p.role), rr.role) && (rr.country == "" || p.country == "" || rr.country == p.country) {
				if holder != nil {
					holder = nil
					break
				}
				holder = p
			}
		}
		if holder != nil && (len(strings.Fields(rr.role)) > 1 || rr.country != "") {
			holder.spans = append(holder.spans, rr.span)
		}
	}
}

// personAcc is the actor a person is: one the dictionary knows keeps its
// identity and country; a titled surname the text never gives in full is
// the one person the dictionary knows by it ("Prime Minister Albanese").
func (r *Resolver) personAcc(p *person) acc {
	name := p.full()
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	ac := acc{id: analyze.Slug(name), name: name, kind: analyze.KindPerson, country: p.country, role: p.role}
	k, ok := r.people[strings.ToLower(key(name))]
	if !ok && len(p.words) == 1 && p.role != "" {
		k, ok = r.surnames[strings.ToLower(key(name))]
	}
	if ok && k >= 0 {
		e := r.dict.Entries[k]
		ac.id, ac.name = e.ID, e.Name
		if ac.country == "" {
			ac.country = e.Country
		}
	}
	return ac
}

// suffixOwner returns the one longer name that p's words end.
// firstNameOwner returns the one full name whose first word a titled
// single name is, or nil.
func firstNameOwner(people []*person, p *person) *person {
	if p.role == "" {
		return nil
	}
	var owner *person
	for _, q := range people {
		if len(q.words) >= 2 && strings.EqualFold(q.words[0], p.words[0]) {
			if owner != nil {
				return nil
			}
			owner = q
		}
	}
	return owner
}

func suffixOwner(people []*person, p *person) *person {
	var owner *person
	for _, q := range people {
		if len(q.words) <= len(p.words) {
			continue
		}
		tail := q.words[len(q.words)-len(p.words):]
		if strings.EqualFold(strings.Join(tail, " "), strings.Join(p.words, " ")) {
			if owner != nil {
				return nil
			}
			owner = q
		}
	}
	return owner
}

func (p *person) absorb(q *person) {
	p.spans = append(p.spans, q.spans...)
	if p.role == "" {
		p.role = q.role
	}
	if p.country == "" {
		p.country = q.country
	}
}

// lastNameOwner returns the one person whose full name ends in name.
func lastNameOwner(people []*person, name string) *person {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	var owner *person
	for _, p := range people {
		if len(p.words) >= 2 && strings.TrimSuffix(strings.TrimSuffix(p.last(), "’s"), "'s") == name {
			if owner != nil {
				return nil
			}
			owner = p
		}
	}
	return owner
}

// isAuthor reports whether p is one of the document's authors (same last
// name, and the same first initial when both are known).
func (st *docState) isAuthor(p *person) bool {
	for _, a := range st.a.Doc.Authors {
		f := strings.Fields(a)
		if len(f) == 0 {
			continue
		}
		if strings.EqualFold(f[len(f)-1], p.last()) && (len(f) == 1 || len(p.words) == 1 || strings.EqualFold(f[0][:1], p.words[0][:1])) {
			return true
		}
	}
	return false
}
