package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/brief-tool/brief/analyze/cputime"
	"github.com/brief-tool/brief/analyze/ingest"
)

// benchTexts returns the plain text of the shipped corpus and its words.
func benchTexts(b *testing.B) ([]string, int) {
	files, _ := filepath.Glob("../../corpus/*.*")
	var texts []string
	words := 0
	for _, f := range files {
		if !ingest.Supported(f) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a, err := ingest.Read(f, data)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Doc.Text)
		words += len(strings.Fields(string(data)))
	}
	return texts, words
}

// BenchmarkProse gives the speeds brief's analysis is measured against,
// in words of the shipped corpus (counted as BenchmarkAnalyzeCorpus counts
// them) per second and per CPU-second: prose's own tokenizer and tagger
// over each text (tokenize+tag, the floor of any analysis that tags every
// word), the same with sentences first (segment+tokenize+tag), and prose's
// full pipeline with entities (prose.NewDocument, all stages).
func BenchmarkProse(b *testing.B) {
	texts, words := benchTexts(b)
	tok := tokenize.New()
	tagger, err := tag.Open(tag.Default)
	if err != nil {
		b.Fatal(err)
	}
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, bb := range []struct {
		name string
		run  func(string)
	}{
		{"tokenize+tag", func(text string) { tagger.TagTokens(tok.Tokenize(text)) }},
		{"segment+tokenize+tag", func(text string) {
			for _, s := range seg.Segment(text) {
				tagger.TagTokens(tok.Tokenize(s.Text))
			}
		}},
		{"full-pipeline", func(text string) {
			if _, err := prose.NewDocument(text); err != nil {
				b.Fatal(err)
			}
		}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			cpu0, ok := cputime.Used()
			for i := 0; i < b.N; i++ {
				for _, t := range texts {
					bb.run(t)
				}
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
			if cpu1, _ := cputime.Used(); ok && cpu1 > cpu0 {
				b.ReportMetric(float64(words*b.N)/(cpu1-cpu0).Seconds(), "words/cpu-s")
			}
		})
	}
}
