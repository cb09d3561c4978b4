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
func StandardWith(o Options, dictionaries []string, ruleFiles ...string) ([]analyze.Extractor, error) {
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
	n, err := nlp.New()
	if err != nil {
		return nil, err
	}
	user, err := rules.ReadFiles(ruleFiles)
	if err != nil {
		return nil, err
	}
	set, err := rules.LoadShipped(n.Known, user...)
	if err != nil {
		return nil, err
	}
	inc, err := incidents.New(set)
	if err != nil {
		return nil, err
	}
	props, err := proposals.New(set)
	if err != nil {
		return nil, err
	}
	// Dates first: the actors stage reads them (a capital's metonym
	// follows the time of its sentence). The digest reads everything.
	return []analyze.Extractor{dates.Annotator{}, actors.New(d, n), inc, props, digest.New()}, nil
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
