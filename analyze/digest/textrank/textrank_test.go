package textrank

import (
	"math"
	"reflect"
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
