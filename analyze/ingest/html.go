package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-tool/brief/analyze"
)

// skipped elements carry no readable prose: code, styling, menus, forms.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Form: true, atom.Svg: true, atom.Iframe: true, atom.Button: true,
	atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Canvas: true,
	atom.Object: true, atom.Embed: true, atom.Head: true, atom.Dialog: true, atom.Menu: true,
}

// blockElems end the running paragraph when they open or close.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Figure: true,
	atom.Figcaption: true, atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true, atom.Address: true,
	atom.Hr: true, atom.Br: true, atom.Body: true, atom.Caption: true, atom.Details: true,
	atom.Summary: true,
}

func (r *reader) readHTML(doc *analyze.Doc, data []byte) ([]block, error) {
	if err := r.checkHTML(data); err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	readHTMLMeta(doc, root)
	if doc.URL != "" {
		if web, ok := WebURL(doc.URL); ok {
			doc.URL = web
		} else {
			r.warn(analyze.FileWarning(0, 0, "HTML: the page's address %q is not an http:// or https:// address with a host: ignored", doc.URL))
			doc.URL = ""
		}
	}
	content := find(root, atom.Article)
	if content == nil {
		content = find(root, atom.Main)
	}
	if content == nil {
		content = find(root, atom.Body)
	}
	if content == nil {
		content = root
	}
	w := htmlWalker{}
	w.walk(content, "", false)
	// Reader comments often sit outside the <article>, in their own section.
	if content.Data == "article" || content.Data == "main" {
		for _, n := range findAll(root, func(n *html.Node) bool {
			return cue(n) == analyze.SectionComments && !inside(n, content) && !insideCue(n.Parent, analyze.SectionComments)
		}) {
			w.walk(n, analyze.SectionComments, false)
		}
	}
	w.flush()
	doc.Text = w.b.text()
	return w.b.blocks, nil
}

type htmlWalker struct {
	b    builder
	cur  strings.Builder
	hint analyze.SectionKind
	// blockHint is the kind an inline element inside the current block
	// gave its text.
	blockHint analyze.SectionKind
	heading   bool
	item      bool
	group     int
	groups    int
}

func (w *htmlWalker) flush() {
	hint := w.hint
	if hint == "" {
		hint = w.blockHint
	}
	w.b.add(w.cur.String(), block{hint: hint, heading: w.heading, item: w.item, group: w.group})
	w.cur.Reset()
	w.item = false
	w.blockHint = ""
}

func (w *htmlWalker) walk(n *html.Node, hint analyze.SectionKind, inComments bool) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		// Text under an inline element with a cue ("<span class=author>")
		// gives the paragraph its kind.
		if hint != "" && w.blockHint == "" && strings.TrimSpace(n.Data) != "" {
			w.blockHint = hint
		}
	case html.ElementNode:
		if !skipped[n.DataAtom] && n.DataAtom != atom.Img {
			w.element(n, hint, inComments)
		}
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, hint, inComments)
		}
	}
}

// element walks an element: a block element flushes the paragraph before
// and after it, a reader comment opens a group of its own, and a heading
// or a list item marks the paragraph it holds.
func (w *htmlWalker) element(n *html.Node, hint analyze.SectionKind, inComments bool) {
	isBlock := blockElems[n.DataAtom]
	prevHint, prevGroup := hint, w.group
	hint = elementHint(n, hint)
	// Each reader comment, however the page marks it, is its own group.
	startsComment := hint == analyze.SectionComments && !commentPart(n) &&
		(cue(n) == analyze.SectionComments || inComments && (n.DataAtom == atom.Li || n.DataAtom == atom.Article))
	if isBlock {
		w.flush()
	}
	if startsComment {
		w.groups++
		w.group = w.groups
	}
	w.hint = hint
	if headings[n.DataAtom] {
		w.heading = true
		if n.DataAtom == atom.H1 && hint == "" {
			w.hint = analyze.SectionTitle
		}
	}
	if n.DataAtom == atom.Li {
		w.item = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, hint, inComments || hint == analyze.SectionComments)
	}
	if isBlock {
		w.flush()
		w.heading = false
	}
	if startsComment {
		w.group = prevGroup
	}
	w.hint = prevHint
}

var headings = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

// elementHint returns the section kind an element gives what it holds:
// its class or id, a figure caption, or a footer or aside in the body;
// else the kind it inherits.
func elementHint(n *html.Node, hint analyze.SectionKind) analyze.SectionKind {
	if c := cue(n); c != "" {
		hint = c
	}
	switch n.DataAtom {
	case atom.Figcaption:
		return analyze.SectionCaption
	case atom.Footer, atom.Aside:
		if hint == "" || hint == analyze.SectionBody {
			return analyze.SectionBoilerplate
		}
	}
	return hint
}

// cue reads what an element's class or id says it is, from the words page
// templates use for these parts.
func cue(n *html.Node) analyze.SectionKind {
	if n == nil || n.Type != html.ElementNode {
		return ""
	}
	var words []string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" || a.Key == "itemprop" || a.Key == "rel" {
			words = append(words, strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
			})...)
		}
	}
	has := func(set ...string) bool {
		for _, w := range words {
			for _, s := range set {
				if w == s {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("comment", "comments", "commentlist", "respond", "replies", "disqus"):
		return analyze.SectionComments
	case has("bio", "biography", "bios") || (has("author", "authors") && has("about", "info", "box", "description")):
		return analyze.SectionBio
	case has("byline", "author", "authors", "dateline", "contributor"):
		return analyze.SectionByline
	case has("caption", "credit", "figcaption"):
		return analyze.SectionCaption
	case has("footer", "share", "sharing", "social", "related", "newsletter", "subscribe",
		"advert", "advertisement", "ad", "ads", "promo", "sidebar", "breadcrumb", "breadcrumbs",
		"tags", "menu", "copyright", "cookie", "banner"):
		return analyze.SectionBoilerplate
	}
	return ""
}

// commentPart reports whether an element is a part of one comment (its
// author line, date, text) rather than a comment or the thread.
func commentPart(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
			switch w {
			case "author", "meta", "metadata", "content", "body", "text", "date", "time", "avatar", "vcard", "says", "reply", "permalink", "title", "header", "footer", "actions":
				return true
			}
		}
	}
	return false
}

func insideCue(n *html.Node, k analyze.SectionKind) bool {
	for ; n != nil; n = n.Parent {
		if cue(n) == k {
			return true
		}
	}
	return false
}

func inside(n, ancestor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == ancestor {
			return true
		}
	}
	return false
}

func find(n *html.Node, a atom.Atom) *html.Node {
	all := findAll(n, func(n *html.Node) bool { return n.DataAtom == a })
	if len(all) == 0 {
		return nil
	}
	return all[0]
}

// findAll returns the outermost nodes under n for which match is true.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// readHTMLMeta fills the Doc's metadata from <title>, <meta> and <time>.
func readHTMLMeta(doc *analyze.Doc, root *html.Node) {
	meta := map[string]string{}
	for _, m := range findAll(root, func(n *html.Node) bool { return n.DataAtom == atom.Meta }) {
		key := strings.ToLower(attr(m, "property"))
		if key == "" {
			key = strings.ToLower(attr(m, "name"))
		}
		if key != "" && meta[key] == "" {
			meta[key] = strings.TrimSpace(attr(m, "content"))
		}
	}
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := meta[k]; v != "" {
				return v
			}
		}
		return ""
	}
	doc.Title = first("og:title", "twitter:title", "dc.title")
	if doc.Title == "" {
		// <title> often carries the site's name ("Story - Site"): the
		// page's own <h1> is the better title when there is one.
		if h1 := find(root, atom.H1); h1 != nil && foldSpace(textOf(h1)) != "" {
			doc.Title = foldSpace(textOf(h1))
		} else if t := find(root, atom.Title); t != nil {
			doc.Title = foldSpace(textOf(t))
		}
	}
	if a := first("author", "article:author", "dc.creator"); a != "" && !strings.HasPrefix(a, "http") {
		doc.Authors = splitNames(a)
	}
	pub := first("article:published_time", "datepublished", "date", "dc.date", "pubdate", "publish-date")
	if pub == "" {
		if t := find(root, atom.Time); t != nil {
			pub = attr(t, "datetime")
		}
	}
	if d, ok := NormalizeDate(pub); ok {
		doc.Published = d
	}
	doc.Source = first("og:site_name", "application-name")
	doc.URL = first("og:url")
	if doc.URL == "" {
		if l := findAll(root, func(n *html.Node) bool { return n.DataAtom == atom.Link && attr(n, "rel") == "canonical" }); len(l) > 0 {
			doc.URL = attr(l[0], "href")
		}
	}
	if kw := first("keywords", "news_keywords"); kw != "" {
		for _, t := range strings.Split(kw, ",") {
			if t = strings.TrimSpace(t); t != "" {
				doc.Tags = append(doc.Tags, t)
			}
		}
	}
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}
