// Package analyze holds the types every stage of brief shares: the ingested
// Document, its Sections and Sentences, and the Actors, Incidents and
// Proposals the extractors find, gathered in an Analysis. Its JSON form is the
// public contract printed by `brief analyze --format json`
// (schema brief.analysis/v1); add fields freely, never rename or drop one
// without bumping Schema.
//
// The stages live in sub-packages (ingest, nlp, actors, incidents, proposals,
// eval) and the orchestrator that wires them is analyze/pipeline: package
// analyze imports none of them, so every stage can import it.
package analyze

// Schema names the version of the JSON contract.
const Schema = "brief.analysis/v1"

// SectionKind says what part of a page a span of text is. Only the body is
// the document's own voice.
type SectionKind string

// The section kinds the contract lists.
const (
	SectionTitle       SectionKind = "title"
	SectionByline      SectionKind = "byline"
	SectionCaption     SectionKind = "caption"
	SectionBody        SectionKind = "body"
	SectionBio         SectionKind = "bio"
	SectionComments    SectionKind = "comments"
	SectionBoilerplate SectionKind = "boilerplate"
)

// Doc describes one input file. Text is the plain text every offset indexes.
type Doc struct {
	ID        string   `json:"id"`
	Path      string   `json:"path"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"`
	SHA256    string   `json:"sha256"`
	Text      string   `json:"text"`
	// Optional metadata from front matter or HTML meta tags.
	Source string   `json:"source,omitempty"`
	URL    string   `json:"url,omitempty"`
	Tags   []string `json:"tags,omitempty"`
	Kind   string   `json:"kind,omitempty"`
	Format string   `json:"format,omitempty"` // md, txt or html
}

// Section is a span of Doc.Text of one kind; sections are ordered and do not
// overlap.
type Section struct {
	Kind  SectionKind `json:"kind"`
	Start int         `json:"start"`
	End   int         `json:"end"`
}

// Span is a byte range [Start, End) of Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Paragraph is a block of text between blank lines inside one section; the
// segmenter never lets a sentence cross its edges. The source view groups
// sentences by paragraph, so they are part of the contract: a site can be
// rendered from analyses alone (brief build --from-jsonl).
type Paragraph struct {
	Span
	Section SectionKind `json:"section"`
}

// Token is a word or punctuation mark of a sentence with its Penn Treebank
// tag; Start and End index Doc.Text.
type Token struct {
	Text  string
	Tag   string
	Lemma string // lower-case base form ("seized" -> "seize")
	Lower string // Text in lower case
	Start int
	End   int
}

// Sentence is one sentence of Doc.Text. Text == Doc.Text[Start:End].
type Sentence struct {
	Index   int         `json:"index"`
	Start   int         `json:"start"`
	End     int         `json:"end"`
	Section SectionKind `json:"section"`
	Text    string      `json:"text"`
	// Tokens are filled by the NLP stage and are not part of the contract.
	Tokens []Token `json:"-"`
}

// Mention is one place an actor or source is named.
type Mention struct {
	Text     string      `json:"text"`
	Sentence int         `json:"sentence"`
	Start    int         `json:"start"`
	End      int         `json:"end"`
	Section  SectionKind `json:"section"`
}

// Actor kinds.
const (
	KindState        = "state"
	KindPerson       = "person"
	KindOrganization = "organization"
	KindMilitary     = "military"
	KindGroup        = "group"
)

// Actor is a state, person, organisation, military body or armed group,
// resolved to one identity per document.
type Actor struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Kind     string    `json:"kind"`
	Country  string    `json:"country"`
	Role     string    `json:"role"`
	Salience float64   `json:"salience"`
	Mentions []Mention `json:"mentions"`
	// Display is the name as the text writes it ("Frank McKenzie" where
	// the dictionary's Name is "Kenneth F. McKenzie"): the digest stage
	// sets it from the mentions, and it equals Name when the text uses
	// the canonical form or names the actor only in part.
	Display string `json:"display"`
}

// Quantity is a number the text attaches to an incident ("2,500 soldiers").
type Quantity struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// Support is a further sentence stating the same item.
type Support struct {
	Sentence int         `json:"sentence"`
	Section  SectionKind `json:"section"`
	Evidence string      `json:"evidence"`
}

// Incident types.
var IncidentTypes = []string{"attack", "shootdown", "seizure", "interception", "strike", "clash",
	"collision", "deployment", "threat", "sanction", "cooperation", "communication", "other"}

// Incident is something that happened, read from one sentence.
type Incident struct {
	Type          string      `json:"type"`
	Summary       string      `json:"summary"`
	Date          string      `json:"date"`
	DateText      string      `json:"date_text"`
	DatePrecision string      `json:"date_precision"`
	Agents        []string    `json:"agents"`
	Targets       []string    `json:"targets"`
	Location      string      `json:"location"`
	Quantities    []Quantity  `json:"quantities"`
	Sentence      int         `json:"sentence"`
	Section       SectionKind `json:"section"`
	Evidence      string      `json:"evidence"`
	Support       []Support   `json:"support"`
	Confidence    float64     `json:"confidence"`
	Cues          []string    `json:"cues,omitempty"`
	// Trigger is the word or words that report the event, as written
	// ("shot down", "seizure"); Object is what was acted on, as written
	// ("a U.S. RQ-4A drone"), or "".
	Trigger string `json:"trigger"`
	Object  string `json:"object"`
	// Rule names the rule that produced the item; Guards the guards that
	// were checked and let it through (brief analyze --explain says more).
	Rule   string   `json:"rule"`
	Guards []string `json:"guards"`
}

// Proposal mechanisms.
var Mechanisms = []string{"hotline", "agreement", "notification", "separation", "mediation",
	"dialogue", "restraint", "other"}

// Proposal is a de-confliction option the text puts forward.
type Proposal struct {
	Mechanism string `json:"mechanism"`
	Summary   string `json:"summary"`
	// Parties would carry the measure out; Mediators are third parties
	// that would broker, host or monitor it; Where is the theatre or
	// place it is for ("" when the text names none).
	Parties    []string    `json:"parties"`
	Mediators  []string    `json:"mediators"`
	Where      string      `json:"where"`
	Proposer   string      `json:"proposer"`
	Rationale  []string    `json:"rationale"`
	Caveats    []string    `json:"caveats"`
	Precedents []string    `json:"precedents"`
	Cues       []string    `json:"cues"`
	Sentence   int         `json:"sentence"`
	Section    SectionKind `json:"section"`
	Evidence   string      `json:"evidence"`
	Support    []Support   `json:"support"`
	Confidence float64     `json:"confidence"`
	Rule       string      `json:"rule"`
	Guards     []string    `json:"guards"`
}

// LastSentence is the index of the last sentence that states the item:
// the first one or a later one in support.
func LastSentence(first int, support []Support) int {
	last := first
	for _, s := range support {
		if s.Sentence > last {
			last = s.Sentence
		}
	}
	return last
}

// Source is a publication or news agency the text cites: not an actor.
type Source struct {
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
}

// Analysis is everything brief knows about one document.
type Analysis struct {
	Schema    string     `json:"schema"`
	Doc       Doc        `json:"doc"`
	Sections  []Section  `json:"sections"`
	Sentences []Sentence `json:"sentences"`
	Actors    []Actor    `json:"actors"`
	Incidents []Incident `json:"incidents"`
	Proposals []Proposal `json:"proposals"`
	Sources   []Source   `json:"sources"`
	// Digest is what a reader needs first, composed from the findings
	// above by the last stage (analyze/digest).
	Digest     Digest      `json:"digest"`
	Paragraphs []Paragraph `json:"paragraphs"`
	// layers holds each sentence's annotations (see Annotate).
	layers [][]Annotation
	// memo holds views of the document that several stages use (Memo).
	memo map[any]any
	// Trace, when not nil, records how the rules treated each sentence
	// (brief analyze --explain).
	Trace *Trace `json:"-"`

	// Warnings are what brief worked around in this document (see
	// Warning); absent from the JSON when there are none.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Digest is the part of the analysis a briefing leads with: a bottom line
// composed from the findings, the key passages, the notable quotes and the
// main recommendation. Every item points at the sentence that is its
// evidence.
type Digest struct {
	// BottomLine is one to three sentences composed from the findings,
	// as clauses: concatenating each clause's Text and End, separated by
	// spaces, gives the bottom line. Empty when the body has no proposal
	// and no incident.
	BottomLine []Clause `json:"bottom_line"`
	// KeyPassages are the indexes of the two or three body sentences
	// TextRank ranks highest, in text order.
	KeyPassages []int `json:"key_passages"`
	// Quotes are notable direct quotations in the body, in text order.
	Quotes []Quote `json:"quotes"`
	// Recommendation is the index in Proposals of the main
	// recommendation (the authors' own, most confident body proposal),
	// or -1 when the body has none.
	Recommendation int `json:"recommendation"`
}

// Clause roles in a bottom line.
const (
	ClauseProposal  = "proposal"  // what is proposed, between whom, through whom
	ClausePurpose   = "purpose"   // what it is for ("so that ...")
	ClauseIncident  = "incident"  // an incident that prompts it, or that a report reports
	ClauseRationale = "rationale" // the main argument for it
	ClauseCaveat    = "caveat"    // the main caveat
)

// Clause is one clause of a bottom line and the sentence that is its
// evidence.
type Clause struct {
	Role     string `json:"role"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	// End is the punctuation that follows the clause ("," or "."), after
	// the link to its evidence.
	End string `json:"end"`
}

// Quote is a direct quotation in a body sentence.
type Quote struct {
	Text     string `json:"text"` // the quoted words, without the quotation marks
	Sentence int    `json:"sentence"`
	// Speaker is the id of the actor named in the sentence who most
	// likely said it (a person if one is named), or "".
	Speaker string `json:"speaker"`
}

// Normalize replaces nil slices with empty ones so the JSON has [] rather
// than null, as consumers of the contract expect arrays.
func (a *Analysis) Normalize() {
	a.Schema = Schema
	nz(&a.Doc.Authors)
	nz(&a.Sections)
	nz(&a.Sentences)
	nz(&a.Actors)
	nz(&a.Incidents)
	nz(&a.Proposals)
	nz(&a.Sources)
	nz(&a.Paragraphs)
	for i := range a.Actors {
		nz(&a.Actors[i].Mentions)
	}
	nz(&a.Digest.BottomLine)
	nz(&a.Digest.KeyPassages)
	nz(&a.Digest.Quotes)
	for i := range a.Incidents {
		in := &a.Incidents[i]
		nz(&in.Agents)
		nz(&in.Targets)
		nz(&in.Quantities)
		nz(&in.Support)
		nz(&in.Guards)
	}
	for i := range a.Proposals {
		p := &a.Proposals[i]
		nz(&p.Parties)
		nz(&p.Rationale)
		nz(&p.Caveats)
		nz(&p.Precedents)
		nz(&p.Cues)
		nz(&p.Support)
		nz(&p.Mediators)
		nz(&p.Guards)
	}
	for i := range a.Sources {
		nz(&a.Sources[i].Mentions)
	}
}

func nz[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}

// SentenceAt returns the index of the sentence containing byte offset off, or
// -1.
func (a *Analysis) SentenceAt(off int) int {
	lo, hi := 0, len(a.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if a.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(a.Sentences) && a.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// SectionAt returns the kind of the section holding byte offset off, or body
// when none does.
func (a *Analysis) SectionAt(off int) SectionKind {
	for _, s := range a.Sections {
		if off >= s.Start && off < s.End {
			return s.Kind
		}
	}
	return SectionBody
}
