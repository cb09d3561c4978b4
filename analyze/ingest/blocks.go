package ingest

import (
	"strings"
	"unicode"

	"github.com/brief-tool/brief/analyze"
)

// block is one paragraph-like unit of the plain text: a paragraph, heading,
// list item or caption. start and end index Doc.Text.
type block struct {
	start, end int
	// hint is what the markup says the block is ("" when it says nothing):
	// an HTML figcaption is a caption, an element of class "comment" a
	// comment.
	hint    analyze.SectionKind
	text    string
	heading bool
	item    bool // list item
	// group ties blocks of one markup container (one HTML comment), so that
	// they form one section.
	group int
	kind  analyze.SectionKind
}

// builder assembles the plain text of formats whose text is not the file
// itself, one block at a time, separated by blank lines.
type builder struct {
	sb     strings.Builder
	blocks []block
}

// add appends s as a block, with runs of white space folded to one space.
// Empty blocks are skipped.
func (b *builder) add(s string, bl block) {
	s = foldSpace(s)
	if s == "" {
		return
	}
	if b.sb.Len() > 0 {
		b.sb.WriteString("\n\n")
	}
	bl.start = b.sb.Len()
	b.sb.WriteString(s)
	bl.end = b.sb.Len()
	bl.text = s
	b.blocks = append(b.blocks, bl)
}

func (b *builder) text() string { return b.sb.String() }

// foldSpace trims s and replaces every run of white space with one space.
func foldSpace(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}

// layout turns classified blocks into the contract's sections (consecutive
// blocks of one kind merge, except that each reader comment is a section of
// its own) and into paragraphs for the segmenter.
func layout(blocks []block) ([]analyze.Section, []analyze.Paragraph) {
	var secs []analyze.Section
	paras := make([]analyze.Paragraph, 0, len(blocks))
	for i, bl := range blocks {
		paras = append(paras, analyze.Paragraph{Span: analyze.Span{Start: bl.start, End: bl.end}, Section: bl.kind})
		if n := len(secs); n > 0 && secs[n-1].Kind == bl.kind && !(bl.kind == analyze.SectionComments && newComment(blocks, i)) {
			secs[n-1].End = bl.end
			continue
		}
		secs = append(secs, analyze.Section{Kind: bl.kind, Start: bl.start, End: bl.end})
	}
	return secs, paras
}

// newComment reports whether comment block i starts a new reader comment
// rather than continuing the previous one.
func newComment(blocks []block, i int) bool {
	if i == 0 {
		return true
	}
	if blocks[i].group != 0 {
		return blocks[i].group != blocks[i-1].group
	}
	return blocks[i].item || commentStart(blocks[i].text)
}
