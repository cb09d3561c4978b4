package eval

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadGold(t *testing.T) {
	g, err := LoadGold(filepath.Join("testdata", "gold", "harbour-standoff.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if g.Doc != "harbour-standoff.md" {
		t.Errorf("Doc = %q", g.Doc)
	}
	if len(g.Actors) != 4 || len(g.Incidents) != 3 || len(g.Proposals) != 2 {
		t.Fatalf("got %d actors, %d incidents, %d proposals; want 4, 3, 2", len(g.Actors), len(g.Incidents), len(g.Proposals))
	}
	wantActor := GoldActor{Name: "Harbour Watch", Aliases: []string{"the Harbour Watch"}, Kind: "organization", Optional: true}
	if !reflect.DeepEqual(g.Actors[3], wantActor) {
		t.Errorf("Actors[3] = %+v, want %+v", g.Actors[3], wantActor)
	}
	in := g.Incidents[1]
	if in.Quote != "" || len(in.Quotes) != 2 || in.Date != "2031-03" || in.Optional {
		t.Errorf("Incidents[1] = %+v", in)
	}
	if got := allQuotes(g.Incidents[0].Quote, g.Incidents[0].Quotes); !reflect.DeepEqual(got, []string{"Norlandic patrol boats boarded a Sudmarkish trawler"}) {
		t.Errorf("quotes of Incidents[0] = %q", got)
	}
	if p := g.Proposals[1]; p.Mechanism != "separation" || p.Proposer != "Admiral Vesna Tor" || !p.Optional {
		t.Errorf("Proposals[1] = %+v", p)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	for _, tc := range loadGoldErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "gold.yaml")
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadGold(path)
			if err == nil {
				t.Fatal("no error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) is not a *FileError", err, err)
			}
			if fe.Path != path || fe.Line != tc.line || fe.Col != tc.col {
				t.Errorf("error at %s:%d:%d, want %s:%d:%d (%v)", fe.Path, fe.Line, fe.Col, path, tc.line, tc.col, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if tc.line > 0 && !strings.HasPrefix(err.Error(), path+":") {
				t.Errorf("error %q does not start with path:line:col", err)
			}
		})
	}
}

// loadGoldErrorCases are malformed gold files with where and what the first
// error says. FuzzLoadGold uses them as seeds too.
var loadGoldErrorCases = []struct {
	name      string
	yaml      string
	line, col int
	want      string
}{
	{"syntax", "doc: a.md\nactors:\n  - name: [Norland\n", 3, 11, ""},
	{"bad indentation", "doc: a.md\nactors:\n  - name: Norland\n   kind: state\n", 4, 4, ""},
	{"unknown top key", "doc: a.md\nauthors: [me]\n", 2, 1, `unknown field "authors"`},
	{"unknown item key", "doc: a.md\nincidents:\n  - quote: the frigates came close\n    type: clash\n    actor: NRL\n", 5, 5, `unknown field "actor"`},
	{"wrong value type", "doc: a.md\nactors:\n  - name: Norland\n    kind: state\n    country: NRL\n    optional: maybe\n", 6, 15, "wrong type: want bool, found string"},
	{"quote and quotes", "doc: a.md\nincidents:\n  - quote: the frigates came close\n    quotes: [the frigates came close again]\n    type: clash\n", 3, 5, "incidents[0]: quote and quotes are mutually exclusive"},
	{"no quote", "doc: a.md\nproposals:\n  - mechanism: hotline\n", 3, 5, "proposals[0]: a quote or quotes is required"},
	{"blank quote", "doc: a.md\nproposals:\n  - quotes: [\"open a line now\", \"  \"]\n    mechanism: hotline\n", 3, 33, "proposals[0].quotes[1]: the quote is blank"},
	{"bad type", "doc: a.md\nincidents:\n  - quote: the frigates came close\n    type: skirmish\n", 4, 11, `incidents[0].type: "skirmish" is not one of attack, shootdown`},
	{"missing type", "doc: a.md\nincidents:\n  - quote: the frigates came close\n", 3, 5, "incidents[0].type: required"},
	{"bad mechanism", "doc: a.md\nproposals:\n  - quote: open a line\n    mechanism: phone\n", 4, 16, `proposals[0].mechanism: "phone" is not one of hotline`},
	{"bad kind", "doc: a.md\nactors:\n  - name: Norland\n    kind: country\n    country: NRL\n", 4, 11, `actors[0].kind: "country" is not one of state, person`},
	{"state without country", "doc: a.md\nactors:\n  - name: Norland\n    kind: state\n", 3, 5, "actors[0]: a state needs a country code"},
	{"lower-case country", "doc: a.md\nactors:\n  - name: Norland\n    kind: state\n    country: nrl\n", 5, 14, `actors[0].country: "nrl" is not an ISO 3166-1 alpha-3 code`},
	{"bad date", "doc: a.md\nincidents:\n  - quote: the frigates came close\n    type: clash\n    date: 2031-13\n", 5, 11, `incidents[0].date: "2031-13" is not an ISO date`},
	{"blank agent", "doc: a.md\nincidents:\n  - quote: the frigates came close\n    type: clash\n    agents: [NRL, \"\"]\n", 5, 19, "incidents[0].agents[1]: blank entry"},
	{"no doc", "actors: []\n", 1, 1, "doc: the document's file name is required"},
	{"two documents", "doc: a.md\n---\ndoc: b.md\n", 3, 1, "more than one YAML document"},
	{"empty", "# nothing here\n", 0, 0, "empty file"},
	{"not a mapping", "- doc: a.md\n", 1, 1, ""},
}

func TestLoadGoldAllErrors(t *testing.T) {
	// Every problem of a file is reported, not only the first.
	path := filepath.Join(t.TempDir(), "gold.yaml")
	data := "doc: a.md\nincidents:\n  - quote: the frigates came close\n    type: skirmish\nproposals:\n  - mechanism: phone\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadGold(path)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{":4:11: incidents[0].type", ":6:5: proposals[0]: a quote", ":6:16: proposals[0].mechanism"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestLoadGoldMissingFile(t *testing.T) {
	_, err := LoadGold(filepath.Join("testdata", "no-such.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v is not ErrNotExist", err)
	}
}

func TestLoadGoldDir(t *testing.T) {
	golds, err := LoadGoldDir(filepath.Join("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 1 || golds["harbour-standoff.md"] == nil {
		t.Errorf("LoadGoldDir keys = %v, want [harbour-standoff.md]", keys(golds))
	}

	_, err = LoadGoldDir(filepath.Join("testdata", "dup"))
	if err == nil || !strings.Contains(err.Error(), `b.yaml: doc "same.md" is already annotated by `) {
		t.Errorf("duplicate doc: error %v", err)
	}

	if _, err := LoadGoldDir(t.TempDir()); err == nil {
		t.Error("empty folder: no error")
	}
}

func keys(m map[string]*Gold) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// FuzzLoadGold checks that no input makes the gold parser panic, that every
// error it returns is a *FileError, and that what it accepts can be scored.
func FuzzLoadGold(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tc := range loadGoldErrorCases {
		f.Add([]byte(tc.yaml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := parseGold("fuzz.yaml", data)
		if err != nil {
			for _, e := range unjoin(err) {
				var fe *FileError
				if !errors.As(e, &fe) {
					t.Fatalf("error %v (%T) is not a *FileError", e, e)
				}
			}
			return
		}
		s := Score(scoreFixture(), g)
		if s.Actors.TP+s.Actors.FN < countRequired(g) {
			t.Fatalf("score %+v lost required actors", s.Actors)
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func countRequired(g *Gold) int {
	n := 0
	for _, a := range g.Actors {
		if !a.Optional {
			n++
		}
	}
	return n
}
