package rules

import "strings"

// compound rejects a noun trigger that modifies another noun: "strike
// group", "attack plans", "contact zone" name kinds of things. ("Chinese
// intercept techniques" has an owner before it and still tells of
// intercepts.)
func compound(v *View, from, to int) string {
	j := to
	for j < v.Len() && len(v.Tok(j).Text) <= 3 && strings.ContainsAny(v.Tok(j).Text, "“”\"'’‘") {
		j++
	}
	if j >= v.Len() {
		return ""
	}
	if t := v.tag(j); t != "NN" && t != "NNS" {
		return ""
	}
	if from > 0 {
		if _, ok := v.ActorAt(from - 1); ok {
			return ""
		}
	}
	return "modifies the noun " + quote(v.word(j))
}
