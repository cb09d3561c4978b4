package rules_test

import (
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze/internal/testkit"
	"github.com/brief-tool/brief/analyze/rules"
)

// Every rule matches, and passes its guards on, each of its yes examples,
// and does neither on any of its no examples: each rule tested alone, as
// goldmark runs the CommonMark examples. The examples are sentences we
// wrote; they are read in a document published on 2024-06-15.
func TestRuleExamples(t *testing.T) {
	set := shippedSet(t)
	for _, r := range set.All() {
		t.Run(r.Name, func(t *testing.T) {
			for _, ex := range r.Examples.Yes {
				if why := passes(t, set, r, ex); why != "" {
					t.Errorf("%s:%d: %s does not read its yes example %q: %s", r.File, r.Line, r.Name, ex, why)
				}
			}
			for _, ex := range r.Examples.No {
				if why := passes(t, set, r, ex); why == "" {
					t.Errorf("%s:%d: %s reads its no example %q", r.File, r.Line, r.Name, ex)
				}
			}
		})
	}
}

// passes returns "" when rule r matches sentence s and its guards let the
// match through, else what happened instead.
func passes(t *testing.T, set *rules.Set, r *rules.Rule, s string) string {
	t.Helper()
	a := testkit.Analyze(t, "example.md", "---\ntitle: Example\npublished: \"2024-06-15\"\n---\n"+s+"\n")
	var why []string
	for _, v := range set.Views(a) {
		for _, h := range set.Run(v, r.Kind) {
			if h.Rule != r {
				continue
			}
			if h.OK() {
				return ""
			}
			why = append(why, "rejected by "+h.Guard+": "+h.Why)
		}
	}
	if len(why) == 0 {
		return "no match"
	}
	return strings.Join(why, "; ")
}
