package rules

// infinitive rejects a verb trigger in an infinitive: "on a date to be
// agreed", "the posts to be withdrawn", "to clear the mines" name an act;
// they do not tell one. A verb of attempt or aspect before "to" carries
// the act ("tried to ram", "began to shell"), and has rules of its own; a
// perfect infinitive tells one ("said to have fired").
func infinitive(v *View, from, to int) string {
	if v.isNoun(from) {
		return ""
	}
	k := from - 1
	for k >= 0 && v.tag(k) == "RB" {
		k--
	}
	if k >= 0 && v.word(k) == "been" || k >= 0 && v.word(k) == "have" {
		// A perfect infinitive tells a past act: "acknowledged to have
		// been brought down", "said to have fired".
		return ""
	}
	if k >= 0 && v.word(k) == "be" {
		k--
	}
	if k < 0 || v.Tok(k).Lower != "to" {
		return ""
	}
	j := k - 1
	for j >= 0 && v.tag(j) == "RB" {
		j--
	}
	if j >= 0 && (v.Is(j, "aspect.verb") || v.Is(j, "implicative.verb")) {
		return ""
	}
	return "an infinitive names an act, it does not tell one: " + quote(v.Words(k, to))
}
