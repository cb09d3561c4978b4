package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/templates"
)

const schemaName = analyze.Schema

func (a *app) analyzeCmd() *cobra.Command {
	var format string
	var explain bool
	cmd := &cobra.Command{
		Use:   "analyze FILE...",
		Short: "Analyse files anywhere on disk and print the result",
		Long: `Analyse one or more articles (.md, .txt, .html) and print what brief finds.

--format json prints one JSON object for one file, an array for several, in
the brief.analysis/v1 contract (see README); jsonl prints one object per line;
md prints the Markdown briefing pack. A file that cannot be read is reported
on stderr and the others are still printed; the exit status is then 1.

--explain prints, instead, how the rules read each sentence: every rule that
matched (the words and its captures), the guard that rejected a match and
why, and what became of the matches that passed (kept as an item, or not and
why).`,
		Example: `  brief analyze article.md
  brief analyze --format md ../shared/seed/000_10d69e8ae03fa181.txt
  brief analyze --format jsonl corpus/*.md | jq .doc.title
  brief analyze --explain corpus/hotline-1963.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json", "jsonl", "md":
			default:
				return &usageError{fmt.Errorf("--format %q: want json, jsonl or md", format)}
			}
			p, err := a.pipelineWith(explain)
			if err != nil {
				return err
			}
			var store *templates.Store
			if format == "md" {
				if store, err = templates.New(templates.Options{Dir: a.cfg.Templates, Strict: a.cfg.Strict}); err != nil {
					return err
				}
			}
			var docs []*analyze.Analysis
			failed := 0
			for _, path := range args {
				doc, err := p.AnalyzeFile(cmd.Context(), path, path)
				if err != nil {
					fmt.Fprintln(a.stderr, "brief:", err)
					failed++
					continue
				}
				docs = append(docs, doc)
			}
			if explain {
				for _, d := range docs {
					if err := writeExplain(a.stdout, d); err != nil {
						return err
					}
				}
			} else if err := writeAnalyses(a.stdout, format, docs, len(args) > 1, store); err != nil {
				return err
			}
			if failed > 0 {
				return &partialError{failed: failed, total: len(args)}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format: json, jsonl or md")
	cmd.Flags().BoolVar(&explain, "explain", false, "print how the rules read each sentence instead of the analysis")
	return cmd
}

func writeAnalyses(w io.Writer, format string, docs []*analyze.Analysis, many bool, store *templates.Store) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, d := range docs {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
		return nil
	case "md":
		for i, d := range docs {
			if i > 0 {
				fmt.Fprint(w, "\n---\n\n")
			}
			md, err := store.Markdown("article.md", templates.NewArticle(d))
			if err != nil {
				return err
			}
			if _, err := w.Write(md); err != nil {
				return err
			}
		}
		return nil
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if many {
		if docs == nil {
			docs = []*analyze.Analysis{}
		}
		return enc.Encode(docs)
	}
	if len(docs) == 0 {
		return nil
	}
	return enc.Encode(docs[0])
}

// writeExplain prints the trace of one analysis: for each sentence a rule
// matched, the matches, the guard that rejected each (and why) or what
// became of it.
func writeExplain(w io.Writer, d *analyze.Analysis) error {
	fmt.Fprintf(w, "# %s\n", d.Doc.Path)
	if d.Trace == nil {
		return nil
	}
	bySentence := map[int][]analyze.TraceEvent{}
	for _, e := range d.Trace.Events {
		bySentence[e.Sentence] = append(bySentence[e.Sentence], e)
	}
	for _, s := range d.Sentences {
		evs := bySentence[s.Index]
		if len(evs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n[%d] %s: %s\n", s.Index, s.Section, s.Text)
		for _, e := range evs {
			fmt.Fprintf(w, "  %-9s %-20s %q", e.Stage, e.Rule, e.Match)
			for _, c := range e.Captures {
				fmt.Fprintf(w, " %s", c)
			}
			switch {
			case e.Guard != "":
				fmt.Fprintf(w, "\n    rejected by %s: %s\n", e.Guard, e.Why)
			case e.Outcome != "":
				fmt.Fprintf(w, "\n    %s\n", e.Outcome)
			default:
				fmt.Fprintln(w)
			}
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
