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
}

// AnalyzeDir analyses every article at the top of dir in parallel. Paths in
// the analyses are relative to dir's parent as given ("corpus/x.md").
// A nil cache analyses every file.
func (p *Pipeline) AnalyzeDir(ctx context.Context, dir string, cache Cache) (Result, error) {
	files, err := CorpusFiles(dir)
	if err != nil {
		return Result{}, err
	}
	workers := p.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	docs := make([]*analyze.Analysis, len(files))
	errs := make([]error, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				path := filepath.Join(dir, files[i])
				display := filepath.ToSlash(path)
				data, err := p.read(path, display)
				if err == nil && cache != nil {
					if a, ok := cache.Get(display, data); ok {
						docs[i] = a
						continue
					}
				}
				if err == nil {
					docs[i], err = p.Analyze(ctx, display, data)
					if err == nil && cache != nil {
						cache.Put(display, data, docs[i])
					}
				}
				errs[i] = err
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	var res Result
	for i := range files {
		if errs[i] != nil {
			res.Errors = append(res.Errors, errs[i])
			continue
		}
		res.Docs = append(res.Docs, docs[i])
	}
	ingest.UniqueIDs(res.Docs)
	return res, nil
}
