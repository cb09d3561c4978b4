package eval

import (
	"strings"
	"unicode"
)

// normName returns the form in which actor names, aliases, mention texts
// and agent codes are compared: curly apostrophes made straight, lower case,
// dots removed, whitespace runs folded to one space and trimmed, then a
// leading "the " and a trailing possessive "'s" removed. "The U.S.’s" and
// "us" are the same name.
func normName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‛', '`', '´':
			return '\''
		case '.':
			return -1
		}
		return r
	}, s)
	s = foldSpace(strings.ToLower(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(s, "'s")
	return strings.TrimSpace(s)
}

// foldText returns the form in which gold quotes and evidence sentences are
// compared: whitespace runs folded to one space and trimmed, curly quotes
// made straight, the dashes and hyphens U+2010 to U+2015 made "-", lower case.
func foldText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‚', '‛':
			return '\''
		case '“', '”', '„', '‟':
			return '"'
		case '‐', '‑', '‒', '–', '—', '―':
			return '-'
		}
		return r
	}, s)
	return foldSpace(strings.ToLower(s))
}

// foldSpace replaces each run of white space in s with one space and trims
// both ends.
func foldSpace(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
