package nlp

import (
	"strings"
	"unicode"

	"github.com/jdkato/prose/v3/segment"
)

// joinAbbreviations joins a sentence that ends in an abbreviation of
// capitals ("U.S.", "U.N.") to the next when the next goes on with a name
// of two capitalised words ("the Chief of U.S. | Naval Operations cannot
// call"): prose's segmenter ends a sentence there. A next sentence that
// opens with a function word ("The crew was British") is left alone.
func joinAbbreviations(src string, sents []segment.Sentence) []segment.Sentence {
	if len(sents) < 2 {
		return sents
	}
	out := sents[:1:1]
	for _, s := range sents[1:] {
		prev := &out[len(out)-1]
		if endsInAbbreviation(prev.Text) && opensWithName(s.Text) {
			prev.Text = src[prev.Start:s.End()]
			continue
		}
		out = append(out, s)
	}
	return out
}

// endsInAbbreviation reports a last word of two or more capitals, each
// followed by a full stop: "U.S.", "U.K.", "E.U.".
func endsInAbbreviation(s string) bool {
	w := s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// opensWithName reports two capitalised words at the start of s, the
// first no function word that may open a sentence.
func opensWithName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || !capital(f[0]) || !capital(f[1]) {
		return false
	}
	return !openers[strings.ToLower(f[0])]
}

func capital(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// openers are words that begin sentences rather than continue a name.
var openers = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "it": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "this": true, "that": true, "these": true, "those": true,
	"but": true, "and": true, "or": true, "so": true, "yet": true, "however": true, "after": true, "before": true,
	"when": true, "while": true, "as": true, "if": true, "for": true, "of": true, "by": true, "with": true, "from": true,
	"to": true, "his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "there": true,
	"here": true, "then": true, "now": true, "what": true, "who": true, "which": true, "since": true, "last": true}
