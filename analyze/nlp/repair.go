package nlp

import (
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// splitMarks splits off what prose's tokenizer leaves attached to words:
// dashes between words ("elements—the", "zone”—evolving") and curly
// quotation marks at a word's edges ("“contact", "zone”"). Offsets stay
// those of the source.
func splitMarks(toks []token.Token) []token.Token {
	out := make([]token.Token, 0, len(toks)+len(toks)/8+1)
	for i, t := range toks {
		// A full stop the tokenizer left on the last word ("in May.") ends
		// the sentence, unless the word is an abbreviation ("U.S.").
		if i == len(toks)-1 && len(t.Text) > 2 && strings.HasSuffix(t.Text, ".") && !strings.Contains(t.Text[:len(t.Text)-1], ".") {
			out = appendSplit(out, t.Text[:len(t.Text)-1], t.Start)
			out = append(out, token.Token{Text: ".", Start: t.Start + len(t.Text) - 1})
			continue
		}
		out = appendSplit(out, t.Text, t.Start)
	}
	return out
}

func appendSplit(out []token.Token, text string, start int) []token.Token {
	if utf8.RuneCountInString(text) < 2 {
		return append(out, token.Token{Text: text, Start: start})
	}
	// A curly quote at either edge.
	for _, q := range []string{"“", "”", "‘"} {
		if strings.HasPrefix(text, q) {
			out = append(out, token.Token{Text: q, Start: start})
			return appendSplit(out, text[len(q):], start+len(q))
		}
		if strings.HasSuffix(text, q) && !strings.HasSuffix(text, "s"+q) {
			out = appendSplit(out, text[:len(text)-len(q)], start)
			return append(out, token.Token{Text: q, Start: start + len(text) - len(q)})
		}
	}
	// A dash between two words.
	for _, d := range []string{"—", "–", "--"} {
		if i := strings.Index(text, d); i > 0 && i+len(d) < len(text) {
			out = appendSplit(out, text[:i], start)
			out = append(out, token.Token{Text: d, Start: start + i})
			return appendSplit(out, text[i+len(d):], start+i+len(d))
		}
	}
	return append(out, token.Token{Text: text, Start: start})
}

// forTagger returns the form of a token the tagger was trained on: Penn
// Treebank writes quotation marks as “ and ” and apostrophes straight.
func forTagger(s string) string {
	switch s {
	case "“", "‘":
		return "``"
	case "”":
		return "''"
	case "—", "–":
		return "--"
	}
	if strings.ContainsRune(s, '’') {
		return strings.ReplaceAll(s, "’", "'")
	}
	return s
}
