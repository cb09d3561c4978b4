package templates

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown converts the packs to HTML. Raw HTML stays off (goldmark's safe
// default): the packs quote articles, and nothing in them may become markup.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(mdLinks{}, 100)),
	),
)

// mdLinks points links between Markdown pages at their HTML twins, so one
// Markdown source serves both formats.
type mdLinks struct{}

func (mdLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			l.Destination = htmlTwin(l.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func htmlTwin(dest []byte) []byte {
	d := string(dest)
	if strings.Contains(d, "://") || strings.HasPrefix(d, "mailto:") {
		return dest
	}
	p, frag, _ := strings.Cut(d, "#")
	if strings.HasSuffix(p, ".md") {
		p = strings.TrimSuffix(p, ".md") + ".html"
		if frag != "" {
			p += "#" + frag
		}
		return []byte(p)
	}
	return dest
}

// ToHTML renders Markdown to an HTML fragment.
func ToHTML(md []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := markdown.Convert(md, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
