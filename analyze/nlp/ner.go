package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/jdkato/prose/v3/ner/maxentmodel"

	"github.com/brief-tool/brief/analyze"
)

// The entity recogniser is prose's (v3 ner): its English maximum-entropy
// model, its features and its chunking, computed here rather than through
// ner.Extracter.Label for three reasons the profile gave. Label looks up
// every feature once per label (17 features × 13 labels = 221 binary
// searches a token) where one search finds a feature's weights for every
// label, since the model's keys ("name-value-label") are sorted; its shape
// feature compiles two regular expressions a token; and it labels the
// whole sentence, where brief asks only about a few capitalised words.
// The recogniser is a left-to-right classifier whose only memory is the
// previous label, so a window can start at any token whose label is the
// same whatever came before it: the answers are those of prose's Label
// and Chunk over the whole sentence, bit for bit (TestEntitiesMatchProse
// and FuzzEntities compare them).

// entityModel is prose's flat entity model: feature keys sorted bytewise in
// one blob, a weight per key.
type entityModel struct {
	labels  []string
	hist    []string // what the next token sees of each label: "O", "B", "I"
	ends    []string // the chunker's continuation of each label ("B-GPE" -> "I-GPE")
	kinds   []string // the entity type a chunk starting with the label gets
	index   map[string]int
	outside int // index of "O"
	person  int // index of "B-PERSON", -1 if none
	blob    string
	off     []uint32
	weights []float32
}

// histories are the values the previous label can give a token's features.
var histories = [...]string{"O", "B", "I"}

// The model's feature names, in the order prose sums their weights (the
// order matters: float32 addition is not associative).
const (
	fBias = iota
	fWordlist
	fNextpos
	fNextword
	fPos
	fPosPrevtag
	fPrefix3
	fPrevpos
	fPrevtag
	fPrevword
	fShape
	fShapePrevtag
	fSuffix3
	fWord
	fWordNextpos
	fWordLower
	fWordlen
	nFeatures
)

var featureNames = [nFeatures]string{"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

var entityModelOnce = sync.OnceValues(func() (*entityModel, error) {
	return decodeEntityModel(maxentmodel.English)
})

// decodeEntityModel reads prose's flat format (documented in its
// internal/maxent package): "PROSENER", version 1, cardinality, labels,
// keys, key offsets, weights. The keys are a view of data, which must not
// change (embedded data cannot).
func decodeEntityModel(data []byte) (m *entityModel, err error) {
	pos := 0
	take := func(n int) []byte {
		if err != nil || n < 0 || pos+n > len(data) {
			if err == nil {
				err = errors.New("entity model: truncated")
			}
			return nil
		}
		b := data[pos : pos+n]
		pos += n
		return b
	}
	u32 := func() int {
		if b := take(4); b != nil {
			return int(binary.LittleEndian.Uint32(b))
		}
		return 0
	}
	if string(take(8)) != "PROSENER" {
		return nil, errors.New("entity model: not a prose flat entity model")
	}
	if v := u32(); v != 1 {
		return nil, fmt.Errorf("entity model: version %d, want 1", v)
	}
	u32() // cardinality: only prose's probability estimates use it
	m = &entityModel{index: map[string]int{}, outside: -1, person: -1}
	for n := u32(); n > 0 && err == nil; n-- {
		b := take(2)
		if b == nil {
			break
		}
		m.labels = append(m.labels, string(take(int(binary.LittleEndian.Uint16(b)))))
	}
	nKeys, blobLen := u32(), u32()
	blob := take(blobLen)
	offs := take(4 * (nKeys + 1))
	ws := take(4 * nKeys)
	if err != nil {
		return nil, err
	}
	if len(blob) > 0 {
		m.blob = unsafe.String(&blob[0], len(blob))
	}
	m.off = make([]uint32, nKeys+1)
	for i := range m.off {
		m.off[i] = binary.LittleEndian.Uint32(offs[4*i:])
		if int(m.off[i]) > len(blob) || i > 0 && m.off[i] < m.off[i-1] {
			return nil, fmt.Errorf("entity model: bad key offset %d", i)
		}
	}
	m.weights = make([]float32, nKeys)
	for i := range m.weights {
		m.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(ws[4*i:]))
	}
	return m, m.readLabels()
}

// readLabels fills what the labeller and the chunker need of each label.
func (m *entityModel) readLabels() error {
	for i, l := range m.labels {
		m.index[l] = i
		h := strings.Split(l, "-")[0]
		if strings.HasPrefix(l, "V") {
			h = "v"
		}
		if h != "O" && h != "B" && h != "I" {
			return fmt.Errorf("entity model: label %q is not IOB", l)
		}
		m.hist = append(m.hist, h)
		m.ends = append(m.ends, strings.Replace(l, "B", "I", 1))
		kind := ""
		if parts := strings.Split(l, "-"); len(parts) > 1 {
			kind = parts[1]
		}
		m.kinds = append(m.kinds, kind)
		switch l {
		case "O":
			m.outside = i
		case "B-PERSON":
			m.person = i
		}
	}
	if m.outside < 0 {
		return errors.New("entity model: no label O")
	}
	return nil
}

func (m *entityModel) key(i int) string { return m.blob[m.off[i]:m.off[i+1]] }

// add adds to w the weight of every key "prefix<label>" for each label.
// prefix is "name-value-".
func (m *entityModel) add(w []float32, prefix string) {
	lo, hi := 0, len(m.weights)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if m.key(h) < prefix {
			lo = h + 1
		} else {
			hi = h
		}
	}
	for i := lo; i < len(m.weights); i++ {
		k := m.key(i)
		if !strings.HasPrefix(k, prefix) {
			break
		}
		// A longer value with the same start ("word-U-2-O" after
		// "word-U-") is another feature: only an exact label is ours.
		if j, ok := m.index[k[len(prefix):]]; ok {
			w[j] = m.weights[i]
		}
	}
}

// labeller is the recogniser's state for one sentence: the tokens'
// features, computed once, and the weights of the features that do not
// depend on the previous label (all but pos+prevtag, prevtag and
// shape+prevtag).
type labeller struct {
	m      *entityModel
	toks   []analyze.Token
	base   int // the sentence's offset: tokens' Start minus base index src
	lower  []string
	shapes []string
	static [][]float32 // per token: nFeatures × labels, history features zero; nil until needed
	pool   []float32
	key    []byte
	hw     []float32 // history features' weights for one history
	labels []int     // the label of each token labelled
}

var labellers = sync.Pool{New: func() any { return &labeller{} }}

func (l *labeller) reset(m *entityModel, s analyze.Sentence) {
	l.m, l.toks, l.base = m, s.Tokens, s.Start
	n := len(s.Tokens)
	l.lower = resize(l.lower, n)
	l.shapes = resize(l.shapes, n)
	l.static = resize(l.static, n)
	l.labels = resize(l.labels, n)
	for i := range l.static {
		l.static[i] = nil
		l.lower[i], l.shapes[i] = "", ""
	}
	l.pool = l.pool[:0]
	l.hw = resize(l.hw, 3*len(m.labels))
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func (l *labeller) lowerOf(i int) string {
	if l.lower[i] == "" {
		l.lower[i] = strings.ToLower(l.toks[i].Text)
	}
	return l.lower[i]
}

func (l *labeller) shapeOf(i int) string {
	if l.shapes[i] == "" {
		l.shapes[i] = shape(l.toks[i].Text, l.lowerOf(i))
	}
	return l.shapes[i]
}

// feature starts the key of feature f: "name-".
func (l *labeller) feature(f int) *labeller {
	l.key = append(append(l.key[:0], featureNames[f]...), '-')
	return l
}

func (l *labeller) str(s string) *labeller     { l.key = append(l.key, s...); return l }
func (l *labeller) lowered(s string) *labeller { l.key = appendLower(l.key, s); return l }
func (l *labeller) num(n int) *labeller        { l.key = strconv.AppendInt(l.key, int64(n), 10); return l }

// into ends the key ("-") and sets w to the feature's weight for each
// label.
func (l *labeller) into(w []float32) {
	l.key = append(l.key, '-')
	l.m.add(w, unsafe.String(&l.key[0], len(l.key)))
}

// staticWeights returns token i's weights of the features that do not
// depend on the previous label, computed as prose's extractInto does.
func (l *labeller) staticWeights(i int) []float32 {
	if w := l.static[i]; w != nil {
		return w
	}
	nl := len(l.m.labels)
	if cap(l.pool)-len(l.pool) < nFeatures*nl {
		// Earlier tokens keep their slices of the old pool.
		l.pool = make([]float32, 0, max(2*cap(l.pool), 16*nFeatures*nl))
	}
	w := l.pool[len(l.pool) : len(l.pool)+nFeatures*nl]
	l.pool = l.pool[:len(l.pool)+nFeatures*nl]
	clear(w)
	at := func(f int) []float32 { return w[f*nl : (f+1)*nl] }
	t := l.toks[i]
	word, last := t.Text, i == len(l.toks)-1
	l.feature(fBias).str("True").into(at(fBias))
	if basicWords[word] {
		l.feature(fWordlist).str("True").into(at(fWordlist))
	} else {
		l.feature(fWordlist).str("False").into(at(fWordlist))
	}
	if last {
		l.feature(fNextpos).str("None").into(at(fNextpos))
		l.feature(fNextword).str("None").into(at(fNextword))
		l.feature(fWordNextpos).str(l.lowerOf(i)).str("+None").into(at(fWordNextpos))
	} else {
		l.feature(fNextpos).lowered(l.toks[i+1].Tag).into(at(fNextpos))
		l.feature(fNextword).str(l.lowerOf(i + 1)).into(at(fNextword))
		l.feature(fWordNextpos).str(l.lowerOf(i)).str("+").lowered(l.toks[i+1].Tag).into(at(fWordNextpos))
	}
	l.feature(fPos).str(t.Tag).into(at(fPos))
	l.feature(fPrefix3).lowered(word[:min(len(word), 3)]).into(at(fPrefix3))
	if i == 0 {
		l.feature(fPrevpos).str("None").into(at(fPrevpos))
		l.feature(fPrevword).str("None").into(at(fPrevword))
	} else {
		l.feature(fPrevpos).str(l.toks[i-1].Tag).into(at(fPrevpos))
		l.feature(fPrevword).str(l.lowerOf(i - 1)).into(at(fPrevword))
	}
	l.feature(fShape).str(l.shapeOf(i)).into(at(fShape))
	l.feature(fSuffix3).lowered(word[len(word)-min(len(word), 3):]).into(at(fSuffix3))
	l.feature(fWord).str(word).into(at(fWord))
	l.feature(fWordLower).str(l.lowerOf(i)).into(at(fWordLower))
	l.feature(fWordlen).num(len(word)).into(at(fWordlen))
	l.static[i] = w
	return w
}

// label returns the label of token i when the token before it had the
// history value prev ("O", "B" or "I"; ignored for the first token).
func (l *labeller) label(i int, prev string) int {
	st := l.staticWeights(i)
	nl := len(l.m.labels)
	hw := l.hw
	clear(hw)
	prevtag, prevShape := prev, "None"
	if i == 0 {
		prevtag = "None"
	} else if i > 1 {
		// prose leaves the previous shape "None" for the second token too.
		prevShape = l.shapeOf(i - 1)
	}
	l.feature(fPosPrevtag).str(l.toks[i].Tag).str("+").str(prevtag).into(hw[0:nl])
	l.feature(fPrevtag).str(prevtag).into(hw[nl : 2*nl])
	l.feature(fShapePrevtag).str(prevShape).str("+").str(prevtag).into(hw[2*nl : 3*nl])
	best, bestScore := 0, float32(math.Inf(-1))
	for j := 0; j < nl; j++ {
		var total float32
		for f := 0; f < nFeatures; f++ {
			switch f {
			case fPosPrevtag:
				total += hw[j]
			case fPrevtag:
				total += hw[nl+j]
			case fShapePrevtag:
				total += hw[2*nl+j]
			default:
				total += st[f*nl+j]
			}
		}
		if total > bestScore {
			best, bestScore = j, total
		}
	}
	return best
}

// settled reports whether token i (not the first) is outside any entity
// whatever labels came before it, and leaves the chunker empty: labelled
// "O" under every history, not a number, and not of its predecessor's tag
// (either would extend an open chunk).
func (l *labeller) settled(i int) bool {
	if l.toks[i].Tag == "CD" || l.toks[i].Tag == l.toks[i-1].Tag {
		return false
	}
	for _, h := range histories {
		if l.label(i, h) != l.m.outside {
			return false
		}
	}
	return true
}

// chunker is prose's ner.Extracter.Chunk, a token at a time.
type chunker struct {
	parts []int
	end   string
}

func (l *labeller) chunk(c *chunker, i int, src string, out []Entity) []Entity {
	m, t := l.m, l.toks[i]
	lab := m.labels[l.labels[i]]
	idx := len(c.parts)
	if (lab != "O" && lab != c.end) ||
		(idx > 0 && t.Tag == l.toks[c.parts[idx-1]].Tag) ||
		(idx > 0 && t.Tag == "CD" && l.labels[c.parts[idx-1]] != m.outside) {
		c.end = m.ends[l.labels[i]]
		c.parts = append(c.parts, i)
	} else if (lab == "O" && c.end != "") || lab == c.end {
		if lab != "O" {
			c.parts = append(c.parts, i)
		}
		out = append(out, l.coalesce(c.parts, src))
		c.end = ""
		c.parts = c.parts[:0]
	}
	return out
}

// coalesce is prose's: the entity's text is the source between its first
// and last tokens; a chunk of two tokens with a B-PERSON is a person.
func (l *labeller) coalesce(parts []int, src string) Entity {
	m := l.m
	kind := m.kinds[l.labels[parts[0]]]
	if len(parts) == 2 && (l.labels[parts[0]] == m.person || l.labels[parts[1]] == m.person) {
		kind = "PERSON"
	}
	first, last := l.toks[parts[0]], l.toks[parts[len(parts)-1]]
	start, end := first.Start-l.base, last.Start-l.base+len(last.Text)
	if start < 0 || end > len(src) || start > end {
		return Entity{Label: kind, Start: l.base, End: l.base}
	}
	return Entity{Text: strings.TrimSpace(src[start:end]), Label: kind, Start: l.base + start, End: l.base + end}
}

// entities labels the sentence's tokens in the ranges asked for (token
// indexes, sorted, not overlapping; nil for all) and returns the entities
// prose would find over the whole sentence that contain a token of a range.
func (l *labeller) entities(src string, ranges [][2]int) []Entity {
	n := len(l.toks)
	if ranges == nil {
		ranges = [][2]int{{0, n}}
	}
	var out []Entity
	var c chunker
	next, prev := 0, "O" // tokens [0, next) are labelled; prev is the last one's history
	for _, r := range ranges {
		from, to := r[0], r[1]
		if to <= next {
			continue
		}
		if from > next {
			// Start at the last settled token before the range, if any
			// since the last window; else go on from where it stopped.
			for k := from - 1; k >= max(next, 1); k-- {
				if l.settled(k) {
					next, prev = k+1, "O"
					l.labels[k] = l.m.outside
					break
				}
			}
		}
		for ; next < n && (next < to || len(c.parts) > 0); next++ {
			l.labels[next] = l.label(next, prev)
			prev = l.m.hist[l.labels[next]]
			out = l.chunk(&c, next, src, out)
		}
	}
	// A chunk still open at the end of the sentence is dropped, as prose's
	// Chunk drops it.
	return out
}

// Entities runs the statistical recogniser over one sentence: what prose's
// ner.Extracter.Label and Chunk find, with offsets into Doc.Text.
func (p *NLP) Entities(s analyze.Sentence) (ents []Entity, err error) {
	return p.EntitiesNear(s, nil)
}

// EntitiesNear returns the entities the recogniser finds in sentence s that
// overlap one of spans (byte offsets into Doc.Text; nil means the whole
// sentence): the same entities, in the same order, as Entities(s) gives
// over those spans, at the cost of labelling only the tokens around them.
func (p *NLP) EntitiesNear(s analyze.Sentence, spans []analyze.Span) (ents []Entity, err error) {
	defer recoverTo(&err, "entities")
	m, err := entityModelOnce()
	if err != nil {
		return nil, err
	}
	if len(s.Tokens) == 0 {
		return nil, nil
	}
	var ranges [][2]int
	if spans != nil {
		ranges = tokenRanges(s.Tokens, spans)
		if len(ranges) == 0 {
			return nil, nil
		}
	}
	l := labellers.Get().(*labeller)
	defer labellers.Put(l)
	l.reset(m, s)
	for _, e := range l.entities(s.Text, ranges) {
		if spans == nil || overlaps(e, spans) {
			ents = append(ents, e)
		}
	}
	return ents, nil
}

// tokenRanges returns, for each span, the tokens that overlap it, as
// sorted, merged ranges of token indexes.
func tokenRanges(toks []analyze.Token, spans []analyze.Span) [][2]int {
	var rs [][2]int
	for _, sp := range spans {
		i := 0
		for i < len(toks) && toks[i].Start+len(toks[i].Text) <= sp.Start {
			i++
		}
		j := i
		for j < len(toks) && toks[j].Start < sp.End {
			j++
		}
		if i < j {
			rs = append(rs, [2]int{i, j})
		}
	}
	// Sort by start (few ranges: insertion sort) and merge.
	for a := 1; a < len(rs); a++ {
		for b := a; b > 0 && rs[b][0] < rs[b-1][0]; b-- {
			rs[b], rs[b-1] = rs[b-1], rs[b]
		}
	}
	merged := rs[:0]
	for _, r := range rs {
		if k := len(merged); k > 0 && r[0] <= merged[k-1][1] {
			merged[k-1][1] = max(merged[k-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

func overlaps(e Entity, spans []analyze.Span) bool {
	for _, sp := range spans {
		if e.Start < sp.End && sp.Start < e.End {
			return true
		}
	}
	return false
}

// shape is prose's ner shape feature without its regular expressions
// (`\W+$` and `\w+$`, compiled on every call there): "number" for what
// strconv.ParseFloat reads, "punct" when the word ends in a non-word
// character, else "downcase", "upcase" (strings.Title leaves it as it is)
// or "mixedcase"; "other" for the empty word. lower is
// strings.ToLower(word).
func shape(word, lower string) string {
	if numeric(word) {
		return "number"
	}
	if word == "" {
		return "other"
	}
	// A multi-byte rune (or an invalid byte) is \W to Go's regexp, and
	// an ASCII byte never occurs inside one: the last byte decides.
	if !wordByte(word[len(word)-1]) {
		return "punct"
	}
	if lower == word {
		return "downcase"
	}
	if titled(word) {
		return "upcase"
	}
	return "mixedcase"
}

// numeric is strconv.ParseFloat(s, 64) == nil, without the error value
// ParseFloat allocates for every word that is no number: a number starts
// with a sign, a digit, a dot, or is an infinity or NaN.
func numeric(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '.', c == '+', c == '-', c == 'i', c == 'I', c == 'n', c == 'N':
		_, err := strconv.ParseFloat(s, 64)
		return err == nil
	}
	return false
}

func wordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// titled is strings.Title(s) == s: every letter that begins a word is
// already in title case. ASCII words are checked without building the
// title-cased copy.
func titled(s string) bool {
	if !isASCII(s) {
		//lint:ignore SA1019 the model was trained on strings.Title's shapes
		return strings.Title(s) == s //nolint:staticcheck
	}
	prevSep := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if prevSep && c >= 'a' && c <= 'z' {
			return false
		}
		prevSep = !wordByte(c)
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(s), without a copy for ASCII.
func appendLower(b []byte, s string) []byte {
	if !isASCII(s) {
		return append(b, strings.ToLower(s)...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
