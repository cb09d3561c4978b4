package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/actors"
	"github.com/brief-tool/brief/analyze/dates"
	"github.com/brief-tool/brief/analyze/digest"
	"github.com/brief-tool/brief/analyze/incidents"
	"github.com/brief-tool/brief/analyze/internal/safefile"
	"github.com/brief-tool/brief/analyze/internal/yamlfile"
	"github.com/brief-tool/brief/analyze/nlp"
	"github.com/brief-tool/brief/analyze/proposals"
	"github.com/brief-tool/brief/analyze/rules"
)

// Standard returns brief's extractors in the order they must run: actors
// first, then the extractors that read them, and the digest, which words
// what they found, last. dictionaries are the user's
// own actor dictionary files, added to the shipped ones; ruleFiles the
// user's own rule files (word classes and rules, as in
// analyze/rules/data), added to the shipped rules.
func Standard(dictionaries []string, ruleFiles ...string) ([]analyze.Extractor, error) {
	return StandardWith(Default, dictionaries, ruleFiles...)
}

// StandardWith is Standard with the user's dictionaries read within the
// limits of o: MaxFileBytes, and the YAML depth and alias expansion of
// o.Ingest.
//
// The three slow parts of a start run at once, on as many cores: the
// language models, the actor dictionaries with their indexes, and the
// rules.
func StandardWith(o Options, dictionaries []string, ruleFiles ...string) ([]analyze.Extractor, error) {
	models := make(chan error, 1)
	go func() {
		_, err := nlp.New()
		models <- err
	}()
	rulesDone := make(chan ruled, 1)
	go func() { rulesDone <- loadRules(ruleFiles) }()
	d, err := actors.LoadDefault()
	if err != nil {
		return nil, err
	}
	b := yamlfile.Bounds{MaxBytes: o.MaxFileBytes, MaxDepth: o.Ingest.YAMLDepth, MaxAliasNodes: o.Ingest.YAMLAliasNodes}
	if b.MaxDepth > 0 {
		// Dictionaries nest deeper than front matter: actors, an entry,
		// its aliases.
		b.MaxDepth = max(b.MaxDepth, yamlfile.DefaultBounds.MaxDepth)
	}
	for _, f := range dictionaries {
		if err := d.AddFileWith(f, b); err != nil {
			return nil, err
		}
	}
	act := actors.New(d, lateNLP{})
	if err := <-models; err != nil {
		return nil, err
	}
	r := <-rulesDone
	if r.err != nil {
		return nil, r.err
	}
	// Dates first: the actors stage reads them (a capital's metonym
	// follows the time of its sentence). The digest reads everything.
	return []analyze.Extractor{dates.Annotator{}, act, r.inc, r.props, digest.New()}, nil
}

// ruled is the rules' stages, or why they could not be built.
type ruled struct {
	inc   *incidents.Extractor
	props *proposals.Extractor
	err   error
}

// loadRules builds the incidents and proposals stages from the shipped
// rules and the user's rule files. It needs of the models only the
// lemmatizer's dictionary (nlp.Known), so it runs while they load.
func loadRules(ruleFiles []string) ruled {
	var r ruled
	user, err := rules.ReadFiles(ruleFiles)
	if err != nil {
		return ruled{err: err}
	}
	set, err := rules.LoadShipped(nlp.Known, user...)
	if err != nil {
		return ruled{err: err}
	}
	if r.inc, r.err = incidents.New(set); r.err != nil {
		return r
	}
	r.props, r.err = proposals.New(set)
	return r
}

// lateNLP is the process's NLP for the actors stage, which is built while
// the models load; StandardWith has them loaded before it returns.
type lateNLP struct{}

func (lateNLP) EntitiesNear(s analyze.Sentence, spans []analyze.Span) ([]nlp.Entity, error) {
	n, err := nlp.New()
	if err != nil {
		return nil, err
	}
	return n.EntitiesNear(s, spans)
}

// HashFiles hashes the bytes of the files the user names besides the
// corpus (dictionaries, rule files), for cache and build keys. Only regular
// files of at most maxBytes are read (0: no limit); any other is summed up
// by its error, so that a FIFO never blocks and a device never fills
// memory (building the pipeline then reports it).
func HashFiles(paths []string, maxBytes int64) string {
	h := sha256.New()
	for _, p := range paths {
		b, err := safefile.Read(p, maxBytes, "limits.max_file_bytes")
		if err != nil {
			fmt.Fprintf(h, "%s\x00error %v\x00", p, err)
			continue
		}
		sum := sha256.Sum256(b)
		h.Write(sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}
