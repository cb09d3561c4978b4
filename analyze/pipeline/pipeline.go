// Package pipeline wires brief's stages together: ingest a file, segment
// and tag it, then run the registered extractors (actors first, then the
// extractors that read actors). It also analyses a whole corpus folder in
// parallel, reporting bad files without stopping at them.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/ingest"
	"github.com/brief-tool/brief/analyze/internal/safefile"
	"github.com/brief-tool/brief/analyze/nlp"
)

// Options configures a Pipeline. The zero value is usable; Default holds
// the values brief ships with.
type Options struct {
	// MaxFileBytes rejects larger inputs before reading them (0: no limit).
	MaxFileBytes int64
	// Workers analyses this many files at once (0: one per CPU).
	Workers int
	// Extractors run in order after segmentation.
	Extractors []analyze.Extractor
	// Explain records in each analysis's Trace how the rules treated each
	// sentence (brief analyze --explain).
	Explain bool
	// Ingest bounds and configures reading each file (front matter,
	// HTML).
	Ingest ingest.Options
	// Text bounds the work per sentence (see nlp.Limits).
	Text nlp.Limits
	// ArticleTimeout is the time one article's analysis may take (0: no
	// limit): an article over it is reported and skipped.
	ArticleTimeout time.Duration
	// FollowSymlinksOutside lets AnalyzeDir read links that lead out of
	// the corpus folder; otherwise they are reported and skipped.
	FollowSymlinksOutside bool
	// ReservedIDs are ids no document may take (the names of the site's
	// own pages): a document whose id is one gets a suffix (see
	// ingest.UniqueIDs).
	ReservedIDs []string
}

// Default is the configuration brief uses when nothing is set.
var Default = Options{MaxFileBytes: 5 << 20, Ingest: ingest.Default, Text: nlp.DefaultLimits, ArticleTimeout: time.Minute}

// Pipeline analyses documents. It is safe for concurrent use.
type Pipeline struct {
	opts Options
	nlp  *nlp.NLP
}

// New returns a Pipeline, loading the NLP models once for the process.
func New(opts Options) (*Pipeline, error) {
	p, err := nlp.New()
	if err != nil {
		return nil, err
	}
	return &Pipeline{opts: opts, nlp: p}, nil
}

// ErrArticleTimeout is the cause of the error for an article whose
// analysis took longer than Options.ArticleTimeout; ErrInternal of one
// whose analysis panicked.
var (
	ErrArticleTimeout = errors.New("analysis took too long")
	ErrInternal       = errors.New("internal error in brief (please report it with the file)")
)

// Analyze runs every stage on data, the bytes of the file at path (recorded
// as given). It returns ctx's error as soon as ctx is done, and an
// *ingest.Error wrapping ErrArticleTimeout as soon as the analysis takes
// longer than Options.ArticleTimeout.
//
// The stages check ctx between sentences, but a library can stall inside
// one call (goldmark is quadratic on some Markdown: 100 KB of "[](" on one
// line takes half a minute), so the analysis runs in a goroutine of its
// own and is left behind when it is stopped: it ends when that call
// returns, and its result is dropped.
func (p *Pipeline) Analyze(ctx context.Context, path string, data []byte) (*analyze.Analysis, error) {
	if d := p.opts.ArticleTimeout; d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, d, ErrArticleTimeout)
		defer cancel()
	}
	type result struct {
		a   *analyze.Analysis
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			// A bug that bad input triggers costs that input, not the run.
			if v := recover(); v != nil {
				done <- result{nil, &ingest.Error{Path: path, Err: fmt.Errorf("%w: %v", ErrInternal, v)}}
			}
		}()
		a, err := p.analyze(ctx, path, data)
		done <- result{a, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		r.err = ctx.Err()
	}
	if r.err != nil && errors.Is(context.Cause(ctx), ErrArticleTimeout) {
		return nil, &ingest.Error{Path: path, Err: fmt.Errorf("%w: stopped after %v (limits.article_timeout); skipped", ErrArticleTimeout, p.opts.ArticleTimeout)}
	}
	return r.a, r.err
}

func (p *Pipeline) analyze(ctx context.Context, path string, data []byte) (*analyze.Analysis, error) {
	a, err := p.opts.Ingest.Read(path, data)
	if err != nil {
		return nil, err
	}
	if err := p.nlp.SegmentContext(ctx, a, p.opts.Text); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if p.opts.Explain {
		a.Trace = &analyze.Trace{}
	}
	for _, e := range p.opts.Extractors {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := e.Extract(ctx, a); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("%s: %s: %w", path, e.Name(), err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a.Normalize()
	return a, nil
}

// AnalyzeFile reads the file at path and analyses it; display is the path
// recorded in the analysis.
func (p *Pipeline) AnalyzeFile(ctx context.Context, path, display string) (*analyze.Analysis, error) {
	data, err := p.read(path, display)
	if err != nil {
		return nil, err
	}
	return p.Analyze(ctx, display, data)
}

// read returns the bytes of the regular file at path, at most
// MaxFileBytes of them.
func (p *Pipeline) read(path, display string) ([]byte, error) {
	data, err := safefile.Read(path, p.opts.MaxFileBytes, "limits.max_file_bytes")
	if err != nil {
		return nil, &ingest.Error{Path: display, Err: err}
	}
	return data, nil
}

// readCorpus is read for a file of the corpus folder root (resolved): a
// link that leads out of it is refused unless FollowSymlinksOutside, and a
// link loop is named as one.
func (p *Pipeline) readCorpus(root, path, display string) ([]byte, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if _, err := os.Stat(path); err != nil {
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return nil, &ingest.Error{Path: display, Err: errors.New("is a symbolic link to nothing")}
			case errors.Is(err, syscall.ELOOP):
				return nil, &ingest.Error{Path: display, Err: errors.New("is a symbolic link in a loop")}
			}
			return nil, &ingest.Error{Path: display, Err: fmt.Errorf("is a symbolic link that cannot be followed: %w", unwrapPath(err))}
		}
		target, err := filepath.EvalSymlinks(path)
		if err == nil {
			target, err = filepath.Abs(target)
		}
		if err != nil {
			return nil, &ingest.Error{Path: display, Err: fmt.Errorf("is a symbolic link that cannot be followed: %w", unwrapPath(err))}
		}
		if !p.opts.FollowSymlinksOutside && !within(root, target) {
			return nil, &ingest.Error{Path: display, Err: fmt.Errorf("is a symbolic link out of the corpus folder, to %s: skipped (set follow_symlinks_outside: true to read it)", target)}
		}
	}
	return p.read(path, display)
}

// within reports whether path is dir or inside it; both are resolved.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// unwrapPath drops the path from an *fs.PathError, which the caller names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// CorpusFiles lists the article files at the top of dir (sub-folders such
// as gold/ are not articles), sorted by name.
func CorpusFiles(dir string) ([]string, error) {
	files, _, err := ListCorpus(dir)
	return files, err
}

// Skipped is an entry of the corpus folder that looks like an article but
// is not read, and why.
type Skipped struct {
	Path   string
	Reason string
}

func (s Skipped) String() string { return s.Path + ": " + s.Reason }

// ListCorpus lists the entries at the top of dir that are articles by
// their name (.md, .txt, .html), sorted: what each is (a folder named x.md,
// a FIFO, a link out of the folder) is checked when it is read, so that it
// is reported. Hidden entries with an article's extension (".draft.md",
// "...txt") are not read and are returned as skipped; README.md,
// sub-folders and other files are left out silently.
func ListCorpus(dir string) (files []string, skipped []Skipped, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read corpus: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.EqualFold(name, "README.md") || !ingest.Supported(name) {
			continue
		}
		if strings.HasPrefix(name, ".") {
			skipped = append(skipped, Skipped{Path: filepath.ToSlash(filepath.Join(dir, name)), Reason: "skipped: the name starts with a dot (hidden)"})
			continue
		}
		files = append(files, name)
	}
	sort.Strings(files)
	return files, skipped, nil
}

// Cache keeps analyses between runs, keyed by a file's path and bytes.
// Implementations must be safe for concurrent use and must return an
// analysis equal to the one Put stored, or nothing.
type Cache interface {
	Get(path string, data []byte) (*analyze.Analysis, bool)
	Put(path string, data []byte, a *analyze.Analysis)
}

// Result is the outcome of analysing a corpus: the documents that could be
// read, in file-name order with unique ids, one error per file that could
// not, and the entries skipped by name.
type Result struct {
	Docs    []*analyze.Analysis
	Errors  []error
	Skipped []Skipped
	// Files counts the article files found; Cached how many analyses came
	// from the cache.
	Files, Cached int
}

// maxWorkers bounds Options.Workers, whatever the caller asks: each
// worker holds an article's analysis in memory.
const maxWorkers = 256

// Input is one document to analyse. Path is recorded in the analysis;
// Data, when not nil, is its bytes, else the file at File is read. An
// input that could not be formed (a bad line of JSON) carries Err, which
// is passed on as its result.
type Input struct {
	File string
	Path string
	Data []byte
	Err  error
	// Corpus, when set, is the corpus folder File belongs to (absolute,
	// links resolved): a link that leads out of it is refused unless
	// Options.FollowSymlinksOutside.
	Corpus string
}

// Output is the result of one Input: its analysis or its error, and
// whether the analysis came from the cache. Data is the input's bytes
// (nil when they could not be read).
type Output struct {
	Index    int
	Input    Input
	Analysis *analyze.Analysis
	Data     []byte
	Cached   bool
	Err      error
}

// Stream analyses inputs on a pool of workers (Options.Workers, else one
// per CPU) and calls emit with each result in input order, as soon as it
// and every result before it are done. At most a window of a few results
// per worker is read ahead, so memory stays bounded however many inputs
// there are. emit runs on the caller's goroutine; an error from it stops
// the stream and is returned, as is ctx's error when it is cancelled. A
// nil cache analyses every input.
func (p *Pipeline) Stream(ctx context.Context, inputs iter.Seq[Input], cache Cache, emit func(Output) error) error {
	workers := p.workers()
	window := 4 * workers
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan Output)
	results := make(chan Output, window)
	slots := make(chan struct{}, window) // results read ahead and not yet emitted
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range jobs {
				results <- p.one(ctx, o, cache)
			}
		}()
	}
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			close(results)
		}()
		i := 0
		for in := range inputs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- Output{Index: i, Input: in}:
			case <-ctx.Done():
				return
			}
			i++
		}
	}()

	pending := map[int]Output{}
	next := 0
	var err error
	for o := range results {
		if err != nil {
			continue // drain, so the workers can finish
		}
		pending[o.Index] = o
		for {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if e := ctx.Err(); e != nil {
				err = e
				cancel()
				break
			}
			if e := emit(o); e != nil {
				err = e
				cancel()
				break
			}
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

func (p *Pipeline) workers() int {
	if p.opts.Workers > 0 {
		return min(p.opts.Workers, maxWorkers)
	}
	return runtime.GOMAXPROCS(0)
}

// one analyses the input of o, through the cache.
func (p *Pipeline) one(ctx context.Context, o Output, cache Cache) Output {
	in := o.Input
	if in.Err != nil {
		o.Err = in.Err
		return o
	}
	data := in.Data
	if data == nil {
		var err error
		if in.Corpus != "" {
			data, err = p.readCorpus(in.Corpus, in.File, in.Path)
		} else {
			data, err = p.read(in.File, in.Path)
		}
		if err != nil {
			o.Err = err
			return o
		}
	} else if p.opts.MaxFileBytes > 0 && int64(len(data)) > p.opts.MaxFileBytes {
		o.Err = &ingest.Error{Path: in.Path, Err: fmt.Errorf("text is %d bytes, over the limit of %d (limits.max_file_bytes)", len(data), p.opts.MaxFileBytes)}
		return o
	}
	o.Data = data
	if cache != nil {
		if a, ok := cache.Get(in.Path, data); ok {
			o.Analysis, o.Cached = a, true
			return o
		}
	}
	o.Analysis, o.Err = p.Analyze(ctx, in.Path, data)
	if o.Err == nil && cache != nil {
		cache.Put(in.Path, data, o.Analysis)
	}
	return o
}

// FileInputs lists files as inputs, each recorded under its path with
// forward slashes.
func FileInputs(files []string) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, f := range files {
			if !yield(Input{File: f, Path: filepath.ToSlash(f)}) {
				return
			}
		}
	}
}

// AnalyzeDir analyses every article at the top of dir in parallel. Paths in
// the analyses are relative to dir's parent as given ("corpus/x.md").
// A nil cache analyses every file. progress, when not nil, is called after
// each file with its result. When ctx is done, the analyses under way stop
// at once and AnalyzeDir returns ctx's error.
func (p *Pipeline) AnalyzeDir(ctx context.Context, dir string, cache Cache, progress ...func(Output)) (Result, error) {
	files, skipped, err := ListCorpus(dir)
	if err != nil {
		return Result{}, err
	}
	root, err := filepath.EvalSymlinks(dir)
	if err == nil {
		root, err = filepath.Abs(root)
	}
	if err != nil {
		return Result{}, fmt.Errorf("read corpus: %w", err)
	}
	inputs := func(yield func(Input) bool) {
		for _, f := range files {
			path := filepath.Join(dir, f)
			if !yield(Input{File: path, Path: filepath.ToSlash(path), Corpus: root}) {
				return
			}
		}
	}
	res := Result{Files: len(files), Skipped: skipped}
	err = p.Stream(ctx, inputs, cache, func(o Output) error {
		if o.Err != nil {
			res.Errors = append(res.Errors, o.Err)
		} else {
			// Kept for the whole build: only the contract, not the
			// tokens and annotations the stages worked on.
			o.Analysis.Release()
			res.Docs = append(res.Docs, o.Analysis)
			if o.Cached {
				res.Cached++
			}
		}
		for _, f := range progress {
			f(o)
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	ingest.UniqueIDs(res.Docs, p.opts.ReservedIDs...)
	return res, nil
}
