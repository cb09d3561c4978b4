package rules

import "strings"

// announcement rejects a sentence that announces a list of
// recommendations rather than making one: "We recommend four steps:",
// "The following measures should be considered."
func announcement(v *View, from, to int) string {
	if strings.HasSuffix(strings.TrimSpace(v.S.Text), ":") {
		return "announces what follows"
	}
	for i := 0; i+1 < v.Len(); i++ {
		if (v.tag(i) == "CD" || v.Is(i, "list.opener")) && v.Is(i+1, "list.head") {
			return "announces a list: " + quote(v.Words(i, i+2))
		}
	}
	return ""
}
