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
	text string
	key  string
	raw  string // text with apostrophes folded but dots kept, for abbreviations

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
	ws := make([]word, 0, len(toks))
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
			w.raw += "."
			continue
		}
		text, start := t.Text, t.Start
		// Split on inner dashes, keeping offsets ("U.S.-Russia", "Iran-U.S."),
		// but not inside a name ("Moon Jae-in", "Kim Jong-un").
		for hasDash(text) && !hyphenatedName(text) {
			j := strings.IndexAny(text, dashes)
			if j <= 0 || j == len(text)-1 {
				break
			}
			_, n := utf8.DecodeRuneInString(text[j:])
			ws = append(ws, word{text: text[:j], key: key(text[:j]), raw: rawKey(text[:j]), start: start, end: start + j, tag: t.Tag, first: i == 0 && len(ws) == 0})
			text, start = text[j+n:], start+j+n
		}
		ws = append(ws, word{text: text, key: key(text), raw: rawKey(text), start: start, end: start + len(text), tag: t.Tag, first: i == 0 && len(ws) == 0})
	}
	return ws
}

// hyphenSuffixes are the words that follow a hyphen in compounds such as
// "Gaza-based" or "U.S.-led"; after any other lower-case part, a
// capitalised hyphenated token is a name ("Jae-in").
var hyphenSuffixes = map[string]bool{"based": true, "backed": true, "made": true, "led": true, "owned": true,
	"controlled": true, "flagged": true, "born": true, "style": true, "era": true, "linked": true,
	"sponsored": true, "allied": true, "run": true, "funded": true, "registered": true, "bound": true,
	"oriented": true, "centric": true, "held": true, "occupied": true, "affiliated": true, "aligned": true,
	"friendly": true, "wide": true, "type": true, "class": true, "like": true, "built": true, "armed": true,
	"trained": true, "supplied": true, "brokered": true, "imposed": true, "declared": true, "bred": true}

// hasDash reports whether s has one of dashes: a hyphen, or one of the
// two dashes whose UTF-8 starts with E2 80.
func hasDash(s string) bool {
	return strings.IndexByte(s, '-') >= 0 || strings.Contains(s, "\xe2\x80") && strings.ContainsAny(s, dashes)
}

func hyphenatedName(s string) bool {
	j := strings.IndexAny(s, dashes)
	if j <= 0 || !capitalized(s) {
		return false
	}
	_, n := utf8.DecodeRuneInString(s[j:])
	rest := s[j+n:]
	if rest == "" || capitalized(rest) || strings.ContainsAny(rest, dashes+".") {
		return false
	}
	return !hyphenSuffixes[strings.ToLower(rest)]
}

// rawKey folds apostrophes but keeps dots: titles tell "Col." (colonel)
// from the name "Col".
func rawKey(s string) string { return strings.ReplaceAll(s, "’", "'") }

func isPossessive(s string) bool {
	return s == "'s" || s == "’s" || s == "'" || s == "’" || s == "'S"
}

// phraseWords splits a dictionary phrase the same way as text. A word
// ending in "'s" keeps it: it must meet a possessive word in the text.
func phraseWords(s string, keepDots bool) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		parts := []string{f}
		if strings.ContainsAny(f, dashes) && !hyphenatedName(f) {
			parts = strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune(dashes, r) })
		}
		for _, p := range parts {
			k := key(p)
			if keepDots {
				k = rawKey(p)
			}
			if k != "" {
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
	first    map[string][]form
	fold     bool // compare lower-cased
	keepDots bool // compare with dots ("Col." is not "Col")
}

func newIndex(fold bool) *index { return &index{first: map[string][]form{}, fold: fold} }

func (x *index) add(phrase string, item int, kind formKind) {
	// "the Kremlin" and "The Kremlin" are both the Kremlin: the article is
	// not part of the name.
	for _, the := range []string{"the ", "The "} {
		phrase = strings.TrimPrefix(phrase, the)
	}
	ws := phraseWords(phrase, x.keepDots)
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
	var best form
	n := 0
	for _, cand := range []string{x.wkey(ws[i], false), x.wkey(ws[i], true)} {
		for _, f := range x.first[cand] {
			if len(f.words) <= n || i+len(f.words) > len(ws) {
				continue
			}
			ok := true
			for j := range f.words {
				last := j == len(f.words)-1
				poss := strings.HasSuffix(f.words[j], "'s") || strings.HasSuffix(f.words[j], "'S")
				switch {
				case poss && !last:
					ok = ws[i+j].possessive && x.wkey(ws[i+j], true) == f.words[j]
				case last:
					ok = x.wkey(ws[i+j], false) == f.words[j] || (poss && x.wkey(ws[i+j], true) == f.words[j])
				default:
					ok = !ws[i+j].possessive && x.wkey(ws[i+j], false) == f.words[j]
				}
				if !ok {
					break
				}
			}
			if ok {
				best, n = f, len(f.words)
			}
		}
		if !ws[i].possessive {
			break
		}
	}
	return best, n
}

// wkey is the look-up key of a word, with its possessive ending when poss.
func (x *index) wkey(w word, poss bool) string {
	k := w.key
	if x.keepDots {
		k = w.raw
	}
	if poss && w.possessive {
		k += "'s"
	}
	if x.fold {
		k = strings.ToLower(k)
	}
	return k
}
