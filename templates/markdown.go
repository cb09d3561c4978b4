package templates

import (
	"bytes"
	htmltemplate "html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown converts the packs to HTML: GitHub-flavoured Markdown (tables,
// strikethrough, autolinks, task lists), footnotes, typographic quotes and
// heading ids. Raw HTML stays off (goldmark's safe default): the packs quote
// articles, and nothing in them may become markup.
//
// Three transformers adapt the result to the site: links between Markdown
// pages point at their HTML twins; table cells say their alignment with a
// class and header cells their scope, instead of the obsolete align
// attribute; and each third-level heading with what follows it becomes a
// card (<div class="card">).
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough, extension.Linkify, extension.TaskList,
		extension.Footnote, extension.Typographer,
	),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(
			util.Prioritized(mdLinks{}, 100),
			util.Prioritized(tableCells{}, 100),
			util.Prioritized(cards{}, 1000),
		),
	),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(cardRenderer{}, 100))),
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

// tableCells marks right-aligned and centred cells with the classes num and
// center, and header cells with scope="col".
type tableCells struct{}

func (tableCells) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		c, ok := n.(*east.TableCell)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		switch c.Alignment {
		case east.AlignRight:
			c.SetAttributeString("class", []byte("num"))
		case east.AlignCenter:
			c.SetAttributeString("class", []byte("center"))
		}
		if c.Parent() != nil && c.Parent().Kind() == east.KindTableHeader {
			c.SetAttributeString("scope", []byte("col"))
		}
		return ast.WalkSkipChildren, nil
	})
}

// card is a third-level heading and the blocks after it, up to the next
// heading of level three or less.
type card struct{ ast.BaseBlock }

var kindCard = ast.NewNodeKind("Card")

func (c *card) Kind() ast.NodeKind { return kindCard }

func (c *card) Dump(source []byte, level int) { ast.DumpHelper(c, source, level, nil, nil) }

type cards struct{}

func (cards) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var cur *card
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		h, isHeading := n.(*ast.Heading)
		switch {
		case isHeading && h.Level == 3:
			cur = &card{}
			doc.InsertBefore(doc, n, cur)
			doc.RemoveChild(doc, n)
			cur.AppendChild(cur, n)
		case isHeading && h.Level < 3:
			cur = nil
		case n.Kind() == east.KindFootnoteList:
			cur = nil
		case cur != nil:
			doc.RemoveChild(doc, n)
			cur.AppendChild(cur, n)
		}
		n = next
	}
}

type cardRenderer struct{}

func (cardRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCard, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<div class=\"card\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// ToHTML renders Markdown to an HTML fragment.
func ToHTML(md []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := markdown.Convert(md, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// toBlocks renders Markdown to HTML cut before each second-level heading.
func toBlocks(md []byte) ([]Block, error) {
	doc := markdown.Parser().Parse(text.NewReader(md))
	blocks := []Block{{}}
	var buf bytes.Buffer
	flush := func() {
		b := &blocks[len(blocks)-1]
		b.Body = htmltemplate.HTML(buf.String())
		buf.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			flush()
			if err := markdown.Renderer().Render(&buf, md, n); err != nil {
				return nil, err
			}
			b := Block{Heading: htmltemplate.HTML(buf.String())}
			if id, ok := h.AttributeString("id"); ok {
				if v, ok := id.([]byte); ok {
					b.ID = string(v)
				}
			}
			buf.Reset()
			blocks = append(blocks, b)
			continue
		}
		if err := markdown.Renderer().Render(&buf, md, n); err != nil {
			return nil, err
		}
	}
	flush()
	if blocks[0].Body == "" && len(blocks) > 1 {
		blocks = blocks[1:]
	}
	return blocks, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
