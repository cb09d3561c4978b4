package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/brief-tool/brief/analyze"
)

// frontMatter is the metadata a Markdown article may open with. Unknown keys
// are ignored: articles come from many tools, and strictness about keys is
// for brief.yaml.
type frontMatter struct {
	Title     string     `yaml:"title"`
	Authors   stringList `yaml:"authors"`
	Author    stringList `yaml:"author"`
	Published string     `yaml:"published"`
	Date      string     `yaml:"date"`
	Source    string     `yaml:"source"`
	URL       string     `yaml:"url"`
	Tags      stringList `yaml:"tags"`
	Kind      string     `yaml:"kind"`
}

// stringList accepts either one string or a list of strings.
type stringList []string

func (s *stringList) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		if one = strings.TrimSpace(one); one != "" {
			*s = stringList{one}
		}
		return nil
	}
	var many []string
	if err := unmarshal(&many); err != nil {
		return errors.New("want a string or a list of strings")
	}
	*s = stringList(many)
	return nil
}

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

func readMarkdown(doc *analyze.Doc, data []byte) ([]block, error) {
	fmBytes, body, fmLine, err := splitFrontMatter(data)
	if err != nil {
		return nil, err
	}
	if fmBytes != nil {
		var fm frontMatter
		if err := decodeYAML(fmBytes, &fm); err != nil {
			return nil, yamlError(err, fmBytes, fmLine)
		}
		if err := applyFrontMatter(doc, fm); err != nil {
			// Point at the key's line.
			line, col := keyPosition(fmBytes, "published", "date")
			return nil, &Error{Line: fmLine + line - 1, Col: col, Err: err}
		}
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	root := md.Parser().Parse(text.NewReader(body))
	var b builder
	walkMarkdown(root, body, &b)
	doc.Text = b.text()
	return b.blocks, nil
}

func applyFrontMatter(doc *analyze.Doc, fm frontMatter) error {
	doc.Title = strings.TrimSpace(fm.Title)
	doc.Authors = append([]string(fm.Authors), fm.Author...)
	pub := fm.Published
	if pub == "" {
		pub = fm.Date
	}
	if pub != "" {
		d, ok := NormalizeDate(pub)
		if !ok {
			return fmt.Errorf("front matter: published: cannot read %q as a date (want YYYY-MM-DD, YYYY-MM or YYYY)", pub)
		}
		doc.Published = d
	}
	doc.Source = strings.TrimSpace(fm.Source)
	doc.URL = strings.TrimSpace(fm.URL)
	doc.Tags = fm.Tags
	doc.Kind = strings.TrimSpace(fm.Kind)
	return nil
}

// decodeYAML decodes front matter, turning a panic in the YAML library
// (it has some on malformed tags) into an error: bad input costs one
// article, never the run.
func decodeYAML(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed YAML (%v)", r)
		}
	}()
	return yaml.Unmarshal(data, v)
}

// readPath reads one key of the YAML, guarded like decodeYAML.
func readPath(p *yaml.Path, yml []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed YAML (%v)", r)
		}
	}()
	return p.Read(bytes.NewReader(yml), v)
}

// keyPosition returns the 1-based line and column of the first top-level
// key among keys in the YAML, or 1, 1.
func keyPosition(yml []byte, keys ...string) (int, int) {
	for i, line := range strings.Split(string(yml), "\n") {
		for _, k := range keys {
			if strings.HasPrefix(line, k+":") {
				return i + 1, 1
			}
		}
	}
	return 1, 1
}

// yamlError positions a YAML error in the file: lineOffset is the file line
// of the YAML's first line. Errors from the library carry their token's
// position; errors from our own decoders (a list where a string belongs)
// are placed at the key that failed to decode.
func yamlError(err error, yml []byte, lineOffset int) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		return &Error{Line: pos.Line + lineOffset - 1, Col: pos.Column, Err: fmt.Errorf("front matter: %s", ye.GetMessage())}
	}
	for _, k := range []string{"title", "authors", "author", "published", "date", "source", "url", "tags", "kind"} {
		p, perr := yaml.PathString("$." + k)
		if perr != nil {
			continue
		}
		var probe frontMatter
		target := map[string]any{"title": &probe.Title, "authors": &probe.Authors, "author": &probe.Author,
			"published": &probe.Published, "date": &probe.Date, "source": &probe.Source, "url": &probe.URL,
			"tags": &probe.Tags, "kind": &probe.Kind}[k]
		if rerr := readPath(p, yml, target); rerr != nil && !yaml.IsNotFoundNodeError(rerr) {
			line, col := keyPosition(yml, k)
			return &Error{Line: lineOffset + line - 1, Col: col, Err: fmt.Errorf("front matter: %s: %w", k, err)}
		}
	}
	return &Error{Line: lineOffset, Err: fmt.Errorf("front matter: %w", err)}
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
