package templates

import (
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

// mdEscaper backslash-escapes every character Markdown could read as markup,
// so that text from an article never becomes a link, emphasis, a table cell
// edge or an HTML tag.
var mdEscaper = func() *strings.Replacer {
	var pairs []string
	for _, c := range "\\`*_[]<>#|~&" {
		pairs = append(pairs, string(c), "\\"+string(c))
	}
	pairs = append(pairs, "\r\n", " ", "\n", " ", "\r", " ", "\t", " ")
	return strings.NewReplacer(pairs...)
}()

// MD escapes s for use as inline text in Markdown, inside table cells too.
// A leading list marker ("1. ", "- ", "+ ") is escaped as well, as text may
// land at the start of a line.
func MD(s string) string {
	s = mdEscaper.Replace(strings.TrimSpace(s))
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		return "\\" + s
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

var common = map[string]any{
	"join":  strings.Join,
	"lower": strings.ToLower,
	"title": titleCase,
	"add":   func(a, b int) int { return a + b },
	"pct":   func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"dec":   func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"trunc": trunc,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
}

var mdFuncs = func() texttemplate.FuncMap {
	m := texttemplate.FuncMap{
		"md": MD,
		// mdjoin escapes each element and joins them.
		"mdjoin": func(ss []string, sep string) string {
			out := make([]string, len(ss))
			for i, s := range ss {
				out[i] = MD(s)
			}
			return strings.Join(out, sep)
		},
	}
	for k, v := range common {
		m[k] = v
	}
	return m
}()

var htmlFuncs = func() htmltemplate.FuncMap {
	m := htmltemplate.FuncMap{}
	for k, v := range common {
		m[k] = v
	}
	return m
}()

// trunc shortens s to at most n runes, at a word boundary, with an ellipsis.
func trunc(n int, s string) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
