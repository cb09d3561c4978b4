package dates

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// Found is a date expression in a text, resolved to a calendar date.
type Found struct {
	Start, End int // byte offsets into the text searched
	Text       string
	Date       Date
}

const monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`

var (
	mdyFind    = regexp.MustCompile(`\b(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})\b`)
	dmyFind    = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `),?\s+(\d{4})\b`)
	mdFind     = regexp.MustCompile(`\b(` + monthRe + `)\s+(\d{1,2}(?:st|nd|rd|th)?)\b(?:[^,\d]|$|,\s*[^\d\s])`)
	dmFind     = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `)\b`)
	myFind     = regexp.MustCompile(`\b(` + monthRe + `)(?:\s+of)?,?\s+(\d{4})\b`)
	agoFind    = regexp.MustCompile(`(?i)\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)\s+years\s+ago(?:\s+(?:today|(?:this|last)\s+(?:week|month)))?`)
	monYearRel = regexp.MustCompile(`\b(` + monthRe + `)\s+(last|this|next)\s+year\b`)
	monFind    = regexp.MustCompile(`\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Tt]his)\s+(` + monthRe + `)\b`)
	yearFind   = regexp.MustCompile(`\b((?:19|20)\d{2})s?\b`)
	countNoun  = regexp.MustCompile(`^\s+(?:more\s+|new\s+|additional\s+|extra\s+)?(troops|soldiers|sailors|marines|personnel|people|men|women|civilians|ships|vessels|boats|jets|aircraft|planes|drones|missiles|rockets|shells|tons|tonnes|km|kilometers|kilometres|miles|meters|metres|feet|yards|dollars|casualties|refugees|fighters|vehicles|tanks|rounds)\b`)
	relFind    = regexp.MustCompile(`(?i)\b(yesterday|today|last (?:week|weekend|month|year)|this (?:week|weekend|month|year)|earlier this (?:week|month|year)|(?:on |last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b`)
	yearLeads  = regexp.MustCompile(`(?i)(?:\b(?:in|since|during|by|of|until|till|from|after|before|early|late|mid|through|throughout|spring|summer|autumn|fall|winter|the|year|around|circa|between|and|to|a|an|their|its|his|her|our|this|that)\s*-?\s*|[(–-]|['’]s\s+)$`)
)

// Find returns the date expressions in text, leftmost first, resolved
// against pub, the document's publication date (zero when unknown): a month
// and day without a year take the latest year that does not put them after
// pub; relative expressions ("last week") resolve only when pub is known.
func Find(text string, pub Date) []Found {
	var out []Found
	for _, x := range FindAll(text, pub) {
		if x.Date.Year != 0 {
			out = append(out, x)
		}
	}
	return out
}

// FindAll is Find plus the expressions it cannot resolve, with a zero Date:
// "June 20" or "on Tuesday" in a document without a publication date is
// still a date as written.
func FindAll(text string, pub Date) []Found {
	var out []Found
	taken := make([]bool, len(text)+1)
	add := func(start, end int, d Date) {
		for i := start; i < end; i++ {
			if taken[i] {
				return
			}
		}
		for i := start; i < end; i++ {
			taken[i] = true
		}
		out = append(out, Found{Start: start, End: end, Text: text[start:end], Date: d})
	}
	// The finders run in order: a longer, fuller expression claims its
	// bytes before a shorter one could ("June 20, 2019" before "June 20").
	// A finder whose pattern needs what the text lacks (a month name, a
	// digit, a word) is not run: it could match nothing.
	has := features(text)
	for _, f := range finders {
		if f.needs&^has != 0 {
			continue
		}
		for _, m := range f.findAll(text) {
			if start, end, d, ok := f.read(text, m, pub); ok {
				add(start, end, d)
			}
		}
	}
	// Leftmost first.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// finder reads one kind of date expression from a match of its pattern.
type finder struct {
	re    *regexp.Regexp
	needs feature // what every match of re contains
	read  func(text string, m []int, pub Date) (start, end int, d Date, ok bool)
}

// findAll is f.re.FindAllStringSubmatchIndex(text, -1). For a pattern
// whose matches can start only at a few places (a month name, a number),
// that opens with \b and reads nothing before its start, it tries the
// pattern anchored at those places, in order, instead of scanning the
// whole text.
func (f finder) findAll(text string) [][]int {
	at, ok := anchored[f.re]
	if !ok || strings.Contains(text, "ſ") || strings.Contains(text, "\u212a") {
		return f.re.FindAllStringSubmatchIndex(text, -1)
	}
	var buf [16]int
	var out [][]int
	pos := 0
	for _, c := range at.starts(text, buf[:0]) {
		// The pattern's \b before its first character, which is a word
		// character: the text before it must not be one.
		if c < pos || c > 0 && wordByte(text[c-1]) {
			continue
		}
		m := at.re.FindStringSubmatchIndex(text[c:])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += c
			}
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// anchor is a pattern anchored at its start and where its matches can
// start in a text: a superset, in order.
type anchor struct {
	re     *regexp.Regexp
	starts func(text string, buf []int) []int
}

var anchored = func() map[*regexp.Regexp]anchor {
	m := map[*regexp.Regexp]anchor{}
	for re, starts := range map[*regexp.Regexp]func(string, []int) []int{
		mdyFind: monthAt, mdFind: monthAt, myFind: monthAt, monYearRel: monthAt,
		dmyFind: numberAt, dmFind: numberAt, yearFind: centuryAt, monFind: leadAt, relFind: relAt,
	} {
		m[re] = anchor{regexp.MustCompile(`^(?:` + re.String() + `)`), starts}
	}
	return m
}()

// monthAt returns where a month name of monthRe can start.
func monthAt(text string, buf []int) []int {
	for i := 0; i+3 <= len(text); i++ {
		if strings.IndexByte("JFMASOND", text[i]) < 0 {
			continue
		}
		for _, m := range monthStarts {
			if text[i:i+3] == m {
				buf = append(buf, i)
				break
			}
		}
	}
	return buf
}

// numberAt returns where a number starts.
func numberAt(text string, buf []int) []int {
	for i := 0; i < len(text); i++ {
		if isDigit(text[i]) && (i == 0 || !isDigit(text[i-1])) {
			buf = append(buf, i)
		}
	}
	return buf
}

// centuryAt returns where "19" or "20" starts.
func centuryAt(text string, buf []int) []int {
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0' {
			buf = append(buf, i)
		}
	}
	return buf
}

// monLeads are the words monFind allows before a month.
var monLeads = []string{"In", "in", "Since", "since", "During", "during", "By", "by", "Until", "until", "Early", "early",
	"Late", "late", "Mid", "mid", "Mid-", "mid-", "Last", "last", "This", "this"}

// leadAt returns where a word of monLeads starts that spaces separate from
// a month name.
func leadAt(text string, buf []int) []int {
	var months [16]int
	for _, m := range monthAt(text, months[:0]) {
		q := m
		for q > 0 && isSpace(text[q-1]) {
			q--
		}
		if q == m {
			continue
		}
		from := len(buf)
		for _, l := range monLeads {
			if q >= len(l) && text[q-len(l):q] == l {
				buf = append(buf, q-len(l))
			}
		}
		slices.Sort(buf[from:])
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

// relAt returns where a word can start that opens relFind's expressions
// (yesterday, today, last, this, earlier, on, and the weekdays), in any
// case.
func relAt(text string, buf []int) []int {
	for i := 0; i < len(text); i++ {
		if (i == 0 || !wordByte(text[i-1])) && strings.IndexByte("ytleomwfs", text[i]|0x20) >= 0 {
			buf = append(buf, i)
		}
	}
	return buf
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSpace is \s: the ASCII spaces regexp knows.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func wordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// feature is a set of things a text contains that date patterns need.
type feature uint8

const (
	hasMonth feature = 1 << iota // the start of a name of monthRe, as written there
	hasDigit                     // an ASCII digit (\d)
	hasAgo                       // "years" and "ago", in any case
	hasRel                       // "day", "week", "month" or "year", in any case
)

// monthStarts are the first three letters of every name in monthRe.
var monthStarts = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// features returns what text contains of the things finders need. The
// case-insensitive patterns fold "s" with "ſ" and "k" with the Kelvin
// sign: a text with either is said to have every word.
func features(text string) feature {
	var f feature
	for i := 0; i < len(text) && f&(hasMonth|hasDigit) != hasMonth|hasDigit; i++ {
		switch c := text[i]; {
		case c >= '0' && c <= '9':
			f |= hasDigit
		case f&hasMonth == 0 && strings.IndexByte("JFMASOND", c) >= 0:
			for _, m := range monthStarts {
				if strings.HasPrefix(text[i:], m) {
					f |= hasMonth
					break
				}
			}
		}
	}
	if strings.Contains(text, "ſ") || strings.Contains(text, "\u212a") {
		return f | hasAgo | hasRel
	}
	if containsFold(text, "years") && containsFold(text, "ago") {
		f |= hasAgo
	}
	if containsFold(text, "day") || containsFold(text, "week") || containsFold(text, "month") || containsFold(text, "year") {
		f |= hasRel
	}
	return f
}

// containsFold reports whether s contains word (lower-case ASCII letters)
// in any ASCII case.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

var finders = []finder{
	{mdyFind, hasMonth | hasDigit, func(text string, m []int, pub Date) (int, int, Date, bool) { // June 20, 2019
		d, ok := valid(atoi(text[m[6]:m[7]]), month(text[m[2]:m[3]]), atoi(text[m[4]:m[5]]))
		return m[0], m[1], d, ok
	}},
	{dmyFind, hasMonth | hasDigit, func(text string, m []int, pub Date) (int, int, Date, bool) { // 20 June 2019
		d, ok := valid(atoi(text[m[6]:m[7]]), month(text[m[4]:m[5]]), atoi(text[m[2]:m[3]]))
		return m[0], m[1], d, ok
	}},
	{myFind, hasMonth | hasDigit, func(text string, m []int, pub Date) (int, int, Date, bool) { // June 2019
		d, ok := valid(atoi(text[m[4]:m[5]]), month(text[m[2]:m[3]]), 0)
		return m[0], m[1], d, ok
	}},
	{mdFind, hasMonth | hasDigit, func(text string, m []int, pub Date) (int, int, Date, bool) { // June 20
		return m[0], m[5], withYear(pub, month(text[m[2]:m[3]]), atoi(strings.TrimRight(text[m[4]:m[5]], "stndrh"))), true
	}},
	{dmFind, hasMonth | hasDigit, func(text string, m []int, pub Date) (int, int, Date, bool) { // 20 June
		return m[0], m[1], withYear(pub, month(text[m[4]:m[5]]), atoi(text[m[2]:m[3]])), true
	}},
	{agoFind, hasAgo, ago},
	{monYearRel, hasMonth | hasRel, func(text string, m []int, pub Date) (int, int, Date, bool) { // March last year
		if pub.Year == 0 {
			return m[0], m[1], Date{}, true
		}
		y := pub.Year
		switch text[m[4]:m[5]] {
		case "last":
			y--
		case "next":
			y++
		}
		d, ok := valid(y, month(text[m[2]:m[3]]), 0)
		return m[0], m[1], d, ok
	}},
	{monFind, hasMonth, func(text string, m []int, pub Date) (int, int, Date, bool) { // in May
		return m[2], m[3], monthOnly(pub, month(text[m[2]:m[3]])), true
	}},
	{yearFind, hasDigit, year},
	{relFind, hasRel, func(text string, m []int, pub Date) (int, int, Date, bool) { // last week, on Tuesday
		return m[2], m[3], relative(strings.ToLower(text[m[2]:m[3]]), pub), true
	}},
}

// ago reads "63 years ago", "63 years ago this week", "sixty years ago
// today" against the publication date.
func ago(text string, m []int, pub Date) (int, int, Date, bool) {
	if pub.Year == 0 {
		return 0, 0, Date{}, false
	}
	n, ok := agoWords[strings.ToLower(text[m[2]:m[3]])]
	if !ok {
		n = atoi(text[m[2]:m[3]])
	}
	d := Date{Year: pub.Year - n}
	tail := strings.ToLower(text[m[0]:m[1]])
	switch {
	case strings.HasSuffix(tail, "today") && pub.Day != 0:
		d.Month, d.Day = pub.Month, pub.Day
	case strings.Contains(tail, "this") && pub.Month != 0:
		d.Month = pub.Month // "63 years ago this week"
	}
	return m[0], m[1], d, true
}

// year reads a bare year where a year is expected: after "in", "since",
// an article or a possessive, not as part of a decade ("the 1990s") or a
// count ("2000 troops", "2,500").
func year(text string, m []int, pub Date) (int, int, Date, bool) {
	if m[1]-m[0] > 4 || !yearLed(text[:m[0]]) {
		return 0, 0, Date{}, false
	}
	if m[1] < len(text) && (text[m[1]] == ',' && m[1]+1 < len(text) && text[m[1]+1] >= '0' && text[m[1]+1] <= '9') {
		return 0, 0, Date{}, false
	}
	if countNoun.MatchString(text[m[1]:]) {
		return 0, 0, Date{}, false
	}
	return m[0], m[1], Date{Year: atoi(text[m[2]:m[3]])}, true
}

// yearLed is yearLeads.MatchString(before), read from the end: the
// pattern, scanned from every position of a long sentence, cost as much
// as every other finder. A match ends in spaces and hyphens after a lead
// word, in a bracket or dash, or in "'s" and spaces, so it lies in the
// last few dozen bytes; where those are ASCII they are checked by hand
// against yearLeads's own words, else the pattern reads them.
func yearLed(before string) bool {
	q := len(before)
	hyphens := 0
	for q > 0 && (isSpace(before[q-1]) || before[q-1] == '-') {
		if before[q-1] == '-' {
			hyphens++
		}
		q--
	}
	tail := before[max(0, q-48):]
	if leadWords == nil || !isASCII(tail) {
		return yearLeads.MatchString(tail)
	}
	if n := len(before); n > 0 && (before[n-1] == '(' || before[n-1] == '-') {
		return true
	}
	w := len(before)
	for w > 0 && isSpace(before[w-1]) {
		w--
	}
	if w < len(before) && w >= 2 && before[w-1]|0x20 == 's' && before[w-2] == '\'' {
		return true
	}
	if hyphens > 1 {
		return false
	}
	for _, lw := range leadWords {
		if b := q - len(lw); b >= 0 && strings.EqualFold(before[b:q], lw) && (b == 0 || !wordByte(before[b-1])) {
			return true
		}
	}
	return false
}

// leadWords are the words of yearLeads's first alternative, read from the
// pattern itself; nil (and yearLed asks the pattern) if it reads
// otherwise.
var leadWords = func() []string {
	src := yearLeads.String()
	i, j := strings.Index(src, `\b(?:`), strings.Index(src, `)\s*-?\s*|`)
	if i < 0 || j < i {
		return nil
	}
	words := strings.Split(src[i+len(`\b(?:`):j], "|")
	for _, w := range words {
		if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			return nil
		}
	}
	return words
}()

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var agoWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "a hundred": 100}

func month(s string) int {
	return Months[strings.ToLower(strings.TrimSuffix(s, "."))]
}

// withYear dates a month and day written without a year.
func withYear(pub Date, m, d int) Date {
	if pub.Year == 0 {
		return Date{}
	}
	y := pub.Year
	if pub.Month != 0 && (m > pub.Month || m == pub.Month && pub.Day != 0 && d > pub.Day) {
		y-- // "December 3" in a February piece is last December
	}
	out, ok := valid(y, m, d)
	if !ok {
		return Date{}
	}
	return out
}

// monthOnly dates "in May" written without a year: the latest May not
// after publication.
func monthOnly(pub Date, m int) Date {
	if pub.Year == 0 || m == 0 {
		return Date{}
	}
	y := pub.Year
	if pub.Month != 0 && m > pub.Month {
		y--
	}
	return Date{Year: y, Month: m}
}

// relative resolves "yesterday", "last week", "on Tuesday" against pub.
func relative(s string, pub Date) Date {
	if pub.Year == 0 {
		return Date{}
	}
	switch {
	case strings.Contains(s, "year"):
		if strings.HasPrefix(s, "last") {
			return Date{Year: pub.Year - 1}
		}
		return Date{Year: pub.Year}
	case pub.Month == 0:
		return Date{}
	case strings.Contains(s, "month"):
		if strings.HasPrefix(s, "last") {
			t := time.Date(pub.Year, time.Month(pub.Month), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
			return Date{Year: t.Year(), Month: int(t.Month())}
		}
		return Date{Year: pub.Year, Month: pub.Month}
	case pub.Day == 0:
		return Date{Year: pub.Year, Month: pub.Month}
	}
	t := time.Date(pub.Year, time.Month(pub.Month), pub.Day, 0, 0, 0, 0, time.UTC)
	switch {
	case s == "today":
	case s == "yesterday":
		t = t.AddDate(0, 0, -1)
	case strings.Contains(s, "week"):
		// A week's precision is finer than a month's but the contract has
		// none: the month of the week's start.
		if strings.HasPrefix(s, "last") {
			t = t.AddDate(0, 0, -7)
		}
		return Date{Year: t.Year(), Month: int(t.Month())}
	default:
		// A weekday: the latest such day not after publication (a Tuesday
		// piece's "on Tuesday" is that day; "last Tuesday" a week before).
		wd := strings.Fields(s)
		name := wd[len(wd)-1]
		from := 0
		if wd[0] == "last" {
			from = 1
		}
		for k := from; k <= 7; k++ {
			c := t.AddDate(0, 0, -k)
			if strings.EqualFold(c.Weekday().String(), name) {
				t = c
				break
			}
		}
	}
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}
