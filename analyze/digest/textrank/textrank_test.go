package textrank

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"The tankers were seized.", []string{"tanker", "seized"}},
		{"Iran's navy and the U.S. Navy", []string{"iran", "navy", "navy"}},
		{"It is what it is", []string{}},
		{"Press the access codes", []string{"press", "access", "code"}},
	} {
		got := Words(tc.in)
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b []string
		want float64
	}{
		{nil, nil, 0},
		{[]string{"navy"}, []string{"navy", "ship"}, 0}, // one word: log 1 = 0
		{[]string{"navy", "ship"}, []string{"navy", "ship"}, 2 / (2 * math.Log(2))},
		{[]string{"navy", "ship"}, []string{"army", "tank"}, 0},
		{[]string{"navy", "navy", "ship"}, []string{"navy", "navy"}, 1 / (math.Log(3) + math.Log(2))},
	} {
		if got := Similarity(tc.a, tc.b); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestRank(t *testing.T) {
	for _, tc := range []struct {
		name      string
		sentences []string
		k         int
		want      []int
	}{
		{"empty", nil, 2, []int{}},
		{"one", []string{"Iran seized a tanker."}, 2, []int{0}},
		{"disconnected ties go to the earlier", []string{
			"Alpha bravo charlie.", "Delta echo foxtrot.", "Golf hotel india."}, 2, []int{0, 1}},
		{"the central sentence wins", []string{
			"Iran seized a British tanker.",
			"Britain detained an Iranian tanker off Gibraltar.",
			"Iran seized a British tanker after Britain detained an Iranian tanker off Gibraltar.",
			"Weather was fine."}, 1, []int{2}},
		{"top k come back in text order", []string{
			"Iran seized a British tanker.",
			"Britain detained an Iranian tanker off Gibraltar.",
			"Iran seized a British tanker after Britain detained an Iranian tanker off Gibraltar.",
			"Weather was fine."}, 2, []int{1, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scores := Rank(tc.sentences, Default)
			if len(scores) != len(tc.sentences) {
				t.Fatalf("got %d scores for %d sentences", len(scores), len(tc.sentences))
			}
			sum := 0.0
			for _, s := range scores {
				sum += s
			}
			if len(scores) > 0 && math.Abs(sum-float64(len(scores))) > 1e-6 && !isolated(scores) {
				t.Errorf("scores %v sum to %v, want %d", scores, sum, len(scores))
			}
			got := Top(scores, tc.k)
			if len(got) == 0 && len(tc.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Top = %v (scores %v), want %v", got, scores, tc.want)
			}
		})
	}
}

// isolated reports whether some sentence shares no word with any other: its
// score is 1-d, and the sum is then below n.
func isolated(scores []float64) bool {
	for _, s := range scores {
		if math.Abs(s-(1-Default.Damping)) < 1e-9 {
			return true
		}
	}
	return false
}

func TestRankDeterministic(t *testing.T) {
	s := []string{"Iran seized a tanker.", "Britain seized a tanker.", "A tanker was seized by Iran.", "Talks began."}
	a, b := Rank(s, Default), Rank(s, Default)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs differ: %v vs %v", a, b)
	}
}

func TestTopTies(t *testing.T) {
	got := Top([]float64{1, 2, 2, 2 + 1e-12, 0.5}, 2)
	if want := []int{1, 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("Top = %v, want %v (a 1e-12 difference is a tie, the earlier wins)", got, want)
	}
}

func TestRankCapped(t *testing.T) {
	s := []string{
		"Iran seized a British tanker.",
		"Weather was fine today.",
		"Britain detained an Iranian tanker off Gibraltar.",
		"Iran seized a British tanker after Britain detained an Iranian tanker off Gibraltar.",
		"Lunch was served late again.",
	}
	full := Rank(s, Options{Damping: 0.85, Iterations: 100, Epsilon: 1e-9})
	capped := Rank(s, Options{Damping: 0.85, Iterations: 100, Epsilon: 1e-9, MaxCandidates: 3})
	// The two sentences that share no word with any other are left out
	// of the graph, and they would score 1-d in it anyway: the ranking is
	// the same.
	for i := range s {
		if math.Abs(full[i]-capped[i]) > 1e-9 {
			t.Errorf("sentence %d: capped score %v, full %v", i, capped[i], full[i])
		}
	}
	if got := Top(capped, 1); !reflect.DeepEqual(got, []int{3}) {
		t.Errorf("Top = %v, want [3]", got)
	}
}

func TestShared(t *testing.T) {
	for _, tc := range []struct {
		a, b []int32
		want int
	}{
		{nil, nil, 0}, {[]int32{1, 2, 3}, []int32{2, 3, 4}, 2}, {[]int32{1}, []int32{2}, 0}, {[]int32{1, 5, 9}, []int32{1, 5, 9}, 3},
	} {
		if got := shared(tc.a, tc.b); got != tc.want {
			t.Errorf("shared(%v, %v) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// BenchmarkRank ranks texts of 50, 500 and 2,000 sentences (about 1k, 10k
// and 40k words); ns/sentence stays flat or falls, as the graph is capped.
func BenchmarkRank(b *testing.B) {
	for _, n := range []int{50, 500, 2000} {
		s := make([]string, n)
		for i := range s {
			var w []string
			for j := 0; j < 20; j++ {
				w = append(w, fmt.Sprintf("word%d", (i*7+j*13)%(300+j)))
			}
			s[i] = strings.Join(w, " ")
		}
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			for b.Loop() {
				Rank(s, Default)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
		})
	}
}
