package templates

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// DefaultPageBytes is the most a template may render for one page unless
// Options.MaxPageBytes says otherwise: some hundred times a large pack.
const DefaultPageBytes = 64 << 20

// errPageBudget is why a page stopped rendering.
var errPageBudget = errors.New("over the page budget")

// pageWriter is where one page renders: it refuses to grow past max bytes
// (0: no limit) and stops the template once ctx is done, so that a
// template with endless or huge output fails instead of filling memory.
type pageWriter struct {
	ctx context.Context
	max int64
	buf []byte
}

func (w *pageWriter) Write(p []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, err
	}
	if w.max > 0 && int64(len(w.buf))+int64(len(p)) > w.max {
		return 0, errPageBudget
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// render runs one template into a pageWriter. It returns when the template
// ends or as soon as ctx is done: a template looping without output cannot
// be stopped from outside, so it is left to run in its goroutine (it stops
// at its next write) and the build goes on to report the cancellation.
func (s *Store) render(ctx context.Context, name string, run func(io.Writer) error) ([]byte, error) {
	w := &pageWriter{ctx: ctx, max: s.maxPageBytes()}
	done := make(chan error, 1)
	go func() { done <- run(w) }()
	select {
	case err := <-done:
		if err == nil {
			return w.buf, nil
		}
		if errors.Is(err, errPageBudget) {
			return nil, &Error{File: s.files[name], Err: fmt.Errorf("a page renders more than %d bytes (limits.page_bytes)", w.max)}
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, s.wrap(name, err)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *Store) maxPageBytes() int64 {
	if s.opts.MaxPageBytes == 0 {
		return DefaultPageBytes
	}
	return max(s.opts.MaxPageBytes, 0)
}
