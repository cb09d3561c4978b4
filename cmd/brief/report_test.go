package main

import (
	"bytes"
	"strings"
	"testing"
)

// On a terminal the reporter draws a bar with counts; elsewhere it writes
// slog lines, with progress only on long stages; quiet keeps warnings and
// errors alone.
func TestReporter(t *testing.T) {
	stage := func(r *reporter, total int) {
		r.begin("analysing", total)
		for i := 0; i < total; i++ {
			if i == 1 {
				r.fail("article skipped", "error", "corpus/x.md: empty file")
			}
			r.step(1)
		}
		r.end("analysed", "articles", total)
	}
	var tty bytes.Buffer
	stage(newReporter(&tty, true, false), 3)
	for _, w := range []string{"analysing", "(0/3)", "\r", "level=ERROR msg=\"article skipped\" error=\"corpus/x.md: empty file\"", "msg=analysed articles=3"} {
		if !strings.Contains(tty.String(), w) {
			t.Errorf("terminal output lacks %q:\n%q", w, tty.String())
		}
	}
	var log bytes.Buffer
	stage(newReporter(&log, false, false), 200)
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 1+9+1+1 || lines[0] != "level=INFO msg=analysing total=200" || lines[2] != "level=INFO msg=analysing done=20 total=200" ||
		!strings.HasPrefix(lines[len(lines)-1], "level=INFO msg=analysed articles=200 took=") || strings.Contains(log.String(), "\x1b") {
		t.Errorf("log output:\n%s", log.String())
	}
	var quiet bytes.Buffer
	stage(newReporter(&quiet, false, true), 200)
	if got := strings.TrimSpace(quiet.String()); got != `level=ERROR msg="article skipped" error="corpus/x.md: empty file"` {
		t.Errorf("quiet output: %q", got)
	}
}
