package rules

import "strings"

// planned rejects a trigger that is the object of a plan, a request or an
// offer: "plans to attack", "called for talks", "appealed on Tuesday for
// monitors", "demanded the release", "proposed a meeting", "recommends
// that both resume talks" tell what someone wants, not what happened.
func planned(v *View, from, to int) string {
	cf, _ := v.Clause(from)
	// "recommends that both governments resume talks": the whole clause
	// after "that" is asked for.
	if k := cf; v.word(k) == "that" && k > 0 && v.Is(k-1, "frame.plan") {
		return "asked for: " + quote(v.Words(k-1, k+1))
	}
	for i := from - 1; i >= cf && i >= from-6; i-- {
		if v.Is(i, "frame.plan") {
			return "wanted or planned: " + quote(v.word(i))
		}
		if v.word(i) == "for" {
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				if v.Is(k, "frame.ask") {
					return "asked for: " + quote(v.Words(k, i+1))
				}
			}
		}
		t := v.tag(i)
		// A finite verb of its own ends the search: "planned and then
		// attacked" reports the attack.
		if (t == "VBD" || t == "VBZ" || t == "VBP") && !auxiliaries[v.Tok(i).Lemma] {
			return ""
		}
		if t == "CC" {
			k := i + 1
			for v.tag(k) == "RB" {
				k++ // "planned and then attacked"
			}
			if strings.HasPrefix(v.tag(k), "VB") {
				return ""
			}
		}
	}
	return ""
}
