package match

import "fmt"

type opcode uint8

const (
	iTest  opcode = iota // tests[arg] on the token at pos, then advance
	iAny                 // any token
	iSpan                // a span labelled arg starting at pos; head test h (-1: none)
	iSplit               // try x, then y
	iJmp                 // continue at x
	iSave                // caps[arg] = pos
	iBegin               // pos is the first token
	iEnd                 // pos is past the last token
	iMatch
)

type inst struct {
	op   opcode
	arg  int32
	x, y int32
	h    int32
}

// Pattern is a compiled pattern. It is read-only and safe for concurrent
// use; matching state lives in the Text.
type Pattern struct {
	src   string
	prog  []inst
	tests []test
	// need are the labels every match requires somewhere in the sentence:
	// a sentence without them is skipped without running the program.
	need Bits
	// slots are the capture slots the pattern sets.
	slots []int
	// first says which tokens a match can start at: one covered by a
	// label of firstLabels or whose lemma or text is in firstWords; when
	// firstAny, any token.
	firstAny    bool
	firstLabels Bits
	firstWords  map[string]bool
}

// String returns the pattern's source.
func (p *Pattern) String() string { return p.src }

// Compile parses and compiles a pattern. Errors are *SyntaxError.
func (g *Grammar) Compile(src string) (*Pattern, error) {
	n, err := g.parse(src)
	if err != nil {
		return nil, err
	}
	p := &Pattern{src: src}
	c := compiler{p: p}
	c.node(n)
	c.emit(inst{op: iMatch})
	p.need = need(n)
	fs, nullable := first(n)
	p.firstAny, p.firstLabels, p.firstWords = fs.any || nullable, fs.labels, fs.words
	if len(p.prog) > 1<<16 {
		return nil, &SyntaxError{Msg: fmt.Sprintf("pattern compiles to %d instructions; simplify its repetitions", len(p.prog))}
	}
	return p, nil
}

// MustCompile is Compile for patterns known to be valid, as in tests.
func (g *Grammar) MustCompile(src string) *Pattern {
	p, err := g.Compile(src)
	if err != nil {
		panic(fmt.Sprintf("match: %q: %v", src, err))
	}
	return p
}

type compiler struct{ p *Pattern }

func (c *compiler) emit(in inst) int32 {
	c.p.prog = append(c.p.prog, in)
	return int32(len(c.p.prog) - 1)
}

func (c *compiler) addTest(t *test) int32 {
	c.p.tests = append(c.p.tests, *t)
	return int32(len(c.p.tests) - 1)
}

func (c *compiler) node(n *node) {
	switch n.kind {
	case nTest:
		c.emit(inst{op: iTest, arg: c.addTest(n.test)})
	case nAny:
		c.emit(inst{op: iAny})
	case nSpan:
		h := int32(-1)
		if n.test != nil {
			h = c.addTest(n.test)
		}
		c.emit(inst{op: iSpan, arg: int32(n.label), h: h})
	case nBegin:
		c.emit(inst{op: iBegin})
	case nEnd:
		c.emit(inst{op: iEnd})
	case nSeq:
		for _, k := range n.kids {
			c.node(k)
		}
	case nAlt:
		c.alt(n.kids)
	case nRepeat:
		c.repeat(n.kids[0], n.min, n.max)
	case nCapture:
		c.p.slots = append(c.p.slots, n.slot)
		c.emit(inst{op: iSave, arg: int32(2 * n.slot)})
		c.node(n.kids[0])
		c.emit(inst{op: iSave, arg: int32(2*n.slot + 1)})
	}
}

// alt compiles a | b | c as split(a, split(b, c)), each branch jumping to
// the end.
func (c *compiler) alt(kids []*node) {
	var jumps []int32
	for i, k := range kids {
		if i == len(kids)-1 {
			c.node(k)
			break
		}
		split := c.emit(inst{op: iSplit})
		c.p.prog[split].x = split + 1
		c.node(k)
		jumps = append(jumps, c.emit(inst{op: iJmp}))
		c.p.prog[split].y = int32(len(c.p.prog))
	}
	end := int32(len(c.p.prog))
	for _, j := range jumps {
		c.p.prog[j].x = end
	}
}

// repeat compiles min copies of k, then either a loop (max -1) or
// max-min nested optional copies; every choice prefers one more.
func (c *compiler) repeat(k *node, min, max int) {
	for i := 0; i < min; i++ {
		c.node(k)
	}
	if max < 0 {
		split := c.emit(inst{op: iSplit})
		c.p.prog[split].x = split + 1
		c.node(k)
		c.emit(inst{op: iJmp, x: split})
		c.p.prog[split].y = int32(len(c.p.prog))
		return
	}
	var splits []int32
	for i := min; i < max; i++ {
		s := c.emit(inst{op: iSplit})
		c.p.prog[s].x = s + 1
		splits = append(splits, s)
		c.node(k)
	}
	end := int32(len(c.p.prog))
	for _, s := range splits {
		c.p.prog[s].y = end
	}
}

// need returns the labels any match of n requires.
func need(n *node) Bits {
	var b Bits
	switch n.kind {
	case nTest:
		b = testNeed(n.test)
	case nSpan:
		if n.test != nil {
			b = testNeed(n.test)
		}
		b.Set(n.label)
	case nSeq:
		for _, k := range n.kids {
			kb := need(k)
			b.or(&kb)
		}
	case nAlt:
		for i, k := range n.kids {
			kb := need(k)
			if i == 0 {
				b = kb
			} else {
				b.and(&kb)
			}
		}
	case nRepeat:
		if n.min > 0 {
			b = need(n.kids[0])
		}
	case nCapture:
		b = need(n.kids[0])
	}
	return b
}

func testNeed(t *test) Bits {
	var b Bits
	for _, tm := range t.terms {
		if tm.key == keyCover && !tm.neg {
			b.Set(tm.label)
		}
	}
	return b
}

// firstSet is what the first token of a match must be.
type firstSet struct {
	any    bool
	labels Bits
	words  map[string]bool
}

func (f *firstSet) union(g firstSet) {
	f.any = f.any || g.any
	f.labels.or(&g.labels)
	for w := range g.words {
		if f.words == nil {
			f.words = map[string]bool{}
		}
		f.words[w] = true
	}
}

// first returns what can start a match of n, and whether n can match no
// token at all.
func first(n *node) (firstSet, bool) {
	var fs firstSet
	switch n.kind {
	case nTest:
		return testFirst(n.test), false
	case nSpan:
		fs.labels.Set(n.label)
		return fs, false
	case nAny:
		fs.any = true
		return fs, false
	case nBegin, nEnd:
		return fs, true
	case nSeq:
		for _, k := range n.kids {
			kf, nullable := first(k)
			fs.union(kf)
			if !nullable {
				return fs, false
			}
		}
		return fs, true
	case nAlt:
		nullable := false
		for _, k := range n.kids {
			kf, kn := first(k)
			fs.union(kf)
			nullable = nullable || kn
		}
		return fs, nullable
	case nRepeat:
		kf, kn := first(n.kids[0])
		return kf, kn || n.min == 0
	case nCapture:
		return first(n.kids[0])
	}
	fs.any = true
	return fs, false
}

// testFirst returns what a token must be to pass t: a label it must lie
// under, or a word it must be; any token when t says neither.
func testFirst(t *test) firstSet {
	var fs firstSet
	for _, tm := range t.terms {
		if tm.neg {
			continue
		}
		switch tm.key {
		case keyCover:
			fs.labels.Set(tm.label)
			return fs
		case keyWord, keyLemma, keyText:
			words := map[string]bool{}
			for _, v := range tm.vals {
				if v.prefix {
					words = nil
					break
				}
				words[v.s] = true
			}
			if words != nil {
				fs.words = words
				return fs
			}
		}
	}
	fs.any = true
	return fs
}
