package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
)

// version is set at link time (-ldflags "-X main.version=...").
var version = "dev"

// app carries what every command shares: the output streams and the
// configuration, loaded once flags are parsed.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	configFile     string
	getenv         func(string) string
	// lookupEnv tells a variable set to "" from one not set (BRIEF_CACHE=
	// turns the cache off); nil derives it from getenv.
	lookupEnv func(string) (string, bool)
	cfg       *loaded
	// fp caches the program's fingerprint; forceTTY draws progress bars
	// whatever stderr is (tests).
	fp       *string
	forceTTY bool
	// memCache keeps analyses between the rebuilds of brief serve when
	// no cache folder is set.
	memCache pipeline.Cache
	// forceOut is --force-out: replace an output folder brief did not
	// write (see checkOut).
	forceOut bool
	// started is set once cobra has parsed the command line and accepted
	// the arguments: an error before that is a usage error.
	started bool
}

// Execute runs brief with args and returns what went wrong, if anything;
// only main prints it.
func Execute(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return executeLookup(ctx, args, os.Stdin, stdout, stderr, os.LookupEnv)
}

// executeEnv runs brief with getenv as its environment, a variable set to
// "" counting as not set.
func executeEnv(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	return executeLookup(ctx, args, os.Stdin, stdout, stderr, func(k string) (string, bool) {
		v := getenv(k)
		return v, v != ""
	})
}

func executeLookup(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, lookup func(string) (string, bool)) error {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, lookupEnv: lookup, getenv: func(k string) string {
		v, _ := lookup(k)
		return v
	}}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	var ue *usageError
	var ce *ConfigError
	if err != nil && !a.started && !errors.As(err, &ue) && !errors.As(err, &ce) {
		err = &usageError{err}
	}
	return err
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "brief",
		Short: "Turn policy articles on military tension into briefing packs",
		Long: `brief reads op-eds, think-tank pieces and news reports about military tension
between states, extracts the actors, the incidents and the de-confliction
proposals they contain, and renders Markdown and HTML briefing packs in which
every finding links to the sentence it came from.`,
		Example: `  brief build                          # corpus/ -> out/
  brief analyze article.md --format md # a quick look at one file
  brief eval --docs corpus --gold corpus/gold`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			a.started = true
			cfg, err := loadConfig(a.configFile, cmd.Flags(), a.lookup)
			if err != nil {
				return err
			}
			a.cfg = cfg
			return nil
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.configFile, "config", "", "configuration file (default ./brief.yaml when present; env BRIEF_CONFIG)")
	pf.String("corpus", defaults.Corpus, "folder of articles to build")
	pf.String("out", defaults.Out, "folder to write the site to (replaced whole)")
	pf.String("templates", "", "folder of templates that override the defaults by file name")
	pf.StringSlice("dictionaries", nil, "extra actor dictionary files (YAML)")
	pf.StringSlice("rules", nil, "extra rule files: word classes and rules (YAML)")
	pf.Bool("strict", false, "make a missing field in a template, and an unknown front-matter key or a wrong type, an error")
	pf.Int("limits-workers", 0, "articles analysed at once (0: one per CPU, at most 256)")
	maxFile := defaults.Limits.MaxFileBytes
	pf.Var(&maxFile, "limits-max-file-bytes", "reject larger articles (bytes, or with a unit: 5MiB)")
	pf.String("cache", "", "folder that keeps analyses between builds (env BRIEF_CACHE; \"\" turns it off)")
	pf.Bool("no-cache", false, "analyse every article afresh and keep nothing (overrides --cache and BRIEF_CACHE)")
	pf.BoolVar(&a.forceOut, "force-out", false, "replace the output folder even if brief did not write it")
	root.AddCommand(a.buildCmd(), a.checkCmd(), a.serveCmd(), a.analyzeCmd(), a.evalCmd(), a.configCmd(), a.versionCmd(), a.templatesCmd())
	return root
}

// lookup reads an environment variable, telling "" from not set.
func (a *app) lookup(k string) (string, bool) {
	if a.lookupEnv != nil {
		return a.lookupEnv(k)
	}
	v := a.getenv(k)
	return v, v != ""
}

func (a *app) configCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print the configuration brief would use: defaults, overridden by brief.yaml
(or --config), by BRIEF_* environment variables, and by flags. Each line says
where its value came from and which environment variable sets it.`,
		Example: `  brief config
  BRIEF_OUT=/tmp/site brief config
  brief --config ci.yaml config`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.cfg.write(a.stdout)
		},
	}
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print brief's version",
		Example: "  brief version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(a.stdout, "brief %s (analysis schema %s)\n", version, schemaName)
			return err
		},
	}
}

// partialError says some inputs failed although the command did its work
// for the others: exit status 1, after the output is written.
type partialError struct {
	failed, total int
}

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d articles could not be read (reported above)", e.failed, e.total)
}

// usageError is a command line brief cannot run: an unknown command or
// flag, a wrong number of arguments, a flag value out of its set.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// Exit statuses, as the README documents them.
const (
	exitOK       = 0
	exitPartial  = 1 // some articles failed, the rest were built; or any other failure
	exitUsage    = 2 // usage or configuration error
	exitTemplate = 3 // a template error: nothing was swapped in
	exitSignal   = 130
)

// exitCode maps an error to the process's exit status.
func exitCode(err error) int {
	var (
		ue *usageError
		ce *ConfigError
		te *templates.Error
	)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		return exitSignal
	case errors.As(err, &ue), errors.As(err, &ce):
		return exitUsage
	case errors.As(err, &te):
		return exitTemplate
	}
	return exitPartial
}
