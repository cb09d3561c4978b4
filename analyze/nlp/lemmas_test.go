package nlp

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
)

var update = flag.Bool("update", false, "rewrite lemmas.bin from golem's English pack")

// TestLemmaTable checks lemmas.bin against golem: every form of its English
// pack, in lower case, capitalised and in capitals, and words it lacks,
// have the lemma and the membership golem gives them. With -update (go
// generate ./analyze/nlp) it writes lemmas.bin from golem's pack.
func TestLemmaTable(t *testing.T) {
	pack, err := en.New().GetResource()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		data, err := buildLemmas(pack)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("lemmas.bin", data, 0o644); err != nil {
			t.Fatal(err)
		}
		lemmasBin = data
	}
	table, err := loadLemmas(lemmasBin)
	if err != nil {
		t.Fatal(err)
	}
	lem, err := golem.New(en.New())
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{"": true, "zzyzx": true, "Brief": true, "IRGC": true, "naïve": true, "ÉTÉ": true, "shot": true, "crews": true}
	for _, line := range strings.Split(string(pack), "\n") {
		for _, w := range strings.Split(line, "\t") {
			words[w] = true
			words[strings.ToUpper(w)] = true
			if w != "" {
				words[strings.ToUpper(w[:1])+w[1:]] = true
			}
		}
	}
	bad := 0
	for w := range words {
		if got, want := table.Lemma(w), lem.Lemma(w); got != want {
			t.Errorf("Lemma(%q) = %q, golem says %q", w, got, want)
			bad++
		}
		if got, want := table.InDict(w), lem.InDict(w); got != want {
			t.Errorf("InDict(%q) = %v, golem says %v", w, got, want)
			bad++
		}
		if bad > 10 {
			t.Fatal("lemmas.bin is not golem's dictionary: run go generate ./analyze/nlp")
		}
	}
}

// BenchmarkLemma looks up the words of a sentence.
func BenchmarkLemma(b *testing.B) {
	table, err := loadLemmas(lemmasBin)
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("the coast guard vessels seized two fishing boats and detained their crews near the disputed islands on Tuesday")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			table.Lemma(w)
		}
	}
}

// BenchmarkLoadLemmas measures what the lemma table costs a start.
func BenchmarkLoadLemmas(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := loadLemmas(lemmasBin); err != nil {
			b.Fatal(err)
		}
	}
}
