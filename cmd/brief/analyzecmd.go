package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
)

const schemaName = analyze.Schema

func (a *app) analyzeCmd() *cobra.Command {
	var format string
	var explain bool
	cmd := &cobra.Command{
		Use:   "analyze FILE... | -",
		Short: "Analyse files anywhere on disk and print the result",
		Long: `Analyse one or more articles (.md, .txt, .html) and print what brief finds.

--format json prints one JSON object for one file, an array for several, in
the brief.analysis/v1 contract (see README); jsonl prints one object per line;
md prints the Markdown briefing pack. A file that cannot be read is reported
on stderr and the others are still printed; the exit status is then 1.

Files are analysed in parallel (limits.workers, one per CPU by default) and
printed in the order given, each as soon as it and those before it are done.

With - as the only argument, the inputs are JSON lines on standard input,
{"path": "x.md", "text": "..."} (the text of the article; path names it and
its type) or {"path": "x.md"} (the file is read), and with --format jsonl the
output is one analysis a line, in input order, with memory bounded however
long the stream: brief runs as the map step of an engine such as Apache
Spark (RDD.pipe) or Apache Beam. A bad line is reported with its number and
skipped.

--explain prints, instead, how the rules read each sentence: every rule that
matched (the words and its captures), the guard that rejected a match and
why, and what became of the matches that passed (kept as an item, or not and
why).`,
		Example: `  brief analyze article.md
  brief analyze --format md ../shared/seed/000_10d69e8ae03fa181.txt
  brief analyze --format jsonl corpus/*.md | jq .doc.title
  brief analyze --explain corpus/hotline-1963.md
  ls corpus/*.md | jq -R -c '{path: .}' | brief analyze --format jsonl - > analyses.jsonl`,
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.MinimumNArgs(1)(cmd, args); err != nil {
				return err
			}
			for _, arg := range args {
				if arg == "-" && len(args) > 1 {
					return &usageError{fmt.Errorf("- (JSON lines on standard input) must be the only argument")}
				}
			}
			return nil
		},
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
				if store, err = a.templateStore(); err != nil {
					return err
				}
			}
			var inputs iter.Seq[pipeline.Input]
			var readErr error
			stdin := len(args) == 1 && args[0] == "-"
			if stdin {
				inputs = jsonlInputs(a.stdin, "stdin", int64(a.cfg.Limits.MaxFileBytes), &readErr)
			} else {
				inputs = pipeline.FileInputs(args)
			}
			w := &analysisWriter{w: a.stdout, format: format, many: len(args) > 1 || stdin, store: store, explain: explain}
			failed, total := 0, 0
			err = p.Stream(cmd.Context(), inputs, nil, func(o pipeline.Output) error {
				total++
				if o.Err != nil {
					fmt.Fprintln(a.stderr, "brief:", o.Err)
					failed++
					return nil
				}
				for _, wn := range o.Analysis.Warnings {
					fmt.Fprintln(a.stderr, "brief: warning:", wn.Format(o.Analysis.Doc.Path))
				}
				if explain {
					return writeExplain(a.stdout, o.Analysis)
				}
				return w.write(o.Analysis)
			})
			if err != nil {
				return err
			}
			if readErr != nil {
				return fmt.Errorf("read standard input: %w", readErr)
			}
			if err := w.close(); err != nil {
				return err
			}
			if failed > 0 {
				return &partialError{failed: failed, total: total}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format: json, jsonl or md")
	cmd.Flags().BoolVar(&explain, "explain", false, "print how the rules read each sentence instead of the analysis")
	return cmd
}

// analysisWriter prints analyses one at a time in a format, so that none
// is held after it is printed: json is one object, or for many inputs an
// array laid out as encoding/json indents one; jsonl one object a line; md
// the packs separated by rules.
type analysisWriter struct {
	w       io.Writer
	format  string
	many    bool
	store   *templates.Store
	explain bool // the traces are printed instead
	n       int
}

func (aw *analysisWriter) write(d *analyze.Analysis) error {
	defer func() { aw.n++ }()
	switch aw.format {
	case "jsonl":
		enc := json.NewEncoder(aw.w)
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	case "md":
		if aw.n > 0 {
			fmt.Fprint(aw.w, "\n---\n\n")
		}
		md, err := aw.store.Markdown("article.md", templates.NewArticle(d))
		if err != nil {
			return err
		}
		_, err = aw.w.Write(md)
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if !aw.many {
		if aw.n > 0 {
			return nil // one file: one object
		}
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return err
		}
		_, err := aw.w.Write(buf.Bytes())
		return err
	}
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(d); err != nil {
		return err
	}
	sep := ",\n  "
	if aw.n == 0 {
		sep = "[\n  "
	}
	_, err := io.WriteString(aw.w, sep+string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))))
	return err
}

// close ends the output: the array of a json listing, "[]" when it is
// empty.
func (aw *analysisWriter) close() error {
	if aw.format != "json" || !aw.many || aw.explain {
		return nil
	}
	end := "\n]\n"
	if aw.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(aw.w, end)
	return err
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
