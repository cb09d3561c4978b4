// Package textrank ranks sentences by centrality, as in Mihalcea and Tarau's
// TextRank (2004): sentences are the nodes of a graph whose edges weigh the
// words two sentences share, normalised by the logarithms of their lengths,
// and PageRank over that graph scores each sentence. The highest scoring
// sentences make an extractive summary.
//
// Everything is local and deterministic: no network, no model, no map
// iteration in the result; ties are broken by sentence order.
package textrank

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Options tune the ranking. The zero value is not useful: start from Default.
type Options struct {
	// Damping is PageRank's damping factor.
	Damping float64
	// Iterations caps the power iterations; Epsilon stops them earlier once
	// no score moves by more than it.
	Iterations int
	Epsilon    float64
}

// Default are the parameters of the TextRank paper.
var Default = Options{Damping: 0.85, Iterations: 100, Epsilon: 1e-9}

// Words splits a sentence into the lower-case words TextRank compares:
// letters and digits, single letters and stop words left out, a plural or possessive "s"
// trimmed so that "tanker" and "tankers" count as one word.
func Words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, "'’")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if stop[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		if len(w) < 2 || stop[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// Similarity is TextRank's sentence similarity: the number of distinct words
// the two share over log|a| + log|b| (lengths in words). It is 0 when either
// sentence has fewer than two words, whose logarithm would be 0.
func Similarity(a, b []string) float64 {
	if len(a) < 2 || len(b) < 2 {
		return 0
	}
	set := make(map[string]bool, len(a))
	for _, w := range a {
		set[w] = true
	}
	shared := 0
	for _, w := range b {
		if set[w] {
			shared++
			delete(set, w) // count each distinct word once
		}
	}
	return float64(shared) / (math.Log(float64(len(a))) + math.Log(float64(len(b))))
}

// Rank scores each sentence; the scores sum to the number of sentences.
func Rank(sentences []string, opts Options) []float64 {
	n := len(sentences)
	if n == 0 {
		return nil
	}
	words := make([][]string, n)
	for i, s := range sentences {
		words[i] = Words(s)
	}
	w := make([][]float64, n)
	out := make([]float64, n) // total weight leaving each node
	for i := range w {
		w[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := Similarity(words[i], words[j])
			w[i][j], w[j][i] = s, s
			out[i] += s
			out[j] += s
		}
	}
	score := make([]float64, n)
	for i := range score {
		score[i] = 1
	}
	next := make([]float64, n)
	for it := 0; it < opts.Iterations; it++ {
		delta := 0.0
		for i := 0; i < n; i++ {
			sum := 0.0
			for j := 0; j < n; j++ {
				if w[j][i] > 0 {
					sum += w[j][i] / out[j] * score[j]
				}
			}
			next[i] = (1 - opts.Damping) + opts.Damping*sum
			delta = math.Max(delta, math.Abs(next[i]-score[i]))
		}
		score, next = next, score
		if delta < opts.Epsilon {
			break
		}
	}
	return score
}

// Top returns the indexes of the k best sentences in text order. Scores are
// compared at a precision of 1e-9, so that floating-point noise cannot
// reorder near-ties, and ties go to the earlier sentence.
func Top(scores []float64, k int) []int {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	round := func(f float64) float64 { return math.Round(f*1e9) / 1e9 }
	sort.SliceStable(idx, func(a, b int) bool {
		sa, sb := round(scores[idx[a]]), round(scores[idx[b]])
		if sa != sb {
			return sa > sb
		}
		return idx[a] < idx[b]
	})
	if k > len(idx) {
		k = len(idx)
	}
	top := append([]int(nil), idx[:k]...)
	sort.Ints(top)
	return top
}

// stop lists English function words, which say nothing about a sentence's
// topic.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are
	as at be because been before being below between both but by can could did do does doing
	down during each few for from further had has have having he her here hers herself him
	himself his how i if in into is it its itself just me more most my myself no nor not now
	of off on once only or other our ours ourselves out over own same she should so some such
	than that the their theirs them themselves then there these they this those through to too
	under until up very was we were what when where which while who whom why will with would
	you your yours yourself yourselves one two said says say may might must shall upon`) {
		m[w] = true
	}
	return m
}()
