package rules

import "strings"

// modifier rejects a participle used as an adjective before a noun: "the
// detained crew", "state-sanctioned piracy", "an agreed vocabulary".
func modifier(v *View, from, to int) string {
	t := v.tag(from)
	if t != "VBN" && t != "VBD" && t != "JJ" && t != "VBG" {
		return ""
	}
	next := v.tag(to)
	if !strings.HasPrefix(next, "NN") {
		return ""
	}
	prev := v.tag(from - 1)
	if from == 0 || prev == "DT" || prev == "CC" || prev == "PRP$" || prev == "POS" || prev == "JJ" || prev == "CD" || strings.HasSuffix(v.word(from), "-"+v.Tok(from).Lemma) || strings.Contains(v.word(from), "-") {
		return "a participle modifying " + quote(v.word(to))
	}
	return ""
}
