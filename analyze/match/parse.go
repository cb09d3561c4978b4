package match

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SyntaxError is a mistake in a pattern, at byte Offset of its source.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("at %d: %s", e.Offset+1, e.Msg) }

// maxRepeat bounds {m,n}: counts stay small so that compiled programs do.
const maxRepeat = 32

type nodeKind uint8

const (
	nTest nodeKind = iota
	nSpan
	nAny
	nSeq
	nAlt
	nRepeat
	nCapture
	nBegin
	nEnd
)

type node struct {
	kind     nodeKind
	test     *test // nTest; nSpan's head test (may be nil)
	label    Label // nSpan
	kids     []*node
	min, max int // nRepeat; max -1 is unbounded
	slot     int // nCapture
}

type termKey uint8

const (
	keyWord termKey = iota // lemma or text
	keyLemma
	keyText
	keyTag
	keyCover // inside a span of a label
)

type value struct {
	s      string
	prefix bool
}

type term struct {
	neg   bool
	key   termKey
	vals  []value
	label Label
}

// test is a conjunction of terms.
type test struct{ terms []term }

type parser struct {
	g   *Grammar
	src string
	pos int
}

func (g *Grammar) parse(src string) (n *node, err error) {
	p := &parser{g: g, src: src}
	n, err = p.alt()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.src) {
		return nil, p.errorf("unexpected %q", p.src[p.pos:p.pos+1])
	}
	return n, nil
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) space() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n') {
		p.pos++
	}
}

func (p *parser) peek() byte {
	p.space()
	if p.pos >= len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

func (p *parser) alt() (*node, error) {
	first, err := p.seq()
	if err != nil {
		return nil, err
	}
	alts := []*node{first}
	for p.peek() == '|' {
		p.pos++
		n, err := p.seq()
		if err != nil {
			return nil, err
		}
		alts = append(alts, n)
	}
	if len(alts) == 1 {
		return first, nil
	}
	return &node{kind: nAlt, kids: alts}, nil
}

func (p *parser) seq() (*node, error) {
	var items []*node
	for {
		switch p.peek() {
		case 0, '|', ')':
			if len(items) == 0 {
				return nil, p.errorf("empty pattern")
			}
			return &node{kind: nSeq, kids: items}, nil
		}
		n, err := p.item()
		if err != nil {
			return nil, err
		}
		items = append(items, n)
	}
}

func (p *parser) item() (*node, error) {
	n, err := p.atom()
	if err != nil {
		return nil, err
	}
	if n, err = p.quantifier(n); err != nil {
		return nil, err
	}
	if p.pos < len(p.src) && p.src[p.pos] == '@' {
		p.pos++
		name := p.name()
		if name == "" {
			return nil, p.errorf("a capture name follows @")
		}
		slot := p.g.capture(name)
		if slot >= MaxCaptures {
			return nil, p.errorf("too many capture names (the limit is %d)", MaxCaptures)
		}
		n = &node{kind: nCapture, kids: []*node{n}, slot: slot}
	}
	return n, nil
}

func (p *parser) quantifier(n *node) (*node, error) {
	if p.pos >= len(p.src) {
		return n, nil
	}
	if n.kind == nBegin || n.kind == nEnd {
		return n, nil
	}
	lo, hi := 0, 0
	switch p.src[p.pos] {
	case '?':
		lo, hi = 0, 1
	case '*':
		lo, hi = 0, -1
	case '+':
		lo, hi = 1, -1
	case '{':
		start := p.pos
		end := strings.IndexByte(p.src[p.pos:], '}')
		if end < 0 {
			return nil, p.errorf("unclosed {")
		}
		body := p.src[p.pos+1 : p.pos+end]
		p.pos += end
		a, b, ok := strings.Cut(body, ",")
		var err error
		if lo, err = strconv.Atoi(strings.TrimSpace(a)); err != nil {
			return nil, &SyntaxError{Offset: start, Msg: fmt.Sprintf("bad repeat {%s}", body)}
		}
		hi = lo
		if ok {
			if hi, err = strconv.Atoi(strings.TrimSpace(b)); err != nil {
				return nil, &SyntaxError{Offset: start, Msg: fmt.Sprintf("bad repeat {%s}: give both bounds", body)}
			}
		}
		if lo < 0 || hi < lo || hi > maxRepeat || hi == 0 {
			return nil, &SyntaxError{Offset: start, Msg: fmt.Sprintf("bad repeat {%s}: want 0 <= m <= n <= %d, n > 0", body, maxRepeat)}
		}
	default:
		return n, nil
	}
	p.pos++
	return &node{kind: nRepeat, kids: []*node{n}, min: lo, max: hi}, nil
}

func (p *parser) atom() (*node, error) {
	switch c := p.peek(); c {
	case '(':
		p.pos++
		n, err := p.alt()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, p.errorf("missing )")
		}
		p.pos++
		return n, nil
	case '[':
		p.pos++
		t, err := p.test(']')
		if err != nil {
			return nil, err
		}
		return &node{kind: nTest, test: t}, nil
	case '<':
		return p.span()
	case '_':
		p.pos++
		return &node{kind: nAny}, nil
	case '^':
		p.pos++
		return &node{kind: nBegin}, nil
	case '$':
		p.pos++
		return &node{kind: nEnd}, nil
	case '\'', '"':
		s, err := p.quoted()
		if err != nil {
			return nil, err
		}
		return &node{kind: nTest, test: &test{terms: []term{{key: keyWord, vals: []value{{s: strings.ToLower(s)}}}}}}, nil
	default:
		w := p.word()
		if w == "" {
			return nil, p.errorf("unexpected %q", string(c))
		}
		return &node{kind: nTest, test: &test{terms: []term{{key: keyWord, vals: []value{{s: strings.ToLower(w)}}}}}}, nil
	}
}

// span parses <label> or <label [test]>.
func (p *parser) span() (*node, error) {
	p.pos++ // <
	p.space()
	at := p.pos
	name := p.name()
	if name == "" {
		return nil, p.errorf("a label name follows <")
	}
	l, ok := p.g.labels[name]
	if !ok {
		return nil, &SyntaxError{Offset: at, Msg: fmt.Sprintf("unknown label %q", name)}
	}
	n := &node{kind: nSpan, label: l}
	if p.peek() == '[' {
		p.pos++
		t, err := p.test(']')
		if err != nil {
			return nil, err
		}
		n.test = t
	}
	if p.peek() != '>' {
		return nil, p.errorf("missing >")
	}
	p.pos++
	return n, nil
}

// test parses the terms of a token test up to close.
func (p *parser) test(close byte) (*test, error) {
	t := &test{}
	for {
		tm, err := p.term()
		if err != nil {
			return nil, err
		}
		t.terms = append(t.terms, tm)
		switch p.peek() {
		case '&':
			p.pos++
		case close:
			p.pos++
			return t, nil
		default:
			return nil, p.errorf("want & or %c in a token test", close)
		}
	}
}

func (p *parser) term() (term, error) {
	var tm term
	if p.peek() == '!' {
		p.pos++
		tm.neg = true
	}
	if p.peek() == '<' {
		p.pos++
		p.space()
		at := p.pos
		name := p.name()
		l, ok := p.g.labels[name]
		if !ok {
			return tm, &SyntaxError{Offset: at, Msg: fmt.Sprintf("unknown label %q", name)}
		}
		if p.peek() != '>' {
			return tm, p.errorf("missing >")
		}
		p.pos++
		tm.key, tm.label = keyCover, l
		return tm, nil
	}
	p.space()
	at := p.pos
	switch key := p.name(); key {
	case "word":
		tm.key = keyWord
	case "lemma":
		tm.key = keyLemma
	case "text":
		tm.key = keyText
	case "tag":
		tm.key = keyTag
	default:
		return tm, &SyntaxError{Offset: at, Msg: fmt.Sprintf("unknown key %q: want word, lemma, text, tag or <label>", key)}
	}
	if p.peek() != '=' {
		return tm, p.errorf("want = after the key")
	}
	p.pos++
	for {
		var v value
		switch p.peek() {
		case '\'', '"':
			s, err := p.quoted()
			if err != nil {
				return tm, err
			}
			v.s = s
		default:
			v.s = p.word()
			if v.s == "" {
				return tm, p.errorf("want a value")
			}
		}
		if p.pos < len(p.src) && p.src[p.pos] == '*' {
			p.pos++
			v.prefix = true
		}
		if tm.key != keyTag {
			v.s = strings.ToLower(v.s)
		}
		tm.vals = append(tm.vals, v)
		if p.peek() != '|' {
			return tm, nil
		}
		p.pos++
	}
}

// name reads a label, capture or key name.
func (p *parser) name() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			p.pos++
			continue
		}
		break
	}
	return p.src[start:p.pos]
}

// word reads a bare word: letters, digits and the marks words contain.
func (p *parser) word() string {
	start := p.pos
	for p.pos < len(p.src) {
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' && p.pos > start || r == '’' || (r == '.' || r == '$') && p.pos > start {
			p.pos += n
			continue
		}
		break
	}
	return p.src[start:p.pos]
}

func (p *parser) quoted() (string, error) {
	q := p.src[p.pos]
	start := p.pos
	end := strings.IndexByte(p.src[p.pos+1:], q)
	if end < 0 {
		return "", &SyntaxError{Offset: start, Msg: "unclosed quote"}
	}
	p.pos += end + 2
	s := p.src[start+1 : start+1+end]
	if s == "" {
		return "", &SyntaxError{Offset: start, Msg: "empty quote"}
	}
	return s, nil
}
