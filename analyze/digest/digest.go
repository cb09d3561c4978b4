// Package digest composes what a briefing leads with from the findings of
// the stages before it: the bottom line (what the article proposes, between
// whom and through whom, what for, the incidents that prompt it, its main
// argument and caveat; for a report, its main incidents), the key passages
// (TextRank), the notable quotes and their speakers, the main
// recommendation, incident summaries written as clauses from the incident's
// fields, and each actor's name as the text writes it. Everything lands in
// the analysis (Analysis.Digest, Incident.Summary, Actor.Display), so the
// JSON contract carries it and the templates only render.
//
// It also merges the incidents of many analyses into one timeline (Merge),
// for the corpus pages.
//
// The stage runs last: it reads actors, incidents and proposals and changes
// none of what they found, only how it is worded.
package digest

import (
	"context"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/digest/textrank"
)

// Options configure the stage.
type Options struct {
	// TextRank ranks the key passages and quotes.
	TextRank textrank.Options
}

// Default is the configuration brief ships with.
var Default = Options{TextRank: textrank.Default}

// Option changes the Options of New.
type Option func(*Options)

// WithTextRank sets the TextRank parameters.
func WithTextRank(o textrank.Options) Option { return func(opts *Options) { opts.TextRank = o } }

// Stage is the digest extractor. It is safe for concurrent use.
type Stage struct{ opts Options }

// New returns the stage with Default changed by opts.
func New(opts ...Option) *Stage {
	s := &Stage{opts: Default}
	for _, o := range opts {
		o(&s.opts)
	}
	return s
}

// Name implements analyze.Extractor.
func (*Stage) Name() string { return "digest" }

// Extract implements analyze.Extractor.
func (s *Stage) Extract(_ context.Context, a *analyze.Analysis) error {
	s.Apply(a)
	return nil
}

// Apply fills a's digest, incident summaries and display names. It reads
// the sentence tokens when they are there (a fresh analysis) and composes
// without them otherwise (an analysis read back from JSON), so that it can
// run again on any analysis.
func (s *Stage) Apply(a *analyze.Analysis) {
	for i := range a.Actors {
		a.Actors[i].Display = display(a.Actors[i])
	}
	n := newNamer(a)
	places := map[string]string{} // each location is looked up in the text once
	for i := range a.Incidents {
		in := &a.Incidents[i]
		p, ok := places[in.Location]
		if !ok {
			p = placeWords(a.Doc.Text, in.Location)
			places[in.Location] = p
		}
		in.Summary = summarize(*in, n, triggerPOS(a, *in), p)
	}
	passages, scores := keyPassages(a, s.opts.TextRank)
	rec := recommendation(a)
	a.Digest = analyze.Digest{
		BottomLine:     bottomLine(a, n, rec),
		KeyPassages:    passages,
		Quotes:         quotes(a, scores),
		Recommendation: rec,
	}
	a.Normalize()
}
