package templates

import (
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"unicode"
	"unicode/utf8"
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

// mdURL makes href safe as a Markdown link destination: links the site
// makes (relative paths) and web or mail addresses pass, percent-encoding
// what would end the destination; anything else (javascript:, data:, an
// absolute or protocol-relative path such as //evil.example) gives "", so
// the caller shows plain text.
func mdURL(href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	// "//host/x" (and "/\host", which browsers read the same) leaves the
	// site for another host; the site's own links are never absolute.
	if strings.HasPrefix(href, "/") || strings.HasPrefix(href, "\\") {
		return ""
	}
	if scheme, _, ok := strings.Cut(href, ":"); ok && !strings.ContainsAny(scheme, "/?#") {
		switch strings.ToLower(scheme) {
		case "http", "https", "mailto":
		default:
			return ""
		}
	}
	var b strings.Builder
	for _, c := range []byte(href) {
		switch {
		case c <= ' ' || c == 0x7f || strings.IndexByte("<>()\\[]`|\"'", c) >= 0:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// MDLink is a Markdown link to href with text escaped; only the text when
// href is empty or unsafe.
func MDLink(text, href string) string {
	u := mdURL(href)
	if u == "" {
		return MD(text)
	}
	return "[" + MD(text) + "](" + u + ")"
}

// MDLinkTitle is MDLink with a title, which browsers show as a tooltip
// (the canonical name of an actor the text names otherwise); without a
// link, the title is dropped.
func MDLinkTitle(text, href, title string) string {
	u := mdURL(href)
	if u == "" {
		return MD(text)
	}
	if title = strings.TrimSpace(title); title == "" {
		return "[" + MD(text) + "](" + u + ")"
	}
	t := strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\n", " ", "\r", " ").Replace(title)
	return "[" + MD(text) + "](" + u + " \"" + t + "\")"
}

// mdRefs joins refs as Markdown links with sep.
func mdRefs(refs []Ref, sep string) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = MDLinkTitle(r.Name, r.Href, r.Title)
	}
	return strings.Join(out, sep)
}

var common = map[string]any{
	"join":   strings.Join,
	"lower":  strings.ToLower,
	"title":  titleCase,
	"add":    func(a, b int) int { return a + b },
	"pct":    func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"dec":    dec,
	"trunc":  trunc,
	"plural": plural,
	"label":  Label,
	"html":   htmlHref,
}

var mdFuncs = func() texttemplate.FuncMap {
	m := texttemplate.FuncMap{
		"md":     MD,
		"mdlink": MDLink,
		// mdlinkt TEXT HREF TITLE: a link with a tooltip.
		"mdlinkt": MDLinkTitle,
		"mdrefs":  mdRefs,
		// mdand escapes each element and joins them as a list in running
		// text: "A", "A and B", "A, B and C".
		"mdand": func(ss []string) string {
			out := make([]string, len(ss))
			for i, s := range ss {
				out[i] = MD(s)
			}
			return andJoin(out)
		},
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

// dec prints a number with two decimals.
func dec(f float64) string { return fmt.Sprintf("%.2f", f) }

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
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
