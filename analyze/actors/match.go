package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-tool/brief/analyze"
)

// word is a token of a sentence as the matcher sees it: hyphenated tokens
// are split ("U.S.-Russia" is two words), possessive endings are folded into
// the word before them.
type word struct {
	text       string
	key        string
	start, end int
	tag        string
	possessive bool
	// first is true for the sentence's first word, whose capital says
	// nothing about whether it is a name.
	first bool
}

var dashes = "-–‑"

// splitWords turns a sentence's tokens into words.
func splitWords(toks []analyze.Token) []word {
	var ws []word
	for i, t := range toks {
		if isPossessive(t.Text) && len(ws) > 0 && ws[len(ws)-1].end == t.Start {
			ws[len(ws)-1].possessive = true
			continue
		}
		// An initial the tokenizer split from its dot: "B." in "B. H. Liddell Hart".
		if t.Text == "." && len(ws) > 0 && ws[len(ws)-1].end == t.Start && len(ws[len(ws)-1].text) == 1 && capitalized(ws[len(ws)-1].text) && i+1 < len(toks) && capitalized(toks[i+1].Text) {
			w := &ws[len(ws)-1]
			w.end = t.End
			w.text += "."
			continue
		}
		text, start := t.Text, t.Start
		// Split on inner dashes, keeping offsets.
		for {
			j := strings.IndexAny(text, dashes)
			if j <= 0 || j == len(text)-1 {
				break
			}
			_, n := utf8.DecodeRuneInString(text[j:])
			ws = append(ws, word{text: text[:j], key: key(text[:j]), start: start, end: start + j, tag: t.Tag, first: i == 0 && len(ws) == 0})
			text, start = text[j+n:], start+j+n
		}
		ws = append(ws, word{text: text, key: key(text), start: start, end: start + len(text), tag: t.Tag, first: i == 0 && len(ws) == 0})
	}
	return ws
}

func isPossessive(s string) bool {
	return s == "'s" || s == "’s" || s == "'" || s == "’" || s == "'S"
}

// phraseWords splits a dictionary phrase the same way as text.
func phraseWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for _, p := range strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune(dashes, r) }) {
			if k := key(p); k != "" {
				out = append(out, k)
			}
		}
	}
	return out
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// formKind says how a surface form names its actor.
type formKind int

const (
	formName formKind = iota
	formAlias
	formDemonym
	formCapital
	formSeat
)

// form is one surface form of a dictionary item.
type form struct {
	words []string
	item  int // index into the index's items
	kind  formKind
}

// index finds the longest dictionary form starting at a word.
type index struct {
	first map[string][]form
	fold  bool // compare lower-cased
}

func newIndex(fold bool) *index { return &index{first: map[string][]form{}, fold: fold} }

func (x *index) add(phrase string, item int, kind formKind) {
	ws := phraseWords(phrase)
	if len(ws) == 0 {
		return
	}
	if x.fold {
		for i := range ws {
			ws[i] = strings.ToLower(ws[i])
		}
	}
	x.first[ws[0]] = append(x.first[ws[0]], form{words: ws, item: item, kind: kind})
}

// match returns the longest form starting at ws[i] and its length in words;
// a form may not run past a possessive word except at its end.
func (x *index) match(ws []word, i int) (form, int) {
	k := ws[i].key
	if x.fold {
		k = strings.ToLower(k)
	}
	var best form
	n := 0
	for _, f := range x.first[k] {
		if len(f.words) <= n || i+len(f.words) > len(ws) {
			continue
		}
		ok := true
		for j := 1; j < len(f.words); j++ {
			w := ws[i+j].key
			if x.fold {
				w = strings.ToLower(w)
			}
			if w != f.words[j] || ws[i+j-1].possessive {
				ok = false
				break
			}
		}
		if ok {
			best, n = f, len(f.words)
		}
	}
	return best, n
}
