package ingest

import (
	"os"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// TestWordPressLayout reads a page laid out as blog software does: a
// masthead menu, a share box with its items, a comment thread whose
// comments have author lines and texts in separate elements.
func TestWordPressLayout(t *testing.T) {
	data, err := os.ReadFile("testdata/wordpress.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Read("testdata/wordpress.html", data)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, s := range a.Sections {
		kinds = append(kinds, string(s.Kind))
	}
	want := "boilerplate title byline body boilerplate comments comments boilerplate"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("sections = %s\nwant       %s", got, want)
	}
	for _, s := range a.Sections {
		text := a.Doc.Text[s.Start:s.End]
		if s.Kind == analyze.SectionComments && !strings.Contains(text, "says:") {
			t.Errorf("comment %q lost its author line", text)
		}
		if s.Kind == analyze.SectionBody && strings.Contains(text, "Facebook") {
			t.Errorf("share buttons in the body: %q", text)
		}
	}
	if a.Doc.Title != "Israel and Hezbollah trade fire along Blue Line" || a.Doc.Published != "2023-10-09" {
		t.Errorf("title %q published %q", a.Doc.Title, a.Doc.Published)
	}
}
