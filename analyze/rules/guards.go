package rules

import (
	"sort"
	"strings"
)

// Guard decides whether a rule's match stands. It looks at the trigger,
// tokens [from, to) of the view, and returns why the match does not report
// what the rule emits ("negated by 'not'"), or "" to let it through.
// Guards must be pure functions of the view: the same sentence gets the
// same answer.
type Guard func(v *View, from, to int) string

// guards are the guards rules may name in unless:, each in a file of its
// own (guard_<name>.go) with a table test.
var guards = map[string]Guard{
	"question":          question,
	"negated":           negated,
	"modal":             modal,
	"conditional":       conditional,
	"hypothetical":      hypothetical,
	"planned":           planned,
	"counterfactual":    counterfactual,
	"after-publication": afterPublication,
	"purpose":           purpose,
	"compound":          compound,
	"generic":           generic,
	"unanchored":        unanchored,
	"modifier":          modifier,
	"undated-present":   undatedPresent,
	"speech":            speech,
	"relative":          relative,
	"caveat-opener":     caveatOpener,
	"announcement":      announcement,
	"about-text":        aboutText,
	"headline":          headline,
	"rejected":          rejected,
	"unagreed":          unagreed,
	"present-only":      presentOnly,
	"commits":           commits,
	"undoes":            undoes,
	"complement":        complement,
	"bare-gerund":       bareGerund,
	"in-purpose":        inPurpose,
	"reported-fact":     reportedFact,
	"long-ago":          longAgo,
	"present-aux":       presentAux,
	"unpartnered":       unpartnered,
	"circumstance":      circumstance,
	"infinitive":        infinitive,
	"not-earlier":       notEarlier,
}

// GuardNames lists the guards rules may name, sorted.
func GuardNames() []string {
	out := make([]string, 0, len(guards))
	for n := range guards {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// LookupGuard returns the guard called name.
func LookupGuard(name string) (Guard, bool) {
	g, ok := guards[name]
	return g, ok
}

// auxiliaries may stand between a verb and what governs it: "has not
// been", "did not".
var auxiliaries = map[string]bool{"be": true, "have": true, "do": true, "get": true}

// governing walks back from token from within its clause and returns the
// first token that class says governs the trigger, if no content verb
// stands between them; -1 otherwise. ("did not seize": "not" governs
// "seize"; "denied that it seized": "denied" is in another clause.)
func (v *View) governing(from int, in func(i int) bool) int {
	cf, _ := v.Clause(from)
	for i := from - 1; i >= cf; i-- {
		if in(i) {
			return i
		}
		t := v.Tok(i)
		if strings.HasPrefix(t.Tag, "VB") && !auxiliaries[t.Lemma] {
			return -1
		}
	}
	return -1
}

// isNoun reports whether the trigger's first token is a noun.
func (v *View) isNoun(from int) bool { return strings.HasPrefix(v.Tok(from).Tag, "NN") }

// word returns the lower-case text of token i, or "".
func (v *View) word(i int) string {
	if i < 0 || i >= v.Len() {
		return ""
	}
	return v.Text.Token(i).Lower
}

// lemma returns the lemma of token i, or "" past either end.
func (v *View) lemma(i int) string {
	if i < 0 || i >= v.Len() {
		return ""
	}
	return v.Tok(i).Lemma
}

// tag returns the tag of token i, or "".
func (v *View) tag(i int) string {
	if i < 0 || i >= v.Len() {
		return ""
	}
	return v.Tok(i).Tag
}

// quote returns s in quotation marks for a guard's reason.
func quote(s string) string { return "'" + s + "'" }
