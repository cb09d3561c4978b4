package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-tool/brief/analyze"
)

// knownBug skips a test that shows a reported bug in non-test code. Set
// BRIEF_TEST_BUGS=1 to run such tests anyway, to see whether a fix works.
func knownBug(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("BRIEF_TEST_BUGS") == "" {
		t.Skip(msg)
	}
}

// sec is an expected section: its kind and its exact text in Doc.Text.
type sec struct {
	kind analyze.SectionKind
	text string
}

// checkInvariants fails t when a's sections or paragraphs break the
// contract: inside Doc.Text, on rune boundaries, sections ordered, non-empty
// and non-overlapping, paragraphs free of blank lines and inside a section
// of their own kind.
func checkInvariants(t testing.TB, a *analyze.Analysis) {
	t.Helper()
	if err := invariantErr(a); err != "" {
		t.Fatal(err)
	}
}

func invariantErr(a *analyze.Analysis) string {
	text := a.Doc.Text
	inText := func(s, e int) bool {
		return 0 <= s && s <= e && e <= len(text) &&
			(s == len(text) || utf8.RuneStart(text[s])) && (e == len(text) || utf8.RuneStart(text[e]))
	}
	kinds := []analyze.SectionKind{analyze.SectionTitle, analyze.SectionByline, analyze.SectionCaption,
		analyze.SectionBody, analyze.SectionBio, analyze.SectionComments, analyze.SectionBoilerplate}
	prevEnd := 0
	for i, s := range a.Sections {
		switch {
		case !inText(s.Start, s.End):
			return fmt.Sprintf("section %d [%d,%d) is not inside Doc.Text (len %d) on rune boundaries", i, s.Start, s.End, len(text))
		case s.Start == s.End:
			return fmt.Sprintf("section %d [%d,%d) is empty", i, s.Start, s.End)
		case s.Start < prevEnd:
			return fmt.Sprintf("section %d [%d,%d) starts before the previous one ends (%d)", i, s.Start, s.End, prevEnd)
		case !slices.Contains(kinds, s.Kind):
			return fmt.Sprintf("section %d has kind %q, not one the contract lists", i, s.Kind)
		}
		prevEnd = s.End
	}
	prevEnd = 0
	for i, p := range a.Paragraphs {
		if !inText(p.Start, p.End) {
			return fmt.Sprintf("paragraph %d [%d,%d) is not inside Doc.Text (len %d) on rune boundaries", i, p.Start, p.End, len(text))
		}
		if p.Start < prevEnd {
			return fmt.Sprintf("paragraph %d [%d,%d) starts before the previous one ends (%d)", i, p.Start, p.End, prevEnd)
		}
		prevEnd = p.End
		if strings.Contains(text[p.Start:p.End], "\n\n") {
			return fmt.Sprintf("paragraph %d %q contains a blank line", i, text[p.Start:p.End])
		}
		in := false
		for _, s := range a.Sections {
			if s.Start <= p.Start && p.End <= s.End {
				in = s.Kind == p.Section
				break
			}
		}
		if !in {
			return fmt.Sprintf("paragraph %d [%d,%d) %s is not inside a %s section", i, p.Start, p.End, p.Section, p.Section)
		}
	}
	return ""
}

// sectionsOf lists a's sections as kinds with their text.
func sectionsOf(a *analyze.Analysis) []sec {
	var out []sec
	for _, s := range a.Sections {
		out = append(out, sec{s.Kind, a.Doc.Text[s.Start:s.End]})
	}
	return out
}

func diffSections(t *testing.T, got *analyze.Analysis, want []sec) {
	t.Helper()
	g := sectionsOf(got)
	if slices.Equal(g, want) {
		return
	}
	var sb strings.Builder
	for i := 0; i < max(len(g), len(want)); i++ {
		var gs, ws sec
		if i < len(g) {
			gs = g[i]
		}
		if i < len(want) {
			ws = want[i]
		}
		mark := "  "
		if gs != ws {
			mark = "! "
		}
		sb.WriteString(fmt.Sprintf("%s%2d got  %-11s %q\n   want %-11s %q\n", mark, i, gs.kind, gs.text, ws.kind, ws.text))
	}
	t.Errorf("sections differ:\n%s", sb.String())
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name, path, in string
		title          string
		authors        []string
		published      string
		source, url    string
		tags           []string
		text           string // "" means the input itself
		sections       []sec
	}{
		{
			name: "markdown with front matter",
			path: "articles/Quiet Waters.md",
			in: `---
title: Quiet Waters
authors:
  - Ana Silva
  - Ben Okafor
published: "2019-7-1"
source: Harbour Review
url: https://harbour.example/quiet
tags: [navy, hotline]
layout: post
draft: true
---

# Quiet Waters

The *two* navies met **twice** at [sea](https://x.example), near ` + "`Reef 7`" + `.

- Ships keep 500 metres apart.
- Bridges answer the radio.

## Next steps

The talks resume in
autumn.
`,
			title: "Quiet Waters", authors: []string{"Ana Silva", "Ben Okafor"}, published: "2019-07-01",
			source: "Harbour Review", url: "https://harbour.example/quiet", tags: []string{"navy", "hotline"},
			text: "Quiet Waters\n\nThe two navies met twice at sea, near Reef 7.\n\nShips keep 500 metres apart.\n\n" +
				"Bridges answer the radio.\n\nNext steps\n\nThe talks resume in autumn.",
			sections: []sec{
				{analyze.SectionTitle, "Quiet Waters"},
				{analyze.SectionBody, "The two navies met twice at sea, near Reef 7.\n\nShips keep 500 metres apart.\n\n" +
					"Bridges answer the radio.\n\nNext steps\n\nThe talks resume in autumn."},
			},
		},
		{
			name:  "markdown with author, date and a long published form",
			path:  "b.markdown",
			in:    "---\ntitle: '  Padded  '\nauthor: Solo Writer\npublished: July 1, 2019\ndate: 2000-01-01\n---\nOne paragraph only.\n",
			title: "Padded", authors: []string{"Solo Writer"}, published: "2019-07-01",
			text:     "One paragraph only.",
			sections: []sec{{analyze.SectionBody, "One paragraph only."}},
		},
		{
			name:  "markdown date key when published is absent",
			path:  "c.md",
			in:    "---\ntitle: T\ndate: 2020-02\n---\nText of the piece.\n",
			title: "T", published: "2020-02",
			text:     "Text of the piece.",
			sections: []sec{{analyze.SectionBody, "Text of the piece."}},
		},
		{
			name:  "markdown year as a YAML number",
			path:  "d.md",
			in:    "---\ntitle: T\npublished: 2019\n---\nText of the piece.\n",
			title: "T", published: "2019",
			text:     "Text of the piece.",
			sections: []sec{{analyze.SectionBody, "Text of the piece."}},
		},
		{
			name:  "markdown without front matter takes the heading as title",
			path:  "e.md",
			in:    "# Talks at the Border\n\nOfficers met.\n\n> A quoted\n> line.\n",
			title: "Talks at the Border",
			text:  "Talks at the Border\n\nOfficers met.\n\nA quoted line.",
			sections: []sec{
				{analyze.SectionTitle, "Talks at the Border"},
				{analyze.SectionBody, "Officers met.\n\nA quoted line."},
			},
		},
		{
			name:  "markdown with CRLF line ends",
			path:  "f.md",
			in:    "---\r\ntitle: CRLF\r\n---\r\nBody one.\r\n\r\nBody two.\r\n",
			title: "CRLF",
			text:  "Body one.\n\nBody two.",
			sections: []sec{
				{analyze.SectionBody, "Body one.\n\nBody two."},
			},
		},
		{
			name:  "plain text",
			path:  "notes/border-talks.txt",
			in:    "Border Talks Resume\n\nBy Sam Okoro\n\nOfficers from both armies met on Friday at the crossing point.\nThey agreed to meet again next month.\n\nA second round is planned.\n",
			title: "Border Talks Resume", authors: []string{"Sam Okoro"},
			sections: []sec{
				{analyze.SectionTitle, "Border Talks Resume"},
				{analyze.SectionByline, "By Sam Okoro"},
				{analyze.SectionBody, "Officers from both armies met on Friday at the crossing point.\nThey agreed to meet again next month.\n\nA second round is planned."},
			},
		},
		{
			name:  "plain text keeps CRLF and leading space",
			path:  "g.txt",
			in:    "  Ceasefire Line Holds\r\n\r\nNo shots were fired overnight.\r\n",
			title: "Ceasefire Line Holds",
			sections: []sec{
				{analyze.SectionTitle, "Ceasefire Line Holds"},
				{analyze.SectionBody, "No shots were fired overnight."},
			},
		},
		{
			name:  "html with meta tags",
			path:  "page.html",
			in:    string(readFixture(t, "page.html")),
			title: "Radar Locks and Red Lines", authors: []string{"Kofi Mensah"}, published: "2022-11-08",
			source: "The Ledger", url: "https://ledger.example/radar-locks", tags: []string{"air defence", "escalation"},
			text: "Radar Locks and Red Lines\n\nBy Kofi Mensah\n\nA radar station on the northern coast. (Ledger photo)\n\n" +
				"Twice this autumn, fighter jets from one air force locked their fire-control radar on aircraft from the other. Neither pilot fired, but both reported the lock as a hostile act.\n\n" +
				"A radar lock is the last step before a missile launch. Treating it as a routine signal invites the very accident both sides say they want to avoid.\n\n" +
				"Related stories\n\nEarlier: jets intercept a patrol plane\n\n" +
				"The two defence ministries should agree that fire-control radar is never to be used against the other side's aircraft in peacetime.\n\n" +
				"Comments\n\nA sensible proposal. Old agreements on incidents at sea did the same for ships.\n\n" +
				"Who would verify it?\n\nRadar emissions are hard to attribute.",
			sections: []sec{
				{analyze.SectionTitle, "Radar Locks and Red Lines"},
				{analyze.SectionByline, "By Kofi Mensah"},
				{analyze.SectionCaption, "A radar station on the northern coast. (Ledger photo)"},
				{analyze.SectionBody, "Twice this autumn, fighter jets from one air force locked their fire-control radar on aircraft from the other. Neither pilot fired, but both reported the lock as a hostile act.\n\n" +
					"A radar lock is the last step before a missile launch. Treating it as a routine signal invites the very accident both sides say they want to avoid."},
				{analyze.SectionBoilerplate, "Related stories\n\nEarlier: jets intercept a patrol plane"},
				{analyze.SectionBody, "The two defence ministries should agree that fire-control radar is never to be used against the other side's aircraft in peacetime."},
				{analyze.SectionBoilerplate, "Comments"},
				{analyze.SectionComments, "A sensible proposal. Old agreements on incidents at sea did the same for ships."},
				{analyze.SectionComments, "Who would verify it?\n\nRadar emissions are hard to attribute."},
			},
		},
		{
			name: "html without meta tags, entities decoded",
			path: "h.htm",
			in: `<html><head><title>Ceasefire Holds</title><link rel="canonical" href="https://x.example/c"></head>
<body><h1>Ceasefire Holds</h1>
<p class="dateline"><time datetime="2020-05-04">4 May</time></p>
<p>Guns &amp; mortars fell   silent
 at midnight&nbsp;on both sides.</p>
<p>Monitors will report daily.</p></body></html>`,
			title: "Ceasefire Holds", published: "2020-05-04", url: "https://x.example/c",
			text: "Ceasefire Holds\n\n4 May\n\nGuns & mortars fell silent at midnight on both sides.\n\nMonitors will report daily.",
			sections: []sec{
				{analyze.SectionTitle, "Ceasefire Holds"},
				{analyze.SectionByline, "4 May"},
				{analyze.SectionBody, "Guns & mortars fell silent at midnight on both sides.\n\nMonitors will report daily."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			checkInvariants(t, a)
			d := a.Doc
			sum := sha256.Sum256([]byte(tt.in))
			wantID := analyze.Slug(strings.TrimSuffix(filepath.Base(tt.path), filepath.Ext(tt.path)))
			if d.Path != tt.path || d.ID != wantID || d.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("path, id, sha256 = %q, %q, %q; want %q, %q, %q", d.Path, d.ID, d.SHA256, tt.path, wantID, hex.EncodeToString(sum[:]))
			}
			if a.Schema != analyze.Schema {
				t.Errorf("Schema = %q, want %q", a.Schema, analyze.Schema)
			}
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if want := tt.authors; !slices.Equal(d.Authors, want) || d.Authors == nil {
				t.Errorf("Authors = %#v, want %#v (never nil)", d.Authors, want)
			}
			if d.Published != tt.published {
				t.Errorf("Published = %q, want %q", d.Published, tt.published)
			}
			if d.Source != tt.source || d.URL != tt.url {
				t.Errorf("Source, URL = %q, %q; want %q, %q", d.Source, d.URL, tt.source, tt.url)
			}
			if !slices.Equal(d.Tags, tt.tags) {
				t.Errorf("Tags = %q, want %q", d.Tags, tt.tags)
			}
			want := tt.text
			if want == "" {
				want = tt.in
			}
			if d.Text != want {
				t.Errorf("Text = %q\nwant   %q", d.Text, want)
			}
			diffSections(t, a, tt.sections)
		})
	}
}

// Authors is never null in the JSON: a document without any has [].
func TestReadAuthorsNeverNil(t *testing.T) {
	for _, path := range []string{"a.txt", "a.md", "a.html"} {
		a, err := Read(path, []byte("Just one sentence of prose here."))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if a.Doc.Authors == nil || a.Sections == nil || a.Sentences == nil {
			t.Errorf("%s: nil slices in %+v", path, a)
		}
	}
}

func TestReadMarkdownMarkupRemoved(t *testing.T) {
	tests := []struct {
		name, in, want string
		bug            string
	}{
		{"emphasis, links, code spans", "A *b* **c** [d](e) `f` ~~g~~.\n", "A b c d f g.", ""},
		{"images and inline HTML carry no text", "An ![alt text](x.png) image and <b>bold</b> html.\n", "An image and bold html.", ""},
		{"autolink keeps the address", "Visit <https://x.example> now.\n", "Visit https://x.example now.", ""},
		{"hard and soft breaks are spaces", "Line one  \nline two\\\nline three\n", "Line one line two line three", ""},
		{"raw HTML blocks and rules are dropped", "<div>\nraw block\n</div>\n\n* * *\n\nafter\n", "after", ""},
		{"table rows", "| a | b |\n|---|---|\n| 1 | 2 |\n", "a; b\n\n1; 2", ""},
		{"code block folds to one paragraph", "```\ncode a\n\ncode b\n```\n", "code a code b", ""},
		{"footnote text is its own block", "Note[^1] here.\n\n[^1]: The footnote text.\n", "Note here.\n\nThe footnote text.", ""},
		{"loose list item paragraphs", "1. one\n\n   second para of one\n2. two\n", "one\n\nsecond para of one\n\ntwo", ""},
		{"backslash escapes", `Rates rose 5\* and \[sic\] \_twice\_.` + "\n", "Rates rose 5* and [sic] _twice_.", ""},
		{"entity references", "AT&amp;T and Bosch &mdash; a &copy; note.\n", "AT&T and Bosch — a © note.", ""},
		{"byte order mark", "\ufeffA paragraph after a BOM.\n", "A paragraph after a BOM.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				knownBug(t, tt.bug)
			}
			a, err := Read("x.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			if a.Doc.Text != tt.want {
				t.Errorf("Text = %q, want %q", a.Doc.Text, tt.want)
			}
		})
	}
}

func TestReadHTMLSkipsNonProse(t *testing.T) {
	a, err := Read("page.html", readFixture(t, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"secret", "Home", "World news menu", "font-family", "trackingSecret", "The Ledger", "Copyright", "A radar dish"} {
		if strings.Contains(a.Doc.Text, s) {
			t.Errorf("Doc.Text contains %q from a script, style, nav, form, header, img or footer", s)
		}
	}
}

// A page with no <article> or <main> is read from <body>: the skipped
// elements still leave no text, and the footer is boilerplate.
func TestReadHTMLWithoutArticle(t *testing.T) {
	in := `<!doctype html><body>
<nav>Menu Home About</nav>
<div class="content"><h2>Drills Near the Coast</h2>
<p>The navy began three days of exercises near the coast on Friday.</p>
<script>alert("x")</script><noscript>Enable scripts</noscript>
<p>Officials said the drills were planned months ago.</p></div>
<footer>Share this</footer></body>`
	a, err := Read("drills.html", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	if a.Doc.Title != "Drills Near the Coast" {
		t.Errorf("Title = %q", a.Doc.Title)
	}
	diffSections(t, a, []sec{
		{analyze.SectionTitle, "Drills Near the Coast"},
		{analyze.SectionBody, "The navy began three days of exercises near the coast on Friday.\n\nOfficials said the drills were planned months ago."},
		{analyze.SectionBoilerplate, "Share this"},
	})
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, path, in string
		sentinel       error  // nil: only an *Error is expected
		pos            string // "path:line:col" or "path:line" the message must start with; "" for none
		contains       []string
		bug            string
	}{
		{name: "empty", path: "a.txt", in: "", sentinel: ErrEmpty},
		{name: "whitespace only", path: "a.md", in: " \n\t\r\n  \n", sentinel: ErrEmpty},
		{name: "NUL byte", path: "a.txt", in: "ok\nab\x00cd\n", sentinel: ErrBinary, pos: "a.txt:2:3: "},
		{name: "control bytes", path: "a.txt", in: strings.Repeat("\x01\x02 text\n", 20), sentinel: ErrBinary},
		{name: "invalid UTF-8", path: "dir/a.txt", in: "first line\nnaïve \xff byte\n", sentinel: ErrInvalidUTF8, pos: "dir/a.txt:2:7: ", contains: []string{"0xff"}},
		{name: "invalid UTF-8 in markdown", path: "a.md", in: "---\ntitle: x\n---\n\xc3(\n", sentinel: ErrInvalidUTF8, pos: "a.md:4:1: "},
		{name: "unsupported extension", path: "report.pdf", in: "hello", sentinel: ErrFormat, contains: []string{".pdf"}},
		{name: "no extension", path: "README", in: "hello", sentinel: ErrFormat},
		{name: "front matter never closed", path: "a.md", in: "---\ntitle: x\nHello there.\n", pos: "a.md:1:1: ", contains: []string{"never closed"}},
		{name: "malformed YAML", path: "a.md", in: "---\ntitle: x\ntags: [a, b\n---\nbody\n", pos: "a.md:3:7: ", contains: []string{"front matter"}},
		{name: "unclosed flow sequence", path: "a.md", in: "---\ntitle: [x\n---\nbody\n", pos: "a.md:2:8: "},
		{name: "duplicate key", path: "a.md", in: "---\ntitle: x\ntitle: y\n---\nbody\n", pos: "a.md:3:1: ", contains: []string{"title"}},
		{name: "tab indentation", path: "a.md", in: "---\n\ttitle: x\n---\nbody\n", pos: "a.md:2:"},
		{name: "bad published", path: "a.md", in: "---\ntitle: x\npublished: someday\n---\nbody\n", contains: []string{"published", "someday"}},
		{name: "impossible published date", path: "a.md", in: "---\ntitle: x\npublished: 2019-02-30\n---\nbody\n", contains: []string{"published", "2019-02-30"}},
		{name: "bad published names its line", path: "a.md", in: "---\ntitle: x\npublished: someday\n---\nbody\n", pos: "a.md:3:"},
		{name: "front matter that is not a mapping", path: "a.md", in: "---\njust a line\n---\nbody\n", pos: "a.md:2:1: ", contains: []string{"mapping"}},
		{name: "billion laughs", path: "a.md", in: "---\n" + billionLaughs + "---\nbody\n", contains: []string{"aliases expand to more than 10000 nodes", "limits.yaml_alias_nodes"}},
		{name: "1,000 nested mappings", path: "a.md", in: "---\n" + nestedMapping(1000) + "---\nbody\n", pos: "a.md:2:", contains: []string{"nested more than 20 levels deep", "limits.yaml_depth"}},
		{name: "front matter too large", path: "a.md", in: "---\ntitle: " + strings.Repeat("x", 70_000) + "\n---\nbody\n", pos: "a.md:2:1: ", contains: []string{"limits.front_matter_bytes"}},
		{name: "100,000 nested divs", path: "a.html", in: strings.Repeat("<div>", 100_000) + "text", pos: "a.html:1:2561: ", contains: []string{"nested more than 512 deep", "limits.html_depth"}},
		{name: "a 50 MB attribute", path: "a.html", in: "<p title=\"" + strings.Repeat("a", 50<<20) + "\">text</p>", pos: "a.html:1:1: ", contains: []string{"limits.html_token_bytes"}},
		{name: "a million tags", path: "a.html", in: strings.Repeat("<br>", 1_000_001), contains: []string{"limits.html_tokens"}},
		{name: "front matter but no body", path: "a.md", in: "---\ntitle: x\n---\n"},
		{name: "html without text", path: "a.html", in: "<html><body><script>var x = 1;</script><nav>Home</nav></body></html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				knownBug(t, tt.bug)
			}
			a, err := Read(tt.path, []byte(tt.in))
			if err == nil {
				t.Fatalf("Read succeeded (text %q), want an error", a.Doc.Text)
			}
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) is not an *ingest.Error", err, err)
			}
			if fe.Path != tt.path {
				t.Errorf("Error.Path = %q, want %q", fe.Path, tt.path)
			}
			if !strings.HasPrefix(err.Error(), tt.path+":") {
				t.Errorf("error %q does not start with the path", err)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.sentinel)
			}
			for _, s := range []error{ErrEmpty, ErrBinary, ErrInvalidUTF8, ErrFormat} {
				if s != tt.sentinel && errors.Is(err, s) {
					t.Errorf("errors.Is(%v, %v) = true, want false", err, s)
				}
			}
			if tt.pos != "" && !strings.HasPrefix(err.Error(), tt.pos) {
				t.Errorf("error %q does not start with %q", err, tt.pos)
			}
			for _, s := range tt.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

// Error's message carries the position when it has one.
func TestErrorMessage(t *testing.T) {
	cause := errors.New("boom")
	for _, tt := range []struct {
		e    *Error
		want string
	}{
		{&Error{Path: "a.md", Line: 3, Col: 7, Err: cause}, "a.md:3:7: boom"},
		{&Error{Path: "a.md", Line: 3, Err: cause}, "a.md:3: boom"},
		{&Error{Path: "a.md", Err: cause}, "a.md: boom"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.e, cause) {
			t.Errorf("%v does not unwrap to its cause", tt.e)
		}
	}
}

// Unknown keys and values of the wrong type are ignored with a warning at
// their line; under Strict they are errors there.
func TestReadLenientFrontMatter(t *testing.T) {
	in := "---\ntitle: Kept\nlayout: post\nauthors: {a: 1}\ntags: [x, [y]]\nurl: //evil.example/x\nsource: 1963\n---\nThe body.\n"
	a, err := Read("a.md", []byte(in))
	if err != nil {
		t.Fatalf("unknown keys and wrong types are warnings, got %v", err)
	}
	if a.Doc.Title != "Kept" || a.Doc.Text != "The body." || len(a.Doc.Authors) != 0 || a.Doc.URL != "" || a.Doc.Source != "1963" {
		t.Errorf("doc = %+v", a.Doc)
	}
	var got []string
	for _, w := range a.Warnings {
		got = append(got, w.Format("a.md"))
	}
	want := []string{
		`a.md:3:1: front matter: unknown key "layout": ignored`,
		`a.md:4:1: front matter: authors: want a string or a list of strings, found a mapping: ignored`,
		`a.md:5:1: front matter: tags: want a string or a list of strings, found a list holding a list: ignored`,
		`a.md:6:1: front matter: url: "//evil.example/x" is not an http:// or https:// address with a host: ignored`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	strict := Default
	strict.Strict = true
	for _, tt := range []struct{ in, pos, msg string }{
		{"---\ntitle: x\nlayout: post\n---\nbody\n", "a.md:3:1: ", `unknown key "layout"`},
		{"---\ntitle: x\nauthors: {a: 1}\n---\nbody\n", "a.md:3:1: ", "authors: want a string or a list of strings"},
		{"---\nurl: javascript:alert(1)\n---\nbody\n", "a.md:2:1: ", "not an http:// or https:// address"},
	} {
		_, err := strict.Read("a.md", []byte(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.pos) || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), "--strict") {
			t.Errorf("strict %q: err = %v, want %s... %s", tt.in, err, tt.pos, tt.msg)
		}
	}
}

func TestWebURL(t *testing.T) {
	for in, want := range map[string]bool{
		"https://example.org/a?b=c#d": true, "http://example.org": true, " https://example.org/x ": true,
		"HTTPS://example.org": true,
		"//evil.example":      false, "javascript:alert(1)": false, "data:text/html,x": false, "/local/path": false,
		"https:evil.example": false, "https:///path": false, "ftp://example.org": false, "mailto:a@b.c": false,
		"https://exa mple.org": false, `https:\\evil.example`: false, "": false,
	} {
		if _, ok := WebURL(in); ok != want {
			t.Errorf("WebURL(%q) ok = %v, want %v", in, ok, want)
		}
	}
}

// billionLaughs is nine levels of YAML aliases in 600 bytes.
var billionLaughs = func() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	return b.String() + "title: *a9\n"
}()

// nestedMapping is n mappings, each the value of the one before, in flow
// style (in block style 1,000 levels are over the size limit already).
func nestedMapping(n int) string {
	return "x: " + strings.Repeat("{k: ", n) + "leaf" + strings.Repeat("}", n) + "\n"
}

func TestSupported(t *testing.T) {
	for path, want := range map[string]bool{
		"a.md": true, "a.MD": true, "a.markdown": true, "a.txt": true, "a.text": true,
		"a.html": true, "a.HTM": true, "a.pdf": false, "a": false, "md": false, "a.md.bak": false,
	} {
		if got := Supported(path); got != want {
			t.Errorf("Supported(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	for _, tt := range []struct {
		in, want []string
	}{
		{nil, nil},
		{[]string{"a"}, []string{"a"}},
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{"a", "a", "a"}, []string{"a", "a-2", "a-3"}},
		{[]string{"a", "b", "a", "b"}, []string{"a", "b", "a-2", "b-2"}},
		// A later id that is already someone's suffixed id is suffixed too.
		{[]string{"a", "a", "a-2"}, []string{"a", "a-2", "a-2-2"}},
		{[]string{"a-2", "a", "a"}, []string{"a-2", "a", "a-3"}},
	} {
		docs := make([]*analyze.Analysis, len(tt.in))
		for i, id := range tt.in {
			docs[i] = &analyze.Analysis{Doc: analyze.Doc{ID: id}}
		}
		UniqueIDs(docs)
		var got []string
		for _, d := range docs {
			got = append(got, d.Doc.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("UniqueIDs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A reserved id gets a suffix, and every change is a warning that names the
// file holding the id.
func TestUniqueIDsReservedAndWarned(t *testing.T) {
	var docs []*analyze.Analysis
	for _, p := range []string{"c/actors.txt", "c/index.md", "c/x.html", "c/x.md", "c/y.md"} {
		a, err := Read(p, []byte("Some text here."))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, a)
	}
	UniqueIDs(docs, "actors", "index", "timeline")
	var ids, warnings []string
	for _, d := range docs {
		ids = append(ids, d.Doc.ID)
		for _, w := range d.Warnings {
			warnings = append(warnings, w.Format(d.Doc.Path))
		}
	}
	if want := []string{"actors-article", "index-article", "x", "x-2", "y"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	want := []string{
		`c/actors.txt: the id "actors" is the name of one of the site's own pages: the article's id is "actors-article"`,
		`c/index.md: the id "index" is the name of one of the site's own pages: the article's id is "index-article"`,
		`c/x.md: the id "x" is taken by c/x.html: this article's id is "x-2"`,
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
}

// An id comes from the letters of the name, in any script; a name without
// any gets "doc" and says so.
func TestReadIDs(t *testing.T) {
	for _, tt := range []struct {
		path, id string
		warned   bool
	}{
		{"corpus/東京.txt", "東京", false},
		{"corpus/Hotline 1963.md", "hotline-1963", false},
		{"corpus/--x--.md", "x", false},
		{"corpus/🙂.txt", "doc", true},
		{"corpus/doc.txt", "doc", false},
	} {
		a, err := Read(tt.path, []byte("Some text here."))
		if err != nil {
			t.Fatal(err)
		}
		if a.Doc.ID != tt.id || (len(a.Warnings) > 0) != tt.warned {
			t.Errorf("%s: id %q, warnings %v; want %q, warned %v", tt.path, a.Doc.ID, a.Warnings, tt.id, tt.warned)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"2019-07-01", "2019-07-01", true},
		{"2019-7-1", "2019-07-01", true},
		{"2019-07-01T09:30:00Z", "2019-07-01", true},
		{"July 1, 2019", "2019-07-01", true},
		{"2019-07", "2019-07", true},
		{"2019", "2019", true},
		{"", "", false},
		{"someday", "", false},
	} {
		got, ok := NormalizeDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
