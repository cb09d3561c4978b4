package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/eval"
)

func (a *app) evalCmd() *cobra.Command {
	var (
		docs, gold, format, thresholds, set string
		verbose                             bool
	)
	cmd := &cobra.Command{
		Use:   "eval --docs DIR --gold DIR",
		Short: "Score the extraction against gold annotations",
		Long: `Analyse every document in --docs and score the actors, incidents and
proposals found against the gold annotations in --gold (one YAML file per
document, naming it with "doc:"). Prints a row per document, then the
micro-averaged precision, recall and F1, and the accuracies of incident type,
incident agent and proposal mechanism over matched pairs. -v lists every
false positive and false negative.

With --thresholds FILE and --set NAME, the command fails when a score is below
the minimum recorded for that set: CI's ratchet.`,
		Example: `  brief eval --docs corpus --gold corpus/gold
  brief eval --docs ../shared/dev/docs --gold ../shared/dev/gold -v
  brief eval --docs corpus --gold corpus/gold --thresholds eval-thresholds.yaml --set corpus`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if docs == "" || gold == "" {
				return errors.New("both --docs and --gold are required")
			}
			if format != "text" && format != "json" {
				return &usageError{fmt.Errorf("--format %q: want text or json", format)}
			}
			golds, err := eval.LoadGoldDir(gold)
			if err != nil {
				return err
			}
			p, err := a.pipeline()
			if err != nil {
				return err
			}
			res, err := p.AnalyzeDir(cmd.Context(), docs, nil)
			if err != nil {
				return err
			}
			for _, e := range res.Errors {
				fmt.Fprintln(a.stderr, "brief:", e)
			}
			byName := map[string]*analyze.Analysis{}
			for _, d := range res.Docs {
				byName[filepath.Base(d.Doc.Path)] = d
			}
			var scores []eval.DocScore
			for name, g := range golds {
				d, ok := byName[filepath.Base(name)]
				if !ok {
					return fmt.Errorf("%s: gold names document %q, which is not in %s", gold, name, docs)
				}
				scores = append(scores, eval.Score(d, g))
			}
			report := eval.Aggregate(scores)
			if format == "json" {
				err = report.WriteJSON(a.stdout)
			} else {
				err = report.WriteText(a.stdout, verbose)
			}
			if err != nil {
				return err
			}
			if thresholds != "" {
				all, err := eval.LoadThresholds(thresholds)
				if err != nil {
					return err
				}
				t, ok := all[set]
				if !ok {
					return fmt.Errorf("%s: no thresholds for set %q", thresholds, set)
				}
				if fails := report.Check(t); len(fails) > 0 {
					for _, f := range fails {
						fmt.Fprintf(a.stderr, "brief: eval %s: %s\n", set, f)
					}
					return fmt.Errorf("eval %s: %d %s below the thresholds in %s", set, len(fails), plural(len(fails), "score", "scores"), thresholds)
				}
			}
			if len(res.Errors) > 0 {
				return &partialError{failed: len(res.Errors), total: len(res.Errors) + len(res.Docs)}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&docs, "docs", "", "folder of documents to analyse")
	f.StringVar(&gold, "gold", "", "folder of gold annotations (one YAML file per document)")
	f.StringVar(&format, "format", "text", "output format: text or json")
	f.BoolVarP(&verbose, "verbose", "v", false, "list every false positive and false negative")
	f.StringVar(&thresholds, "thresholds", "", "YAML file of minimum scores per set; fail below them")
	f.StringVar(&set, "set", "corpus", "which set of --thresholds applies")
	return cmd
}
