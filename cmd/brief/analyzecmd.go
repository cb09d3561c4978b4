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
	cmd := &cobra.Command{
		Use:   "analyze FILE...",
		Short: "Analyse files anywhere on disk and print the result",
		Long: `Analyse one or more articles (.md, .txt, .html) and print what brief finds.

--format json prints one JSON object for one file, an array for several, in
the brief.analysis/v1 contract (see README); jsonl prints one object per line;
md prints the Markdown briefing pack. A file that cannot be read is reported
on stderr and the others are still printed; the exit status is then 1.`,
		Example: `  brief analyze article.md
  brief analyze --format md ../shared/seed/000_10d69e8ae03fa181.txt
  brief analyze --format jsonl corpus/*.md | jq .doc.title`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json", "jsonl", "md":
			default:
				return &usageError{fmt.Errorf("--format %q: want json, jsonl or md", format)}
			}
			p, err := a.pipeline()
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
			if err := writeAnalyses(a.stdout, format, docs, len(args) > 1, store); err != nil {
				return err
			}
			if failed > 0 {
				return &partialError{failed: failed, total: len(args)}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format: json, jsonl or md")
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
