package templates

import (
	"sort"
	"time"

	"github.com/brief-tool/brief/analyze"
)

// ActorPage is what actor.md receives: one actor across the corpus. Links
// in it are relative to the actors/ folder.
type ActorPage struct {
	Site *Site
	// ID is the actor's id in the analyses; Slug names its page,
	// actors/<slug>.md.
	ID, Slug string
	// Name, Kind and Country come from the article that names it most.
	Name, Kind, Country string
	// Roles are the distinct roles the articles give it.
	Roles []string
	// Articles that name it in their body, newest first.
	Articles []ActorArticle
	// Incidents it took part in (as agent or target), by date.
	Incidents []IncidentRef
	// Proposals that name it as a party or proposer, by article then
	// sentence.
	Proposals []ProposalRef
	// Mentions counts its body mentions across the corpus.
	Mentions int
	// Ties are the actors named in the same body sentences, the most
	// frequent first (at most ten).
	Ties []Tie
}

// ActorArticle is an article that names an actor.
type ActorArticle struct {
	Article  *Article
	Href     string // the pack
	Mentions int    // in the body
	Salience float64
	Role     string
	First    Ref // the first body mention in the source view
}

// IncidentRef is an incident with links for a page outside its article.
type IncidentRef struct {
	analyze.Incident
	Article      *Article
	Pack         string // link to the article's pack
	Href         string // link to the sentence in the source view
	AgentRefs    []Ref
	TargetRefs   []Ref
	SupportLinks []Ref
}

// ProposalRef is a proposal with links for a page outside its article.
type ProposalRef struct {
	analyze.Proposal
	Article      *Article
	Pack         string
	Href         string
	PartyRefs    []Ref
	ProposerRef  Ref
	SupportLinks []Ref
}

// Tie is an actor named together with another, and in how many sentences.
type Tie struct {
	Actor Ref
	Count int
}

// buildActors makes a page for every actor named in an article body.
func (s *Site) buildActors() {
	best := map[string]int{}
	for _, art := range s.Articles {
		for _, av := range art.Body {
			ap := s.actors[av.ID]
			if ap == nil {
				ap = &ActorPage{Site: s, ID: av.ID}
				s.actors[av.ID] = ap
				s.Actors = append(s.Actors, ap)
			}
			if b, ok := best[av.ID]; !ok || av.BodyMentions > b {
				best[av.ID] = av.BodyMentions
				ap.Name, ap.Kind, ap.Country = av.Name, av.Kind, av.Country
			}
			if av.Role != "" && !contains(ap.Roles, av.Role) {
				ap.Roles = append(ap.Roles, av.Role)
			}
			ap.Mentions += av.BodyMentions
			ap.Articles = append(ap.Articles, ActorArticle{
				Article: art, Href: rel("actors", art.Doc.ID+"/index.md"), Mentions: av.BodyMentions,
				Salience: av.Salience, Role: av.Role,
				First: Ref{Name: "sentence " + itoa(av.First), Href: rel("actors", evidence(art.Doc.ID, av.First))},
			})
		}
	}
	sort.SliceStable(s.Actors, func(i, j int) bool {
		a, b := s.Actors[i], s.Actors[j]
		if len(a.Articles) != len(b.Articles) {
			return len(a.Articles) > len(b.Articles)
		}
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		return a.ID < b.ID
	})
	// Slugs in id order, so that which actor gets a suffix does not
	// depend on the ranking.
	ids := make([]string, 0, len(s.actors))
	for id := range s.actors {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	taken := map[string]bool{"index": true}
	for _, id := range ids {
		slug := analyze.Slug(id)
		for n := 2; taken[slug]; n++ {
			slug = analyze.Slug(id) + "-" + itoa(n)
		}
		taken[slug] = true
		s.actors[id].Slug = slug
	}
	for _, ap := range s.Actors {
		sort.Strings(ap.Roles)
		ap.Incidents = s.incidentsOf(ap.ID)
		ap.Proposals = s.proposalsOf(ap.ID)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// siteRefs names ids as art does, linking to actor pages from folder from.
func (s *Site) siteRefs(art *Article, from string, ids []string) []Ref {
	out := make([]Ref, len(ids))
	for i, id := range ids {
		out[i] = Ref{Name: art.ActorNames([]string{id})[0]}
		if ap := s.actors[id]; ap != nil {
			out[i].Href = rel(from, "actors/"+ap.Slug+".md")
		}
	}
	return out
}

func supportLinks(id, from string, sp []analyze.Support) []Ref {
	var out []Ref
	for _, x := range sp {
		out = append(out, Ref{Name: itoa(x.Sentence), Href: rel(from, evidence(id, x.Sentence))})
	}
	return out
}

func (s *Site) incidentRef(art *Article, in analyze.Incident, from string) IncidentRef {
	return IncidentRef{
		Incident: in, Article: art,
		Pack:         rel(from, art.Doc.ID+"/index.md"),
		Href:         rel(from, evidence(art.Doc.ID, in.Sentence)),
		AgentRefs:    s.siteRefs(art, from, in.Agents),
		TargetRefs:   s.siteRefs(art, from, in.Targets),
		SupportLinks: supportLinks(art.Doc.ID, from, in.Support),
	}
}

func (s *Site) proposalRef(art *Article, p analyze.Proposal, from string) ProposalRef {
	pr := ProposalRef{
		Proposal: p, Article: art,
		Pack:         rel(from, art.Doc.ID+"/index.md"),
		Href:         rel(from, evidence(art.Doc.ID, p.Sentence)),
		PartyRefs:    s.siteRefs(art, from, p.Parties),
		ProposerRef:  Ref{Name: "the authors"},
		SupportLinks: supportLinks(art.Doc.ID, from, p.Support),
	}
	if p.Proposer != "authors" && p.Proposer != "" {
		pr.ProposerRef = s.siteRefs(art, from, []string{p.Proposer})[0]
	}
	return pr
}

func (s *Site) incidentsOf(id string) []IncidentRef {
	var out []IncidentRef
	for _, art := range s.Articles {
		for _, in := range art.Incidents {
			if contains(in.Agents, id) || contains(in.Targets, id) {
				out = append(out, s.incidentRef(art, in, "actors"))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Article.Doc.ID != b.Article.Doc.ID {
			return a.Article.Doc.ID < b.Article.Doc.ID
		}
		return a.Sentence < b.Sentence
	})
	return out
}

func (s *Site) proposalsOf(id string) []ProposalRef {
	var out []ProposalRef
	for _, art := range s.Articles {
		for _, p := range art.Proposals {
			if contains(p.Parties, id) || p.Proposer == id {
				out = append(out, s.proposalRef(art, p, "actors"))
			}
		}
	}
	return out
}

// Timeline is a set of dated incidents in date order, with the geometry of
// its SVG drawing.
type Timeline struct {
	Events []*Event
	// Undated counts the body incidents without a date, which are in the
	// packs but not on the timeline.
	Undated int
	// Chart is the SVG drawing (nil when there are no events).
	Chart *Chart
}

// Event is an incident on a timeline: one incident, or the same incident
// as reported by several articles.
type Event struct {
	// Date is the most precise date reported, DatePrecision its precision.
	Date, DatePrecision string
	Type                string
	// Summary is the summary of the most confident report.
	Summary string
	// Agents and Targets gather the actors of every report.
	Agents, Targets []Ref
	// Reports are the articles that state it, each linking to its
	// sentence: one entry per article.
	Reports []Report

	start, end int // the date as a range of days since 1970-01-01
	keys       []string
	conf       float64
	ids        map[string]bool
}

// Report is one article's statement of an event.
type Report struct {
	Article  *Article
	Pack     string // link to the article's pack
	Href     string // link to the sentence in the source view
	Sentence int
	Evidence string
}

// mergeDays is how far apart, in days, two reports of the same incident
// may date it.
const mergeDays = 3

// events gathers the dated body incidents of arts for a page in folder from
// ("" for the site root, an article id for its pack). Incidents of several
// articles merge into one event when they have the same type, share an
// actor (by id, or by country: the IRGC and Iran share IRN) and are dated
// within mergeDays of each other, both to the day or month. Incidents of
// one article are never merged here: the extractor has already done so.
func events(arts []*Article, from string) *Timeline {
	tl := &Timeline{}
	type item struct {
		art *Article
		in  analyze.Incident
		ev  *Event
	}
	var items []item
	for _, art := range arts {
		countries := map[string]string{}
		for _, a := range art.Actors {
			countries[a.ID] = a.Country
		}
		for _, in := range art.Incidents {
			start, end, ok := dayRange(in.Date)
			if !ok {
				tl.Undated++
				continue
			}
			ev := &Event{Date: in.Date, DatePrecision: in.DatePrecision, Type: in.Type, Summary: in.Summary,
				start: start, end: end, conf: in.Confidence, ids: map[string]bool{}}
			for _, id := range append(append([]string{}, in.Agents...), in.Targets...) {
				ev.keys = append(ev.keys, "id:"+id)
				if c := countries[id]; c != "" {
					ev.keys = append(ev.keys, "country:"+c)
				}
			}
			items = append(items, item{art, in, ev})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.ev.start != b.ev.start {
			return a.ev.start < b.ev.start
		}
		if a.ev.end != b.ev.end {
			return a.ev.end < b.ev.end
		}
		if a.in.Type != b.in.Type {
			return a.in.Type < b.in.Type
		}
		if a.art.Doc.ID != b.art.Doc.ID {
			return a.art.Doc.ID < b.art.Doc.ID
		}
		return a.in.Sentence < b.in.Sentence
	})
	var site *Site
	if len(arts) > 0 {
		site = arts[0].site
	}
	refs := func(art *Article, ids []string) []Ref {
		if site == nil {
			return art.Refs(ids)
		}
		return site.siteRefs(art, from, ids)
	}
	for _, it := range items {
		var into *Event
		for _, ev := range tl.Events {
			if mergeable(ev, it.ev, it.art) {
				into = ev
				break
			}
		}
		rep := Report{Article: it.art, Pack: rel(from, it.art.Doc.ID+"/index.md"),
			Href: rel(from, evidence(it.art.Doc.ID, it.in.Sentence)), Sentence: it.in.Sentence, Evidence: it.in.Evidence}
		if into == nil {
			into = it.ev
			tl.Events = append(tl.Events, into)
		} else {
			if finer(it.ev.DatePrecision, into.DatePrecision) {
				into.Date, into.DatePrecision, into.start, into.end = it.ev.Date, it.ev.DatePrecision, it.ev.start, it.ev.end
			}
			if it.ev.conf > into.conf {
				into.Summary, into.conf = it.ev.Summary, it.ev.conf
			}
			into.keys = append(into.keys, it.ev.keys...)
		}
		into.Reports = append(into.Reports, rep)
		for _, r := range refs(it.art, it.in.Agents) {
			if !into.ids["a"+r.Name] {
				into.ids["a"+r.Name] = true
				into.Agents = append(into.Agents, r)
			}
		}
		for _, r := range refs(it.art, it.in.Targets) {
			if !into.ids["t"+r.Name] {
				into.ids["t"+r.Name] = true
				into.Targets = append(into.Targets, r)
			}
		}
	}
	sort.SliceStable(tl.Events, func(i, j int) bool { return tl.Events[i].start < tl.Events[j].start })
	return tl
}

// mergeable says whether a report of art (x) states the event ev.
func mergeable(ev, x *Event, art *Article) bool {
	if ev.Type != x.Type || ev.DatePrecision == "year" || x.DatePrecision == "year" {
		return false
	}
	for _, r := range ev.Reports {
		if r.Article == art {
			return false
		}
	}
	gap := max(0, x.start-ev.end, ev.start-x.end)
	if gap > mergeDays {
		return false
	}
	for _, k := range x.keys {
		if contains(ev.keys, k) {
			return true
		}
	}
	return false
}

func finer(a, b string) bool {
	rank := map[string]int{"day": 3, "month": 2, "year": 1}
	return rank[a] > rank[b]
}

// dayRange reads YYYY-MM-DD, YYYY-MM or YYYY as a range of days since the
// Unix epoch, end inclusive.
func dayRange(d string) (start, end int, ok bool) {
	day := func(t time.Time) int { return int(t.Unix() / 86400) }
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if len(d) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, d)
		if err != nil {
			return 0, 0, false
		}
		return day(t), day(f.next(t)) - 1, true
	}
	return 0, 0, false
}

// Matrix is the options matrix: a row per article, a column per mechanism
// proposed anywhere in the corpus, every cell linking to its evidence; and
// per mechanism the full proposals.
type Matrix struct {
	Mechanisms []string
	Rows       []MatrixRow
	Details    []MechanismDetail
}

// MatrixRow is an article's proposals by mechanism; Cells line up with
// Matrix.Mechanisms.
type MatrixRow struct {
	Article *Article
	Href    string
	Cells   []MatrixCell
}

// MatrixCell is what one article proposes under one mechanism.
type MatrixCell struct {
	Proposals []ProposalRef
	// Parties and Proposers (other than the authors) of all of them, each
	// named once.
	Parties, Proposers []string
}

// MechanismDetail is every proposal of one mechanism.
type MechanismDetail struct {
	Mechanism string
	Proposals []ProposalRef
}

func newMatrix(s *Site) *Matrix {
	m := &Matrix{}
	used := map[string]bool{}
	for _, art := range s.Articles {
		for _, p := range art.Proposals {
			used[p.Mechanism] = true
		}
	}
	for _, mech := range analyze.Mechanisms {
		if used[mech] {
			m.Mechanisms = append(m.Mechanisms, mech)
			delete(used, mech)
		}
	}
	var other []string // mechanisms outside the contract's list, sorted
	for mech := range used {
		other = append(other, mech)
	}
	sort.Strings(other)
	m.Mechanisms = append(m.Mechanisms, other...)
	col := map[string]int{}
	for i, mech := range m.Mechanisms {
		col[mech] = i
		m.Details = append(m.Details, MechanismDetail{Mechanism: mech})
	}
	for _, art := range s.Articles {
		row := MatrixRow{Article: art, Href: art.Doc.ID + "/index.md", Cells: make([]MatrixCell, len(m.Mechanisms))}
		for _, p := range art.Proposals {
			pr := s.proposalRef(art, p, "")
			c := &row.Cells[col[p.Mechanism]]
			c.Proposals = append(c.Proposals, pr)
			for _, r := range pr.PartyRefs {
				if !contains(c.Parties, r.Name) {
					c.Parties = append(c.Parties, r.Name)
				}
			}
			if n := pr.ProposerRef.Name; n != "the authors" && !contains(c.Proposers, n) {
				c.Proposers = append(c.Proposers, n)
			}
			m.Details[col[p.Mechanism]].Proposals = append(m.Details[col[p.Mechanism]].Proposals, pr)
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}
