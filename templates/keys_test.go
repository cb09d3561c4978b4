package templates_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/gencorpus"
	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
)

// genDocs analyses n generated articles, each twice under another id, so
// that articles share actors, incidents and mechanisms as a real corpus
// does.
func genDocs(t *testing.T, n int) []*analyze.Analysis {
	t.Helper()
	ex, err := pipeline.Standard(nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Extractors: ex})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*analyze.Analysis
	for _, art := range gencorpus.Generate(n, 7) {
		a, err := p.Analyze(context.Background(), "corpus/"+art.Name, art.Data)
		if err != nil {
			t.Fatal(err)
		}
		for copy := 0; copy < 2; copy++ {
			c := clone(t, a)
			c.Doc.ID = fmt.Sprintf("%s-%d", a.Doc.ID, copy)
			c.Doc.Path = "corpus/" + c.Doc.ID + ".md"
			docs = append(docs, c)
		}
	}
	return docs
}

// clone copies an analysis deeply, so that an edit leaves the original
// (and the site built from it) as it was.
func clone(t *testing.T, a *analyze.Analysis) *analyze.Analysis {
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var c analyze.Analysis
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// edit is one kind of change to an analysis, as a changed article brings.
type edit struct {
	name string
	// apply changes a (a copy) and reports whether it could; docs are
	// the other analyses, for ids and values to borrow.
	apply func(r *rand.Rand, a *analyze.Analysis, docs []*analyze.Analysis) bool
}

func pick[T any](r *rand.Rand, xs []T) (int, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	return r.IntN(len(xs)), true
}

// actorIDs lists the actors of every analysis, for edits that name one.
func actorIDs(docs []*analyze.Analysis) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range docs {
		for _, ac := range d.Actors {
			if !seen[ac.ID] {
				seen[ac.ID] = true
				out = append(out, ac.ID)
			}
		}
	}
	sort.Strings(out)
	return append(out, "XXX-unknown")
}

func someID(r *rand.Rand, docs []*analyze.Analysis) string {
	ids := actorIDs(docs)
	return ids[r.IntN(len(ids))]
}

// toggle adds id to ids or takes it out.
func toggle(ids []string, id string) []string {
	for i, x := range ids {
		if x == id {
			return append(ids[:i:i], ids[i+1:]...)
		}
	}
	return append(ids, id)
}

func words(r *rand.Rand) string {
	w := []string{"naval", "patrol", "hotline", "talks", "incident", "strait", "agreement", "the", "of", "crisis", "line"}
	n := 1 + r.IntN(6)
	out := make([]string, n)
	for i := range out {
		out[i] = w[r.IntN(len(w))]
	}
	return strings.Join(out, " ")
}

func someDate(r *rand.Rand) (date, precision string) {
	switch r.IntN(4) {
	case 0:
		return "", ""
	case 1:
		return fmt.Sprint(1960 + r.IntN(60)), "year"
	case 2:
		return fmt.Sprintf("%d-%02d", 1960+r.IntN(60), 1+r.IntN(12)), "month"
	}
	return fmt.Sprintf("%d-%02d-%02d", 1960+r.IntN(60), 1+r.IntN(12), 1+r.IntN(28)), "day"
}

func someSentence(r *rand.Rand, a *analyze.Analysis) int { return r.IntN(max(1, len(a.Sentences))) }

func someSection(r *rand.Rand) analyze.SectionKind {
	if r.IntN(5) == 0 {
		return analyze.SectionCaption
	}
	return analyze.SectionBody
}

// proposalEdit and incidentEdit change one proposal or incident of a.
func proposalEdit(name string, f func(r *rand.Rand, p *analyze.Proposal, a *analyze.Analysis, docs []*analyze.Analysis)) edit {
	return edit{name, func(r *rand.Rand, a *analyze.Analysis, docs []*analyze.Analysis) bool {
		i, ok := pick(r, a.Proposals)
		if ok {
			f(r, &a.Proposals[i], a, docs)
		}
		return ok
	}}
}

func incidentEdit(name string, f func(r *rand.Rand, in *analyze.Incident, a *analyze.Analysis, docs []*analyze.Analysis)) edit {
	return edit{name, func(r *rand.Rand, a *analyze.Analysis, docs []*analyze.Analysis) bool {
		i, ok := pick(r, a.Incidents)
		if ok {
			f(r, &a.Incidents[i], a, docs)
		}
		return ok
	}}
}

func actorEdit(name string, f func(r *rand.Rand, ac *analyze.Actor, a *analyze.Analysis)) edit {
	return edit{name, func(r *rand.Rand, a *analyze.Analysis, _ []*analyze.Analysis) bool {
		i, ok := pick(r, a.Actors)
		if ok && r.IntN(2) == 0 {
			// The most mentioned actor of an article is the one whose
			// name and kind its actor page and the network show.
			for j := range a.Actors {
				if len(a.Actors[j].Mentions) > len(a.Actors[i].Mentions) {
					i = j
				}
			}
		}
		if ok {
			f(r, &a.Actors[i], a)
		}
		return ok
	}}
}

var edits = []edit{
	{"title", func(r *rand.Rand, a *analyze.Analysis, _ []*analyze.Analysis) bool {
		a.Doc.Title = words(r)
		return true
	}},
	{"published", func(r *rand.Rand, a *analyze.Analysis, _ []*analyze.Analysis) bool {
		a.Doc.Published, _ = someDate(r)
		return true
	}},
	{"authors", func(r *rand.Rand, a *analyze.Analysis, _ []*analyze.Analysis) bool {
		a.Doc.Authors = toggle(a.Doc.Authors, words(r))
		return true
	}},
	proposalEdit("proposal summary", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, _ []*analyze.Analysis) {
		p.Summary = words(r)
	}),
	proposalEdit("proposal mechanism", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, _ []*analyze.Analysis) {
		p.Mechanism = analyze.Mechanisms[r.IntN(len(analyze.Mechanisms))]
	}),
	proposalEdit("proposal parties", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, docs []*analyze.Analysis) {
		p.Parties = toggle(p.Parties, someID(r, docs))
	}),
	proposalEdit("proposal mediators", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, docs []*analyze.Analysis) {
		p.Mediators = toggle(p.Mediators, someID(r, docs))
	}),
	proposalEdit("proposal proposer", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, docs []*analyze.Analysis) {
		if r.IntN(3) == 0 {
			p.Proposer = "authors"
		} else {
			p.Proposer = someID(r, docs)
		}
	}),
	proposalEdit("proposal where", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, _ []*analyze.Analysis) {
		p.Where = words(r)
	}),
	proposalEdit("proposal rationale, caveats, precedents", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, _ []*analyze.Analysis) {
		for _, l := range []*[]string{&p.Rationale, &p.Caveats, &p.Precedents} {
			if r.IntN(2) == 0 {
				*l = toggle(*l, words(r))
			}
		}
	}),
	proposalEdit("proposal support", func(r *rand.Rand, p *analyze.Proposal, a *analyze.Analysis, _ []*analyze.Analysis) {
		n := someSentence(r, a)
		p.Support = append(p.Support, analyze.Support{Sentence: n, Section: analyze.SectionBody, Evidence: a.Sentences[n].Text})
	}),
	proposalEdit("proposal sentence and section", func(r *rand.Rand, p *analyze.Proposal, a *analyze.Analysis, _ []*analyze.Analysis) {
		p.Sentence, p.Section = someSentence(r, a), someSection(r)
	}),
	proposalEdit("proposal confidence and rule", func(r *rand.Rand, p *analyze.Proposal, _ *analyze.Analysis, _ []*analyze.Analysis) {
		p.Confidence, p.Rule = r.Float64(), words(r)
	}),
	{"proposal added or removed", func(r *rand.Rand, a *analyze.Analysis, docs []*analyze.Analysis) bool {
		if i, ok := pick(r, a.Proposals); ok && r.IntN(2) == 0 {
			a.Proposals = append(a.Proposals[:i:i], a.Proposals[i+1:]...)
			return true
		}
		o := docs[r.IntN(len(docs))]
		i, ok := pick(r, o.Proposals)
		if !ok {
			return false
		}
		p := o.Proposals[i]
		p.Sentence = someSentence(r, a)
		a.Proposals = append(a.Proposals, p)
		return true
	}},
	incidentEdit("incident date", func(r *rand.Rand, in *analyze.Incident, _ *analyze.Analysis, _ []*analyze.Analysis) {
		in.Date, in.DatePrecision = someDate(r)
		if r.IntN(2) == 0 {
			in.DateText = words(r)
		}
	}),
	incidentEdit("incident type and summary", func(r *rand.Rand, in *analyze.Incident, _ *analyze.Analysis, _ []*analyze.Analysis) {
		in.Type = analyze.IncidentTypes[r.IntN(len(analyze.IncidentTypes))]
		in.Summary = words(r)
	}),
	incidentEdit("incident agents and targets", func(r *rand.Rand, in *analyze.Incident, _ *analyze.Analysis, docs []*analyze.Analysis) {
		if r.IntN(2) == 0 {
			in.Agents = toggle(in.Agents, someID(r, docs))
		} else {
			in.Targets = toggle(in.Targets, someID(r, docs))
		}
	}),
	incidentEdit("incident sentence, section and support", func(r *rand.Rand, in *analyze.Incident, a *analyze.Analysis, _ []*analyze.Analysis) {
		in.Sentence, in.Section = someSentence(r, a), someSection(r)
		n := someSentence(r, a)
		in.Support = append(in.Support, analyze.Support{Sentence: n, Section: analyze.SectionBody, Evidence: a.Sentences[n].Text})
		in.Evidence = a.Sentences[in.Sentence].Text
	}),
	incidentEdit("incident location and confidence", func(r *rand.Rand, in *analyze.Incident, _ *analyze.Analysis, _ []*analyze.Analysis) {
		in.Location, in.Confidence = words(r), r.Float64()
	}),
	{"incident added or removed", func(r *rand.Rand, a *analyze.Analysis, docs []*analyze.Analysis) bool {
		if i, ok := pick(r, a.Incidents); ok && r.IntN(2) == 0 {
			a.Incidents = append(a.Incidents[:i:i], a.Incidents[i+1:]...)
			return true
		}
		o := docs[r.IntN(len(docs))]
		i, ok := pick(r, o.Incidents)
		if !ok {
			return false
		}
		in := o.Incidents[i]
		in.Sentence = someSentence(r, a)
		a.Incidents = append(a.Incidents, in)
		return true
	}},
	actorEdit("actor names", func(r *rand.Rand, ac *analyze.Actor, _ *analyze.Analysis) {
		if r.IntN(2) == 0 {
			ac.Display = words(r)
		} else {
			ac.Name = words(r)
		}
	}),
	actorEdit("actor kind, country, role", func(r *rand.Rand, ac *analyze.Actor, _ *analyze.Analysis) {
		switch r.IntN(3) {
		case 0:
			ac.Kind = []string{analyze.KindState, analyze.KindPerson, analyze.KindOrganization, analyze.KindMilitary, analyze.KindGroup}[r.IntN(5)]
		case 1:
			ac.Country = []string{"", "USA", "CHN", "RUS", "IRN"}[r.IntN(5)]
		default:
			ac.Role = []string{"", "mediator", "party", "proposer"}[r.IntN(4)]
		}
	}),
	actorEdit("actor salience", func(r *rand.Rand, ac *analyze.Actor, _ *analyze.Analysis) {
		if r.IntN(2) == 0 {
			ac.Salience += 0.0001 // prints alike
		} else {
			ac.Salience = r.Float64()
		}
	}),
	actorEdit("actor mention added or removed", func(r *rand.Rand, ac *analyze.Actor, a *analyze.Analysis) {
		if i, ok := pick(r, ac.Mentions); ok && r.IntN(2) == 0 {
			ac.Mentions = append(ac.Mentions[:i:i], ac.Mentions[i+1:]...)
			return
		}
		n := someSentence(r, a)
		s := a.Sentences[n]
		m := analyze.Mention{Text: ac.Name, Sentence: n, Start: s.Start, End: s.Start, Section: s.Section}
		at := sort.Search(len(ac.Mentions), func(i int) bool { return ac.Mentions[i].Sentence >= n })
		ac.Mentions = append(ac.Mentions[:at:at], append([]analyze.Mention{m}, ac.Mentions[at:]...)...)
	}),
	{"actor added or removed", func(r *rand.Rand, a *analyze.Analysis, docs []*analyze.Analysis) bool {
		if i, ok := pick(r, a.Actors); ok && r.IntN(2) == 0 {
			a.Actors = append(a.Actors[:i:i], a.Actors[i+1:]...)
			return true
		}
		o := docs[r.IntN(len(docs))]
		i, ok := pick(r, o.Actors)
		if !ok {
			return false
		}
		for _, ac := range a.Actors {
			if ac.ID == o.Actors[i].ID {
				return false
			}
		}
		ac := o.Actors[i]
		ac.Mentions = nil
		for _, m := range o.Actors[i].Mentions {
			if m.Sentence < len(a.Sentences) {
				ac.Mentions = append(ac.Mentions, m)
			}
		}
		a.Actors = append(a.Actors, ac)
		return true
	}},
}

// rendered is a plan's jobs rendered: each job's key and the bytes of its
// files, by the job's first path.
type rendered map[string]struct {
	key   string
	files map[string]string
}

func renderPlan(t *testing.T, st *templates.Store, site *templates.Site) rendered {
	t.Helper()
	out := rendered{}
	jobs := st.Plan(site, templates.PlanOptions{Global: "g"})
	job := map[string]string{}
	for _, j := range jobs {
		out[j.Paths[0]] = struct {
			key   string
			files map[string]string
		}{j.Key, map[string]string{}}
		for _, p := range j.Paths {
			job[p] = j.Paths[0]
		}
	}
	var mu sync.Mutex
	if err := st.RenderJobs(context.Background(), jobs, 0, func(f templates.File) error {
		mu.Lock()
		defer mu.Unlock()
		out[job[f.Path]].files[f.Path] = string(f.Data)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// Random edits of the analyses of a generated site, one after the other:
// after each, every page whose key stayed as it was renders the bytes it
// rendered before (so an incremental build, which keeps those pages,
// equals a build from nothing), with the built-in templates, whose pages
// have keys of what they show, and with copies of them in a templates
// folder, which get the conservative keys. With the built-in templates,
// the pages made from many articles (actors, mechanisms, site-wide) must
// also not change key when their bytes stay the same.
func TestPlanKeysRandomEdits(t *testing.T) {
	n, rounds := 4, 120
	if testing.Short() {
		n, rounds = 3, 30
	}
	docs := genDocs(t, n)
	dir := t.TempDir()
	if _, err := templates.Export(dir); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		opts    templates.Options
		precise bool
	}{{"built-in", templates.Options{}, true}, {"overrides", templates.Options{Dir: dir}, false}} {
		t.Run(tt.name, func(t *testing.T) {
			st, err := templates.New(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewPCG(11, 13))
			docs := append([]*analyze.Analysis(nil), docs...)
			before := renderPlan(t, st, templates.NewSite("Edits", "test", docs))
			applied := map[string]int{}
			for round := 0; round < rounds; round++ {
				i := r.IntN(len(docs))
				a := clone(t, docs[i])
				e := edits[r.IntN(len(edits))]
				if !e.apply(r, a, docs) {
					continue
				}
				applied[e.name]++
				docs[i] = a
				after := renderPlan(t, st, templates.NewSite("Edits", "test", docs))
				for p, j := range after {
					same := maps.Equal(j.files, before[p].files)
					if j.key == before[p].key && !same {
						t.Errorf("round %d, %s of %s: %s kept its key but its bytes changed", round, e.name, a.Doc.ID, p)
					}
					if tt.precise && j.key != before[p].key && same && manyArticles(p) {
						t.Errorf("round %d, %s of %s: %s changed its key but not its bytes", round, e.name, a.Doc.ID, p)
					}
				}
				before = after
			}
			for _, e := range edits {
				if applied[e.name] == 0 && !testing.Short() {
					t.Errorf("no %s edit was applied", e.name)
				}
			}
		})
	}
}

// manyArticles reports whether a path is a page made from many articles.
func manyArticles(p string) bool {
	return !strings.Contains(p, "/") || strings.HasPrefix(p, "actors/") || strings.HasPrefix(p, "options/")
}
