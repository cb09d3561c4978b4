package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/templates"
)

// run executes brief with args and env as its environment (nil: empty); a
// key mapped to "" is a variable set to the empty string.
func run(t testing.TB, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var o, e bytes.Buffer
	err = executeLookup(context.Background(), args, strings.NewReader(""), &o, &e, func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	})
	return o.String(), e.String(), err
}

// runStdin is run with stdin as the standard input.
func runStdin(t testing.TB, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var o, e bytes.Buffer
	err = executeLookup(context.Background(), args, strings.NewReader(stdin), &o, &e, func(string) (string, bool) { return "", false })
	return o.String(), e.String(), err
}

// inTempDir moves the test into a fresh folder, so no brief.yaml around the
// repository is read.
func inTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// article returns the bytes of testdata/articles/name.
func article(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdataDir, "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// testdataDir is the package's testdata folder as an absolute path, taken
// before any test changes directory.
var testdataDir = func() string {
	p, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return p
}()

func TestVersion(t *testing.T) {
	inTempDir(t)
	out, _, err := run(t, nil, "version")
	if err != nil {
		t.Fatal(err)
	}
	want := "brief " + version + " (analysis schema brief.analysis/v1)\n"
	if out != want {
		t.Errorf("version printed %q, want %q", out, want)
	}
	if _, _, err := run(t, nil, "version", "extra"); err == nil {
		t.Error("version with an argument succeeded")
	}
}

// Every command's help shows examples.
func TestHelpHasExamples(t *testing.T) {
	inTempDir(t)
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk((&app{getenv: func(string) string { return "" }}).rootCmd(), nil)
	if len(paths) < 8 {
		t.Fatalf("only %d commands found: %v", len(paths), paths)
	}
	for _, p := range paths {
		args := append(append([]string(nil), p...), "--help")
		out, _, err := run(t, nil, args...)
		if err != nil {
			t.Errorf("brief %s: %v", strings.Join(args, " "), err)
			continue
		}
		if !strings.Contains(out, "Example") {
			t.Errorf("brief %s prints no Example:\n%s", strings.Join(args, " "), out)
		}
		if !strings.Contains(out, "brief") {
			t.Errorf("brief %s: help does not name the program:\n%s", strings.Join(args, " "), out)
		}
	}
}

func TestUnknownCommandAndFlag(t *testing.T) {
	inTempDir(t)
	if _, _, err := run(t, nil, "frobnicate"); err == nil || !strings.Contains(err.Error(), "frobnicate") {
		t.Errorf("unknown command: err = %v, want one naming it", err)
	}
	if _, _, err := run(t, nil, "version", "--no-such-flag"); err == nil || !strings.Contains(err.Error(), "no-such-flag") {
		t.Errorf("unknown flag: err = %v, want one naming it", err)
	}
	for _, args := range [][]string{{"frobnicate"}, {"version", "--no-such-flag"}, {"version", "extra"}, {"analyze"}, {"analyze", "--format", "pdf", "x.md"}} {
		if _, _, err := run(t, nil, args...); exitCode(err) != exitUsage {
			t.Errorf("brief %s: exit %d (%v), want %d", strings.Join(args, " "), exitCode(err), err, exitUsage)
		}
	}
}

func TestExitCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{
		{errors.New("x"), 1},
		{&partialError{failed: 1, total: 2}, 1},
		{context.Canceled, 130},
		{errors.Join(errors.New("stage"), context.Canceled), 130},
		{&usageError{errors.New("unknown flag")}, 2},
		{fmt.Errorf("load: %w", &ConfigError{Key: "out", Err: errors.New("bad")}), 2},
		{fmt.Errorf("render: %w", &templates.Error{File: "article.md", Line: 1, Err: errors.New("bad")}), 3},
		{nil, 0},
	} {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// A cancelled context stops the command with context.Canceled.
func TestCancelled(t *testing.T) {
	dir := inTempDir(t)
	writeFile(t, filepath.Join(dir, "corpus", "a.md"), string(article(t, "gulf-hotline.md")))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var o, e bytes.Buffer
	err := executeEnv(ctx, []string{"build"}, &o, &e, func(string) string { return "" })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("build with a cancelled context: err = %v, want context.Canceled", err)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "out")); statErr == nil {
		t.Error("a cancelled build wrote out/")
	}
}
