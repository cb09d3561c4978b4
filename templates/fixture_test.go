package templates

import (
	"fmt"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/digest"
)

// The tests render small analyses built here, not the corpus: what they
// check does not move when the extractors improve.

// line is one sentence of a fixture and the section it belongs to.
type line struct {
	sec  analyze.SectionKind
	text string
}

// newDoc lays out lines as a document: sentences of one section run
// together in a paragraph, sections are separated by a blank line.
func newDoc(id, title, published string, lines []line) *analyze.Analysis {
	a := &analyze.Analysis{Doc: analyze.Doc{
		ID: id, Path: "corpus/" + id + ".md", Title: title, Published: published,
		SHA256: strings.Repeat("ab", 32), Format: "md",
	}}
	var b strings.Builder
	for i, l := range lines {
		newSection := i == 0 || lines[i-1].sec != l.sec
		// A line starting with ¶ opens a paragraph of its own.
		newPara := strings.HasPrefix(l.text, "¶")
		l.text = strings.TrimPrefix(l.text, "¶")
		switch {
		case i == 0:
		case newSection || newPara:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
		start := b.Len()
		b.WriteString(l.text)
		a.Sentences = append(a.Sentences, analyze.Sentence{Index: i, Start: start, End: b.Len(), Section: l.sec, Text: l.text})
		if newSection {
			a.Sections = append(a.Sections, analyze.Section{Kind: l.sec, Start: start, End: b.Len()})
			a.Paragraphs = append(a.Paragraphs, analyze.Paragraph{Span: analyze.Span{Start: start, End: b.Len()}, Section: l.sec})
		} else if newPara {
			a.Sections[len(a.Sections)-1].End = b.Len()
			a.Paragraphs = append(a.Paragraphs, analyze.Paragraph{Span: analyze.Span{Start: start, End: b.Len()}, Section: l.sec})
		} else {
			a.Sections[len(a.Sections)-1].End = b.Len()
			a.Paragraphs[len(a.Paragraphs)-1].End = b.Len()
		}
	}
	a.Doc.Text = b.String()
	return a
}

// actor adds an actor mentioned in sentences by the word given for each.
func actor(a *analyze.Analysis, id, name, kind, country string, salience float64, mentions map[int]string) {
	ac := analyze.Actor{ID: id, Name: name, Kind: kind, Country: country, Salience: salience}
	for i := 0; i < len(a.Sentences); i++ {
		w, ok := mentions[i]
		if !ok {
			continue
		}
		s := a.Sentences[i]
		off := strings.Index(s.Text, w)
		if off < 0 {
			panic(fmt.Sprintf("fixture: %q not in sentence %d", w, i))
		}
		ac.Mentions = append(ac.Mentions, analyze.Mention{Text: w, Sentence: i, Start: s.Start + off, End: s.Start + off + len(w), Section: s.Section})
	}
	a.Actors = append(a.Actors, ac)
}

func incident(a *analyze.Analysis, n int, typ, date, prec string, agents, targets []string, summary string) {
	s := a.Sentences[n]
	a.Incidents = append(a.Incidents, analyze.Incident{Type: typ, Summary: summary, Date: date, DateText: date, DatePrecision: prec,
		Agents: agents, Targets: targets, Sentence: n, Section: s.Section, Evidence: s.Text, Confidence: 0.8})
}

func proposal(a *analyze.Analysis, n int, mech string, parties []string, proposer, summary string) *analyze.Proposal {
	s := a.Sentences[n]
	a.Proposals = append(a.Proposals, analyze.Proposal{Mechanism: mech, Summary: summary, Parties: parties, Proposer: proposer,
		Sentence: n, Section: s.Section, Evidence: s.Text, Confidence: 0.75})
	return &a.Proposals[len(a.Proposals)-1]
}

// gulf is an op-ed: title, byline, caption, a body with incidents, a quote
// and a recommendation, an author bio and a reader comment.
func gulf() *analyze.Analysis {
	a := newDoc("gulf-2019", "Tanker for Tanker", "2019-10-01", []line{
		{analyze.SectionTitle, "Tanker for Tanker"},
		{analyze.SectionByline, "By Jane Roe"},
		{analyze.SectionCaption, "A tanker at anchor near Bandar Abbas, where Iran held it (Reuters)"},
		{analyze.SectionBody, "On July 4, 2019, British Royal Marines seized the Iranian tanker Grace 1 off Gibraltar."},
		{analyze.SectionBody, "On July 19, 2019, the Revolutionary Guards seized the British tanker Stena Impero in the Strait of Hormuz."},
		{analyze.SectionBody, "Iran's foreign minister said: “We will not be bullied by anyone at sea.”"},
		{analyze.SectionBody, "The seizures of the tanker and of the British tanker left both navies one order away from a clash at sea."},
		{analyze.SectionBody, "Britain and Iran should set up a direct line between their navies in the Gulf."},
		{analyze.SectionBody, "A direct line would let navy commanders talk before a tanker seizure turns into a clash."},
		{analyze.SectionBody, "The 1972 Incidents at Sea agreement shows that rivals can agree on rules."},
		{analyze.SectionBody, "¶What the navies need"},
		{analyze.SectionBody, "¶Gen. Frank McKenzie said Oman could host the talks, but a line cannot settle the dispute."},
		{analyze.SectionBio, "Jane Roe is a fellow at the Institute."},
		{analyze.SectionComments, "Iran should be sanctioned harder, says a reader."},
	})
	a.Doc.Authors = []string{"Jane Roe"}
	a.Doc.Source = "Harbour Review"
	a.Doc.URL = "https://example.org/tanker-for-tanker"
	actor(a, "IRN", "Iran", analyze.KindState, "IRN", 1, map[int]string{2: "Iran", 3: "Iranian", 5: "Iran", 7: "Iran", 13: "Iran"})
	actor(a, "GBR", "United Kingdom", analyze.KindState, "GBR", 0.8, map[int]string{3: "British", 4: "British", 7: "Britain"})
	actor(a, "irgc", "Islamic Revolutionary Guard Corps", analyze.KindMilitary, "IRN", 0.5, map[int]string{4: "Revolutionary Guards"})
	actor(a, "royal-marines", "Royal Marines", analyze.KindMilitary, "GBR", 0.4, map[int]string{3: "Royal Marines"})
	actor(a, "reuters-person", "Bandar Abbas Port Authority", analyze.KindOrganization, "IRN", 0, map[int]string{2: "Bandar Abbas"})
	// The dictionary's name differs from the text's: the pack shows the
	// text's.
	actor(a, "kenneth-mckenzie", "Kenneth McKenzie", analyze.KindPerson, "USA", 0.3, map[int]string{11: "Frank McKenzie"})
	actor(a, "OMN", "Oman", analyze.KindState, "OMN", 0.2, map[int]string{11: "Oman"})
	incident(a, 3, "seizure", "2019-07-04", "day", []string{"royal-marines"}, []string{"IRN"}, "British Royal Marines seized the Iranian tanker Grace 1")
	incident(a, 4, "seizure", "2019-07-19", "day", []string{"irgc"}, []string{"GBR"}, "The Revolutionary Guards seized the British tanker Stena Impero")
	// As the incidents extractor fills them: the trigger and the object
	// as written.
	a.Incidents[1].Trigger, a.Incidents[1].Object, a.Incidents[1].Location = "seized", "the British tanker Stena Impero", "Strait of Hormuz"
	incident(a, 6, "threat", "", "", nil, nil, "Both navies one order away from a clash")
	p := proposal(a, 7, "hotline", []string{"GBR", "IRN"}, "authors", "Set up a direct line between their navies in the Gulf")
	p.Rationale = []string{"A direct line would let navy commanders talk before a tanker seizure turns into a clash."}
	p.Precedents = []string{"The 1972 Incidents at Sea agreement"}
	p.Caveats = []string{"A line cannot settle the dispute."}
	p.Mediators = []string{"OMN"}
	p.Where = "Gulf"
	p.Support = []analyze.Support{{Sentence: 8, Section: analyze.SectionBody, Evidence: a.Sentences[8].Text}}
	proposal(a, 13, "other", []string{"IRN"}, "authors", "Sanction Iran harder")
	digest.New().Apply(a)
	return a
}

// strait reports one of gulf's incidents a day later, naming Iran where
// gulf names the IRGC: the corpus timeline merges them.
func strait() *analyze.Analysis {
	a := newDoc("strait-2019", "Seizure in the Strait", "2019-08-01", []line{
		{analyze.SectionTitle, "Seizure in the Strait"},
		{analyze.SectionBody, "On July 20, 2019, Iran seized the Stena Impero near Hormuz."},
		{analyze.SectionBody, "Iran and the United Kingdom should agree to notify each other of boardings."},
		{analyze.SectionBody, "In 1972 Moscow and Washington agreed to rules for their navies."},
	})
	actor(a, "IRN", "Iran", analyze.KindState, "IRN", 1, map[int]string{1: "Iran", 2: "Iran"})
	actor(a, "GBR", "United Kingdom", analyze.KindState, "GBR", 0.6, map[int]string{2: "United Kingdom"})
	incident(a, 1, "seizure", "2019-07-20", "day", []string{"IRN"}, []string{"GBR"}, "Iran seized the Stena Impero")
	incident(a, 3, "cooperation", "1972", "year", []string{"SUN", "USA"}, nil, "Moscow and Washington agreed to rules for their navies")
	proposal(a, 2, "notification", []string{"IRN", "GBR"}, "authors", "Notify each other of boardings")
	digest.New().Apply(a)
	return a
}

// payload is text that would be markup if it reached Markdown or HTML
// unescaped: a table cell edge, emphasis, a tag, a link, a code span.
const payload = "A|B *em* <script>alert(1)</script> [x](y) _u_ ~~s~~ `c` &amp; # 1. "

// hostile puts payload in every string a template shows.
func hostile() *analyze.Analysis {
	p := payload
	a := newDoc("hostile", "Title "+p, "2020-01-02", []line{
		{analyze.SectionTitle, "Title " + p},
		{analyze.SectionBody, "First " + p + " said “quoted words " + p + " end here” today."},
		{analyze.SectionBody, "Second sentence " + p + " about the actors and their ships."},
		{analyze.SectionBody, "Third sentence names the actor " + p + " and its ships again."},
		{analyze.SectionCaption, "Caption " + p},
	})
	a.Doc.Authors = []string{"Author " + p}
	a.Doc.Source = "Source " + p
	a.Doc.URL = "javascript:alert(1)"
	a.Doc.Path = "corpus/" + p + ".md"
	actor(a, "evil", "Actor "+p, "kind "+p, "C|Y", 1, map[int]string{1: "First", 3: "actor"})
	a.Actors[0].Role = "Role " + p
	actor(a, "evil2", "Other "+p, analyze.KindPerson, "", 0.5, map[int]string{1: "said", 2: "Second"})
	actor(a, "aside", "Aside "+p, analyze.KindGroup, "", 0, map[int]string{4: "Caption"})
	incident(a, 1, "type "+p, "2020-01-01", "day", []string{"evil"}, []string{"evil2", "unknown " + p}, "Summary "+p)
	a.Incidents[0].Location = "Location " + p
	pr := proposal(a, 2, "mech "+p, []string{"evil", "evil2"}, "evil2", "Proposal "+p)
	pr.Rationale = []string{"Rationale " + p}
	pr.Caveats = []string{"Caveat " + p}
	pr.Precedents = []string{"Precedent " + p}
	proposal(a, 4, "mech "+p, nil, "authors", "Aside proposal "+p)
	a.Normalize()
	return a
}
