package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// Run any of these locally with, for example,
//
//	go test -run '^$' -fuzz FuzzFrontMatter -fuzztime 60s ./analyze/ingest
//
// Seeds are in testdata/fuzz/<target>/ (plain `go test` replays them) and
// below.

// checkRead applies the contract every Read result keeps: an error is an
// *Error naming the path, with a line inside the file; a success keeps the
// section invariants, and its warnings point inside the file or the text.
func checkRead(t *testing.T, o Options, path string, data []byte) *analyze.Analysis {
	t.Helper()
	a, err := o.Read(path, data)
	// Lines as editors (and the YAML parser) count them: \n, \r\n or a lone \r.
	lines := bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
	if err != nil {
		var fe *Error
		if !errors.As(err, &fe) || fe.Path != path {
			t.Fatalf("%s: error %v (%T) is not an *Error naming the path", path, err, err)
		}
		if fe.Line < 0 || fe.Line > lines || fe.Col < 0 {
			t.Fatalf("%s: error at %d:%d, outside the file's %d lines", path, fe.Line, fe.Col, lines)
		}
		return nil
	}
	if msg := invariantErr(a); msg != "" {
		t.Fatalf("%s: %s", path, msg)
	}
	for _, w := range a.Warnings {
		if w.Line < 0 || w.Line > lines || w.Offset < -1 || w.Offset > len(a.Doc.Text) || w.Message == "" {
			t.Fatalf("%s: warning %+v points outside the file", path, w)
		}
	}
	if a.Doc.URL != "" {
		if _, ok := WebURL(a.Doc.URL); !ok {
			t.Fatalf("%s: kept url %q, which is not a web address", path, a.Doc.URL)
		}
	}
	return a
}

// seedFiles adds the files matching patterns as seeds, each followed by
// extra arguments when the target takes more.
func seedFiles(f *testing.F, extra []any, patterns ...string) {
	for _, pattern := range patterns {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range m {
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				continue
			}
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(append([]any{data}, extra...)...)
		}
	}
}

// FuzzFrontMatter reads arbitrary YAML as the front matter of an article,
// leniently and strictly, under small limits so that the fuzzer reaches
// them: never a panic, never a hang, errors at a line of the file.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"title: x", "title: [a, b]", "authors: A", "authors: [A, B]\ntags: x", "published: 2019-07-01",
		"date: 2019", "url: https://example.org/a", "url: //evil.example", "layout: post\nweight: 3",
		"a: &a [x]\nb: *a", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b, *b]", "x: {k: {k: {k: v}}}",
		"title: \"quoted \\u00e9\"", "? complex\n: key", "title: !!binary aGVsbG8=", "<<: {title: x}",
		"title: x\ntitle: y", "\ttitle: x", "- a\n- b", "just text", "title: |\n  block\n  text",
		"title: x # comment", "%YAML 1.2\n---\ntitle: x", "title: *nope", "title: [", "{", "",
	} {
		f.Add([]byte(s))
	}
	small := Default
	small.FrontMatterBytes, small.YAMLDepth, small.YAMLAliasNodes = 4096, 8, 64
	f.Fuzz(func(t *testing.T, yml []byte) {
		data := append(append([]byte("---\n"), yml...), "\n---\nThe body of the article.\n"...)
		checkRead(t, small, "f.md", data)
		strict := small
		strict.Strict = true
		checkRead(t, strict, "f.md", data)
	})
}

// FuzzReadHTML reads arbitrary bytes as an HTML page, under small limits.
func FuzzReadHTML(f *testing.F) {
	seedFiles(f, nil, "testdata/*.html", "../../corpus/*.html")
	for _, s := range []string{
		"<article><h1>T</h1><p>x</p></article><div class=comment><p>y</p></div>",
		"<p>a<p>b<p>c", "<div><div><div>deep</div></div></div>", "</div></div>text", "<p title='" + strings.Repeat("a", 300) + "'>x",
		"<meta property=og:url content=javascript:alert(1)><p>x", "<link rel=canonical href=//evil.example><p>x",
		"<script>alert(1)</script><p>x</p>", "<table><tr><td>a<td>b</table>", "<!-- c --><p>x", "<![CDATA[x]]>",
		"<svg><p>x</svg>", "<template><p>x</template><p>y", "<figure><figcaption>c (Photo: A)</figcaption></figure><p>x",
	} {
		f.Add([]byte(s))
	}
	small := Default
	small.HTMLDepth, small.HTMLTokens, small.HTMLTokenBytes = 16, 2000, 256
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, small, "f.html", data)
	})
}

// FuzzReadMarkdown reads arbitrary bytes as a Markdown article.
func FuzzReadMarkdown(f *testing.F) {
	seedFiles(f, nil, "testdata/*.md", "../../corpus/*.md")
	for _, s := range []string{
		"# T\n\n1. a\n2. b\n", "> quote\n>> deeper\n", "[link](javascript:alert(1)) and ![img](data:x)",
		"<script>alert(1)</script>\n\ntext", "| a | b |\n|---|---|\n| 1 | 2 |", "```\ncode\n```", "[^1]\n\n[^1]: note",
		strings.Repeat("> ", 200) + "deep", strings.Repeat("- ", 200) + "deep", strings.Repeat("[", 500),
		"---\ntitle: x\n---\n# Heading\n\nBody.", "\ufeff---\ntitle: x\n---\nbody",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, Default, "f.md", data)
	})
}

// FuzzSections splits arbitrary blocks into sections: the text is cut into
// blocks at blank lines, and hints gives each block what markup would say
// (a section kind, a heading, a list item, a group), so that the classifier
// sees the combinations the three formats produce.
func FuzzSections(f *testing.F) {
	seedFiles(f, []any{[]byte{0, 1, 0, 4}}, "testdata/*.txt")
	f.Add([]byte("T\n\nBy A\n\nbody one.\n\nbody two.\n\nA is a fellow.\n\n3 thoughts on T\n\nB says:\n\nyes"), []byte{0, 1, 0, 0, 4, 5, 5})
	f.Add([]byte("Photo (Reuters)\n\nShare this\n\nComments are closed."), []byte{2, 6, 6})
	f.Fuzz(func(t *testing.T, data []byte, hints []byte) {
		s := string(bytes.ToValidUTF8(data, nil))
		kinds := []analyze.SectionKind{"", analyze.SectionTitle, analyze.SectionByline, analyze.SectionCaption,
			analyze.SectionBody, analyze.SectionBio, analyze.SectionComments, analyze.SectionBoilerplate}
		var b builder
		for i, part := range strings.Split(s, "\n\n") {
			var h byte
			if i < len(hints) {
				h = hints[i]
			}
			b.add(part, block{hint: kinds[int(h)%len(kinds)], heading: h&8 != 0, item: h&16 != 0, group: int(h >> 5)})
		}
		doc := analyze.Doc{Text: b.text()}
		a := &analyze.Analysis{Doc: doc}
		classify(&a.Doc, b.blocks)
		a.Sections, a.Paragraphs = layout(b.blocks)
		if a.Doc.Text != doc.Text {
			t.Fatal("classify changed the text")
		}
		if msg := invariantErr(a); msg != "" {
			t.Fatal(msg)
		}
		// Every block is in a paragraph.
		if len(a.Paragraphs) != len(b.blocks) {
			t.Fatalf("%d paragraphs for %d blocks", len(a.Paragraphs), len(b.blocks))
		}
	})
}
