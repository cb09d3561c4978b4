package ingest

import (
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// A wire story ends with its credits, which are not the story.
func TestWireCredits(t *testing.T) {
	in := "Jets Meet Over the Baltic\n\nWASHINGTON (Agency) - Two jets met over the Baltic Sea on Friday, officials said.\n\nReporting by Ann Lee; Editing by Bo Park\n"
	a, err := Read("w.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	last := a.Sections[len(a.Sections)-1]
	if last.Kind != analyze.SectionBoilerplate || a.Doc.Text[last.Start:last.End] != "Reporting by Ann Lee; Editing by Bo Park" {
		t.Errorf("last section = %s %q, want the credits as boilerplate", last.Kind, a.Doc.Text[last.Start:last.End])
	}
}
