package match

import (
	"fmt"
	"strings"
)

// MaxLabels bounds the labels of one Grammar: word classes and layers
// together. Label sets are fixed-size bit sets, so testing one costs no
// allocation.
const MaxLabels = 512

// MaxCaptures bounds the named captures one pattern may use.
const MaxCaptures = 8

// Label identifies a word class or a layer of a Grammar.
type Label uint16

// Bits is a set of labels.
type Bits [MaxLabels / 64]uint64

// Set adds l to b.
func (b *Bits) Set(l Label) { b[l/64] |= 1 << (l % 64) }

// Has reports whether l is in b.
func (b *Bits) Has(l Label) bool { return b[l/64]&(1<<(l%64)) != 0 }

// Covers reports whether every label of c is in b.
func (b *Bits) Covers(c *Bits) bool {
	for i := range b {
		if b[i]&c[i] != c[i] {
			return false
		}
	}
	return true
}

func (b *Bits) or(c *Bits) {
	for i := range b {
		b[i] |= c[i]
	}
}

func (b *Bits) and(c *Bits) {
	for i := range b {
		b[i] &= c[i]
	}
}

// Token is one token of a sentence as patterns see it.
type Token struct {
	Lemma string // lower case
	Lower string // the text, lower case
	Tag   string // Penn Treebank
}

// Span is a labelled run of tokens [From, To) of one sentence.
type Span struct {
	Label    Label
	From, To int
}

// POS restricts the first token of a word class entry to a word class of
// the tagger.
type POS uint8

// The parts of speech a class entry may require of its first token.
const (
	AnyPOS    POS = iota
	Verb          // VB*
	Noun          // NN* (common or proper)
	Adjective     // JJ*
)

func (p POS) admits(tag string) bool {
	switch p {
	case Verb:
		return strings.HasPrefix(tag, "VB")
	case Noun:
		return strings.HasPrefix(tag, "NN")
	case Adjective:
		return strings.HasPrefix(tag, "JJ")
	}
	return true
}

// Grammar holds labels, word classes and the captures patterns may name.
// Build it once (AddLayer, AddClass, Compile), then use it from any number
// of goroutines: after construction it is read-only.
type Grammar struct {
	labels   map[string]Label
	names    []string
	classes  map[Label]bool
	families map[Label][]Label // a class's enclosing labels ("event.seizure.verb" is also "event.verb")
	single   map[string][]entry
	phrases  map[string][]entry // by first word
	captures map[string]int
	capNames []string
}

// entry is one way of writing a word class: words to match in order (by
// lemma or text), "~" standing for up to three filler tokens.
type entry struct {
	label Label
	pos   POS
	words []string
}

// NewGrammar returns an empty Grammar.
func NewGrammar() *Grammar {
	return &Grammar{labels: map[string]Label{}, classes: map[Label]bool{}, families: map[Label][]Label{},
		single: map[string][]entry{}, phrases: map[string][]entry{}, captures: map[string]int{}}
}

// label interns name.
func (g *Grammar) label(name string) (Label, error) {
	if l, ok := g.labels[name]; ok {
		return l, nil
	}
	if len(g.names) >= MaxLabels {
		return 0, fmt.Errorf("too many labels (the limit is %d)", MaxLabels)
	}
	l := Label(len(g.names))
	g.labels[name] = l
	g.names = append(g.names, name)
	return l, nil
}

// Lookup returns the label called name, if the grammar has one.
func (g *Grammar) Lookup(name string) (Label, bool) {
	l, ok := g.labels[name]
	return l, ok
}

// Name returns the name of l.
func (g *Grammar) Name(l Label) string { return g.names[l] }

// Labels returns the number of labels defined so far.
func (g *Grammar) Labels() int { return len(g.names) }

// AddLayer declares a label whose spans the caller supplies to Text.Reset.
func (g *Grammar) AddLayer(name string) (Label, error) {
	if !validName(name) {
		return 0, fmt.Errorf("layer %q: a name is letters, digits, '-', '_' and '.'", name)
	}
	return g.label(name)
}

// AddClass defines (or extends) the word class name: each entry is a
// phrase of words, matched by lemma or lower-case text, and pos restricts
// its first token. A class is also a member of every family named: its
// spans carry their labels too.
func (g *Grammar) AddClass(name string, pos POS, phrases []string, families ...string) (Label, error) {
	if !validName(name) {
		return 0, fmt.Errorf("class %q: a name is letters, digits, '-', '_' and '.'", name)
	}
	l, err := g.label(name)
	if err != nil {
		return 0, err
	}
	g.classes[l] = true
	for _, f := range families {
		fl, err := g.label(f)
		if err != nil {
			return 0, err
		}
		g.classes[fl] = true
		if !containsLabel(g.families[l], fl) {
			g.families[l] = append(g.families[l], fl)
		}
	}
	for _, p := range phrases {
		words := strings.Fields(strings.ToLower(p))
		if len(words) == 0 || words[0] == "~" || words[len(words)-1] == "~" {
			return 0, fmt.Errorf("class %s: entry %q: a phrase starts and ends with a word", name, p)
		}
		e := entry{label: l, pos: pos, words: words}
		if len(words) == 1 {
			g.single[words[0]] = append(g.single[words[0]], e)
		} else {
			g.phrases[words[0]] = append(g.phrases[words[0]], e)
		}
	}
	return l, nil
}

// IsClass reports whether l is a word class (or a family of classes)
// rather than a layer.
func (g *Grammar) IsClass(l Label) bool { return g.classes[l] }

func containsLabel(ls []Label, l Label) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

// Capture returns the slot of a capture name, adding it if new.
func (g *Grammar) capture(name string) int {
	if i, ok := g.captures[name]; ok {
		return i
	}
	i := len(g.capNames)
	g.captures[name] = i
	g.capNames = append(g.capNames, name)
	return i
}

// Captures returns the number of capture names the grammar's patterns use.
func (g *Grammar) Captures() int { return len(g.capNames) }

// CaptureName returns the name of capture slot i.
func (g *Grammar) CaptureName(i int) string { return g.capNames[i] }

// CaptureSlot returns the slot of a capture name, or -1 when no pattern
// uses it.
func (g *Grammar) CaptureSlot(name string) int {
	if i, ok := g.captures[name]; ok {
		return i
	}
	return -1
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}
