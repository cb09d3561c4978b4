package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/gencorpus"
	"github.com/brief-tool/brief/analyze/pipeline"
)

// TestCacheDecodeV1 checks that an analysis read back from the cache (which
// decodes with encoding/json v2 for speed) is the value encoding/json v1
// decodes from the same entry, and encodes to the bytes of the analysis
// that was stored: the site built from cached analyses is the site built
// from fresh ones.
func TestCacheDecodeV1(t *testing.T) {
	p := newPipeline(t)
	type article struct {
		path string
		data []byte
	}
	var arts []article
	for _, dir := range []string{"testdata/articles", "../../corpus"} {
		files, err := pipeline.CorpusFiles(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			arts = append(arts, article{filepath.Join(dir, f), data})
		}
	}
	for _, g := range gencorpus.Generate(10, 7) {
		arts = append(arts, article{"corpus/" + g.Name, g.Data})
	}
	c := &pipeline.DirCache{Dir: t.TempDir(), Fingerprint: "test"}
	for _, art := range arts {
		fresh, err := p.Analyze(context.Background(), art.path, art.data)
		if err != nil {
			continue // the hostile test articles; their errors are tested elsewhere
		}
		want, err := json.Marshal(fresh)
		if err != nil {
			t.Fatal(err)
		}
		var v1 analyze.Analysis
		if err := json.Unmarshal(want, &v1); err != nil {
			t.Fatal(err)
		}
		c.Put(art.path, art.data, fresh)
		got, ok := c.Get(art.path, art.data)
		if !ok {
			t.Fatalf("%s: not read back from the cache", art.path)
		}
		if !reflect.DeepEqual(got, &v1) {
			t.Errorf("%s: the cache decodes another value than encoding/json v1", art.path)
		}
		b, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s: the cached analysis encodes to other bytes than the fresh one", art.path)
		}
	}
}

// BenchmarkCacheGet reads 1,000 entries back from a cache folder, as a
// one-article rebuild of a 1,000-article corpus does for the 999 others:
// 50 generated articles, each stored under 20 paths.
//
//	go test -run '^$' -bench CacheGet ./analyze/pipeline
func BenchmarkCacheGet(b *testing.B) {
	p := newPipeline(b)
	c := &pipeline.DirCache{Dir: b.TempDir(), Fingerprint: "bench"}
	type entry struct {
		path string
		data []byte
	}
	var entries []entry
	for _, g := range gencorpus.Generate(50, 1) {
		a, err := p.Analyze(context.Background(), "corpus/"+g.Name, g.Data)
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < 20; i++ {
			e := entry{fmt.Sprintf("corpus/%d-%s", i, g.Name), g.Data}
			c.Put(e.path, e.data, a)
			entries = append(entries, e)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range entries {
			if _, ok := c.Get(e.path, e.data); !ok {
				b.Fatalf("%s: not in the cache", e.path)
			}
		}
	}
}
