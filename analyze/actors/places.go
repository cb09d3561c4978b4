package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Place returns the gazetteer place named earliest in text[start:end]
// (the longest name when two start together), or "".
func (r *Resolver) Place(text string, start, end int) string {
	s := text[start:end]
	best, bestAt, bestLen := "", len(s)+1, 0
	for _, p := range r.dict.Places {
		for _, form := range append([]string{p.Name}, p.Aliases...) {
			if form == "" {
				continue
			}
			at := indexWord(s, form)
			if at < 0 {
				continue
			}
			if at < bestAt || at == bestAt && len(form) > bestLen {
				best, bestAt, bestLen = p.Name, at, len(form)
			}
		}
	}
	return best
}

// indexWord finds form in s at word boundaries.
func indexWord(s, form string) int {
	off := 0
	for {
		i := strings.Index(s[off:], form)
		if i < 0 {
			return -1
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(form):])
		if (i == 0 || !isWordRune(before)) && (i+len(form) == len(s) || !isWordRune(after)) {
			return i
		}
		off = i + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
