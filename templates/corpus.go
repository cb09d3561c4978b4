package templates

import (
	"cmp"
	"slices"
	"sort"
	"strings"

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
	// Name, Kind and Country come from the article that names it most;
	// Name is the name as that article writes it, Listed the
	// dictionary's name when it differs ("" otherwise).
	Name, Kind, Country string
	Listed              string
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

// key writes what actor.md and the layout (its title) show of the page.
func (ap *ActorPage) key(k *keyHash) {
	k.str(ap.ID, ap.Slug, ap.Name, ap.Kind, ap.Country, ap.Listed)
	k.strs(ap.Roles)
	k.num(ap.Mentions)
	k.num(len(ap.Articles))
	for _, aa := range ap.Articles {
		aa.key(k)
	}
	k.num(len(ap.Incidents))
	for i := range ap.Incidents {
		ap.Incidents[i].key(k)
	}
	k.num(len(ap.Proposals))
	for i := range ap.Proposals {
		ap.Proposals[i].keyActor(k)
	}
	k.num(len(ap.Ties))
	for _, t := range ap.Ties {
		t.key(k)
	}
}

// keyRow writes what a row of actors.md shows of an actor.
func (ap *ActorPage) keyRow(k *keyHash) {
	k.str(ap.Slug, ap.Name, ap.Listed, ap.Kind, ap.Country)
	k.num(len(ap.Articles))
	k.num(ap.Mentions)
	k.num(len(ap.Incidents))
	k.num(len(ap.Proposals))
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

// key writes a row of an actor's articles. The salience is written as
// actor.md prints it (dec: two decimals), as it moves a little with every
// edit of the article.
func (aa ActorArticle) key(k *keyHash) {
	aa.Article.keyRef(k)
	k.str(aa.Article.Doc.Published, aa.Href, dec(aa.Salience), aa.Role)
	k.num(aa.Mentions)
	aa.First.key(k)
}

// IncidentRef is an incident with links for a page outside its article.
type IncidentRef struct {
	analyze.Incident
	// These copy the incident's, for speed (see SourceSentence).
	Date, DateText, Type, Summary string
	Sentence                      int
	Article                       *Article
	Pack                          string // link to the article's pack
	Href                          string // link to the sentence in the source view
	AgentRefs                     []Ref
	TargetRefs                    []Ref
	SupportLinks                  []Ref
}

// key writes what actor.md shows of an incident: the copied fields and
// the links, not the embedded Incident, which no built-in page reads, nor
// the support links, which it does not show.
func (r *IncidentRef) key(k *keyHash) {
	r.Article.keyRef(k)
	k.str(r.Date, r.DateText, r.Type, r.Summary, r.Pack, r.Href)
	k.num(r.Sentence)
	k.refs(r.AgentRefs)
	k.refs(r.TargetRefs)
}

// ProposalRef is a proposal with links for a page outside its article.
type ProposalRef struct {
	analyze.Proposal
	// These copy the proposal's, for speed (see SourceSentence).
	Mechanism, Summary, Where string
	Sentence                  int
	Article                   *Article
	Pack                      string
	Href                      string
	PartyRefs                 []Ref
	MediatorRefs              []Ref
	ProposerRef               Ref
	SupportLinks              []Ref
	// MechanismHref links to the page comparing every proposal of its
	// mechanism.
	MechanismHref string
}

// keyActor writes what a row of actor.md shows of a proposal: copied
// fields and links, not the embedded Proposal, which no built-in page reads
// (its rationale, caveats and precedents reach the pages as
// MechanismPage's Points and MatrixCell's counts).
func (r *ProposalRef) keyActor(k *keyHash) {
	r.Article.keyRef(k)
	k.str(r.Mechanism, r.MechanismHref, r.Summary, r.Pack, r.Href)
	k.num(r.Sentence)
	k.refs(r.PartyRefs)
	k.refs(r.MediatorRefs)
	r.ProposerRef.key(k)
}

// keyMechanism writes what a row of mechanism.md shows of a proposal.
func (r *ProposalRef) keyMechanism(k *keyHash) {
	r.Article.keyRef(k)
	k.str(r.Article.Doc.Published, r.Summary, r.Where, r.Pack, r.Href)
	k.num(r.Sentence)
	k.refs(r.PartyRefs)
	k.refs(r.MediatorRefs)
	r.ProposerRef.key(k)
	k.refs(r.SupportLinks)
}

// Tie is an actor named together with another, and in how many sentences.
type Tie struct {
	Actor Ref
	Count int
}

func (t Tie) key(k *keyHash) {
	t.Actor.key(k)
	k.num(t.Count)
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
				ap.Name, ap.Kind, ap.Country, ap.Listed = av.Display, av.Kind, av.Country, av.Listed
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
	// Two lists of each page, apart.
	parallel(s.incidentsByActor, s.proposalsByActor)
	for _, ap := range s.Actors {
		sort.Strings(ap.Roles)
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
		Date: in.Date, DateText: in.DateText, Type: in.Type, Summary: in.Summary, Sentence: in.Sentence,
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
		Mechanism: p.Mechanism, Summary: p.Summary, Where: p.Where, Sentence: p.Sentence,
		Pack:          rel(from, art.Doc.ID+"/index.md"),
		Href:          rel(from, evidence(art.Doc.ID, p.Sentence)),
		PartyRefs:     s.siteRefs(art, from, p.Parties),
		MediatorRefs:  s.siteRefs(art, from, p.Mediators),
		ProposerRef:   Ref{Name: "the authors"},
		SupportLinks:  supportLinks(art.Doc.ID, from, p.Support),
		MechanismHref: rel(from, mechanismPath(p.Mechanism)),
	}
	if p.Proposer != "authors" && p.Proposer != "" {
		pr.ProposerRef = s.siteRefs(art, from, []string{p.Proposer})[0]
	}
	return pr
}

// incidentsByActor gives each actor page the incidents with its actor as
// an agent or a target, in one pass over the corpus (a pass per actor
// grows with the square of the corpus): in article order, then date
// order. An incident's view is made once and shared by the pages of its
// actors, which only read it.
func (s *Site) incidentsByActor() {
	pages := func(in analyze.Incident, add func(ap *ActorPage)) {
		for k, id := range in.Agents {
			if ap := s.actors[id]; ap != nil && !contains(in.Agents[:k], id) {
				add(ap)
			}
		}
		for k, id := range in.Targets {
			if ap := s.actors[id]; ap != nil && !contains(in.Agents, id) && !contains(in.Targets[:k], id) {
				add(ap)
			}
		}
	}
	fillPages(s.Articles, func(art *Article) []analyze.Incident { return art.Incidents }, pages,
		func(ap *ActorPage) *[]IncidentRef { return &ap.Incidents },
		func(art *Article, in analyze.Incident) IncidentRef { return s.incidentRef(art, in, "actors") })
	for _, ap := range s.Actors {
		slices.SortStableFunc(ap.Incidents, func(a, b IncidentRef) int {
			if (a.Date == "") != (b.Date == "") {
				if b.Date == "" {
					return -1
				}
				return 1
			}
			return cmp.Or(strings.Compare(a.Date, b.Date), strings.Compare(a.Article.Doc.ID, b.Article.Doc.ID), cmp.Compare(a.Sentence, b.Sentence))
		})
	}
}

// proposalsByActor gives each actor page the proposals with its actor as a
// party, a mediator or the proposer, in article order, in one pass; a
// proposal's view is made once, as an incident's is.
func (s *Site) proposalsByActor() {
	pages := func(p analyze.Proposal, add func(ap *ActorPage)) {
		for k, id := range p.Parties {
			if ap := s.actors[id]; ap != nil && !contains(p.Parties[:k], id) {
				add(ap)
			}
		}
		for k, id := range p.Mediators {
			if ap := s.actors[id]; ap != nil && !contains(p.Parties, id) && !contains(p.Mediators[:k], id) {
				add(ap)
			}
		}
		if ap := s.actors[p.Proposer]; ap != nil && !contains(p.Parties, p.Proposer) && !contains(p.Mediators, p.Proposer) {
			add(ap)
		}
	}
	fillPages(s.Articles, func(art *Article) []analyze.Proposal { return art.Proposals }, pages,
		func(ap *ActorPage) *[]ProposalRef { return &ap.Proposals },
		func(art *Article, p analyze.Proposal) ProposalRef { return s.proposalRef(art, p, "actors") })
}

// fillPages gives each actor page the views of the items (incidents or
// proposals) that pages says it shows, in article order: counted first, so
// that each page's list is allocated once, and each item's view made once
// and shared by all its pages, which only read it.
func fillPages[T, R any](arts []*Article, items func(*Article) []T, pages func(T, func(*ActorPage)), list func(*ActorPage) *[]R, view func(*Article, T) R) {
	n := map[*ActorPage]int{}
	for _, art := range arts {
		for _, it := range items(art) {
			pages(it, func(ap *ActorPage) { n[ap]++ })
		}
	}
	for ap, c := range n {
		*list(ap) = make([]R, 0, c)
	}
	for _, art := range arts {
		for _, it := range items(art) {
			var ref *R
			pages(it, func(ap *ActorPage) {
				if ref == nil {
					r := view(art, it)
					ref = &r
				}
				l := list(ap)
				*l = append(*l, *ref)
			})
		}
	}
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
	// Date is the most precise date reported, DatePrecision its
	// precision, When the date in words at that precision ("20 June
	// 2019", "June 2019", "2019").
	Date, DatePrecision string
	When                string
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

// key writes what the built-in timeline page shows (timeline.md and the
// chart of layout.html, which newTimeline lays out from the events alone):
// every event and the undated count.
func (tl *Timeline) key(k *keyHash) {
	k.num(tl.Undated)
	k.num(len(tl.Events))
	for _, ev := range tl.Events {
		ev.key(k)
	}
}

func (ev *Event) key(k *keyHash) {
	k.str(ev.Date, ev.DatePrecision, ev.When, ev.Type, ev.Summary)
	k.num(ev.start)
	k.num(ev.end)
	k.refs(ev.Agents)
	k.refs(ev.Targets)
	k.num(len(ev.Reports))
	for _, r := range ev.Reports {
		r.key(k)
	}
}

// Report is one article's statement of an event.
type Report struct {
	Article  *Article
	Pack     string // link to the article's pack
	Href     string // link to the sentence in the source view
	Sentence int
	Evidence string
}

// key writes a report: the article's id (its links) and title, the links
// and the sentence.
func (r Report) key(k *keyHash) {
	k.str(r.Article.Doc.ID, r.Article.Doc.Title, r.Pack, r.Href, r.Evidence)
	k.num(r.Sentence)
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
		ev := &Event{Date: m.Date, DatePrecision: m.DatePrecision, When: digest.DateWords(m.Date, m.DatePrecision),
			Type: m.Type, Summary: m.Summary, start: m.Start, end: m.End}
		if ev.When == "" {
			ev.When = m.Date
		}
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
// per mechanism a page comparing its proposals.
type Matrix struct {
	Mechanisms []string
	// Heads line up with Mechanisms: each names its mechanism and links
	// to its page.
	Heads   []Ref
	Rows    []MatrixRow
	Details []*MechanismPage
	// Proposals counts the body proposals of the corpus; Backed those
	// with at least one caveat or precedent.
	Proposals, Backed int
}

// key writes what options.md shows: the matrix and, per mechanism, the
// summary of its page.
func (m *Matrix) key(k *keyHash) {
	k.strs(m.Mechanisms)
	k.refs(m.Heads)
	k.num(len(m.Rows))
	for i := range m.Rows {
		m.Rows[i].key(k)
	}
	k.num(len(m.Details))
	for _, d := range m.Details {
		d.keyRow(k)
	}
	k.num(m.Proposals)
	k.num(m.Backed)
}

// MatrixRow is an article's proposals by mechanism; Cells line up with
// Matrix.Mechanisms.
type MatrixRow struct {
	Article *Article
	Href    string
	Cells   []MatrixCell
}

func (r *MatrixRow) key(k *keyHash) {
	r.Article.keyRef(k)
	k.str(r.Href)
	k.num(len(r.Cells))
	for i := range r.Cells {
		r.Cells[i].key(k)
	}
}

// MatrixCell is what one article proposes under one mechanism.
type MatrixCell struct {
	Proposals []ProposalRef
	// Parties, Mediators and Proposers ("the authors" or an actor) of all
	// of them, each named once.
	Parties, Mediators, Proposers []string
	// Rationale, Caveats and Precedents count what the proposals give.
	Rationale, Caveats, Precedents int
}

// key writes a cell: each proposal's summary linked to its sentence, and
// the names and counts of the cell.
func (c *MatrixCell) key(k *keyHash) {
	k.num(len(c.Proposals))
	for _, p := range c.Proposals {
		k.str(p.Summary, p.Href)
	}
	k.strs(c.Parties)
	k.strs(c.Mediators)
	k.strs(c.Proposers)
	k.num(c.Rationale)
	k.num(c.Caveats)
	k.num(c.Precedents)
}

// MechanismPage is what mechanism.md receives: every proposal of one
// mechanism across the corpus, compared. Links in it are relative to the
// options/ folder.
type MechanismPage struct {
	Site      *Site
	Mechanism string
	// Slug names the page, options/<slug>.md.
	Slug      string
	Proposals []ProposalRef
	// Articles counts the articles that propose it.
	Articles int
	// Sides are the sets of parties it is proposed between ("United
	// States and China"), Mediators and Proposers the others named, each
	// with how many proposals name them, the most frequent first.
	Sides, Mediators, Proposers []Count
	// Rationale, Caveats and Precedents are what the proposals give, each
	// linking to the proposal's sentence.
	Rationale, Caveats, Precedents []Point
}

// key writes what mechanism.md and the layout (its title) show of the
// page.
func (d *MechanismPage) key(k *keyHash) {
	k.str(d.Mechanism, d.Slug)
	k.num(len(d.Proposals))
	for i := range d.Proposals {
		d.Proposals[i].keyMechanism(k)
	}
	k.num(d.Articles)
	for _, cs := range [][]Count{d.Sides, d.Mediators, d.Proposers} {
		k.num(len(cs))
		for _, c := range cs {
			c.key(k)
		}
	}
	for _, ps := range [][]Point{d.Rationale, d.Caveats, d.Precedents} {
		k.num(len(ps))
		for _, p := range ps {
			p.key(k)
		}
	}
}

// Count is a name and how many proposals give it.
type Count struct {
	Name string
	N    int
}

// keyRow writes what options.md's list of mechanisms shows of the page:
// the numbers, and the names of the sides and mediators.
func (d *MechanismPage) keyRow(k *keyHash) {
	k.str(d.Mechanism, d.Slug)
	k.num(d.Articles)
	k.num(len(d.Proposals))
	for _, cs := range [][]Count{d.Sides, d.Mediators} {
		k.num(len(cs))
		for _, c := range cs {
			k.str(c.Name)
		}
	}
	k.num(len(d.Caveats))
}

func (c Count) key(k *keyHash) {
	k.str(c.Name)
	k.num(c.N)
}

// Point is a reason, caveat or precedent given for a proposal.
type Point struct {
	Text    string
	Article *Article
	Href    string // the proposal's sentence
}

func (p Point) key(k *keyHash) {
	p.Article.keyRef(k)
	k.str(p.Text, p.Href)
}

// mechanismPath is the site path of a mechanism's page.
func mechanismPath(mech string) string { return "options/" + analyze.Slug(mech) + ".md" }

func newMatrix(s *Site) *Matrix {
	m := &Matrix{}
	used, count := map[string]bool{}, map[string]int{}
	for _, art := range s.Articles {
		for _, p := range art.Proposals {
			used[p.Mechanism] = true
			count[p.Mechanism]++
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
		m.Heads = append(m.Heads, Ref{Name: mech, Href: mechanismPath(mech)})
		m.Details = append(m.Details, &MechanismPage{Site: s, Mechanism: mech, Slug: analyze.Slug(mech), Proposals: make([]ProposalRef, 0, count[mech])})
	}
	for _, art := range s.Articles {
		row := MatrixRow{Article: art, Href: art.Doc.ID + "/index.md", Cells: make([]MatrixCell, len(m.Mechanisms))}
		for _, p := range art.Proposals {
			m.Proposals++
			if len(p.Caveats)+len(p.Precedents) > 0 {
				m.Backed++
			}
			pr := s.proposalRef(art, p, "")
			c := &row.Cells[col[p.Mechanism]]
			c.Proposals = append(c.Proposals, pr)
			addNames(&c.Parties, pr.PartyRefs)
			addNames(&c.Mediators, pr.MediatorRefs)
			if n := pr.ProposerRef.Name; !contains(c.Proposers, n) {
				c.Proposers = append(c.Proposers, n)
			}
			c.Rationale += len(p.Rationale)
			c.Caveats += len(p.Caveats)
			c.Precedents += len(p.Precedents)
			d := m.Details[col[p.Mechanism]]
			if len(d.Proposals) == 0 || d.Proposals[len(d.Proposals)-1].Article != art {
				d.Articles++
			}
			d.Proposals = append(d.Proposals, s.proposalRef(art, p, "options"))
		}
		m.Rows = append(m.Rows, row)
	}
	for _, d := range m.Details {
		d.compare()
	}
	return m
}

func addNames(names *[]string, refs []Ref) {
	for _, r := range refs {
		if !contains(*names, r.Name) {
			*names = append(*names, r.Name)
		}
	}
}

// compare gathers what the proposals of one mechanism have in common.
func (d *MechanismPage) compare() {
	sides, mediators, proposers := map[string]int{}, map[string]int{}, map[string]int{}
	for _, p := range d.Proposals {
		var names []string
		for _, r := range p.PartyRefs {
			if !contains(names, r.Name) {
				names = append(names, r.Name)
			}
		}
		sort.Strings(names)
		if len(names) > 0 {
			sides[andJoin(names)]++
		}
		for _, r := range p.MediatorRefs {
			mediators[r.Name]++
		}
		proposers[p.ProposerRef.Name]++
		for _, x := range p.Rationale {
			d.Rationale = append(d.Rationale, Point{Text: x, Article: p.Article, Href: p.Href})
		}
		for _, x := range p.Caveats {
			d.Caveats = append(d.Caveats, Point{Text: x, Article: p.Article, Href: p.Href})
		}
		for _, x := range p.Precedents {
			d.Precedents = append(d.Precedents, Point{Text: x, Article: p.Article, Href: p.Href})
		}
	}
	d.Sides, d.Mediators, d.Proposers = counts(sides), counts(mediators), counts(proposers)
}

func andJoin(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// counts lists a tally, the most frequent first, then by name.
func counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Name: k, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Name < out[j].Name
	})
	return out
}
