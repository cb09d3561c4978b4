package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/cputime"
	"github.com/brief-tool/brief/analyze/gencorpus"
	"github.com/brief-tool/brief/analyze/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func newPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	ex, err := pipeline.Standard(nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Extractors: ex})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGolden analyses the test articles and compares the JSON with the
// golden files; run with -update after an intended change and review the
// diff.
func TestGolden(t *testing.T) {
	p := newPipeline(t)
	res, err := p.AnalyzeDir(context.Background(), "testdata/articles", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	for _, a := range res.Docs {
		got, err := json.MarshalIndent(a, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", a.Doc.ID+".json")
		if *update {
			if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(append(got, '\n'), want) {
			t.Errorf("%s differs from %s (run go test ./analyze/pipeline -update and review the diff)", a.Doc.Path, golden)
		}
	}
}

// TestContractInvariants checks what the contract promises of every
// analysis of the test articles and the shipped corpus.
func TestContractInvariants(t *testing.T) {
	p := newPipeline(t)
	for _, dir := range []string{"testdata/articles", "../../corpus"} {
		res, err := p.AnalyzeDir(context.Background(), dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Docs {
			checkInvariants(t, a)
		}
	}
}

func checkInvariants(t *testing.T, a *analyze.Analysis) {
	t.Helper()
	text := a.Doc.Text
	for i, s := range a.Sentences {
		if s.Index != i {
			t.Errorf("%s: sentence %d has index %d", a.Doc.Path, i, s.Index)
		}
		if s.Start < 0 || s.End > len(text) || text[s.Start:s.End] != s.Text {
			t.Errorf("%s: sentence %d text does not match its offsets", a.Doc.Path, i)
			continue
		}
		if strings.Contains(s.Text, "\n\n") {
			t.Errorf("%s: sentence %d crosses a blank line: %q", a.Doc.Path, i, s.Text)
		}
		if a.SectionAt(s.Start) != s.Section || a.SectionAt(s.End-1) != s.Section {
			t.Errorf("%s: sentence %d crosses a section boundary", a.Doc.Path, i)
		}
	}
	for _, ac := range a.Actors {
		if ac.Salience < 0 || ac.Salience > 1 {
			t.Errorf("%s: %s salience %v outside 0..1", a.Doc.Path, ac.ID, ac.Salience)
		}
		for _, m := range ac.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %q of %s does not match its offsets", a.Doc.Path, m.Text, ac.ID)
			}
			s := a.Sentences[m.Sentence]
			if m.Start < s.Start || m.End > s.End || m.Section != s.Section {
				t.Errorf("%s: mention %q of %s lies outside its sentence", a.Doc.Path, m.Text, ac.ID)
			}
		}
	}
	for _, in := range a.Incidents {
		if a.Sentences[in.Sentence].Text != in.Evidence {
			t.Errorf("%s: incident evidence is not its sentence", a.Doc.Path)
		}
		for _, sp := range in.Support {
			if a.Sentences[sp.Sentence].Text != sp.Evidence {
				t.Errorf("%s: incident support is not its sentence", a.Doc.Path)
			}
		}
	}
	for _, p := range a.Proposals {
		if a.Sentences[p.Sentence].Text != p.Evidence {
			t.Errorf("%s: proposal evidence is not its sentence", a.Doc.Path)
		}
	}
}

// TestDeterministic analyses the corpus twice, once with one worker and
// once with several, and expects the same bytes.
func TestDeterministic(t *testing.T) {
	var outs [2][]byte
	for i, workers := range []int{1, 4} {
		ex, err := pipeline.Standard(nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := pipeline.New(pipeline.Options{Extractors: ex, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.AnalyzeDir(context.Background(), "../../corpus", nil)
		if err != nil {
			t.Fatal(err)
		}
		outs[i], _ = json.Marshal(res.Docs)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("analyses differ between runs")
	}
}

// BenchmarkAnalyzeCorpus reports the analysis speed of the shipped corpus
// and of 200 generated articles (analyze/gencorpus, the articles
// .ci/bench-build builds), one article at a time: words/s by the wall
// clock and words/cpu-s by the process's CPU time (the garbage collector's
// included), the steadier figure on a shared machine and the speed per core.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	p := newPipeline(b)
	files, err := pipeline.CorpusFiles("../../corpus")
	if err != nil {
		b.Fatal(err)
	}
	var shipped []gencorpus.Article
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join("../../corpus", f))
		if err != nil {
			b.Fatal(err)
		}
		shipped = append(shipped, gencorpus.Article{Name: f, Data: data})
	}
	for _, set := range []struct {
		name string
		docs func() []gencorpus.Article
	}{{"shipped", func() []gencorpus.Article { return shipped }}, {"generated-200", func() []gencorpus.Article { return gencorpus.Generate(200, 1) }}} {
		b.Run(set.name, func(b *testing.B) {
			docs := set.docs()
			words := 0
			for _, d := range docs {
				words += len(strings.Fields(string(d.Data)))
			}
			b.ResetTimer()
			cpu0, ok := cputime.Used()
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					if _, err := p.Analyze(context.Background(), "corpus/"+d.Name, d.Data); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
			if cpu1, _ := cputime.Used(); ok && cpu1 > cpu0 {
				b.ReportMetric(float64(words*b.N)/(cpu1-cpu0).Seconds(), "words/cpu-s")
			}
		})
	}
}

// TestDirCache checks that a cached analysis equals a fresh one, paragraphs
// included, and that another fingerprint misses.
func TestDirCache(t *testing.T) {
	p := newPipeline(t)
	dir := t.TempDir()
	c := &pipeline.DirCache{Dir: dir, Fingerprint: "v1"}
	first, err := p.AnalyzeDir(context.Background(), "testdata/articles", c)
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.AnalyzeDir(context.Background(), "testdata/articles", c)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(first.Docs)
	b, _ := json.Marshal(second.Docs)
	if !bytes.Equal(a, b) {
		t.Error("cached analyses differ from fresh ones")
	}
	for i := range first.Docs {
		if len(second.Docs[i].Paragraphs) != len(first.Docs[i].Paragraphs) || len(first.Docs[i].Paragraphs) == 0 {
			t.Errorf("%s: paragraphs not kept", first.Docs[i].Doc.Path)
		}
	}
	other := &pipeline.DirCache{Dir: dir, Fingerprint: "v2"}
	data, _ := os.ReadFile("testdata/articles/strait-standoff.md")
	if _, ok := other.Get("testdata/articles/strait-standoff.md", data); ok {
		t.Error("a different fingerprint hit the cache")
	}
}
