package pipeline

import (
	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/actors"
	"github.com/brief-tool/brief/analyze/incidents"
	"github.com/brief-tool/brief/analyze/nlp"
	"github.com/brief-tool/brief/analyze/proposals"
)

// Standard returns brief's extractors in the order they must run: actors
// first, then the extractors that read them. dictionaries are the user's
// own actor dictionary files, added to the shipped ones.
func Standard(dictionaries []string) ([]analyze.Extractor, error) {
	d, err := actors.LoadDefault()
	if err != nil {
		return nil, err
	}
	for _, f := range dictionaries {
		if err := d.AddFile(f); err != nil {
			return nil, err
		}
	}
	n, err := nlp.New()
	if err != nil {
		return nil, err
	}
	lex, err := incidents.LoadLexicon()
	if err != nil {
		return nil, err
	}
	cues, err := proposals.LoadCues()
	if err != nil {
		return nil, err
	}
	res := actors.New(d, n)
	return []analyze.Extractor{res, incidents.New(lex, res), proposals.New(cues, proposals.WithImperative(n.Imperative))}, nil
}
