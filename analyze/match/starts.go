package match

import "math/bits"

// Starts inverts the first sets of a list of patterns (the labels and
// words a match can start with): it reads a text once for all of them and
// says where each can start, where asking each pattern at each token
// (MatchAt's own check) costs patterns × tokens look-ups.
type Starts struct {
	n       int
	any     []int32            // patterns that can start at any token
	byLabel [MaxLabels][]int32 // patterns whose first set has the label
	byWord  map[string][]int32 // patterns whose first set has the word
}

// NewStarts indexes ps, which must not change afterwards.
func NewStarts(ps []*Pattern) *Starts {
	s := &Starts{n: len(ps), byWord: map[string][]int32{}}
	for k, p := range ps {
		k := int32(k)
		if p.firstAny {
			s.any = append(s.any, k)
			continue
		}
		for w, l := range p.firstLabels {
			for l != 0 {
				b := bits.TrailingZeros64(l)
				l &^= 1 << b
				s.byLabel[64*w+b] = append(s.byLabel[64*w+b], k)
			}
		}
		for word := range p.firstWords {
			s.byWord[word] = append(s.byWord[word], k)
		}
	}
	return s
}

// StartScratch is reusable space for Starts.Find.
type StartScratch struct {
	at   [][]int32
	mark []int32
}

// Find returns, for each pattern k, the tokens of t at which it can start
// a match, in order: exactly the tokens where MatchAt does not fail at
// once. The result lives in sc until the next Find.
func (s *Starts) Find(t *Text, sc *StartScratch) [][]int32 {
	if cap(sc.at) < s.n {
		sc.at = make([][]int32, s.n)
		sc.mark = make([]int32, s.n)
	}
	sc.at, sc.mark = sc.at[:s.n], sc.mark[:s.n]
	for k := range sc.at {
		sc.at[k] = sc.at[k][:0]
		sc.mark[k] = -1
	}
	add := func(ks []int32, i int32) {
		for _, k := range ks {
			if sc.mark[k] != i {
				sc.mark[k] = i
				sc.at[k] = append(sc.at[k], i)
			}
		}
	}
	for i := range t.toks {
		i32 := int32(i)
		add(s.any, i32)
		for w, l := range t.cover[i] {
			for l != 0 {
				b := bits.TrailingZeros64(l)
				l &^= 1 << b
				add(s.byLabel[64*w+b], i32)
			}
		}
		tok := &t.toks[i]
		add(s.byWord[tok.Lemma], i32)
		if tok.Lower != tok.Lemma {
			add(s.byWord[tok.Lower], i32)
		}
	}
	return sc.at
}
