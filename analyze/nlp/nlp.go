package nlp

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/brief-tool/brief/analyze"
)

// Entity is a span the statistical recogniser labels: PERSON, GPE, ORG...
// Start and End index Doc.Text.
type Entity struct {
	Text  string
	Label string
	Start int
	End   int
}

// NLP segments, tokenises, tags and recognises entities. It is safe for
// concurrent use; the models behind it are shared by the whole process.
type NLP struct {
	seg    *segment.Segmenter
	tok    *tokenize.Tokenizer
	tagger tag.Interface
	lem    *lemmaTable
}

var shared = sync.OnceValues(func() (p *NLP, err error) {
	defer recoverTo(&err, "load models")
	p = &NLP{tok: tokenize.New()}
	if p.seg, err = segment.New(); err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	if p.tagger, err = tag.Open(tag.Default); err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	if p.lem, err = lemmaOnce(); err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	return p, nil
})

var lemmaOnce = sync.OnceValues(func() (*lemmaTable, error) { return loadLemmas(lemmasBin) })

// Known reports whether the lemmatizer's English dictionary has word, as
// NLP.Known does, without waiting for the other models: the rules read it
// while they load.
func Known(word string) bool {
	t, err := lemmaOnce()
	return err == nil && t.InDict(word)
}

// New returns the process's NLP, loading the models on first use.
func New() (*NLP, error) { return shared() }

func recoverTo(err *error, what string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("nlp: %s: internal error: %v", what, r)
	}
}

// Segment fills a.Sentences: each paragraph is segmented on its own, so no
// sentence crosses a blank line or a section boundary, and every sentence's
// tokens are tagged.
func (p *NLP) Segment(a *analyze.Analysis) error {
	return p.SegmentContext(context.Background(), a, DefaultLimits)
}

// SegmentContext is Segment with the work per sentence bounded by lim (see
// Limits; what it cuts is recorded in a.Warnings), stopping with ctx's
// error when ctx is done.
func (p *NLP) SegmentContext(ctx context.Context, a *analyze.Analysis, lim Limits) (err error) {
	defer recoverTo(&err, "segment "+a.Doc.Path)
	lim = lim.orDefault()
	text := a.Doc.Text
	a.Sentences = a.Sentences[:0]
	for _, para := range a.Paragraphs {
		// A list marker ("1. ", "- ") is not part of the first sentence.
		base := para.Start + listMarker(text[para.Start:para.End])
		for _, piece := range glued(text[base:para.End]) {
			from := base + piece[0]
			src := text[from : base+piece[1]]
			for _, s := range lim.cutSentences(a, from, src, joinAbbreviations(src, p.seg.Segment(src))) {
				if err := ctx.Err(); err != nil {
					return err
				}
				start := from + s.Start
				end := from + s.End()
				sent := analyze.Sentence{
					Index:   len(a.Sentences),
					Start:   start,
					End:     end,
					Section: para.Section,
					Text:    text[start:end],
				}
				sent.Tokens = p.tag(lim.boundedTokenize(a, p.tok, sent.Text, start), start)
				a.Sentences = append(a.Sentences, sent)
			}
		}
	}
	return nil
}

// glued cuts s where a sentence ends with no space before the next one,
// as pages copied from the web often have ("the agreement.Under the
// agreement", "in 1953.They"): a full stop, question or exclamation mark
// between a lower-case letter or a digit and a capital followed by a
// lower-case letter or a space. It
// returns the pieces' byte ranges.
func glued(s string) [][2]int {
	var out [][2]int
	from := 0
	for i := 1; i+2 < len(s); i++ {
		switch s[i] {
		case '.', '?', '!':
		default:
			continue
		}
		if !(s[i-1] >= 'a' && s[i-1] <= 'z' || s[i-1] >= '0' && s[i-1] <= '9') {
			continue
		}
		// Closing quotation marks and brackets stay with the sentence
		// they close: `war."A joint committee`.
		j := i + 1
		for j < len(s) {
			if strings.HasPrefix(s[j:], "”") || strings.HasPrefix(s[j:], "’") {
				j += len("”")
			} else if s[j] == '"' || s[j] == '\'' || s[j] == ')' {
				j++
			} else {
				break
			}
		}
		if j+1 < len(s) && s[j] >= 'A' && s[j] <= 'Z' && (s[j+1] >= 'a' && s[j+1] <= 'z' || s[j+1] == ' ') {
			out = append(out, [2]int{from, j})
			from = j
			i = j
		}
	}
	return append(out, [2]int{from, len(s)})
}

// listMarker returns the length of a leading list marker and the spaces
// after it: "1. ", "2) ", "- ", "• ".
func listMarker(s string) int {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		i += 2
	} else if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") {
		i = 2
	} else if strings.HasPrefix(s, "• ") {
		i = len("• ")
	} else {
		return 0
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// tokens tokenises and tags s, whose first byte is at offset base.
func (p *NLP) tokens(s string, base int) []analyze.Token {
	return p.tag(p.tok.Tokenize(s), base)
}

// tag repairs and tags the tokens of a text whose first byte is at offset
// base.
func (p *NLP) tag(toks []token.Token, base int) []analyze.Token {
	toks = splitMarks(toks)
	texts := make([]string, len(toks))
	open := false
	for i := range toks {
		texts[i] = toks[i].Text
		toks[i].Text = forTagger(texts[i])
		if texts[i] == `"` {
			// A straight quotation mark opens or closes by its count, as
			// the tagger's treebank writes them (`` and '').
			if toks[i].Text = "``"; open {
				toks[i].Text = "''"
			}
			open = !open
		}
	}
	p.tagger.TagTokens(toks)
	p.retagCommand(toks)
	p.retagVerbs(toks)
	out := make([]analyze.Token, len(toks))
	for i, t := range toks {
		text := texts[i]
		out[i] = analyze.Token{Text: text, Tag: t.Tag, Lemma: p.lemma(text, t.Tag), Lower: strings.ToLower(text), Start: base + t.Start, End: base + t.Start + len(text)}
	}
	return out
}

// Tokens tokenises and tags a phrase, offsets relative to it.
func (p *NLP) Tokens(s string) (toks []analyze.Token, err error) {
	defer recoverTo(&err, "tokenize")
	return p.tokens(s, 0), nil
}

// irregular fills the lemmatizer's gaps for verbs it reads as nouns.
var irregular = map[string]string{"shot": "shoot", "downed": "down", "fought": "fight", "flew": "fly",
	"spoke": "speak", "spoken": "speak", "blew": "blow", "blown": "blow", "told": "tell", "sought": "seek",
	"flown": "fly", "overflew": "overfly", "overflown": "overfly", "led": "lead", "held": "hold", "sank": "sink", "sunk": "sink",
	"broke": "break", "broken": "break", "struck": "strike", "stricken": "strike", "hit": "hit", "fled": "flee", "sent": "send"}

// lemma returns the lower-case base form of word; tag disambiguates verbs.
func (p *NLP) lemma(word, tag string) string {
	w := strings.ToLower(word)
	// Irregular verb forms that are also nouns ("spoke", "shot") take
	// their verb lemma whatever the tag: the tagger misreads them often,
	// and the incidents stage checks the context itself.
	if l, ok := irregular[w]; ok && (strings.HasPrefix(tag, "VB") || strings.HasPrefix(tag, "NN")) {
		return l
	}
	if !strings.HasPrefix(tag, "VB") && !strings.HasPrefix(tag, "NN") && !strings.HasPrefix(tag, "JJ") {
		return w
	}
	// A singular noun or a plain adjective is its own base form; the
	// dictionary, which knows no parts of speech, would make "crew" the
	// past of "crow".
	if tag == "NN" || tag == "NNP" || tag == "JJ" {
		return w
	}
	l := p.lem.Lemma(w)
	if l == w && (tag == "VBG" || tag == "VBD" || tag == "VBN") {
		// The dictionary knows some participles only as nouns
		// ("shooting", "boarding", "building"): the verb is the stem.
		if v := p.verbStem(w); v != "" {
			return v
		}
	}
	return l
}

// verbStem returns the verb an -ing or -ed form is made from, when the
// dictionary knows it: shooting -> shoot, ramming -> ram, seizing -> seize.
func (p *NLP) verbStem(w string) string {
	var stem string
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		stem = w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		stem = w[:len(w)-2]
	default:
		return ""
	}
	cands := []string{stem, stem + "e"}
	if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
		cands = append(cands, stem[:n-1])
	}
	for _, c := range cands {
		if p.lem.InDict(c) {
			return c
		}
	}
	return ""
}

// Known reports whether the lemmatizer's English dictionary has word (lower
// case): rules use it to keep only real words among derived forms.
func (p *NLP) Known(word string) bool { return p.lem.InDict(word) }

// Lemma returns the lower-case base form of a word tagged tag.
func (p *NLP) Lemma(word, tag string) string { return p.lemma(word, tag) }

// retagCommand re-tags a sentence whose first word the tagger read as a
// name because of its capital, when in lower case it is a base verb:
// recommendations in lists open with commands ("Establish a hotline",
// "Notify each other"). The word is tagged again after "to", where a verb
// can only be read as one.
func (p *NLP) retagCommand(toks []token.Token) {
	if len(toks) < 2 || toks[0].Tag != "NNP" || !p.lem.InDict(strings.ToLower(toks[0].Text)) {
		return
	}
	switch toks[1].Tag {
	case "DT", "PRP", "PRP$", "JJ", "NN", "NNS", "RP", "CD", "IN", "TO":
	default:
		return
	}
	again := make([]token.Token, len(toks)+1)
	again[0] = token.Token{Text: "to"}
	copy(again[1:], toks)
	again[1].Text = strings.ToLower(again[1].Text)
	p.tagger.TagTokens(again)
	if again[1].Tag == "VB" {
		toks[0].Tag = "VB"
	}
}

// retagVerbs mends verbs the tagger reads as other words where the
// context leaves no doubt: after "to" or "did" and before an object ("did
// fire/NN on the convoy"), a base form is a verb; between a subject and an
// object ("jets routinely intercept/IN our planes", "the battery shot/NN a
// drone"), a verb form is a finite verb. A word counts as a verb form
// when the tagger reads it as one after "to" (base) or it is an inflected
// form whose lemma differs (past tense).
func (p *NLP) retagVerbs(toks []token.Token) {
	for i := 1; i+1 < len(toks); i++ {
		switch toks[i].Tag {
		case "NN", "IN", "JJ", "RB", "NNS":
		default:
			continue
		}
		for _, repair := range verbRepairs {
			if tag := repair(p, toks, i); tag != "" {
				toks[i].Tag = tag
				break
			}
		}
	}
}

// verbRepairs read token i, which the tagger took for a noun, a
// preposition, an adjective or an adverb, as a verb where its neighbours
// leave no doubt; each returns the tag, or "" to pass.
var verbRepairs = []func(p *NLP, toks []token.Token, i int) string{gerundAfterName, pastAfterSubject, baseAfterTo, bareIrregularPast, finiteBeforeObject}

// gerundAfterName: "the Soviet Union building/NN missile sites".
func gerundAfterName(p *NLP, toks []token.Token, i int) string {
	t, prev, next := toks[i], toks[i-1], toks[i+1]
	if t.Tag == "NN" && strings.HasSuffix(t.Text, "ing") && strings.HasPrefix(prev.Tag, "NNP") &&
		(next.Tag == "DT" || strings.HasPrefix(next.Tag, "JJ") || next.Tag == "CD" || next.Tag == "PRP$") && p.verbStem(strings.ToLower(t.Text)) != "" {
		return "VBG"
	}
	return ""
}

// pastAfterSubject: "troops fought/RB again"; after a name or a pronoun
// even a word read as a noun ("Russia and Ukraine fought/NN over the
// strait"), since a name does not take a noun of that form after it.
func pastAfterSubject(p *NLP, toks []token.Token, i int) string {
	t, prev := toks[i], toks[i-1].Tag
	noun := t.Tag == "NN" || t.Tag == "NNS"
	if noun && !(strings.HasPrefix(prev, "NNP") || prev == "PRP") || !subjectTag(prev) {
		return ""
	}
	if p.pastVerb(strings.ToLower(t.Text)) {
		return "VBD"
	}
	return ""
}

// afterTo reports "to", "did" or "does" before token i, or a conjunction
// after a modal ("should keep ... and refrain/NN from"): a base form
// follows.
func afterTo(toks []token.Token, i int) bool {
	prev := toks[i-1]
	return prev.Tag == "TO" || strings.EqualFold(prev.Text, "did") || strings.EqualFold(prev.Text, "does") ||
		prev.Tag == "CC" && modalBefore(toks, i)
}

// baseAfterTo: "did fire/NN on the convoy"; a sentence that
// opens with "To" is an infinitive, whatever its object ("To clear/JJ
// landmines jointly." in a list of agreed steps).
func baseAfterTo(p *NLP, toks []token.Token, i int) string {
	next := toks[i+1].Tag
	opener := i == 1 && (strings.HasPrefix(next, "NN") || strings.HasPrefix(next, "JJ"))
	if !afterTo(toks, i) || toks[i].Tag == "NNS" || !(objectTag(next) || next == "IN" || next == "RP" || opener) {
		return ""
	}
	if p.baseVerb(strings.ToLower(toks[i].Text)) {
		return "VB"
	}
	return ""
}

// subjectBefore returns the token before i, past any adverbs, and how
// many adverbs stood between.
func subjectBefore(toks []token.Token, i int) (token.Token, int) {
	k := i - 1
	for k > 0 && toks[k].Tag == "RB" {
		k--
	}
	return toks[k], i - 1 - k
}

// bareIrregularPast: "a ship cut/NN in front of".
func bareIrregularPast(p *NLP, toks []token.Token, i int) string {
	subj, _ := subjectBefore(toks, i)
	if subjectTag(subj.Tag) && toks[i-1].Tag != "DT" && bareIrregular[strings.ToLower(toks[i].Text)] && toks[i+1].Tag == "IN" {
		return "VBD"
	}
	return ""
}

// finiteBeforeObject: "jets routinely intercept/IN our planes", "the
// battery shot/NN a drone".
func finiteBeforeObject(p *NLP, toks []token.Token, i int) string {
	t := toks[i]
	subj, adverbs := subjectBefore(toks, i)
	low := strings.ToLower(t.Text)
	if !objectTag(toks[i+1].Tag) || afterTo(toks, i) || !subjectTag(subj.Tag) || !(adverbs > 0 || t.Tag != "NN" || p.pastVerb(low)) {
		return ""
	}
	switch {
	case p.pastVerb(low):
		return "VBD"
	case t.Tag != "NNS" && t.Tag != "NN" && p.baseVerb(low):
		return "VBP"
	}
	return ""
}

// modalBefore reports a modal before token i: a verb coordinated after it
// ("should keep ... and refrain from") is a base form too.
func modalBefore(toks []token.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if toks[k].Tag == "MD" {
			return true
		}
	}
	return false
}

// bareIrregular are verbs whose past is their base form.
var bareIrregular = map[string]bool{"cut": true, "hit": true, "shut": true, "put": true, "set": true, "spread": true, "burst": true}

func objectTag(tag string) bool {
	switch tag {
	case "DT", "PRP$", "PRP", "CD":
		return true
	}
	return strings.HasPrefix(tag, "NNP")
}

func subjectTag(tag string) bool {
	return tag == "NNS" || tag == "NN" || tag == "NNP" || tag == "NNPS" || tag == "PRP"
}

// baseVerb reports whether the tagger reads w as a verb after "to".
func (p *NLP) baseVerb(w string) bool {
	if !p.lem.InDict(w) {
		return false
	}
	toks := []token.Token{{Text: "to"}, {Text: w}, {Text: "the"}, {Text: "ship"}}
	p.tagger.TagTokens(toks)
	return toks[1].Tag == "VB"
}

// pastVerb reports whether w is a past-tense form: its lemma as a verb
// differs from it and it is no plural or gerund.
func (p *NLP) pastVerb(w string) bool {
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ing") {
		return false
	}
	if l, ok := irregular[w]; ok {
		return l != w
	}
	return strings.HasSuffix(w, "ed") && p.lem.Lemma(w) != w
}

// Imperative reports whether a sentence opens with a verb in the base form
// ("Establish a hotline ..."), as recommendations in lists do. The tagger
// reads a capitalised first word as a name too often, so the word is tagged
// again in lower case, in its sentence.
func (p *NLP) Imperative(s analyze.Sentence) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if len(s.Tokens) < 2 {
		return false
	}
	toks := make([]token.Token, len(s.Tokens))
	for i, t := range s.Tokens {
		toks[i] = token.Token{Text: t.Text, Start: t.Start - s.Start}
	}
	toks[0].Text = strings.ToLower(toks[0].Text)
	p.tagger.TagTokens(toks)
	return toks[0].Tag == "VB"
}
