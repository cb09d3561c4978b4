package templates_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/gencorpus"
	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
)

var (
	benchOnce sync.Once
	benchDocs []*analyze.Analysis
	benchErr  error
)

// benchSite is a site of 1,000 articles: 100 generated articles analysed
// once, each copied ten times under another id, so the site has the size
// of the build benchmark's without analysing a thousand files.
func benchSite(b *testing.B) *templates.Site {
	benchOnce.Do(func() {
		ex, err := pipeline.Standard(nil)
		if err != nil {
			benchErr = err
			return
		}
		p, err := pipeline.New(pipeline.Options{Extractors: ex})
		if err != nil {
			benchErr = err
			return
		}
		for _, art := range gencorpus.Generate(100, 1) {
			a, err := p.Analyze(context.Background(), "corpus/"+art.Name, art.Data)
			if err != nil {
				benchErr = err
				return
			}
			for copy := 0; copy < 10; copy++ {
				c := *a
				c.Doc.ID = fmt.Sprintf("%s-%d", a.Doc.ID, copy)
				c.Doc.Path = fmt.Sprintf("corpus/%s-%d", a.Doc.ID, copy)
				benchDocs = append(benchDocs, &c)
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return templates.NewSite("Bench", "bench", benchDocs)
}

// BenchmarkRenderWrite renders a 1,000-article site from its analyses and
// writes it into a fresh folder, as a cold build's last stage does:
// pages/s counts the files written (packs and source views, their Markdown,
// analysis.json, actor and site pages), pages/s/core divides by the CPUs
// used.
//
//	go test -run '^$' -bench RenderWrite ./templates
func BenchmarkRenderWrite(b *testing.B) {
	site := benchSite(b)
	st, err := templates.New(templates.Options{})
	if err != nil {
		b.Fatal(err)
	}
	jobs := st.Plan(site, templates.PlanOptions{Global: "bench", Digest: func(a *analyze.Analysis) string { return a.Doc.ID }})
	files := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := b.TempDir() + "/site"
		stats, err := st.Update(context.Background(), out, jobs, templates.UpdateOptions{})
		if err != nil {
			b.Fatal(err)
		}
		files += stats.Files
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(files)/s, "pages/s")
	b.ReportMetric(float64(files)/s/float64(runtime.GOMAXPROCS(0)), "pages/s/core")
}

// BenchmarkNoOp plans the same site again over the site built from it: what
// a rebuild with nothing changed costs once the analyses are loaded.
func BenchmarkNoOp(b *testing.B) {
	site := benchSite(b)
	st, err := templates.New(templates.Options{})
	if err != nil {
		b.Fatal(err)
	}
	digest := func(a *analyze.Analysis) string { return a.Doc.ID }
	out := b.TempDir() + "/site"
	if _, err := st.Update(context.Background(), out, st.Plan(site, templates.PlanOptions{Digest: digest}), templates.UpdateOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stats, err := st.Update(context.Background(), out, st.Plan(site, templates.PlanOptions{Digest: digest}), templates.UpdateOptions{})
		if err != nil || stats.Wrote {
			b.Fatalf("wrote %v, err %v", stats.Wrote, err)
		}
	}
}

// BenchmarkOneArticle rebuilds the same site after one article changed (it
// loses its last proposal, then gets it back, in turn): what a one-article
// rebuild costs once the analyses are loaded, from the cross-article views
// (NewSite) to the pages that change written.
//
//	go test -run '^$' -bench OneArticle ./templates
func BenchmarkOneArticle(b *testing.B) {
	site := benchSite(b)
	st, err := templates.New(templates.Options{})
	if err != nil {
		b.Fatal(err)
	}
	docs := append([]*analyze.Analysis(nil), benchDocs...)
	changed := *docs[0]
	changed.Proposals = changed.Proposals[:len(changed.Proposals)-1]
	versions := []*analyze.Analysis{docs[0], &changed}
	digest := func(a *analyze.Analysis) string {
		if a == &changed {
			return a.Doc.ID + " changed"
		}
		return a.Doc.ID
	}
	out := b.TempDir() + "/site"
	if _, err := st.Update(context.Background(), out, st.Plan(site, templates.PlanOptions{Digest: digest}), templates.UpdateOptions{}); err != nil {
		b.Fatal(err)
	}
	rendered := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		docs[0] = versions[(i+1)%2]
		site := templates.NewSite("Bench", "bench", docs)
		stats, err := st.Update(context.Background(), out, st.Plan(site, templates.PlanOptions{Digest: digest}), templates.UpdateOptions{})
		if err != nil {
			b.Fatal(err)
		}
		rendered += stats.Rendered
	}
	b.ReportMetric(float64(rendered)/float64(b.N), "files/op")
}

// BenchmarkNewSite builds the cross-article views of a 1,000-article site
// (actor pages, the corpus timeline, the options matrix, the network), as
// every build does before planning.
//
//	go test -run '^$' -bench NewSite ./templates
func BenchmarkNewSite(b *testing.B) {
	benchSite(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		templates.NewSite("Bench", "bench", benchDocs)
	}
}

// BenchmarkPlan plans a 1,000-article site: the keys of every page.
func BenchmarkPlan(b *testing.B) {
	site := benchSite(b)
	st, err := templates.New(templates.Options{})
	if err != nil {
		b.Fatal(err)
	}
	digest := func(a *analyze.Analysis) string { return a.Doc.ID }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st.Plan(site, templates.PlanOptions{Digest: digest})
	}
}
