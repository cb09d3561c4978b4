package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// reporter tells the user how a long command is going. On a terminal it
// draws a progress bar per stage, with counts and the time left; elsewhere
// (CI, a pipe) it writes log/slog lines: a stage's start and end and a
// line every tenth of the way. Quiet keeps only warnings and errors.
type reporter struct {
	w     io.Writer
	tty   bool
	quiet bool
	log   *slog.Logger

	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	stage string
	total int
	done  int
	start time.Time
}

func newReporter(w io.Writer, tty, quiet bool) *reporter {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	h := slog.NewTextHandler(w, &slog.HandlerOptions{Level: level, ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{} // CI logs carry their own time
		}
		return a
	}})
	return &reporter{w: w, tty: tty, quiet: quiet, log: slog.New(h)}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// begin starts a stage of total steps.
func (r *reporter) begin(stage string, total int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stage, r.total, r.done, r.start = stage, total, 0, time.Now()
	if r.quiet || total == 0 {
		return
	}
	if r.tty {
		r.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(r.w),
			progressbar.OptionSetDescription(fmt.Sprintf("%-10s", stage)),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetRenderBlankState(true),
		)
		return
	}
	r.log.Info(stage, "total", total)
}

// step records n more steps of the current stage done.
func (r *reporter) step(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	before := r.done
	r.done += n
	if r.quiet || r.total == 0 {
		return
	}
	if r.bar != nil {
		_ = r.bar.Add(n)
		return
	}
	if tenth := r.total / 10; r.total >= 100 && before/tenth != r.done/tenth && r.done < r.total {
		r.log.Info(r.stage, "done", r.done, "total", r.total)
	}
}

// end closes the current stage with a line saying what it did.
func (r *reporter) end(msg string, attrs ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bar != nil {
		_ = r.bar.Finish()
		r.bar = nil
	}
	if r.quiet {
		return
	}
	attrs = append(attrs, "took", time.Since(r.start).Round(time.Millisecond))
	r.info(msg, attrs...)
}

// info prints a line: key=value on a terminal too, so it reads the same.
func (r *reporter) info(msg string, attrs ...any) {
	if !r.quiet {
		r.log.Info(msg, attrs...)
	}
}

// warn prints a warning above the bar.
func (r *reporter) warn(msg string, attrs ...any) { r.above(slog.LevelWarn, msg, attrs...) }

// fail prints an error (an article that could not be read) above the bar.
func (r *reporter) fail(msg string, attrs ...any) { r.above(slog.LevelError, msg, attrs...) }

func (r *reporter) above(level slog.Level, msg string, attrs ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bar != nil {
		_ = r.bar.Clear()
	}
	r.log.Log(context.Background(), level, msg, attrs...)
	if r.bar != nil {
		_ = r.bar.RenderBlank()
	}
}
