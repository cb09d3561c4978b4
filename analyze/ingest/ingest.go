// Package ingest turns an input file (Markdown with YAML front matter, plain
// text, or an HTML page) into an analyze.Analysis holding the document's
// metadata, its plain text, and the sections and paragraphs of that text.
//
// The plain text is what every later offset indexes: for .txt it is the file
// itself; for .md the body after front matter with the markup removed; for
// .html the readable text after tag removal. Blocks are joined by a blank
// line, so paragraphs never run together.
//
// Sections are found from general layout cues (how web pages place photo
// captions, bylines, author bios, comment threads and footers), never from
// one page's exact strings; see sections.go.
package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/brief-tool/brief/analyze"
)

// Error is a problem with one input file. Line and Col are 1-based and
// zero when the problem has no position.
type Error = analyze.FileError

// Sentinel causes, for callers that need to tell them apart.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrFormat      = errors.New("unsupported file type")
)

// Formats lists the file extensions ingest reads, lower case with the dot.
var Formats = map[string]string{
	".md": "md", ".markdown": "md",
	".txt": "txt", ".text": "txt",
	".html": "html", ".htm": "html",
}

// Supported reports whether path has an extension ingest reads.
func Supported(path string) bool {
	_, ok := Formats[strings.ToLower(filepath.Ext(path))]
	return ok
}

// Read parses data, the bytes of the file at path, into a Document. path is
// recorded as given and decides the format by its extension. What it works
// around (an unknown front-matter key, an id with no letters) is in the
// analysis's Warnings; what it cannot read is an *Error naming the file.
func (o Options) Read(path string, data []byte) (*analyze.Analysis, error) {
	format, ok := Formats[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return nil, &Error{Path: path, Err: fmt.Errorf("%w %q (want .md, .txt or .html)", ErrFormat, filepath.Ext(path))}
	}
	if err := checkText(data); err != nil {
		err.Path = path
		return nil, err
	}
	sum := sha256.Sum256(data)
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	doc := analyze.Doc{
		Path:   path,
		ID:     analyze.Slug(stem),
		SHA256: hex.EncodeToString(sum[:]),
		Format: format,
	}
	r := &reader{opts: o}
	if doc.ID == "doc" && stem != "doc" {
		r.warn(analyze.FileWarning(0, 0, "the file name has no letter or digit to make an id from: the id is %q", doc.ID))
	}
	var (
		blocks []block
		err    error
	)
	switch format {
	case "md":
		blocks, err = r.readMarkdown(&doc, data)
	case "txt":
		blocks = readText(&doc, data)
	case "html":
		blocks, err = r.readHTML(&doc, data)
	}
	if err != nil {
		var fe *Error
		if errors.As(err, &fe) {
			fe.Path = path
			return nil, fe
		}
		return nil, &Error{Path: path, Err: err}
	}
	a := &analyze.Analysis{Doc: doc, Warnings: r.warnings}
	classify(&a.Doc, blocks)
	a.Sections, a.Paragraphs = layout(blocks)
	if strings.TrimSpace(a.Doc.Text) == "" {
		return nil, &Error{Path: path, Err: errors.New("no readable text")}
	}
	a.Normalize()
	return a, nil
}

// reader reads one file: the options, and the warnings so far.
type reader struct {
	opts     Options
	warnings []analyze.Warning
}

func (r *reader) warn(w analyze.Warning) { r.warnings = append(r.warnings, w) }

// checkText rejects what is not UTF-8 text, with the position of the first
// offending byte.
func checkText(data []byte) *Error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &Error{Err: ErrEmpty}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return &Error{Line: line, Col: col, Err: fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		line, col := position(data, i)
		return &Error{Line: line, Col: col, Err: fmt.Errorf("%w (byte 0x%02x at offset %d)", ErrInvalidUTF8, data[i], i)}
	}
	ctl := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	if ctl*100 > len(data) {
		return &Error{Err: fmt.Errorf("%w (%d control bytes)", ErrBinary, ctl)}
	}
	return nil
}

// position returns the 1-based line and column (in runes) of byte offset i.
func position(data []byte, i int) (line, col int) {
	line = 1 + bytes.Count(data[:i], []byte("\n"))
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	col = 1 + utf8.RuneCount(data[start:i])
	return line, col
}

// ArticleSuffix is added to an id that is reserved (see UniqueIDs).
const ArticleSuffix = "-article"

// UniqueIDs gives each analysis a distinct Doc.ID that is none of reserved
// (the names of the pages a site writes beside the articles): a reserved id
// gets ArticleSuffix ("actors" becomes "actors-article"), and an id an
// earlier document already has gets -2, -3, ... in the given order (callers
// sort by path first, so the result is deterministic). Each change is
// recorded as a warning on the document, naming the file that had the id.
func UniqueIDs(docs []*analyze.Analysis, reserved ...string) {
	isReserved := map[string]bool{}
	for _, r := range reserved {
		isReserved[r] = true
	}
	owner := map[string]string{} // id -> path of the document that has it
	taken := func(id string) bool {
		_, ok := owner[id]
		return ok || isReserved[id]
	}
	for _, a := range docs {
		id, base := a.Doc.ID, a.Doc.ID
		if isReserved[id] {
			base += ArticleSuffix
			id = base
		}
		for n := 2; taken(id); n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		switch {
		case id == a.Doc.ID:
		case isReserved[a.Doc.ID]:
			a.Warn(analyze.FileWarning(0, 0, "the id %q is the name of one of the site's own pages: the article's id is %q", a.Doc.ID, id))
		default:
			a.Warn(analyze.FileWarning(0, 0, "the id %q is taken by %s: this article's id is %q", a.Doc.ID, owner[a.Doc.ID], id))
		}
		owner[id] = a.Doc.Path
		a.Doc.ID = id
	}
}
