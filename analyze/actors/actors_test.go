package actors_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/actors"
	"github.com/brief-tool/brief/analyze/ingest"
	"github.com/brief-tool/brief/analyze/nlp"
)

var (
	setupOnce sync.Once
	resolver  *actors.Resolver
	proc      *nlp.NLP
	setupErr  error
)

func setup(t testing.TB) (*actors.Resolver, *nlp.NLP) {
	t.Helper()
	setupOnce.Do(func() {
		var d *actors.Dictionary
		if d, setupErr = actors.LoadDefault(); setupErr != nil {
			return
		}
		if proc, setupErr = nlp.New(); setupErr != nil {
			return
		}
		resolver = actors.New(d, proc)
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return resolver, proc
}

// analyse runs ingest, segmentation and the actor resolver on text.
func analyse(t testing.TB, name, text string) *analyze.Analysis {
	t.Helper()
	r, p := setup(t)
	a, err := ingest.Read(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Segment(a); err != nil {
		t.Fatal(err)
	}
	if err := r.Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func find(a *analyze.Analysis, id string) *analyze.Actor {
	for i := range a.Actors {
		if a.Actors[i].ID == id {
			return &a.Actors[i]
		}
	}
	return nil
}

func ids(a *analyze.Analysis) []string {
	var out []string
	for _, ac := range a.Actors {
		out = append(out, ac.ID)
	}
	sort.Strings(out)
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want maps actor id to kind/country/role expectations and the
		// surface forms that must be among its mentions.
		want map[string]struct {
			kind, country, role string
			forms               []string
		}
		absent []string
	}{
		{
			name: "state forms",
			text: "Tehran warned Washington. Iranian boats shadowed American ships, and Iran said the U.S. had erred.\n",
			want: map[string]struct {
				kind, country, role string
				forms               []string
			}{
				"IRN": {kind: "state", country: "IRN", forms: []string{"Tehran", "Iranian", "Iran"}},
				"USA": {kind: "state", country: "USA", forms: []string{"Washington", "American", "U.S."}},
			},
		},
		{
			name: "titled people and short references",
			text: "Russian President Vladimir Putin met Defense Secretary Lloyd Austin. Later Putin spoke again, and Austin listened.\n",
			want: map[string]struct {
				kind, country, role string
				forms               []string
			}{
				"vladimir-putin": {kind: "person", country: "RUS", role: "President", forms: []string{"Vladimir Putin", "Putin"}},
				"lloyd-austin":   {kind: "person", role: "Defense Secretary", forms: []string{"Lloyd Austin", "Austin"}},
			},
		},
		{
			name: "apposition and role reference",
			text: "Iran's Supreme Leader, Ayatollah Ali Khamenei, spoke first. The Supreme Leader then left.\n",
			want: map[string]struct {
				kind, country, role string
				forms               []string
			}{
				"ali-khamenei": {kind: "person", country: "IRN", forms: []string{"Ali Khamenei", "Supreme Leader"}},
			},
		},
		{
			name: "military bodies",
			text: "The IRGC and the People's Liberation Army Navy drilled while the Chinese military watched and CENTCOM objected.\n",
			want: map[string]struct {
				kind, country, role string
				forms               []string
			}{
				"irgc":    {kind: "military", country: "IRN", forms: []string{"IRGC"}},
				"centcom": {kind: "military", country: "USA", forms: []string{"CENTCOM"}},
			},
		},
		{
			name:   "acronyms, places and ships are not actors",
			text:   "Planners reviewed the CCIRs and ISR assets near Hot Springs after the tanker Stena Impero sailed in the Strait of Hormuz.\n",
			absent: []string{"ccirs", "isr", "hot-springs", "stena-impero"},
		},
		{
			name:   "capital as a place",
			text:   "The two sides met in Moscow to sign the accord.\n",
			absent: []string{"RUS"},
		},
		{
			name: "hyphenated names",
			text: "South Korean President Moon Jae-in met Kim Jong-un at Panmunjom.\n",
			want: map[string]struct {
				kind, country, role string
				forms               []string
			}{
				"moon-jae-in": {kind: "person", country: "KOR", forms: []string{"Moon Jae-in"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, "x.txt", tt.text)
			for id, w := range tt.want {
				ac := find(a, id)
				if ac == nil {
					t.Fatalf("no actor %q; got %v", id, ids(a))
				}
				if ac.Kind != w.kind {
					t.Errorf("%s: kind %q, want %q", id, ac.Kind, w.kind)
				}
				if w.country != "" && ac.Country != w.country {
					t.Errorf("%s: country %q, want %q", id, ac.Country, w.country)
				}
				if w.role != "" && ac.Role != w.role {
					t.Errorf("%s: role %q, want %q", id, ac.Role, w.role)
				}
				got := map[string]bool{}
				for _, m := range ac.Mentions {
					got[m.Text] = true
					if a.Doc.Text[m.Start:m.End] != m.Text {
						t.Errorf("%s: mention %q does not match its offsets", id, m.Text)
					}
				}
				for _, f := range w.forms {
					if !got[f] {
						t.Errorf("%s: no mention %q; got %v", id, f, got)
					}
				}
			}
			for _, id := range tt.absent {
				if find(a, id) != nil {
					t.Errorf("actor %q should not be found; got %v", id, ids(a))
				}
			}
		})
	}
}

func TestAuthorsAndSourcesAreNotActors(t *testing.T) {
	text := "---\ntitle: T\nauthors: [Jane Marlow]\n---\nReuters reported that Jane Marlow's sources in the Pentagon were wrong, The New York Times said.\n"
	a := analyse(t, "x.md", text)
	if find(a, "jane-marlow") != nil {
		t.Errorf("the author is listed as an actor: %v", ids(a))
	}
	var names []string
	for _, s := range a.Sources {
		names = append(names, s.Name)
	}
	if strings.Join(names, ",") != "Reuters,The New York Times" {
		t.Errorf("sources = %v, want Reuters and The New York Times", names)
	}
	for _, n := range []string{"reuters", "the-new-york-times"} {
		if find(a, n) != nil {
			t.Errorf("source %q listed as an actor", n)
		}
	}
}

func TestCommentsDoNotMakeActorsSalient(t *testing.T) {
	text := "A Title\n\nby Ann Lee\n\nIran and Oman held talks on the strait.\n\nAnn Lee is a senior fellow at a research institute.\n\n3 thoughts on “A Title”\n\n  1. Bahrain should leave, and Bahrain must pay.\n\n  2. Nonsense.\n\nComments are closed.\n"
	a := analyse(t, "x.txt", text)
	bhr := find(a, "BHR")
	if bhr == nil {
		t.Fatalf("no BHR; got %v", ids(a))
	}
	if bhr.Salience != 0 {
		t.Errorf("an actor named only in comments has salience %v, want 0", bhr.Salience)
	}
	for _, m := range bhr.Mentions {
		if m.Section != analyze.SectionComments {
			t.Errorf("mention %q in section %q, want comments", m.Text, m.Section)
		}
	}
	if irn := find(a, "IRN"); irn == nil || irn.Salience == 0 {
		t.Errorf("IRN should be salient: %+v", irn)
	}
}

func TestSovietCapital(t *testing.T) {
	a := analyse(t, "x.txt", "The Soviet Union built missile sites. Moscow then sent a tougher message.\n")
	if find(a, "RUS") != nil {
		t.Errorf("Moscow in a Soviet-era text resolved to Russia: %v", ids(a))
	}
	sun := find(a, "SUN")
	if sun == nil || len(sun.Mentions) != 2 {
		t.Errorf("SUN = %+v, want the Soviet Union and Moscow", sun)
	}
}

func TestUserDictionary(t *testing.T) {
	d, err := actors.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(path, []byte("actors:\n  - id: blue-brigade\n    name: Blue Brigade\n    kind: group\n    country: ''\n    aliases: [the Blues]\nstopwords:\n  - {term: OPORD, why: order}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.AddFile(path); err != nil {
		t.Fatal(err)
	}
	_, p := setup(t)
	r := actors.New(d, p)
	a, _ := ingest.Read("x.txt", []byte("The Blue Brigade attacked. The Blues issued an OPORD.\n"))
	if err := p.Segment(a); err != nil {
		t.Fatal(err)
	}
	if err := r.Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if ac := find(a, "blue-brigade"); ac == nil || len(ac.Mentions) != 2 {
		t.Errorf("blue-brigade = %+v, want two mentions", ac)
	}
}

func TestUserDictionaryErrors(t *testing.T) {
	tests := map[string]string{
		"unknown key": "actors:\n  - id: x\n    name: X\n    kind: group\n    colour: red\n",
		"bad kind":    "actors:\n  - id: x\n    name: X\n    kind: army\n",
		"bad yaml":    "actors: [\n",
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			d, err := actors.LoadDefault()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "bad.yaml")
			os.WriteFile(path, []byte(body), 0o644)
			err = d.AddFile(path)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// Issue-10 constructions: a service named after a state with modifiers, a
// titled surname the dictionary knows, an acronym the text defines, a
// place name over a demonym, a ship named elsewhere with "the".
func TestConstructions(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		id, kind   string
		country    string
		mentions   int
	}{
		{"service with an ordinal", "The US 5th Fleet sent two destroyers.", "", analyze.KindMilitary, "USA", 1},
		{"service with capitalised modifiers", "The Egyptian Southern Military Zone Command moved tanks.", "egy-southern-military-zone-command", analyze.KindMilitary, "EGY", 1},
		{"service in lower case", "Algerian air defences fired on the drone.", "dza-air-defences", analyze.KindMilitary, "DZA", 1},
		{"defined acronym wins", "The Sudanese Defence Forces (SDF) shelled the camp. Later the SDF withdrew.", "sdn-defence-forces", analyze.KindMilitary, "SDN", 3},
		{"titled surname", "Prime Minister Albanese called for calm.", "anthony-albanese", analyze.KindPerson, "AUS", 1},
		{"a body named after two states", "The Chile-Peru Fisheries Commission met in Lima.", "chile-peru-fisheries-commission", analyze.KindOrganization, "", 1},
		{"an article opening a sentence is no part of a body's name", "The Joint River Committee met in Lima.", "joint-river-committee", analyze.KindOrganization, "", 1},
		{"a title with the first word of a full name", "General Somchai Wongsa led the delegation. Later General Somchai visited the border.", "somchai-wongsa", analyze.KindPerson, "", 2},
		{"a body named after an organisation", "The OSCE Vienna Group issued a statement.", "osce-vienna-group", analyze.KindOrganization, "", 1},
		{"a body named after an organisation's short name and a place", "The UN Observer Force in the Gran Chaco patrolled the border.", "un-observer-force-in-the-gran-chaco", analyze.KindMilitary, "", 1},
		{"a body named for two places", "The UN Mission in Ethiopia and Eritrea left in 2008.", "un-mission-in-ethiopia-and-eritrea", analyze.KindOrganization, "", 1},
		{"the leader of a national delegation", "The Chilean delegation was led by Admiral Rodrigo Fuentes.", "rodrigo-fuentes", analyze.KindPerson, "CHL", 1},
		{"a leader after a comma", "A Peruvian team, headed by General Marco Salas, arrived.", "marco-salas", analyze.KindPerson, "PER", 1},
		{"a leader of no national group", "The attack on the Peruvian post was led by Colonel Marco Salas.", "marco-salas", analyze.KindPerson, "", 1},
		{"a counterpart", "The minister met his Bolivian counterpart Luis Arce Montes in Lima.", "luis-arce-montes", analyze.KindPerson, "BOL", 1},
		{"a counterpart with a title", "He called his Peruvian counterpart, President Marco Salas.", "marco-salas", analyze.KindPerson, "PER", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, "x.txt", "Title\n\n"+tt.text+"\n")
			var got *analyze.Actor
			for i := range a.Actors {
				ac := &a.Actors[i]
				if (tt.id == "" || ac.ID == tt.id) && ac.Kind == tt.kind && ac.Country == tt.country {
					got = ac
				}
			}
			if got == nil {
				t.Fatalf("no %s actor %q of %s in %v", tt.kind, tt.id, tt.country, ids(a))
			}
			if len(got.Mentions) != tt.mentions {
				t.Errorf("%s has %d mentions, want %d", got.ID, len(got.Mentions), tt.mentions)
			}
		})
	}
	for _, tt := range []struct{ name, text, not string }{
		{"a strait is no state", "Warships crossed the Taiwan Strait on Monday.", "TWN"},
		{"a ship named with the", "The tanker left. The Eternity C sank. Later Magic Seas and Eternity C were hit.", "eternity-c"},
		{"plural titles", "The Director Generals of the two armies met.", "generals"},
		{"a title is no body", "The UN Head of Mission and Force Commander Jane Roe chaired the meeting.", "head-of-mission"},
		{"a name before a place noun is a place", "Monks fled the area of the Wat Dara and Kol Sena temples after the shelling.", "kol-sena"},
		{"a name ending in a place noun is a place", "Both armies left the Safe Demilitarised Border Zone in March.", "border-zone"},
		{"a name 'in' a state is a place", "The monitors opened offices at Lorca in Chile and Ilo Vieja in Peru.", "ilo-vieja"},
	} {
		a := analyse(t, "x.txt", "Title\n\n"+tt.text+"\n")
		for _, id := range ids(a) {
			if strings.Contains(id, tt.not) {
				t.Errorf("%s: found %s in %v", tt.name, id, ids(a))
			}
		}
	}
}
