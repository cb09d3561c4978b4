package nlp

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/token"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/ingest"
	"github.com/brief-tool/brief/analyze/nlp/internal/basicgen"
)

// proseEntities is what brief asked prose for before it computed the
// recogniser itself: ner.Extracter.Label and Chunk over the whole sentence.
func proseEntities(ext *ner.Extracter, s analyze.Sentence) []Entity {
	toks := make([]token.Token, len(s.Tokens))
	for i, t := range s.Tokens {
		toks[i] = token.Token{Text: t.Text, Tag: t.Tag, Start: t.Start - s.Start}
	}
	ext.Label(toks)
	var ents []Entity
	for _, e := range ext.Chunk(s.Text, toks) {
		ents = append(ents, Entity{Text: strings.TrimSpace(e.Text), Label: e.Label, Start: s.Start + e.Start, End: s.Start + e.End()})
	}
	return ents
}

// sentences returns the tagged sentences of the shipped corpus, the test
// articles and, when they are there, the shared development sets; short
// runs take the shipped corpus only.
func sentences(t testing.TB, p *NLP) []analyze.Sentence {
	dirs := []string{"../../corpus", "../pipeline/testdata/articles"}
	if !testing.Short() {
		shared := os.Getenv("BRIEF_SHARED")
		if shared == "" {
			shared = "../../../shared"
		}
		dirs = append(dirs, filepath.Join(shared, "dev/docs"), filepath.Join(shared, "dev2/docs"), filepath.Join(shared, "seed/eval/docs"))
	}
	var out []analyze.Sentence
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil || !ingest.Supported(f) {
				continue
			}
			a, err := ingest.Read(f, data)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Segment(a); err != nil {
				t.Fatal(err)
			}
			out = append(out, a.Sentences...)
		}
	}
	if len(out) == 0 {
		t.Fatal("no sentences")
	}
	return out
}

// TestEntitiesMatchProse checks that brief's recogniser finds exactly the
// entities prose's finds, on every sentence of the corpora, and that asking
// about spans gives exactly prose's entities over those spans.
func TestEntitiesMatchProse(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ext, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sents := sentences(t, p)
	ents := 0
	for _, s := range sents {
		want := proseEntities(ext, s)
		got, err := p.Entities(s)
		if err != nil {
			t.Fatal(err)
		}
		ents += len(got)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", s.Text, got, want)
		}
		for try := 0; try < 4 && len(s.Tokens) > 0; try++ {
			spans := randomSpans(rng, s)
			got, err := p.EntitiesNear(s, spans)
			if err != nil {
				t.Fatal(err)
			}
			if w := near(want, spans); !reflect.DeepEqual(got, w) {
				t.Fatalf("%q near %v:\n got %+v\nwant %+v", s.Text, spans, got, w)
			}
		}
	}
	t.Logf("%d sentences, %d entities", len(sents), ents)
}

func near(ents []Entity, spans []analyze.Span) []Entity {
	var out []Entity
	for _, e := range ents {
		if overlaps(e, spans) {
			out = append(out, e)
		}
	}
	return out
}

// randomSpans picks one to three runs of one to four tokens.
func randomSpans(rng *rand.Rand, s analyze.Sentence) []analyze.Span {
	var spans []analyze.Span
	for n := 1 + rng.IntN(3); n > 0; n-- {
		i := rng.IntN(len(s.Tokens))
		j := min(len(s.Tokens), i+1+rng.IntN(4))
		spans = append(spans, analyze.Span{Start: s.Tokens[i].Start, End: s.Tokens[j-1].End})
	}
	return spans
}

// FuzzEntities compares brief's recogniser with prose's on any text.
func FuzzEntities(f *testing.F) {
	p, err := New()
	if err != nil {
		f.Fatal(err)
	}
	ext, err := ner.New()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Marie Curie studied in Paris with Pierre Curie.",
		"On 3 May 1999, Gen. Wesley K. Clark met NATO's Javier Solana in Brussels.",
		"The USS Decatur sailed within 45 yards of the PRC destroyer Lanzhou.",
		"Mr. Ahmed al-Sharif, a former IRGC commander, said: “We won't.”",
		"1,200 troops; 3.5 km; NaN; Inf; 0x1p-2; Jean-Luc; McDonald; U.S.A.; naïve Ödön",
	} {
		f.Add(s, uint64(1))
	}
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		toks, err := p.Tokens(text)
		if err != nil || len(toks) == 0 {
			return
		}
		s := analyze.Sentence{Start: 0, End: len(text), Text: text, Tokens: toks}
		want := proseEntities(ext, s)
		got, err := p.Entities(s)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v\nwant %+v", got, want)
		}
		rng := rand.New(rand.NewPCG(seed, 7))
		spans := randomSpans(rng, s)
		got, err = p.EntitiesNear(s, spans)
		if err != nil {
			t.Fatal(err)
		}
		if w := near(want, spans); !reflect.DeepEqual(got, w) {
			t.Fatalf("near %v: got %+v\nwant %+v", spans, got, w)
		}
	})
}

// proseShape is prose's ner shape feature as prose writes it.
func proseShape(word string) string {
	if _, err := strconv.ParseFloat(word, 64); err == nil {
		return "number"
	} else if match, _ := regexp.MatchString(`\W+$`, word); match {
		return "punct"
	} else if match, _ := regexp.MatchString(`\w+$`, word); match {
		if strings.ToLower(word) == word {
			return "downcase"
		}
		//lint:ignore SA1019 prose's own definition
		if strings.Title(word) == word { //nolint:staticcheck
			return "upcase"
		}
		return "mixedcase"
	}
	return "other"
}

func TestShape(t *testing.T) {
	for _, w := range []string{"", "Iran", "iran", "IRAN", "McDonald", "Jean-Luc", "U.S.A.", "U.S.", "3.5", "1,200", "-4",
		"+7", "NaN", "nan", "Inf", "infinity", "inform", "0x1p-2", "1e400", "1_000", "_", "a_b", "Ödön", "naïve", "été", "…",
		"—", "’s", "'s", "\xff", "a\xff", "\xffa", "x2", "2x", "ŁÓDŹ", "dž", "ǅemal", "a-B", "A-b", "O'Neill", "o'Neill"} {
		if got, want := shape(w, strings.ToLower(w)), proseShape(w); got != want {
			t.Errorf("shape(%q) = %q, prose says %q", w, got, want)
		}
	}
}

func FuzzShape(f *testing.F) {
	for _, s := range []string{"Iran", "McDonald", "3.5", "ǅemal", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := shape(w, strings.ToLower(w)), proseShape(w); got != want {
			t.Errorf("shape(%q) = %q, prose says %q", w, got, want)
		}
	})
}

// TestBasicWordsMatchProse checks basic_gen.go against prose's source in
// the module cache: after a prose upgrade, go generate ./analyze/nlp.
func TestBasicWordsMatchProse(t *testing.T) {
	words, version, err := basicgen.Words(".")
	if err != nil {
		t.Skipf("prose's source is not at hand: %v", err)
	}
	got := map[string]bool{}
	for _, w := range words {
		got[w] = true
	}
	if !reflect.DeepEqual(got, basicWords) {
		t.Errorf("basic_gen.go is not prose %s's word list: run go generate ./analyze/nlp", version)
	}
	head, err := os.ReadFile("basic_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(head), fmt.Sprintf("%s@%s", basicgen.Module, version)) {
		t.Errorf("basic_gen.go was generated from another prose than %s: run go generate ./analyze/nlp", version)
	}
}
