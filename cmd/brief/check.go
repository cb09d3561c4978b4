package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
)

func (a *app) checkCmd() *cobra.Command {
	var allowEmpty bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Validate the configuration, the articles and the templates without writing anything",
		Long: `Check everything a build would use, and write nothing (not even the analysis
cache): the configuration (brief.yaml, BRIEF_* and flags), the actor
dictionaries, every article of the corpus (front matter, size, encoding: each
is read and analysed), and the templates, which are parsed and then rendered
against the corpus, every page, with the output thrown away. A file in the
templates folder that overrides no template is an error naming the nearest
template ("articel.md: no template of that name; did you mean article.md?").

Every problem is printed, one a line. The exit status is 0 when there is
none, 2 for a configuration error, 3 for a template error and 1 for articles
that cannot be read.`,
		Example: `  brief check
  brief check --templates my-templates
  brief check --corpus ~/articles && brief build --corpus ~/articles`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			var problems []error
			report := func(err error) {
				fmt.Fprintln(a.stderr, "brief:", err)
				problems = append(problems, err)
			}
			if err := a.checkOut(a.forceOut); err != nil {
				report(err)
			}
			store, err := templates.New(templates.Options{Dir: a.cfg.Templates, Strict: a.cfg.Strict})
			if err != nil {
				report(err)
			} else {
				for _, e := range store.Unknown() {
					report(e)
				}
			}
			p, err := a.pipeline()
			if err != nil {
				report(err)
				return &checkError{problems}
			}
			files, err := pipeline.CorpusFiles(a.cfg.Corpus)
			if err != nil {
				report(&ConfigError{File: a.cfg.fileFor("corpus"), Key: "corpus", Err: err})
				return &checkError{problems}
			}
			if len(files) == 0 && !allowEmpty {
				report(&ConfigError{File: a.cfg.fileFor("corpus"), Key: "corpus", Err: fmt.Errorf("%s holds no articles (.md, .txt or .html at its top level)", a.cfg.Corpus)})
			}
			res, err := p.AnalyzeDir(ctx, a.cfg.Corpus, a.cache(true))
			if err != nil {
				return err
			}
			if n := len(res.Errors); n > 0 {
				for _, e := range res.Errors {
					fmt.Fprintln(a.stderr, "brief:", e)
				}
				problems = append(problems, &partialError{failed: n, total: res.Files})
			}
			pages := 0
			if store != nil {
				site := templates.NewSite(a.cfg.Site.Title, version, res.Docs)
				jobs := store.Plan(site, templates.PlanOptions{Digest: noDigest})
				for _, j := range jobs {
					pages += len(j.Paths)
				}
				for _, e := range store.Check(ctx, jobs, a.cfg.Limits.Workers) {
					report(e)
				}
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			fmt.Fprintf(a.stderr, "brief: checked %d %s (%d read), %d templates, %d pages: %d %s\n",
				res.Files, plural(res.Files, "article", "articles"), len(res.Docs), len(templates.Names()), pages,
				len(problems), plural(len(problems), "problem", "problems"))
			if len(problems) > 0 {
				return &checkError{problems}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&allowEmpty, "allow-empty", false, "accept a corpus with no articles")
	return cmd
}

// noDigest skips the keys brief check has no use for.
func noDigest(*analyze.Analysis) string { return "" }

// checkError is the outcome of brief check with problems, each printed
// already; its exit status is that of the gravest.
type checkError struct{ problems []error }

func (e *checkError) Error() string {
	return fmt.Sprintf("%d %s found (reported above)", len(e.problems), plural(len(e.problems), "problem", "problems"))
}

func (e *checkError) Unwrap() []error { return e.problems }
