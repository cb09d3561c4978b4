package templates

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/brief-tool/brief/analyze"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func render(t *testing.T, opts Options, docs ...*analyze.Analysis) map[string][]byte {
	t.Helper()
	st, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	files, err := st.Render(NewSite("Test packs", "test", docs))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden compares pages of a two-article site with testdata/golden;
// go test ./templates -update rewrites them.
func TestGolden(t *testing.T) {
	files := render(t, Options{}, gulf(), strait())
	for _, p := range []string{
		"index.md", "index.html", "oldest.md", "timeline.md", "timeline.html", "options.md", "network.md", "network.html",
		"actors/index.md", "actors/irn.md", "gulf-2019/index.md", "gulf-2019/index.html", "gulf-2019/source.html",
		"options/hotline.md", "options/hotline.html", "actors/kenneth-mckenzie.md",
	} {
		got, ok := files[p]
		if !ok {
			t.Errorf("%s was not rendered", p)
			continue
		}
		golden := filepath.Join("testdata", "golden", filepath.FromSlash(p))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./templates -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (go test ./templates -update rewrites it):\n%s", p, golden, firstDiff(string(want), string(got)))
		}
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\nwant " + a + "\ngot  " + b
		}
	}
	return ""
}

func TestSiteFiles(t *testing.T) {
	files := render(t, Options{}, gulf(), strait())
	want := []string{
		"style.css", "favicon.svg", "index.md", "index.html", "oldest.md", "oldest.html",
		"timeline.md", "timeline.html", "options.md", "options.html", "options/hotline.md", "options/hotline.html", "options/notification.html", "network.md", "network.html",
		"actors/index.md", "actors/index.html", "actors/irn.md", "actors/irn.html", "actors/gbr.html", "actors/irgc.html",
		"gulf-2019/index.md", "gulf-2019/index.html", "gulf-2019/source.html", "gulf-2019/analysis.json",
		"strait-2019/index.md", "strait-2019/index.html", "strait-2019/source.html", "strait-2019/analysis.json",
	}
	for _, p := range want {
		if _, ok := files[p]; !ok {
			t.Errorf("no %s in the site; it has %v", p, Paths(files))
		}
	}
	// The Bandar Abbas authority is named only in the caption: it has no
	// page, and the pack lists it apart.
	if _, ok := files["actors/reuters-person.md"]; ok {
		t.Error("an actor named only in a caption has a page")
	}
	md := string(files["gulf-2019/index.md"])
	apart := md[strings.Index(md, "## Captions, bios and comments"):]
	apart = apart[:strings.Index(apart, "## Source")]
	for _, want := range []string{"Photo caption: actor Bandar Abbas Port Authority", "Reader comment: option (other), Sanction Iran harder"} {
		if !strings.Contains(apart, want) {
			t.Errorf("the part shown apart lacks %q:\n%s", want, apart)
		}
	}
	if body := md[:strings.Index(md, "## Captions")]; strings.Contains(body, "Sanction Iran") || strings.Contains(body, "Bandar Abbas Port") {
		t.Error("a caption or comment finding is mixed with the article's findings")
	}
}

// TestNamesAsWritten: a person is shown as the text names them, the
// dictionary's name as a tooltip and a secondary line.
func TestNamesAsWritten(t *testing.T) {
	files := render(t, Options{}, gulf(), strait())
	pack := string(files["gulf-2019/index.md"])
	if want := `[Frank McKenzie](../actors/kenneth-mckenzie.md "Kenneth McKenzie") (listed as Kenneth McKenzie)`; !strings.Contains(pack, want) {
		t.Errorf("the actors table lacks %q", want)
	}
	if strings.Contains(strings.ReplaceAll(pack, "listed as Kenneth McKenzie", ""), "[Kenneth McKenzie]") {
		t.Error("the pack links the dictionary's name, not the text's")
	}
	page := string(files["actors/kenneth-mckenzie.md"])
	if !strings.HasPrefix(page, "# Frank McKenzie\n") || !strings.Contains(page, "Listed in the dictionary as Kenneth McKenzie.") {
		t.Errorf("actor page:\n%s", page)
	}
	html := string(files["gulf-2019/index.html"])
	if !strings.Contains(html, `title="Kenneth McKenzie">Frank McKenzie</a>`) {
		t.Error("no tooltip with the canonical name in the HTML pack")
	}
}

// TestDateAsWritten: an incident whose date could not be resolved shows
// the date as the text writes it.
func TestDateAsWritten(t *testing.T) {
	a := strait()
	a.Incidents[0].Date, a.Incidents[0].DatePrecision, a.Incidents[0].DateText = "", "", "last Tuesday"
	files := render(t, Options{}, a)
	if md := string(files["strait-2019/index.md"]); !strings.Contains(md, "| last Tuesday (as written) | seizure |") {
		t.Errorf("the incidents table does not show the date as written:\n%s", md)
	}
}

// TestOptionsMatrix: each cell gives the roles and the counts; each
// mechanism has a page that compares its proposals.
func TestOptionsMatrix(t *testing.T) {
	files := render(t, Options{}, gulf(), strait())
	md := string(files["options.md"])
	for _, want := range []string{
		"[Hotline](options/hotline.md)",
		"Proposed by the authors. Between United Kingdom and Iran, through Oman. 1 reason, 1 caveat, 1 precedent",
		"2 options in 2 articles; 1 with a caveat or a precedent.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("options.md lacks %q:\n%s", want, md)
		}
	}
	page := string(files["options/hotline.md"])
	for _, want := range []string{"Hotline: proposed by 1 article (1 option), between Iran and United Kingdom (1), through Oman (1)", "## Caveats raised", "[Oman](../actors/omn.md)"} {
		if !strings.Contains(page, want) {
			t.Errorf("options/hotline.md lacks %q:\n%s", want, page)
		}
	}
}

// TestPackSections checks the pack's structure: the BLUF, the tables, the
// cards, the quotes, the source details.
func TestPackSections(t *testing.T) {
	art := NewSite("t", "t", []*analyze.Analysis{gulf()}).Articles[0]
	if n := len(art.Summary); n < 2 || n > 3 {
		t.Errorf("summary has %d sentences, want 2 or 3", n)
	}
	for _, s := range art.Summary {
		if s.Section != analyze.SectionBody {
			t.Errorf("summary sentence %d is from the %s", s.Index, s.Section)
		}
	}
	if art.Recommendation == nil || art.Recommendation.Mechanism != "hotline" {
		t.Errorf("main recommendation = %+v, want the hotline", art.Recommendation)
	}
	if len(art.Quotes) != 1 || art.Quotes[0].Text != "We will not be bullied by anyone at sea." || art.Quotes[0].Speaker.Name != "Iran" {
		t.Errorf("quotes = %+v", art.Quotes)
	}
	if len(art.BottomLine) == 0 || art.BottomLine[0].Role != analyze.ClauseProposal {
		t.Fatalf("bottom line = %+v, want one opening on the proposal", art.BottomLine)
	}
	files := render(t, Options{}, gulf(), strait())
	// Every clause of the bottom line is followed by its link.
	md := string(files["gulf-2019/index.md"])
	bl := md[strings.Index(md, "## Bottom line"):strings.Index(md, "**Main recommendation")]
	for _, c := range art.BottomLine {
		if want := MD(c.Text) + ` \[[` + itoa(c.Sentence) + `](source.html#s-` + itoa(c.Sentence) + `)\]` + c.End; !strings.Contains(bl, want) {
			t.Errorf("the bottom line lacks %q:\n%s", want, bl)
		}
	}
	doc := parseHTML(t, files["gulf-2019/index.html"])
	for _, id := range []string{"bottom-line", "actors", "incidents", "options", "notable-quotes", "captions-bios-and-comments", "source"} {
		if find(doc, func(n *html.Node) bool { return n.Data == "h2" && attr(n, "id") == id }) == nil {
			t.Errorf("no h2#%s in the pack", id)
		}
		if find(doc, func(n *html.Node) bool { return n.Data == "section" && attr(n, "aria-labelledby") == id }) == nil {
			t.Errorf("no section labelled by #%s", id)
		}
	}
	for _, tag := range []string{"header", "nav", "main", "footer"} {
		if find(doc, func(n *html.Node) bool { return n.Data == tag }) == nil {
			t.Errorf("no <%s> landmark", tag)
		}
	}
	if n := len(findAll(doc, func(n *html.Node) bool { return n.Data == "div" && attr(n, "class") == "card" })); n != 1 {
		t.Errorf("%d option cards, want 1", n)
	}
	for _, th := range findAll(doc, func(n *html.Node) bool { return n.Data == "th" }) {
		if attr(th, "scope") != "col" {
			t.Errorf("a table header without scope=col")
			break
		}
	}
	svg := find(doc, func(n *html.Node) bool { return n.Data == "svg" })
	if svg == nil || find(svg, func(n *html.Node) bool { return n.Data == "title" }) == nil {
		t.Error("no SVG timeline with a title in the pack")
	}
	// Every finding links to a sentence that the source view has.
	src := parseHTML(t, files["gulf-2019/source.html"])
	for _, a := range findAll(doc, func(n *html.Node) bool { return n.Data == "a" }) {
		h := attr(a, "href")
		if frag, ok := strings.CutPrefix(h, "source.html#"); ok {
			if find(src, func(n *html.Node) bool { return attr(n, "id") == frag }) == nil {
				t.Errorf("the pack links to %s, which the source view lacks", h)
			}
		}
	}
	// The source view labels the caption, bio and comment apart.
	for _, label := range []string{"Photo caption", "About the authors", "Reader comment"} {
		if find(src, func(n *html.Node) bool { return n.Data == "section" && attr(n, "aria-label") == label }) == nil {
			t.Errorf("no source part labelled %q", label)
		}
	}
}

// TestTimelineMerge: the same seizure, reported by two articles a day
// apart, one naming the IRGC and the other Iran, is one event.
func TestTimelineMerge(t *testing.T) {
	site := NewSite("t", "t", []*analyze.Analysis{gulf(), strait()})
	var seizures []*Event
	for _, ev := range site.Timeline.Events {
		if ev.Type == "seizure" {
			seizures = append(seizures, ev)
		}
	}
	if len(seizures) != 2 {
		t.Fatalf("%d seizures on the corpus timeline, want 2: %+v", len(seizures), seizures)
	}
	m := seizures[1]
	if len(m.Reports) != 2 || m.Reports[0].Article.Doc.ID != "gulf-2019" || m.Reports[1].Article.Doc.ID != "strait-2019" {
		t.Errorf("merged event reports = %+v", m.Reports)
	}
	if m.Date != "2019-07-19" {
		t.Errorf("merged event date = %s, want the earliest, 2019-07-19", m.Date)
	}
	if site.Timeline.Undated != 1 {
		t.Errorf("undated = %d, want 1", site.Timeline.Undated)
	}

	for _, tc := range []struct {
		name            string
		date, prec, typ string
		agents          []string
		merged          bool
	}{
		{"same day, same actor", "2019-07-19", "day", "seizure", []string{"GBR"}, true},
		{"three days apart", "2019-07-22", "day", "seizure", []string{"IRN"}, true},
		{"four days apart", "2019-07-23", "day", "seizure", []string{"IRN"}, false},
		{"another type", "2019-07-19", "day", "clash", []string{"IRN"}, false},
		{"no shared actor or country", "2019-07-19", "day", "seizure", []string{"USA"}, false},
		{"month covering the day", "2019-07", "month", "seizure", []string{"IRN"}, true},
		{"year only", "2019", "year", "seizure", []string{"IRN"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := strait()
			b.Incidents = nil
			incident(b, 1, tc.typ, tc.date, tc.prec, tc.agents, nil, "x")
			b.Normalize()
			site := NewSite("t", "t", []*analyze.Analysis{gulf(), b})
			merged := false
			for _, ev := range site.Timeline.Events {
				if len(ev.Reports) > 1 {
					merged = true
				}
			}
			if merged != tc.merged {
				t.Errorf("merged = %v, want %v", merged, tc.merged)
			}
		})
	}
	t.Run("never within one article", func(t *testing.T) {
		a := gulf()
		incident(a, 5, "seizure", "2019-07-20", "day", []string{"IRN"}, []string{"GBR"}, "again")
		site := NewSite("t", "t", []*analyze.Analysis{a})
		for _, ev := range site.Timeline.Events {
			if len(ev.Reports) > 1 {
				t.Errorf("incidents of one article merged: %+v", ev)
			}
		}
	})
}

// TestMarkdownIsGFM parses every Markdown page with goldmark's GFM
// extensions: every table survives with as many cells in each row as in
// its header, and every link leads to a file of the site and, for a
// sentence, to a sentence of that article.
func TestMarkdownIsGFM(t *testing.T) {
	docs := []*analyze.Analysis{gulf(), strait(), hostile()}
	files := render(t, Options{}, docs...)
	sentences := map[string]int{}
	for _, d := range docs {
		sentences[d.Doc.ID] = len(d.Sentences)
	}
	gfm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, p := range Paths(files) {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		src := files[p]
		doc := gfm.Parser().Parse(text.NewReader(src))
		tables := 0
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *east.Table:
				tables++
			case *ast.Link:
				checkLink(t, p, string(n.Destination), files, sentences)
			case *ast.RawHTML, *ast.HTMLBlock:
				t.Errorf("%s: raw HTML in the Markdown", p)
			}
			return ast.WalkContinue, nil
		})
		if want := countTables(string(src), p, t); tables != want {
			t.Errorf("%s: goldmark finds %d tables, the page has %d", p, tables, want)
		}
	}
}

// countTables counts the delimiter rows of src's tables and checks that
// every row of a table has as many cells as its header.
func countTables(src, p string, t *testing.T) int {
	lines := strings.Split(src, "\n")
	n := 0
	for i, l := range lines {
		if !strings.HasPrefix(l, "| ---") && !strings.HasPrefix(l, "| :--") {
			continue
		}
		n++
		want := cells(lines[i-1])
		for j := i + 1; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
			if got := cells(lines[j]); got != want {
				t.Errorf("%s:%d: %d cells, the header has %d: %s", p, j+1, got, want, lines[j])
			}
		}
	}
	return n
}

// cells counts the cells of a table row: the pipes not escaped, less one.
func cells(row string) int {
	n := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n - 1
}

var sentenceFrag = regexp.MustCompile(`^s-(\d+)$`)

func checkLink(t *testing.T, page, dest string, files map[string][]byte, sentences map[string]int) {
	t.Helper()
	if strings.HasPrefix(dest, "https://") || strings.HasPrefix(dest, "http://") {
		return
	}
	p, frag, _ := strings.Cut(dest, "#")
	target := path.Join(path.Dir(page), p)
	if _, ok := files[target]; !ok {
		t.Errorf("%s links to %s: no such file (%s)", page, dest, target)
		return
	}
	if m := sentenceFrag.FindStringSubmatch(frag); m != nil {
		id := path.Dir(target)
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		if n >= sentences[id] {
			t.Errorf("%s links to %s: %s has %d sentences", page, dest, id, sentences[id])
		}
	}
}

// TestEscaping renders an analysis whose every string is markup and checks
// that it stays text in Markdown and in HTML.
func TestEscaping(t *testing.T) {
	files := render(t, Options{}, hostile())
	gfm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, p := range Paths(files) {
		data := files[p]
		switch {
		case strings.HasSuffix(p, ".md"):
			doc := gfm.Parser().Parse(text.NewReader(data))
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n := n.(type) {
				case *ast.Link:
					if d := string(n.Destination); d == "y" || strings.HasPrefix(d, "javascript:") {
						t.Errorf("%s: the payload made a link to %q", p, d)
					}
				case *ast.RawHTML, *ast.HTMLBlock:
					t.Errorf("%s: the payload made raw HTML", p)
				case *ast.CodeSpan, *east.Strikethrough:
					t.Errorf("%s: the payload made a %s", p, n.Kind())
				case *ast.Emphasis:
					if txt := inlineText(n, data); txt != "Main recommendation" {
						t.Errorf("%s: the payload made emphasis: %q", p, txt)
					}
				case *ast.Heading:
					if n.Level == 1 && n.PreviousSibling() != nil {
						t.Errorf("%s: the payload made a heading", p)
					}
				case *ast.List:
					if n.IsOrdered() {
						t.Errorf("%s: the payload made an ordered list", p)
					}
				}
				return ast.WalkContinue, nil
			})
			countTables(string(data), p, t)
			if !bytes.Contains(data, []byte(`A\|B`)) && p != "network.md" && p != "timeline.md" {
				t.Errorf("%s: the payload's | is not escaped", p)
			}
		case strings.HasSuffix(p, ".html"):
			s := string(data)
			if strings.Contains(s, "<script") || strings.Contains(s, `href="y"`) || strings.Contains(s, `href="javascript:`) {
				t.Errorf("%s: the payload became markup", p)
			}
			if p == "hostile/index.html" && !strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("%s: the payload is not shown as text", p)
			}
		}
	}
}

func TestMD(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a|b", `a\|b`},
		{"*x* _y_ `z` ~w~", `\*x\* \_y\_ \` + "`" + `z\` + "`" + ` \~w\~`},
		{"<b>&amp;", `\<b\>\&amp;`},
		{"[x](y)", `\[x\](y)`},
		{"- item", `\- item`},
		{"1. first", `1\. first`},
		{"# heading", `\# heading`},
		{"two\nlines", "two lines"},
	} {
		if got := MD(tc.in); got != tc.want {
			t.Errorf("MD(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMDLink(t *testing.T) {
	for _, tc := range []struct{ text, href, want string }{
		{"Iran", "../actors/irn.md", "[Iran](../actors/irn.md)"},
		{"Iran", "", "Iran"},
		{"x", "javascript:alert(1)", "x"},
		{"x", "JavaScript:alert(1)", "x"},
		{"x", "data:text/html,hi", "x"},
		{"site", "https://example.org/a b(c)|d", "[site](https://example.org/a%20b%28c%29%7Cd)"},
		{"a|b", "source.html#s-3", `[a\|b](source.html#s-3)`},
		// A protocol-relative or absolute path leaves the site.
		{"x", "//evil.example/a", "x"},
		{"x", "/\\evil.example", "x"},
		{"x", "\\\\evil.example", "x"},
		{"x", "/etc/passwd", "x"},
	} {
		if got := MDLink(tc.text, tc.href); got != tc.want {
			t.Errorf("MDLink(%q, %q) = %q, want %q", tc.text, tc.href, got, tc.want)
		}
	}
}

// TestDeterministic: the same analyses, in any order, give the same bytes.
func TestDeterministic(t *testing.T) {
	a := render(t, Options{}, gulf(), strait(), hostile())
	b := render(t, Options{}, hostile(), strait(), gulf())
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two renders:\n%s", p, firstDiff(string(data), string(b[p])))
		}
	}
}

// TestTemplateErrors: an error in an override names its file, line and
// column, and what was wrong.
func TestTemplateErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		atNew            bool
		line, col        int
		msg              string
	}{
		// Executing: text/template's own column, within the action.
		{"unknown field", "article.md", "# {{md .Doc.Title}}\n\nBy {{.Doc.Nope}}\n", false, 3, 9, "can't evaluate field Nope"},
		{"html partial", "_partials/footer.html", "<footer>\n  <p>{{.Site.Nope}}</p>\n</footer>\n", false, 2, 12, "can't evaluate field Nope"},
		// Parsing: the column of the token the parser names.
		{"stray end", "article.md", "# Title\n\n{{.Doc.Title}} and {{end}}\n", true, 3, 20, "unexpected {{end}}"},
		{"unclosed action", "index.md", "# x\n{{range .Articles}\n", true, 2, 18, "bad character"},
		{"unknown function", "actor.md", "# {{nope .Name}}\n", true, 1, 5, `function "nope" not defined`},
		// Escaping HTML: html/template's node position.
		{"html context", "_partials/header.html", "<header>\n<a title=\"{{.Root}}>x</a></header>\n", true, 2, 35, "ends inside a tag, attribute or quote"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, filepath.FromSlash(tc.file))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			st, err := New(Options{Dir: dir})
			if err == nil {
				if tc.atNew {
					t.Fatal("New accepted a broken template")
				}
				_, err = st.Render(NewSite("t", "t", []*analyze.Analysis{gulf()}))
			}
			var te *Error
			if !errors.As(err, &te) {
				t.Fatalf("error %v (%T) is not a *templates.Error", err, err)
			}
			if te.File != file || te.Line != tc.line || (tc.col > 0 && te.Col != tc.col) || te.Col == 0 {
				t.Errorf("error at %s:%d:%d, want %s:%d:%d: %v", te.File, te.Line, te.Col, file, tc.line, tc.col, err)
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), file+":") {
				t.Errorf("error %q does not start with the file and say %q", err, tc.msg)
			}
		})
	}
}

// TestStrict: under Options.Strict a missing map key is an error; without
// it, an empty value.
func TestStrict(t *testing.T) {
	dir := t.TempDir()
	tmpl := "# {{md .Doc.Title}}\n\nIran is {{.Names.IRN}}; nobody is [{{.Names.NOBODY}}].\n"
	if err := os.WriteFile(filepath.Join(dir, "article.md"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	files := render(t, Options{Dir: dir}, gulf())
	if got := string(files["gulf-2019/index.md"]); !strings.Contains(got, "Iran is Iran; nobody is [].") {
		t.Errorf("lenient render = %q", got)
	}
	st, err := New(Options{Dir: dir, Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.Render(NewSite("t", "t", []*analyze.Analysis{gulf()}))
	var te *Error
	if !errors.As(err, &te) || te.Line != 3 || !strings.Contains(err.Error(), `map has no entry for key "NOBODY"`) {
		t.Errorf("strict render error = %v, want a *Error at line 3 naming the key", err)
	}
}

// TestOverrides: a file of the same name wins, partials and the stylesheet
// included; the others stay built in.
func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("style.css", "body { color: red }\n")
	write("_partials/footer.html", "<footer>my footer</footer>\n")
	write("article.md", "# {{md .Doc.Title}}\n\nMine.\n")
	write("notes.txt", "not a template\n")
	st, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	files, err := st.Render(NewSite("t", "t", []*analyze.Analysis{gulf()}))
	if err != nil {
		t.Fatal(err)
	}
	if string(files["style.css"]) != "body { color: red }\n" {
		t.Error("style.css was not overridden")
	}
	if !strings.Contains(string(files["index.html"]), "my footer") {
		t.Error("the footer partial was not overridden")
	}
	if string(files["gulf-2019/index.md"]) != "# Tanker for Tanker\n\nMine.\n" {
		t.Errorf("article.md was not overridden: %q", files["gulf-2019/index.md"])
	}
	if _, ok := files["notes.txt"]; ok {
		t.Error("a file that overrides nothing was copied into the site")
	}
	if got := st.Source("style.css"); got != filepath.Join(dir, "style.css") {
		t.Errorf("Source(style.css) = %q", got)
	}
	if got := st.Source("index.md"); got != "templates/index.md (built in)" {
		t.Errorf("Source(index.md) = %q", got)
	}
}

func TestNamesAndExport(t *testing.T) {
	names := Names()
	for _, want := range []string{"article.md", "index.md", "actor.md", "actors.md", "timeline.md", "options.md", "network.md",
		"layout.html", "source.html", "style.css", "favicon.svg",
		"_partials/header.html", "_partials/footer.html", "_partials/article-nav.html", "_partials/timeline.html", "_partials/network.html"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names() lacks %s: %v", want, names)
		}
	}
	dir := filepath.Join(t.TempDir(), "mine")
	written, err := Export(dir)
	if err != nil || len(written) != len(names) {
		t.Fatalf("Export wrote %d files, err %v", len(written), err)
	}
	// An exported set renders the same site as the defaults.
	if a, b := render(t, Options{}, gulf()), render(t, Options{Dir: dir}, gulf()); len(a) != len(b) || !bytes.Equal(a["gulf-2019/index.html"], b["gulf-2019/index.html"]) {
		t.Error("the exported templates render a different site")
	}
	if _, err := Export(dir); err == nil {
		t.Error("Export overwrote existing files")
	}
}

func TestRel(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "actors/irn.md", "actors/irn.md"},
		{"actors", "actors/irn.md", "irn.md"},
		{"actors", "gulf/source.html#s-1", "../gulf/source.html#s-1"},
		{"gulf", "gulf/source.html#s-1", "source.html#s-1"},
		{"gulf", "actors/irn.md", "../actors/irn.md"},
	} {
		if got := rel(tc.from, tc.to); got != tc.want {
			t.Errorf("rel(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func parseHTML(t *testing.T, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if all := findAll(n, ok); len(all) > 0 {
		return all[0]
	}
	return nil
}

func findAll(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && ok(c) {
			out = append(out, c)
		}
	}
	return out
}

// inlineText joins the text segments under n.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func TestSpreadLabels(t *testing.T) {
	var nodes []*Node
	for i := 0; i < 12; i++ {
		anchor := "start"
		if i%2 == 1 {
			anchor = "end"
		}
		// Crowded: every label wants nearly the same line.
		nodes = append(nodes, &Node{X: 500, Y: 600 + i, R: 5, LabelX: 800, LabelY: 605 + i, Anchor: anchor})
	}
	spreadLabels(nodes, 640)
	for _, a := range nodes {
		if a.LabelY > 640-6 || a.LabelY < 0 {
			t.Errorf("label at y=%d leaves the drawing", a.LabelY)
		}
		for _, b := range nodes {
			if a != b && a.Anchor == b.Anchor && abs(a.LabelY-b.LabelY) < labelGap {
				t.Errorf("labels at y=%d and y=%d overlap", a.LabelY, b.LabelY)
			}
		}
		if !a.Leader {
			t.Errorf("a label moved away from its node without a leader line")
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestTimelineMarks(t *testing.T) {
	site := NewSite("t", "t", []*analyze.Analysis{gulf(), strait()})
	c := site.Timeline.Chart
	if c == nil || c.List == nil || len(c.List.Rows) != len(c.Rows) {
		t.Fatalf("chart = %+v", c)
	}
	marks := map[string]string{}
	for _, r := range c.Rows {
		if r.Bar {
			t.Errorf("a row drawn as a bar: %+v", r)
		}
		marks[r.Label[:4]] = r.Mark
	}
	if marks["1972"] != "year" {
		t.Errorf("the 1972 precedent is marked %q, want year (marks: %v)", marks["1972"], marks)
	}
	if !slices.Equal(c.Precisions, []string{"day", "year"}) {
		t.Errorf("precisions = %v", c.Precisions)
	}
}
