package match

import "strings"

// stepBudget bounds the work of one match attempt: a pattern that would
// backtrack longer than this fails instead.
const stepBudget = 20000

// Match is one match of a pattern: tokens [From, To) and its captures.
type Match struct {
	From, To int
	caps     [2 * MaxCaptures]int32
}

// Capture returns the tokens a named capture matched, by slot (see
// Grammar.CaptureSlot); ok is false when it matched nothing.
func (m *Match) Capture(slot int) (from, to int, ok bool) {
	if slot < 0 || slot >= MaxCaptures {
		return 0, 0, false
	}
	from, to = int(m.caps[2*slot]), int(m.caps[2*slot+1])
	return from, to, from >= 0 && to >= from
}

// Possible reports whether t has every label a match of p needs; when it
// does not, no start token can match.
func (p *Pattern) Possible(t *Text) bool { return t.Present.Covers(&p.need) }

// MatchAt reports whether p matches t starting at token start, and fills
// m. It allocates nothing once t's scratch space has grown.
func (p *Pattern) MatchAt(t *Text, start int, m *Match) bool {
	if !p.canStart(t, start) {
		return false
	}
	for i := range m.caps {
		m.caps[i] = -1
	}
	end, ok := p.run(t, start, &m.caps)
	if ok {
		m.From, m.To = start, end
	}
	return ok
}

// Find returns the first match at or after token from.
func (p *Pattern) Find(t *Text, from int, m *Match) bool {
	if !p.Possible(t) {
		return false
	}
	for s := from; s <= len(t.toks); s++ {
		if p.MatchAt(t, s, m) {
			return true
		}
	}
	return false
}

// canStart reports whether a match could start at token i.
func (p *Pattern) canStart(t *Text, i int) bool {
	if p.firstAny {
		return true
	}
	if i >= len(t.toks) {
		return false
	}
	c := &t.cover[i]
	for k := range c {
		if c[k]&p.firstLabels[k] != 0 {
			return true
		}
	}
	if p.firstWords != nil {
		tok := &t.toks[i]
		return p.firstWords[tok.Lemma] || p.firstWords[tok.Lower]
	}
	return false
}

func (p *Pattern) run(t *Text, start int, caps *[2 * MaxCaptures]int32) (int, bool) {
	stack := t.stack[:0]
	n := int32(len(t.toks))
	pc, pos := int32(0), int32(start)
	for steps := 0; steps < stepBudget; steps++ {
		in := &p.prog[pc]
		ok := true
		switch in.op {
		case iTest:
			if ok = pos < n && p.tests[in.arg].ok(t, int(pos)); ok {
				pos++
				pc++
			}
		case iAny:
			if ok = pos < n; ok {
				pos++
				pc++
			}
		case iSpan:
			var end int32
			end, stack, ok = p.spans(t, in, pos, pc, stack)
			if ok {
				pos = end
				pc++
			}
		case iSplit:
			stack = append(stack, frame{pc: in.y, pos: pos, slot: -1})
			pc = in.x
		case iJmp:
			pc = in.x
		case iSave:
			stack = append(stack, frame{slot: in.arg, old: caps[in.arg]})
			caps[in.arg] = pos
			pc++
		case iBegin:
			if ok = pos == 0; ok {
				pc++
			}
		case iEnd:
			if ok = pos == n; ok {
				pc++
			}
		case iMatch:
			t.stack = stack[:0] // keep the grown buffer
			return int(pos), true
		}
		if ok {
			continue
		}
		// Backtrack: undo captures back to the last choice point.
		for {
			if len(stack) == 0 {
				t.stack = stack
				return 0, false
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if f.slot >= 0 {
				caps[f.slot] = f.old
				continue
			}
			pc, pos = f.pc, f.pos
			break
		}
	}
	t.stack = stack[:0]
	return 0, false
}

// spans takes the longest span labelled in.arg at pos (whose head passes
// in.h) and leaves the shorter ones as choice points.
func (p *Pattern) spans(t *Text, in *inst, pos, pc int32, stack []frame) (int32, []frame, bool) {
	if int(pos) >= len(t.toks) {
		return 0, stack, false
	}
	if in.h >= 0 && !p.tests[in.h].ok(t, int(pos)) {
		return 0, stack, false
	}
	cand := t.spans[t.heads[pos]:t.heads[pos+1]]
	first := int32(-1)
	// Longest first: later (shorter) candidates are pushed in reverse so
	// that the next longest is tried next.
	for k := len(cand) - 1; k >= 0; k-- {
		s := cand[k]
		if s.Label != Label(in.arg) {
			continue
		}
		if first >= 0 {
			stack = append(stack, frame{pc: pc + 1, pos: first, slot: -1})
		}
		first = int32(s.To)
	}
	return first, stack, first >= 0
}

func (tt *test) ok(t *Text, i int) bool {
	tok := &t.toks[i]
	for k := range tt.terms {
		tm := &tt.terms[k]
		var hit bool
		switch tm.key {
		case keyCover:
			hit = t.cover[i].Has(tm.label)
		case keyWord:
			hit = tm.has(tok.Lemma) || tm.has(tok.Lower)
		case keyLemma:
			hit = tm.has(tok.Lemma)
		case keyText:
			hit = tm.has(tok.Lower)
		case keyTag:
			hit = tm.has(tok.Tag)
		}
		if hit == tm.neg {
			return false
		}
	}
	return true
}

func (tm *term) has(s string) bool {
	for _, v := range tm.vals {
		if v.s == s || v.prefix && strings.HasPrefix(s, v.s) {
			return true
		}
	}
	return false
}
