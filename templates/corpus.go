package templates

import (
	"sort"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/digest"
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
		if c := art.Canonical[id]; c != "" && c != out[i].Name {
			out[i].Title = c
		}
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
}

// Report is one article's statement of an event.
type Report struct {
	Article  *Article
	Pack     string // link to the article's pack
	Href     string // link to the sentence in the source view
	Sentence int
	Evidence string
}

// events gathers the dated body incidents of arts for a page in folder from
// ("" for the site root, an article id for its pack), merged across
// articles by digest.Merge.
func events(arts []*Article, from string) *Timeline {
	docs := make([]*analyze.Analysis, len(arts))
	for i, art := range arts {
		docs[i] = art.Analysis
	}
	merged := digest.Merge(docs)
	tl := &Timeline{Undated: merged.Undated}
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
	for _, m := range merged.Events {
		ev := &Event{Date: m.Date, DatePrecision: m.DatePrecision, Type: m.Type, Summary: m.Summary, start: m.Start, end: m.End}
		seen := map[string]bool{}
		for _, r := range m.Reports {
			art := arts[r.Doc]
			in := art.Analysis.Incidents[r.Incident]
			ev.Reports = append(ev.Reports, Report{Article: art, Pack: rel(from, art.Doc.ID+"/index.md"),
				Href: rel(from, evidence(art.Doc.ID, in.Sentence)), Sentence: in.Sentence, Evidence: in.Evidence})
			for _, x := range refs(art, in.Agents) {
				if !seen["a"+x.Name] {
					seen["a"+x.Name] = true
					ev.Agents = append(ev.Agents, x)
				}
			}
			for _, x := range refs(art, in.Targets) {
				if !seen["t"+x.Name] {
					seen["t"+x.Name] = true
					ev.Targets = append(ev.Targets, x)
				}
			}
		}
		tl.Events = append(tl.Events, ev)
	}
	return tl
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
