package rules

import "github.com/brief-tool/brief/analyze"

// headline rejects a match in a title: a headline restates the body in
// fewer words and is not the article's own telling.
func headline(v *View, from, to int) string {
	if v.S.Section == analyze.SectionTitle {
		return "in the title"
	}
	return ""
}
