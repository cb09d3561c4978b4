// Package testkit runs brief's whole analysis on small texts, for the
// tests of the extractors: one pipeline per test binary, built lazily.
package testkit

import (
	"context"
	"sync"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/pipeline"
)

var (
	once sync.Once
	pl   *pipeline.Pipeline
	err  error
)

// Analyze analyses text as the file name (whose extension decides the
// format) with the standard extractors.
func Analyze(t testing.TB, name, text string) *analyze.Analysis {
	t.Helper()
	once.Do(func() {
		var ex []analyze.Extractor
		if ex, err = pipeline.Standard(nil); err != nil {
			return
		}
		pl, err = pipeline.New(pipeline.Options{Extractors: ex})
	})
	if err != nil {
		t.Fatal(err)
	}
	a, aerr := pl.Analyze(context.Background(), name, []byte(text))
	if aerr != nil {
		t.Fatal(aerr)
	}
	return a
}
