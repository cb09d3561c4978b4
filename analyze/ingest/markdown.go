package ingest

import (
	"bytes"
	"errors"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/brief-tool/brief/analyze"
)

// splitFrontMatter returns the YAML between a leading "---" line and the next
// "---" (or "...") line, and the body after it. line is the 1-based line of
// the body's first byte in data.
func splitFrontMatter(data []byte) (fm, body []byte, fmLine int, err error) {
	rest, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		rest = data
	}
	first, after, found := bytes.Cut(rest, []byte("\n"))
	if !found || strings.TrimSpace(string(first)) != "---" {
		return nil, rest, 0, nil
	}
	off := 0
	for off <= len(after) {
		lineEnd := bytes.IndexByte(after[off:], '\n')
		var line []byte
		if lineEnd < 0 {
			line = after[off:]
		} else {
			line = after[off : off+lineEnd]
		}
		if t := strings.TrimSpace(string(line)); t == "---" || t == "..." {
			next := len(after)
			if lineEnd >= 0 {
				next = off + lineEnd + 1
			}
			return after[:off], after[next:], 2, nil
		}
		if lineEnd < 0 {
			break
		}
		off += lineEnd + 1
	}
	return nil, nil, 0, &Error{Line: 1, Col: 1, Err: errors.New("front matter opened with --- is never closed")}
}

func (r *reader) readMarkdown(doc *analyze.Doc, data []byte) ([]block, error) {
	fmBytes, body, fmLine, err := splitFrontMatter(data)
	if err != nil {
		return nil, err
	}
	if fmBytes != nil {
		if err := r.frontMatter(doc, fmBytes, fmLine); err != nil {
			return nil, err
		}
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	root := md.Parser().Parse(text.NewReader(body))
	var b builder
	walkMarkdown(root, body, &b)
	doc.Text = b.text()
	return b.blocks, nil
}

// walkMarkdown adds one block per leaf block of the Markdown tree: headings,
// paragraphs, list items' text, table rows, code blocks.
func walkMarkdown(n ast.Node, src []byte, b *builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			b.add(inlineText(c, src), block{heading: true})
		case *ast.Paragraph, *ast.TextBlock:
			_, inItem := c.Parent().(*ast.ListItem)
			b.add(inlineText(c, src), block{item: inItem && c.PreviousSibling() == nil})
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			var sb strings.Builder
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				sb.Write(seg.Value(src))
			}
			b.add(sb.String(), block{})
		case *east.TableRow, *east.TableHeader:
			var cells []string
			for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cells = append(cells, inlineText(cell, src))
			}
			b.add(strings.Join(cells, "; "), block{})
		case *ast.HTMLBlock, *ast.ThematicBreak:
			// Raw HTML is not the article's prose; rules are layout.
		default:
			walkMarkdown(c, src, b)
		}
	}
}

// inlineText is the text of n's inline children with the markup removed.
func inlineText(n ast.Node, src []byte) string {
	var sb strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				// As the HTML renderer would: "\*" is "*", "&amp;" is "&".
				v := c.Value(src)
				if !c.IsRaw() {
					v = util.UnescapePunctuations(v)
					v = util.ResolveNumericReferences(v)
					v = util.ResolveEntityNames(v)
				}
				sb.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					sb.WriteByte(' ')
				}
			case *ast.String:
				sb.Write(c.Value)
			case *ast.CodeSpan:
				walk(c)
			case *ast.RawHTML, *ast.Image:
				// Inline HTML tags and images carry no prose.
			case *ast.AutoLink:
				sb.Write(c.Label(src))
			case *east.FootnoteLink:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return sb.String()
}
