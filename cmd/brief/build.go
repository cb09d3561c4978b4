package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/ingest"
	"github.com/brief-tool/brief/analyze/nlp"
	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
)

// buildFlags are the flags of brief build that are not configuration.
type buildFlags struct {
	quiet, json, allowEmpty bool
	fromJSONL               string
}

func (a *app) buildCmd() *cobra.Command {
	var f buildFlags
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Analyse the corpus and write the briefing site to out/",
		Long: `Analyse every article at the top of the corpus folder (.md, .txt, .html) and
write the site: out/index.html and out/index.md list the articles (oldest.html
the other way round); each article gets out/<id>/index.md, index.html (the
briefing pack), source.html and analysis.json; timeline.html, options.html and
network.html compare the articles, and actors/ has a page per actor. Every page
but the source views is also written as Markdown.

Builds are incremental: out/.brief-manifest.json records what each file was
made from, so a rebuild renders only the pages whose inputs changed (one
article: its pages, and those of the actor, mechanism and site-wide pages
whose content it changed) and a build with nothing to do writes nothing. The site is built in a fresh folder
beside out/ and swapped in only when complete: a failed build leaves the
previous out/ as it was. out/ is replaced only when brief wrote it (it holds
a .brief-site file) or it is empty, and it may not be or hold the corpus, the
templates, the dictionaries, the cache, the working directory or your home
folder (--force-out replaces a folder brief did not write). An article that
cannot be read is reported with its path and left out; the others are built
and the exit status is 1. An empty corpus is an error (status 2) unless
--allow-empty.

On a terminal a progress bar shows each stage; otherwise (CI, a pipe) each
stage is logged in key=value lines. --json prints a summary object on stdout.

--from-jsonl renders the site from analyses printed by 'brief analyze
--format jsonl' (a file, - for standard input, or a folder of part files),
for analyses run elsewhere, such as the map step of a Spark job.`,
		Example: `  brief build
  brief build --corpus ~/articles --out /tmp/site
  brief build --quiet --json > build-summary.json
  BRIEF_TEMPLATES=my-templates brief build
  brief build --from-jsonl analyses.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep := newReporter(a.stderr, a.tty(), f.quiet)
			sum, err := a.build(cmd.Context(), f, rep)
			if f.json {
				if err != nil {
					if sum.Status != "partial" {
						sum.Status = "failed"
					}
					sum.Error = err.Error()
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				if jerr := enc.Encode(sum); jerr != nil && err == nil {
					err = jerr
				}
			}
			return err
		},
	}
	fl := cmd.Flags()
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print only warnings and errors")
	fl.BoolVar(&f.json, "json", false, "print a summary of the build as one JSON object on stdout")
	fl.BoolVar(&f.allowEmpty, "allow-empty", false, "build an empty site from a corpus with no articles instead of failing")
	fl.StringVar(&f.fromJSONL, "from-jsonl", "", "render the site from the analyses in FILE (JSON lines; - for stdin; or a folder of them) instead of the corpus")
	return cmd
}

// summary is what `brief build --json` prints.
type summary struct {
	// Status is ok, partial (some articles skipped) or failed.
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	Out    string `json:"out"`
	// UpToDate is true when nothing had changed and nothing was written.
	UpToDate bool `json:"up_to_date"`
	counts
	Warnings []string `json:"warnings"`
	Pages    struct {
		Files    int `json:"files"`
		Rendered int `json:"rendered"`
		Kept     int `json:"kept"`
		Removed  int `json:"removed"`
	} `json:"pages"`
	Cache struct {
		Dir    string `json:"dir"`
		Hits   int    `json:"hits"`
		Misses int    `json:"misses"`
	} `json:"cache"`
	TimingsMS struct {
		Analyze float64 `json:"analyze"`
		Render  float64 `json:"render"`
		Total   float64 `json:"total"`
	} `json:"timings_ms"`
}

// counts are what a build found; the manifest keeps them so that a build
// with nothing to do reports them again.
type counts struct {
	Articles struct {
		Found   int       `json:"found"`
		Built   int       `json:"built"`
		Skipped []skipped `json:"skipped"`
	} `json:"articles"`
	Actors    int `json:"actors"`
	Incidents int `json:"incidents"`
	Proposals int `json:"proposals"`
}

type skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// build runs brief build and returns its summary, filled as far as the
// build went.
func (a *app) build(ctx context.Context, f buildFlags, rep *reporter) (*summary, error) {
	start := time.Now()
	sum := &summary{Status: "ok", Out: a.cfg.Out, Warnings: []string{}}
	sum.Articles.Skipped = []skipped{}
	sum.Cache.Dir = a.cfg.Cache
	defer func() { sum.TimingsMS.Total = ms(time.Since(start)) }()

	if err := a.checkOut(a.forceOut); err != nil {
		return sum, err
	}
	store, err := a.templateStore()
	if err != nil {
		return sum, err
	}
	for _, e := range store.Unknown() {
		rep.warn("template override ignored", "file", e.File, "reason", e.Err)
		sum.Warnings = append(sum.Warnings, e.Error())
	}
	global := a.globalKey(store)

	var docs []*analyze.Analysis
	var digest func(*analyze.Analysis) string
	var inputs string
	var failures []error
	t := time.Now()
	if f.fromJSONL != "" {
		rep.begin("reading", 0)
		var digests map[*analyze.Analysis]string
		if docs, digests, err = jsonlDocs(f.fromJSONL, a.stdin); err != nil {
			return sum, err
		}
		h := sha256.New()
		for _, d := range docs {
			fmt.Fprintf(h, "%s\x00", digests[d])
		}
		inputs = hashKey(global, "jsonl", hex.EncodeToString(h.Sum(nil)))
		digest = func(a *analyze.Analysis) string { return hashKey(a.Doc.ID, digests[a]) }
		sum.Articles.Found = len(docs)
		rep.end("read analyses", "articles", len(docs), "from", f.fromJSONL)
	} else {
		files, err := pipeline.CorpusFiles(a.cfg.Corpus)
		if err != nil {
			return sum, err
		}
		sum.Articles.Found = len(files)
		if len(files) == 0 && !f.allowEmpty {
			return sum, &ConfigError{File: a.cfg.fileFor("corpus"), Key: "corpus",
				Err: fmt.Errorf("%s holds no articles (.md, .txt or .html at its top level); --allow-empty builds an empty site", a.cfg.Corpus)}
		}
		inputs = a.corpusInputs(global, files)
		if done, err := a.upToDate(inputs, sum, rep); done || err != nil {
			// Nothing to write, but what a killed build left beside out/
			// still goes.
			if terr := templates.TidyOut(ctx, a.cfg.Out); terr != nil && err == nil {
				err = terr
			}
			return sum, err
		}
		p, err := a.pipeline()
		if err != nil {
			return sum, err
		}
		rep.begin("analysing", len(files))
		res, err := p.AnalyzeDir(ctx, a.cfg.Corpus, a.cache(false), func(o pipeline.Output) {
			if o.Err != nil {
				rep.fail("article skipped", "error", o.Err)
			}
			rep.step(1)
		})
		if err != nil {
			return sum, err
		}
		for _, s := range res.Skipped {
			rep.warn("file skipped", "file", s.Path, "reason", s.Reason)
			sum.Warnings = append(sum.Warnings, s.String())
		}
		docs, failures = res.Docs, res.Errors
		if a.cfg.Cache != "" {
			sum.Cache.Hits, sum.Cache.Misses = res.Cached, len(res.Docs)-res.Cached
		}
		// An analysis is a function of the program, the dictionaries
		// (both in global) and the file's path and bytes.
		digest = func(a *analyze.Analysis) string { return hashKey(a.Doc.ID, a.Doc.Path, a.Doc.SHA256) }
		rep.end("analysed", "articles", len(docs), "skipped", len(failures), "cached", res.Cached)
	}
	sum.TimingsMS.Analyze = ms(time.Since(t))
	for _, d := range docs {
		for _, w := range d.Warnings {
			rep.warn("article warning", "warning", w.Format(d.Doc.Path))
			sum.Warnings = append(sum.Warnings, w.Format(d.Doc.Path))
		}
	}
	for _, e := range failures {
		sum.Articles.Skipped = append(sum.Articles.Skipped, skipped{Path: failedPath(e), Reason: e.Error()})
	}
	if len(docs) == 0 && len(failures) > 0 && !f.allowEmpty {
		sum.Status = "failed"
		return sum, &partialError{failed: len(failures), total: len(failures)}
	}

	t = time.Now()
	site := templates.NewSite(a.cfg.Site.Title, version, docs)
	sum.Articles.Built = len(docs)
	sum.Actors = len(site.Actors)
	for _, d := range docs {
		sum.Incidents += len(d.Incidents)
		sum.Proposals += len(d.Proposals)
	}
	extra, err := json.Marshal(sum.counts)
	if err != nil {
		return sum, err
	}
	jobs := store.Plan(site, templates.PlanOptions{Global: global, Digest: digest})
	var stats templates.Stats
	stats, err = store.Update(ctx, a.cfg.Out, jobs, templates.UpdateOptions{
		Workers: a.cfg.Limits.Workers, Inputs: inputs, Extra: extra,
		Progress: func(stale int) func() {
			rep.begin("rendering", stale)
			return func() { rep.step(1) }
		},
		Force: a.forceOut,
		OnWait: func(lock string) {
			rep.warn("waiting for another build into the same folder", "out", a.cfg.Out, "lock", lock)
		},
	})
	sum.TimingsMS.Render = ms(time.Since(t))
	sum.Pages.Files, sum.Pages.Rendered, sum.Pages.Kept, sum.Pages.Removed = stats.Files, stats.Rendered, stats.Kept, stats.Removed
	var oe *templates.OutError
	if errors.As(err, &oe) {
		return sum, &ConfigError{File: a.cfg.fileFor("out"), Key: "out", Err: err}
	}
	if err != nil {
		return sum, err
	}
	sum.UpToDate = !stats.Wrote
	what := "built"
	if sum.UpToDate {
		what = "up to date"
	}
	rep.end(what, "articles", len(docs), "out", a.cfg.Out, "files", stats.Files, "rendered", stats.Rendered, "kept", stats.Kept, "removed", stats.Removed)
	if len(failures) > 0 {
		sum.Status = "partial"
		return sum, &partialError{failed: len(failures), total: len(failures) + len(docs)}
	}
	return sum, nil
}

// upToDate reports whether the site in out was built from exactly inputs
// and is intact: then nothing is analysed, rendered or written, and the
// summary and skipped articles of that build are reported again.
func (a *app) upToDate(inputs string, sum *summary, rep *reporter) (bool, error) {
	m := templates.ReadManifest(a.cfg.Out)
	if m == nil || m.Inputs != inputs || !m.Intact(a.cfg.Out) {
		return false, nil
	}
	var c counts
	if json.Unmarshal(m.Extra, &c) != nil {
		return false, nil
	}
	found := sum.Articles.Found
	sum.counts = c
	sum.Articles.Found = found
	if sum.Articles.Skipped == nil {
		sum.Articles.Skipped = []skipped{}
	}
	sum.UpToDate = true
	sum.Pages.Files, sum.Pages.Kept = len(m.Files), len(m.Files)
	for _, s := range c.Articles.Skipped {
		rep.fail("article skipped", "error", s.Reason)
	}
	rep.info("up to date", "articles", c.Articles.Built, "out", a.cfg.Out, "files", len(m.Files))
	if n := len(c.Articles.Skipped); n > 0 {
		sum.Status = "partial"
		return true, &partialError{failed: n, total: n + c.Articles.Built}
	}
	return true, nil
}

// failedPath is the file an article error names.
func failedPath(err error) string {
	var fe *analyze.FileError
	if errors.As(err, &fe) {
		return fe.Path
	}
	return ""
}

// globalKey sums up what every page depends on besides the analyses: the
// program (its code, embedded data and templates), the user's
// dictionaries, the templates in use and the configuration that shapes the
// output.
func (a *app) globalKey(store *templates.Store) string {
	fp := a.fingerprint()
	if fp == "" {
		// Without a fingerprint no earlier page can be trusted.
		fp = fmt.Sprint("unknown program ", time.Now().UnixNano())
	}
	// Every limit but the number of workers can change what is built
	// (what is cut, what is skipped).
	limits := a.cfg.Limits
	limits.Workers = 0
	return hashKey(fp, fmt.Sprintf("strict=%v follow=%v limits=%+v", a.cfg.Strict, a.cfg.FollowSymlinksOutside, limits), a.cfg.Site.Title, a.cfg.Corpus,
		store.Digest())
}

// corpusInputs sums up everything a build of the corpus reads: global and
// each article file's name and bytes. A file that is not a regular file,
// or too large to be read (the build reports both), sums as what its
// status says, so it is never read here.
func (a *app) corpusInputs(global string, files []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", global)
	for _, name := range files {
		fi, err := os.Stat(filepath.Join(a.cfg.Corpus, name))
		switch {
		case err != nil:
			fmt.Fprintf(h, "%s\x00error %v\x00", name, err)
		case !fi.Mode().IsRegular() || (a.cfg.Limits.MaxFileBytes > 0 && fi.Size() > int64(a.cfg.Limits.MaxFileBytes)):
			fmt.Fprintf(h, "%s\x00%v %d %d\x00", name, fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
		default:
			b, err := os.ReadFile(filepath.Join(a.cfg.Corpus, name))
			sum := sha256.Sum256(b)
			fmt.Fprintf(h, "%s\x00%x\x00%v\x00", name, sum, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fingerprint identifies the program and the user's dictionaries and rule
// files: what an analysis depends on besides its file. "" when the program
// cannot be read.
func (a *app) fingerprint() string {
	if a.fp != nil {
		return *a.fp
	}
	fp, err := pipeline.ExecutableFingerprint()
	if err != nil {
		fp = ""
	} else {
		// A dictionary that is no regular file (a FIFO) is never read:
		// building the pipeline reports it.
		fp += pipeline.HashFiles(append(append([]string(nil), a.cfg.Dictionaries...), a.cfg.Rules...), int64(a.cfg.Limits.MaxFileBytes))
	}
	a.fp = &fp
	return fp
}

func hashKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// pipeline builds the analysis pipeline the configuration asks for.
func (a *app) pipeline() (*pipeline.Pipeline, error) { return a.pipelineWith(false) }

// pipelineWith builds the pipeline, recording rule traces when explain.
func (a *app) pipelineWith(explain bool) (*pipeline.Pipeline, error) {
	o := a.pipelineOptions()
	o.Explain = explain
	ex, err := pipeline.StandardWith(o, a.cfg.Dictionaries, a.cfg.Rules...)
	if err != nil {
		// A bad dictionary or rule file is a configuration error: the
		// error names the file, line and column.
		return nil, &ConfigError{Err: err}
	}
	o.Extractors = ex
	return pipeline.New(o)
}

// templateStore reads the templates the configuration asks for.
func (a *app) templateStore() (*templates.Store, error) {
	return templates.New(templates.Options{Dir: a.cfg.Templates, Strict: a.cfg.Strict, MaxPageBytes: int64(a.cfg.Limits.PageBytes)})
}

// pipelineOptions turns the configuration into the pipeline's options.
func (a *app) pipelineOptions() pipeline.Options {
	l := a.cfg.Limits
	return pipeline.Options{
		MaxFileBytes: int64(l.MaxFileBytes),
		Workers:      l.Workers,
		Ingest: ingest.Options{
			Strict:           a.cfg.Strict,
			FrontMatterBytes: int64(l.FrontMatterBytes),
			YAMLDepth:        l.YAMLDepth,
			YAMLAliasNodes:   int64(l.YAMLAliasNodes),
			HTMLDepth:        l.HTMLDepth,
			HTMLTokens:       l.HTMLTokens,
			HTMLTokenBytes:   int(l.HTMLTokenBytes),
		},
		Text:                  nlp.Limits{MaxRunBytes: int(l.MaxRunBytes), MaxSentenceBytes: int(l.MaxSentenceBytes)},
		ArticleTimeout:        l.ArticleTimeout,
		FollowSymlinksOutside: a.cfg.FollowSymlinksOutside,
		ReservedIDs:           templates.Reserved(),
	}
}

// cache returns the analysis cache the configuration asks for, or nil; a
// read-only one never writes (brief check).
func (a *app) cache(readOnly bool) pipeline.Cache {
	if a.cfg.Cache == "" {
		if a.memCache != nil {
			return a.memCache // brief serve's, between rebuilds
		}
		return nil
	}
	fp := a.fingerprint()
	if fp == "" {
		return nil // without a fingerprint no entry can be trusted
	}
	// The settings that change what an analysis holds (strictness, the
	// bounds of ingest and of the text) are in the key too.
	o := a.pipelineOptions()
	fp += fmt.Sprintf(" strict=%v text=%+v ingest=%+v", a.cfg.Strict, o.Text, o.Ingest)
	c := &pipeline.DirCache{Dir: a.cfg.Cache, Fingerprint: fp, OnCorrupt: func(entry, path string, err error) {
		fmt.Fprintf(a.stderr, "brief: warning: %s: the cached analysis %s is corrupt (%v): analysed again\n", path, entry, err)
	}}
	if readOnly {
		return readOnlyCache{c}
	}
	return c
}

// readOnlyCache reads a cache and never writes it.
type readOnlyCache struct{ pipeline.Cache }

func (readOnlyCache) Put(string, []byte, *analyze.Analysis) {}

// tty reports whether progress goes to a terminal.
func (a *app) tty() bool {
	if a.forceTTY {
		return true
	}
	return isTerminal(a.stderr)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
