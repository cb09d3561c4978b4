// Package textrank ranks sentences by centrality, as in Mihalcea and Tarau's
// TextRank (2004): sentences are the nodes of a graph whose edges weigh the
// words two sentences share, normalised by the logarithms of their lengths,
// and PageRank over that graph scores each sentence. The highest scoring
// sentences make an extractive summary.
//
// The cost is linear in the length of the text: each sentence becomes a
// sorted set of word ids once, and when a text has more than
// Options.MaxCandidates sentences only that many enter the graph, chosen by
// a bound on their weighted degree that costs one pass over the words (the
// number of other sentences each of their words occurs in). The graph, and
// so PageRank, is then of bounded size however long the article.
//
// Everything is local and deterministic: no network, no model, no map
// iteration in the result; ties are broken by sentence order.
package textrank

import (
	"math"
	"slices"
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
	// MaxCandidates caps the sentences that enter the graph (0: all of
	// them). The others score 1-Damping, as a sentence sharing no word
	// would.
	MaxCandidates int
}

// Default are the parameters of the TextRank paper, with the graph capped
// at 200 sentences (about 5,000 words: more than most articles have).
var Default = Options{Damping: 0.85, Iterations: 100, Epsilon: 1e-9, MaxCandidates: 200}

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

// node is a sentence as the graph sees it: its distinct word ids, sorted,
// and the logarithm of its length in words.
type node struct {
	ids    []int32
	logLen float64
}

// shared counts the ids two sorted sets have in common, without
// allocating.
func shared(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Rank scores each sentence; when every sentence enters the graph, the
// scores sum to the number of sentences.
func Rank(sentences []string, opts Options) []float64 {
	n := len(sentences)
	if n == 0 {
		return nil
	}
	vocab := map[string]int32{}
	nodes := make([]node, n)
	for i, s := range sentences {
		words := Words(s)
		ids := make([]int32, 0, len(words))
		for _, w := range words {
			id, ok := vocab[w]
			if !ok {
				id = int32(len(vocab))
				vocab[w] = id
			}
			ids = append(ids, id)
		}
		slices.Sort(ids)
		nodes[i] = node{ids: slices.Compact(ids)}
		if len(words) >= 2 {
			nodes[i].logLen = math.Log(float64(len(words)))
		}
	}
	cand := candidates(nodes, len(vocab), opts.MaxCandidates)
	score := make([]float64, n)
	for i := range score {
		score[i] = 1 - opts.Damping
	}
	for k, s := range pagerank(nodes, cand, opts) {
		score[cand[k]] = s
	}
	return score
}

// candidates returns the indexes, in text order, of the sentences that
// enter the graph: all of them, or the max whose weighted degree can be
// highest. A sentence's degree is at most the number of other sentences
// each of its words occurs in, over its log-length: one pass over the
// words computes it for every sentence.
func candidates(nodes []node, vocab, max int) []int {
	all := make([]int, len(nodes))
	for i := range all {
		all[i] = i
	}
	if max <= 0 || len(nodes) <= max {
		return all
	}
	df := make([]int32, vocab)
	for _, nd := range nodes {
		for _, id := range nd.ids {
			df[id]++
		}
	}
	bound := make([]float64, len(nodes))
	for i, nd := range nodes {
		if nd.logLen == 0 {
			continue
		}
		sum := 0
		for _, id := range nd.ids {
			sum += int(df[id]) - 1
		}
		bound[i] = float64(sum) / nd.logLen
	}
	sort.SliceStable(all, func(a, b int) bool { return bound[all[a]] > bound[all[b]] })
	top := all[:max]
	sort.Ints(top)
	return top
}

// edge is a weighted link to another node of the graph.
type edge struct {
	to int
	w  float64
}

// pagerank runs PageRank over the similarity graph of the nodes cand,
// returning a score for each.
func pagerank(nodes []node, cand []int, opts Options) []float64 {
	n := len(cand)
	adj := make([][]edge, n)
	out := make([]float64, n) // total weight leaving each node
	for a := 0; a < n; a++ {
		na := nodes[cand[a]]
		if na.logLen == 0 {
			continue
		}
		for b := a + 1; b < n; b++ {
			nb := nodes[cand[b]]
			if nb.logLen == 0 {
				continue
			}
			c := shared(na.ids, nb.ids)
			if c == 0 {
				continue
			}
			w := float64(c) / (na.logLen + nb.logLen)
			adj[a] = append(adj[a], edge{b, w})
			adj[b] = append(adj[b], edge{a, w})
			out[a] += w
			out[b] += w
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
			for _, e := range adj[i] {
				sum += e.w / out[e.to] * score[e.to]
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
