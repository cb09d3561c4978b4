package rules

import "strings"

// question rejects a match in a question: "Did the frigate fire first?"
// asks, it does not report.
func question(v *View, from, to int) string {
	if strings.HasSuffix(strings.TrimRight(v.S.Text, " \"'”’)"), "?") {
		return "the sentence is a question"
	}
	return ""
}
