package templates

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// keys maps each path of a plan to its job's key.
func keys(t *testing.T, st *Store, docs ...*analyze.Analysis) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, j := range st.Plan(NewSite("Test packs", "test", docs), PlanOptions{Global: "g"}) {
		for _, p := range j.Paths {
			if _, dup := out[p]; dup {
				t.Fatalf("two jobs write %s", p)
			}
			out[p] = j.Key
		}
	}
	return out
}

// changed lists the paths whose keys differ between two plans.
func changed(a, b map[string]string) []string {
	var out []string
	for p, k := range b {
		if a[p] != k {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// A changed title changes the keys of the article's own pages and of the
// pages that show it: those of the actors it names and of the mechanisms
// it proposes (strait-2019 only a notification, not the hotline the others
// propose), the index, the options matrix and the timeline; not the
// list of actors or the network, which do not show titles.
func TestPlanKeys(t *testing.T) {
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := keys(t, st, gulf(), strait(), hostile())
	if again := keys(t, st, gulf(), strait(), hostile()); len(changed(before, again)) > 0 {
		t.Fatalf("the same site has other keys: %v", changed(before, again))
	}
	s := strait()
	s.Doc.Title = "Seizure in the Strait, revised"
	got := changed(before, keys(t, st, gulf(), s, hostile()))
	want := []string{
		"actors/gbr.html", "actors/gbr.md", "actors/irn.html", "actors/irn.md",
		"index.html", "index.md", "oldest.html", "oldest.md", "options.html", "options.md",
		"options/notification.html", "options/notification.md",
		"strait-2019/analysis.json", "strait-2019/index.html", "strait-2019/index.md", "strait-2019/source.html",
		"timeline.html", "timeline.md",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changing strait-2019 changes\n %v\nwant\n %v", got, want)
	}
	// The article that proposes a hotline changes the hotline's page.
	g := gulf()
	g.Doc.Title = "Gulf, revised"
	if got := changed(before, keys(t, st, g, strait(), hostile())); !slices.Contains(got, "options/hotline.md") || !slices.Contains(got, "options/hotline.html") {
		t.Errorf("changing gulf changes %v: not the hotline's page", got)
	}
	// Another program or configuration changes every key.
	other := map[string]string{}
	for _, j := range st.Plan(NewSite("Test packs", "test", []*analyze.Analysis{gulf(), strait(), hostile()}), PlanOptions{Global: "h"}) {
		for _, p := range j.Paths {
			other[p] = j.Key
		}
	}
	for p, k := range other {
		if before[p] == k && !strings.HasSuffix(p, ".css") && !strings.HasSuffix(p, ".svg") {
			t.Errorf("%s keeps its key under another Global", p)
		}
	}
}

// A new body proposal changes the keys of the pages that show it and of
// no other: not the pages of the article's other actors, the timeline or
// the network; with an actor.md of the user's, the pages of every actor
// the article names change too.
func TestPlanKeysNewProposal(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "actor.md"), []byte("# {{.Name}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := func(stems ...string) []string {
		var out []string
		for _, s := range stems {
			out = append(out, s+".html", s+".md")
		}
		return out
	}
	own := []string{"gulf-2019/analysis.json", "gulf-2019/index.html", "gulf-2019/index.md", "gulf-2019/source.html"}
	for _, tt := range []struct {
		dir  string
		want []string
	}{
		{"", append(page("actors/index", "actors/omn", "index", "oldest", "options", "options/agreement"), own...)},
		{dir, append(page("actors/gbr", "actors/index", "actors/irgc", "actors/irn", "actors/kenneth-mckenzie", "actors/omn", "actors/royal-marines",
			"index", "oldest", "options", "options/agreement"), own...)},
	} {
		st, err := New(Options{Dir: tt.dir})
		if err != nil {
			t.Fatal(err)
		}
		before := keys(t, st, gulf(), strait(), hostile())
		g := gulf()
		proposal(g, 9, "agreement", []string{"OMN"}, "authors", "Agree on rules")
		got := changed(before, keys(t, st, g, strait(), hostile()))
		sort.Strings(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("templates %q: a new proposal changes\n %v\nwant\n %v", tt.dir, got, tt.want)
		}
	}
}

// A layout from the templates folder that shows other articles on every
// page makes every page depend on every article; one that shows only the
// site's title does not.
func TestPlanKeysTemplatesReadingSite(t *testing.T) {
	for _, tt := range []struct {
		layout string
		all    bool
	}{
		{`<title>{{.Title}} · {{.Site.Title}} {{$.Site.Version}}</title>{{range .Blocks}}{{.Body}}{{end}}{{len .Site.Articles}}`, false},
		{`{{range .Site.Articles}}{{.Doc.Title}}{{end}}{{range .Blocks}}{{.Body}}{{end}}`, true},
		{`{{with .Site}}{{len .Actors}}{{end}}{{range .Blocks}}{{.Body}}{{end}}`, true},
		{`{{range $.Site.Oldest}}x{{end}}{{range .Blocks}}{{.Body}}{{end}}`, true},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "layout.html"), []byte(tt.layout), 0o644); err != nil {
			t.Fatal(err)
		}
		st, err := New(Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		before := keys(t, st, gulf(), strait(), hostile())
		s := strait()
		s.Doc.Title = "Changed"
		got := changed(before, keys(t, st, gulf(), s, hostile()))
		if all := slices.Contains(got, "gulf-2019/index.html"); all != tt.all {
			t.Errorf("layout %q: gulf-2019's pack changes with strait-2019: %v, want %v", tt.layout, all, tt.all)
		}
	}
}

// A new proposal leaves the built-in timeline's key as it was (the page
// shows incidents only); with a timeline template of the user's, which may
// read anything, it changes.
func TestPlanKeysTimeline(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "timeline.md"), []byte("# {{len .Proposals}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		dir     string
		changes bool
	}{{"", false}, {dir, true}} {
		st, err := New(Options{Dir: tt.dir})
		if err != nil {
			t.Fatal(err)
		}
		before := keys(t, st, gulf(), strait(), hostile())
		s := strait()
		proposal(s, 1, "hotline", []string{"GBR", "IRN"}, "authors", "Open a line")
		got := changed(before, keys(t, st, gulf(), s, hostile()))
		if !slices.Contains(got, "options.md") {
			t.Fatalf("templates %q: a new proposal changes %v, not the options matrix", tt.dir, got)
		}
		if changes := slices.Contains(got, "timeline.md") || slices.Contains(got, "timeline.html"); changes != tt.changes {
			t.Errorf("templates %q: a new proposal changes the timeline: %v, want %v", tt.dir, changes, tt.changes)
		}
	}
	// A changed incident changes it.
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := keys(t, st, gulf(), strait(), hostile())
	s := strait()
	s.Incidents[1].Date = "1973"
	if got := changed(before, keys(t, st, gulf(), s, hostile())); !slices.Contains(got, "timeline.html") {
		t.Errorf("a changed incident changes %v, not the timeline", got)
	}
}

// The key methods of the views (keyHash) write the fields the built-in
// templates show; this lists every field of every view struct a page made
// from many articles receives, as written or deliberately not, so that a
// field added to one fails here until it is added to its key method (or
// to the list of fields no built-in page shows). TestPlanKeysRandomEdits
// checks the keys against the pages themselves.
func TestViewKeyFields(t *testing.T) {
	for _, tt := range []struct {
		v                any
		written, skipped []string
	}{
		// Site: the pages are keyed by the views below.
		{ActorPage{}, []string{"ID", "Slug", "Name", "Kind", "Country", "Listed", "Roles", "Articles", "Incidents", "Proposals", "Mentions", "Ties"},
			[]string{"Site"}},
		{ActorArticle{}, []string{"Article", "Href", "Mentions", "Salience", "Role", "First"}, nil},
		// The embedded Incident and Proposal are shown through their
		// copied fields only.
		{IncidentRef{}, []string{"Date", "DateText", "Type", "Summary", "Sentence", "Article", "Pack", "Href", "AgentRefs", "TargetRefs"},
			[]string{"Incident", "SupportLinks"}},
		{ProposalRef{}, []string{"Mechanism", "Summary", "Where", "Sentence", "Article", "Pack", "Href", "PartyRefs", "MediatorRefs", "ProposerRef", "SupportLinks", "MechanismHref"},
			[]string{"Proposal"}},
		{Tie{}, []string{"Actor", "Count"}, nil},
		{Timeline{}, []string{"Events", "Undated"}, []string{"Chart"}}, // laid out from the events alone
		{Event{}, []string{"Date", "DatePrecision", "When", "Type", "Summary", "Agents", "Targets", "Reports", "start", "end"}, nil},
		{Report{}, []string{"Article", "Pack", "Href", "Sentence", "Evidence"}, nil},
		{Ref{}, []string{"Name", "Href", "Title"}, nil},
		{Matrix{}, []string{"Mechanisms", "Heads", "Rows", "Details", "Proposals", "Backed"}, nil},
		{MatrixRow{}, []string{"Article", "Href", "Cells"}, nil},
		{MatrixCell{}, []string{"Proposals", "Parties", "Mediators", "Proposers", "Rationale", "Caveats", "Precedents"}, nil},
		{MechanismPage{}, []string{"Mechanism", "Slug", "Proposals", "Articles", "Sides", "Mediators", "Proposers", "Rationale", "Caveats", "Precedents"},
			[]string{"Site"}},
		{Count{}, []string{"Name", "N"}, nil},
		{Point{}, []string{"Text", "Article", "Href"}, nil},
		{Network{}, []string{"Title", "Desc", "Width", "Height", "Nodes", "Edges", "Ties", "Omitted", "Legend"}, nil},
		{LegendKey{}, []string{"Kind", "Label", "X", "Y"}, nil},
		{Node{}, []string{"ID", "Name", "Kind", "Href", "HTMLHref", "Degree", "X", "Y", "R", "LabelX", "LabelY", "Anchor", "Leader", "LeaderX", "LeaderY"}, nil},
		{Edge{}, []string{"A", "B", "Weight", "Drawn", "X1", "Y1", "X2", "Y2", "Width"}, nil},
		// Index embeds the Site for its title and ActorHref.
		{Index{}, []string{"Order", "Articles"}, []string{"Site"}},
		// What the pages show of an article: Doc's id, title, date and
		// authors, its main actors (ActorView.keyRow), the number of
		// its incidents and proposals.
		{Article{}, []string{"Doc", "Main", "Incidents", "Proposals"}, []string{"Analysis", "Body", "Elsewhere", "ApartIncidents", "ApartProposals",
			"BottomLine", "KeyPassages", "Summary", "Recommendation", "Quotes", "Names", "Canonical",
			"partsOnce", "timelineOnce", "parts", "timeline", "site"}},
	} {
		typ := reflect.TypeOf(tt.v)
		var got []string
		for i := 0; i < typ.NumField(); i++ {
			got = append(got, typ.Field(i).Name)
		}
		want := append(append([]string(nil), tt.written...), tt.skipped...)
		sort.Strings(got)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s has the fields %v; its key writes %v and leaves out %v", typ.Name(), got, tt.written, tt.skipped)
		}
	}
}

// RenderJobs passes every file once, the same bytes as Render, and stops
// at the first error.
func TestRenderJobs(t *testing.T) {
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	site := NewSite("Test packs", "test", []*analyze.Analysis{gulf(), strait(), hostile()})
	want, err := st.Render(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 4} {
		got := map[string][]byte{}
		var mu sync.Mutex
		err := st.RenderJobs(context.Background(), st.Plan(site, PlanOptions{}), workers, func(f File) error {
			mu.Lock()
			defer mu.Unlock()
			if _, dup := got[f.Path]; dup {
				t.Errorf("%s emitted twice", f.Path)
			}
			got[f.Path] = f.Data
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%d workers: %d files, want %d", workers, len(got), len(want))
		}
		for p, w := range want {
			if string(got[p]) != string(w) {
				t.Errorf("%d workers: %s differs from Render's", workers, p)
			}
		}
	}
	stop := errors.New("disk full")
	n := 0
	err = st.RenderJobs(context.Background(), st.Plan(site, PlanOptions{}), 1, func(File) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("err = %v after %d files, want the emit error after 3", err, n)
	}
}

// A file of the templates folder that overrides nothing is named, with
// the nearest template's name when there is one near.
func TestUnknownOverrides(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"articel.md", "layuot.html", "Article.md", "notes-for-me.txt", ".hidden.md", "_partials/mine.html"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range st.Unknown() {
		got = append(got, e.Error())
	}
	sort.Strings(got)
	want := []string{
		filepath.Join(dir, "Article.md") + ": no template of that name; did you mean article.md?",
		filepath.Join(dir, "articel.md") + ": no template of that name; did you mean article.md?",
		filepath.Join(dir, "layuot.html") + ": no template of that name; did you mean layout.html?",
		filepath.Join(dir, "notes-for-me.txt") + ": no template of that name (brief templates list shows them)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Unknown() =\n %q\nwant\n %q", got, want)
	}
}
