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

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/ingest"
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
}

// Default is the configuration brief uses when nothing is set.
var Default = Options{MaxFileBytes: 5 << 20}

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

// Analyze runs every stage on data, the bytes of the file at path (recorded
// as given).
func (p *Pipeline) Analyze(ctx context.Context, path string, data []byte) (*analyze.Analysis, error) {
	a, err := ingest.Read(path, data)
	if err != nil {
		return nil, err
	}
	if err := p.nlp.Segment(a); err != nil {
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
			return nil, fmt.Errorf("%s: %s: %w", path, e.Name(), err)
		}
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

func (p *Pipeline) read(path, display string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &ingest.Error{Path: display, Err: unwrapPath(err)}
	}
	if fi.IsDir() {
		return nil, &ingest.Error{Path: display, Err: errors.New("is a directory")}
	}
	if p.opts.MaxFileBytes > 0 && fi.Size() > p.opts.MaxFileBytes {
		return nil, &ingest.Error{Path: display, Err: fmt.Errorf("file is %d bytes, over the limit of %d (limits.max_file_bytes)", fi.Size(), p.opts.MaxFileBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ingest.Error{Path: display, Err: unwrapPath(err)}
	}
	return data, nil
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
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.EqualFold(name, "README.md") || !ingest.Supported(name) {
			continue
		}
		files = append(files, name)
	}
	sort.Strings(files)
	return files, nil
}

// Cache keeps analyses between runs, keyed by a file's path and bytes.
// Implementations must be safe for concurrent use and must return an
// analysis equal to the one Put stored, or nothing.
type Cache interface {
	Get(path string, data []byte) (*analyze.Analysis, bool)
	Put(path string, data []byte, a *analyze.Analysis)
}

// Result is the outcome of analysing a corpus: the documents that could be
// read, in file-name order with unique ids, and one error per file that
// could not.
type Result struct {
	Docs   []*analyze.Analysis
	Errors []error
	// Files counts the article files found; Cached how many analyses came
	// from the cache.
	Files, Cached int
}

// Input is one document to analyse. Path is recorded in the analysis;
// Data, when not nil, is its bytes, else the file at File is read. An
// input that could not be formed (a bad line of JSON) carries Err, which
// is passed on as its result.
type Input struct {
	File string
	Path string
	Data []byte
	Err  error
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
		return p.opts.Workers
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
		if data, err = p.read(in.File, in.Path); err != nil {
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
// each file with its result.
func (p *Pipeline) AnalyzeDir(ctx context.Context, dir string, cache Cache, progress ...func(Output)) (Result, error) {
	files, err := CorpusFiles(dir)
	if err != nil {
		return Result{}, err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f)
	}
	res := Result{Files: len(files)}
	err = p.Stream(ctx, FileInputs(paths), cache, func(o Output) error {
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
	ingest.UniqueIDs(res.Docs)
	return res, nil
}
