package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
)

func (a *app) buildCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "build",
		Short: "Analyse the corpus and write the briefing site to out/",
		Long: `Analyse every article at the top of the corpus folder (.md, .txt, .html) and
write the site: out/index.html and out/index.md list the articles (oldest.html
the other way round); each article gets out/<id>/index.md, index.html (the
briefing pack), source.html and analysis.json; timeline.html, options.html and
network.html compare the articles, and actors/ has a page per actor. Every page
but the source views is also written as Markdown.

The site is built in a fresh folder beside out/ and swapped in only when
complete: a failed build leaves the previous out/ as it was. An article that
cannot be read is reported with its path and left out; the others are built
and the exit status is 1.`,
		Example: `  brief build
  brief build --corpus ~/articles --out /tmp/site
  BRIEF_TEMPLATES=my-templates brief build`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			store, err := templates.New(templates.Options{Dir: a.cfg.Templates, Strict: a.cfg.Strict})
			if err != nil {
				return err
			}
			p, err := a.pipeline()
			if err != nil {
				return err
			}
			res, err := p.AnalyzeDir(ctx, a.cfg.Corpus, a.cache())
			if err != nil {
				return err
			}
			for _, e := range res.Errors {
				fmt.Fprintln(a.stderr, "brief:", e)
			}
			site := templates.NewSite(a.cfg.Site.Title, version, res.Docs)
			files, err := store.Render(site)
			if err != nil {
				return err
			}
			if err := templates.WriteDir(ctx, a.cfg.Out, files); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "brief: built %d %s into %s\n", len(res.Docs), plural(len(res.Docs), "article", "articles"), a.cfg.Out)
			if len(res.Errors) > 0 {
				return &partialError{failed: len(res.Errors), total: len(res.Errors) + len(res.Docs)}
			}
			return nil
		},
	}
}

// pipeline builds the analysis pipeline the configuration asks for.
func (a *app) pipeline() (*pipeline.Pipeline, error) { return a.pipelineWith(false) }

// pipelineWith builds the pipeline, recording rule traces when explain.
func (a *app) pipelineWith(explain bool) (*pipeline.Pipeline, error) {
	ex, err := pipeline.Standard(a.cfg.Dictionaries, a.cfg.Rules...)
	if err != nil {
		// A bad dictionary or rule file is a configuration error: the
		// error names the file, line and column.
		return nil, &ConfigError{Err: err}
	}
	return pipeline.New(pipeline.Options{
		MaxFileBytes: a.cfg.Limits.MaxFileBytes,
		Workers:      a.cfg.Limits.Workers,
		Extractors:   ex,
		Explain:      explain,
	})
}

// cache returns the analysis cache the configuration asks for, or nil.
func (a *app) cache() pipeline.Cache {
	if a.cfg.Cache == "" {
		return nil
	}
	fp, err := pipeline.ExecutableFingerprint()
	if err != nil {
		return nil // without a fingerprint no entry can be trusted
	}
	// The user's dictionaries and rules change the analysis too.
	for _, d := range append(append([]string(nil), a.cfg.Dictionaries...), a.cfg.Rules...) {
		if b, err := os.ReadFile(d); err == nil {
			sum := sha256.Sum256(b)
			fp += hex.EncodeToString(sum[:])
		}
	}
	return &pipeline.DirCache{Dir: a.cfg.Cache, Fingerprint: fp}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
