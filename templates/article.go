package templates

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/brief-tool/brief/analyze"
)

// Article is what an article's templates (article.md, source.html) receive:
// the analysis plus views of it that templates would otherwise have to
// compute. Links in it are relative to the article's folder.
type Article struct {
	*analyze.Analysis
	// Doc is the analysis's Doc, copied here: text/template finds a
	// promoted field through reflect's FieldByNameFunc, which allocates a
	// map at every lookup, and every table row of the site-wide pages
	// reads .Doc.
	Doc analyze.Doc
	// Main are the five most salient actors named in the body.
	Main []ActorView
	// Body are the actors named in the body; Elsewhere those named only in
	// captions, bios or comments, which are not the article's own findings.
	Body, Elsewhere []ActorView
	// Incidents and Proposals were read from the body; ApartIncidents and
	// ApartProposals from other sections, shown separately.
	Incidents      []analyze.Incident
	Proposals      []analyze.Proposal
	ApartIncidents []analyze.Incident
	ApartProposals []analyze.Proposal
	// BottomLine is the bottom line up front, composed from the findings
	// (Digest.BottomLine), each clause linking to its evidence.
	BottomLine []Clause
	// KeyPassages are the two or three body sentences TextRank ranks
	// highest, in text order (Digest.KeyPassages). Summary is the same
	// list under its former name, for templates written before.
	KeyPassages []analyze.Sentence
	Summary     []analyze.Sentence
	// Recommendation is the article's main recommendation
	// (Digest.Recommendation): its own (proposer "authors") most
	// confident body proposal, else any body proposal; nil when there is
	// none.
	Recommendation *analyze.Proposal
	// Quotes are notable direct quotations from the body.
	Quotes []Quote
	// Names maps actor ids to the names the text uses (Actor.Display);
	// Canonical to the dictionary's names.
	Names, Canonical map[string]string
	// parts and timeline are built on first use (Parts, Timeline): a
	// rebuild renders the source view and the pack of a few articles, and
	// a site holds every article.
	partsOnce, timelineOnce sync.Once
	parts                   []Part
	timeline                *Timeline

	site *Site // set by NewSite; nil for a pack rendered on its own
}

// keyRef writes what every page that lists an article shows of it: its
// id (in its links) and title; the pages that show its date write that
// themselves.
func (v *Article) keyRef(k *keyHash) { k.str(v.Doc.ID, v.Doc.Title) }

// keyRow writes what a row of index.md shows of an article: keyRef, the
// authors, the main actors linked to their pages, and how many incidents
// and proposals it has.
func (v *Article) keyRow(k *keyHash, s *Site) {
	v.keyRef(k)
	k.str(v.Doc.Published)
	k.strs(v.Doc.Authors)
	k.num(len(v.Main))
	for _, a := range v.Main {
		a.keyRow(k, s)
	}
	k.num(len(v.Incidents))
	k.num(len(v.Proposals))
}

// ActorView is an actor of the article with what its row in a table needs.
type ActorView struct {
	analyze.Actor
	// ID and Display copy the actor's, for speed (see SourceSentence).
	ID, Display string
	// Href links to the actor's page ("" outside a site).
	Href string
	// First is the sentence of the first mention in the body (for actors
	// named only elsewhere: the first mention at all), Section its kind.
	First   int
	Section analyze.SectionKind
	// BodyMentions counts the mentions in the body.
	BodyMentions int
	// Listed is the dictionary's name when the text names the actor
	// otherwise (.Display is the text's form), else "": a secondary line
	// or a tooltip.
	Listed string
}

// keyRow writes what index.md shows of a main actor: its name as
// written, the dictionary's name and the link to its page.
func (a ActorView) keyRow(k *keyHash, s *Site) { k.str(a.Display, a.Listed, s.ActorHref(a.ID)) }

// Clause is a clause of the bottom line with the link to its evidence in
// the source view.
type Clause struct {
	analyze.Clause
	Href string
}

// Quote is a direct quotation in a body sentence.
type Quote struct {
	Text     string // the quoted words, without the quotation marks
	Sentence int
	Evidence string // the whole sentence
	// Speaker is an actor named in the same sentence, a person if one is,
	// else the empty Ref.
	Speaker Ref

	speaker string // its id
}

// Part is one section of the source view: its label and its paragraphs of
// sentences.
type Part struct {
	Kind       analyze.SectionKind
	Label      string
	Paragraphs [][]SourceSentence
}

// SourceSentence is a sentence of the source view with the findings read
// from it.
type SourceSentence struct {
	analyze.Sentence
	// Index and Text copy the sentence's, for speed: text/template finds
	// a promoted field through reflect's FieldByNameFunc, which allocates
	// at every lookup, and the source view reads them for every sentence.
	Index int
	Text  string
	// Findings label what the pack took from this sentence, each linking
	// to the pack's section that shows it.
	Findings []Ref
	// Heading is true for a subheading of the text: a paragraph of one
	// short sentence with no closing punctuation, in the body.
	Heading bool
}

// NewArticle prepares the views of one analysis.
func NewArticle(a *analyze.Analysis) *Article {
	v := &Article{Analysis: a, Doc: a.Doc, Names: make(map[string]string, len(a.Actors)), Canonical: make(map[string]string, len(a.Actors))}
	v.Body = make([]ActorView, 0, len(a.Actors))
	for _, ac := range a.Actors {
		if ac.Display == "" {
			ac.Display = ac.Name
		}
		v.Names[ac.ID], v.Canonical[ac.ID] = ac.Display, ac.Name
		av := ActorView{Actor: ac, ID: ac.ID, Display: ac.Display, First: -1}
		if ac.Display != ac.Name {
			av.Listed = ac.Name
		}
		for _, m := range ac.Mentions {
			if m.Section == analyze.SectionBody {
				av.BodyMentions++
				if av.First < 0 || av.Section != analyze.SectionBody {
					av.First, av.Section = m.Sentence, m.Section
				}
			} else if av.First < 0 {
				av.First, av.Section = m.Sentence, m.Section
			}
		}
		if av.BodyMentions > 0 {
			v.Body = append(v.Body, av)
		} else if av.First >= 0 {
			v.Elsewhere = append(v.Elsewhere, av)
		}
	}
	if len(v.Body) == 0 {
		v.Body = nil
	}
	n := min(len(v.Body), 5)
	v.Main = v.Body[:n:n]
	v.Incidents, v.ApartIncidents = split(a.Incidents, func(in *analyze.Incident) bool { return in.Section == analyze.SectionBody })
	v.Proposals, v.ApartProposals = split(a.Proposals, func(p *analyze.Proposal) bool { return p.Section == analyze.SectionBody })
	d := a.Digest
	if d.Recommendation >= 0 && d.Recommendation < len(a.Proposals) {
		p := a.Proposals[d.Recommendation]
		v.Recommendation = &p
	}
	for _, c := range d.BottomLine {
		v.BottomLine = append(v.BottomLine, Clause{Clause: c, Href: "source.html#s-" + itoa(c.Sentence)})
	}
	for _, n := range d.KeyPassages {
		if n >= 0 && n < len(a.Sentences) {
			v.KeyPassages = append(v.KeyPassages, a.Sentences[n])
		}
	}
	v.Summary = v.KeyPassages
	for _, q := range d.Quotes {
		ev := ""
		if q.Sentence >= 0 && q.Sentence < len(a.Sentences) {
			ev = a.Sentences[q.Sentence].Text
		}
		v.Quotes = append(v.Quotes, Quote{Text: q.Text, Sentence: q.Sentence, Evidence: ev, speaker: q.Speaker, Speaker: v.actorRef(q.Speaker)})
	}
	return v
}

// split returns the items of xs in the body and the others, each in
// order; when all are in the body, the first shares xs's array (the views
// only read it).
func split[T any](xs []T, body func(*T) bool) (in, apart []T) {
	n := 0
	for i := range xs {
		if body(&xs[i]) {
			n++
		}
	}
	if n == len(xs) {
		if n == 0 {
			return nil, nil
		}
		return xs[:n:n], nil
	}
	if n > 0 {
		in = make([]T, 0, n)
	}
	apart = make([]T, 0, len(xs)-n)
	for i := range xs {
		if body(&xs[i]) {
			in = append(in, xs[i])
		} else {
			apart = append(apart, xs[i])
		}
	}
	return in, apart
}

// Parts are the text's paragraphs grouped for the source view.
func (v *Article) Parts() []Part {
	v.partsOnce.Do(func() { v.parts = v.buildParts() })
	return v.parts
}

// Timeline holds the article's dated body incidents, for the SVG timeline
// of the pack (HTML only); in a site, their actors link to their pages.
func (v *Article) Timeline() *Timeline {
	v.timelineOnce.Do(func() {
		v.timeline = newTimeline(events([]*Article{v}, v.Doc.ID), v.Doc.ID, "Incidents of this article")
	})
	return v.timeline
}

// ActorNames returns the display names of ids.
func (v *Article) ActorNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if n, ok := v.Names[id]; ok {
			out[i] = n
		} else {
			out[i] = id
		}
	}
	return out
}

// Refs returns the display names of ids, each linking to the actor's page
// when the site has one.
func (v *Article) Refs(ids []string) []Ref {
	out := make([]Ref, len(ids))
	for i, id := range ids {
		out[i] = v.actorRef(id)
	}
	return out
}

func (v *Article) actorRef(id string) Ref {
	r := Ref{Name: v.ActorNames([]string{id})[0]}
	if c := v.Canonical[id]; c != "" && c != r.Name {
		r.Title = c
	}
	if v.site != nil {
		if ap := v.site.actors[id]; ap != nil {
			r.Href = rel(v.Doc.ID, "actors/"+ap.Slug+".md")
		}
	}
	return r
}

// ProposerName is "the authors" or the proposing actor's name.
func (v *Article) ProposerName(p analyze.Proposal) string {
	return v.Proposer(p).Name
}

// Proposer is "the authors" or the proposing actor, linked to its page.
func (v *Article) Proposer(p analyze.Proposal) Ref {
	if p.Proposer == "authors" || p.Proposer == "" {
		return Ref{Name: "the authors"}
	}
	return v.actorRef(p.Proposer)
}

// Actor returns the article's view of the actor id (zero when absent).
func (v *Article) Actor(id string) ActorView {
	for _, a := range v.Body {
		if a.ID == id {
			return a
		}
	}
	for _, a := range v.Elsewhere {
		if a.ID == id {
			return a
		}
	}
	return ActorView{}
}

var sectionLabels = map[analyze.SectionKind]string{
	analyze.SectionTitle:       "Title",
	analyze.SectionByline:      "Byline",
	analyze.SectionCaption:     "Photo caption",
	analyze.SectionBody:        "Article",
	analyze.SectionBio:         "About the authors",
	analyze.SectionComments:    "Reader comment",
	analyze.SectionBoilerplate: "Page furniture",
}

// Label names a section kind for readers ("Photo caption", "Reader
// comment").
func Label(k analyze.SectionKind) string {
	if l, ok := sectionLabels[k]; ok {
		return l
	}
	return string(k)
}

// parts groups the sentences by section and paragraph for the source view.
// Every sentence appears exactly once, so that every #s-N link resolves: a
// sentence outside the known paragraphs gets a paragraph of its own, and
// one outside every section a final part.
func (v *Article) buildParts() []Part {
	a := v.Analysis
	findings := v.findings()
	placed := make([]bool, len(a.Sentences))
	// paraOf[i] is the paragraph holding sentence i, or -1-i: both lists
	// are in text order, so one pass pairs them.
	paraOf := make([]int, len(a.Sentences))
	for i, p := 0, 0; i < len(a.Sentences); i++ {
		s := a.Sentences[i]
		for p < len(a.Paragraphs) && a.Paragraphs[p].End < s.End {
			p++
		}
		paraOf[i] = -1 - s.Index
		if p < len(a.Paragraphs) && s.Start >= a.Paragraphs[p].Start && s.End <= a.Paragraphs[p].End {
			paraOf[i] = p
		}
	}
	// group gathers, from sentence from on, the sentences not yet placed
	// that keep accepts, stopping at the first that stop accepts.
	group := func(from int, keep func(s analyze.Sentence) bool, stop func(s analyze.Sentence) bool) [][]SourceSentence {
		var out [][]SourceSentence
		last := 0
		for i := from; i < len(a.Sentences); i++ {
			s := a.Sentences[i]
			if stop(s) {
				break
			}
			if placed[i] || !keep(s) {
				continue
			}
			placed[i] = true
			ss := SourceSentence{Sentence: s, Index: s.Index, Text: s.Text, Findings: findings[s.Index]}
			if p := paraOf[i]; len(out) > 0 && p == last {
				out[len(out)-1] = append(out[len(out)-1], ss)
			} else {
				out = append(out, []SourceSentence{ss})
				last = p
			}
		}
		for _, p := range out {
			if len(p) == 1 && heading(p[0].Sentence) {
				p[0].Heading = true
			}
		}
		return out
	}
	var out []Part
	// A kind that occurs more than once is numbered ("Reader comment 2"),
	// so that every part has a label of its own.
	count, seen := map[analyze.SectionKind]int{}, map[analyze.SectionKind]int{}
	for _, sec := range a.Sections {
		count[sec.Kind]++
	}
	for _, sec := range a.Sections {
		p := Part{Kind: sec.Kind, Label: Label(sec.Kind)}
		if seen[sec.Kind]++; count[sec.Kind] > 1 {
			p.Label += " " + strconv.Itoa(seen[sec.Kind])
		}
		// Sections and sentences are both in text order: start at the
		// first sentence that does not end before the section.
		from := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > sec.Start })
		p.Paragraphs = group(from, func(s analyze.Sentence) bool { return s.Start >= sec.Start && s.End <= sec.End },
			func(s analyze.Sentence) bool { return s.Start >= sec.End })
		out = append(out, p)
	}
	if rest := group(0, func(analyze.Sentence) bool { return true }, func(analyze.Sentence) bool { return false }); len(rest) > 0 {
		out = append(out, Part{Kind: "other", Label: "Elsewhere on the page", Paragraphs: rest})
	}
	return out
}

// maxHeadingWords is the longest a subheading runs.
const maxHeadingWords = 12

// heading says whether a sentence that is a paragraph of its own reads as
// a subheading: in the body, short, and not closed by punctuation as a
// sentence is. The ingester keeps no markup, so the shape is what tells.
func heading(s analyze.Sentence) bool {
	t := strings.TrimSpace(s.Text)
	if s.Section != analyze.SectionBody || t == "" || len(strings.Fields(t)) > maxHeadingWords {
		return false
	}
	return !strings.ContainsAny(t[len(t)-1:], ".!?:;,\"')”’…")
}

// findings maps sentence indexes to what the pack shows from them.
func (v *Article) findings() map[int][]Ref {
	out := map[int][]Ref{}
	add := func(n int, name, href string) {
		for _, r := range out[n] {
			if r.Name == name {
				return
			}
		}
		out[n] = append(out[n], Ref{Name: name, Href: href})
	}
	for _, c := range v.BottomLine {
		add(c.Sentence, "bottom line", "index.html#bottom-line")
	}
	for _, s := range v.KeyPassages {
		add(s.Index, "key passage", "index.html#bottom-line")
	}
	for _, in := range v.Incidents {
		add(in.Sentence, "incident: "+in.Type, "index.html#incidents")
		for _, sp := range in.Support {
			add(sp.Sentence, "incident: "+in.Type, "index.html#incidents")
		}
	}
	for _, p := range v.Proposals {
		add(p.Sentence, "option: "+p.Mechanism, "index.html#options")
		for _, sp := range p.Support {
			add(sp.Sentence, "option: "+p.Mechanism, "index.html#options")
		}
	}
	for _, q := range v.Quotes {
		add(q.Sentence, "quote", "index.html#notable-quotes")
	}
	outside := "index.html#captions-bios-and-comments"
	for _, in := range v.ApartIncidents {
		add(in.Sentence, "not a finding: incident", outside)
	}
	for _, p := range v.ApartProposals {
		add(p.Sentence, "not a finding: option", outside)
	}
	return out
}
