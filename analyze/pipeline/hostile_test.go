//go:build unix

package pipeline_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-tool/brief/analyze/pipeline"
)

// A corpus folder with everything but articles in it: each entry is
// reported with what it is, the article beside them is read, and nothing
// blocks (a FIFO used to hang the build forever).
func TestAnalyzeDirHostileEntries(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Mkdir(corpus, 0o755))
	write := func(p, s string) { must(os.WriteFile(p, []byte(s), 0o644)) }
	write(filepath.Join(corpus, "good.md"), "The navy said the talks would resume.\n")
	write(filepath.Join(dir, "outside.md"), "A file beside the corpus.\n")
	must(syscall.Mkfifo(filepath.Join(corpus, "pipe.md"), 0o644))
	must(os.Mkdir(filepath.Join(corpus, "folder.md"), 0o755))
	must(os.Symlink("loop.md", filepath.Join(corpus, "loop.md")))
	must(os.Symlink("/dev/zero", filepath.Join(corpus, "zero.txt")))
	must(os.Symlink("../outside.md", filepath.Join(corpus, "out.md")))
	must(os.Symlink("good.md", filepath.Join(corpus, "inside.md")))
	must(os.Symlink("missing.md", filepath.Join(corpus, "dangling.md")))
	write(filepath.Join(corpus, "...txt"), "Hidden by its name.\n")
	write(filepath.Join(corpus, "big.txt"), strings.Repeat("word ", 300))

	p := newPipelineWith(t, pipeline.Options{MaxFileBytes: 1000})
	done := make(chan struct{})
	var res pipeline.Result
	var err error
	go func() {
		defer close(done)
		res, err = p.AnalyzeDir(context.Background(), corpus, nil)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("AnalyzeDir blocked")
	}
	must(err)
	var docs []string
	for _, d := range res.Docs {
		docs = append(docs, filepath.Base(d.Doc.Path))
	}
	if want := []string{"good.md", "inside.md"}; !slices.Equal(docs, want) {
		t.Errorf("read %q, want %q", docs, want)
	}
	var msgs []string
	for _, e := range res.Errors {
		msgs = append(msgs, strings.TrimPrefix(e.Error(), filepath.ToSlash(corpus)+"/"))
	}
	want := []string{
		"big.txt: file is 1500 bytes, over the size limit of 1000 (limits.max_file_bytes)",
		"dangling.md: is a symbolic link to nothing",
		"folder.md: is a directory, not a regular file",
		"loop.md: is a symbolic link in a loop",
		"out.md: is a symbolic link out of the corpus folder",
		"pipe.md: is a named pipe (FIFO), not a regular file",
		"zero.txt: is a symbolic link out of the corpus folder",
	}
	if len(msgs) != len(want) {
		t.Fatalf("errors:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(msgs[i], want[i]) {
			t.Errorf("error %d = %q, want it to start with %q", i, msgs[i], want[i])
		}
	}
	if len(res.Skipped) != 1 || !strings.HasSuffix(res.Skipped[0].Path, "/...txt") || !strings.Contains(res.Skipped[0].Reason, "hidden") {
		t.Errorf("skipped = %v, want ...txt as hidden", res.Skipped)
	}

	// Asked to, a link out of the folder is read, but a device never is.
	p = newPipelineWith(t, pipeline.Options{MaxFileBytes: 1000, FollowSymlinksOutside: true})
	res, err = p.AnalyzeDir(context.Background(), corpus, nil)
	must(err)
	var zero error
	for _, e := range res.Errors {
		if strings.Contains(e.Error(), "zero.txt") {
			zero = e
		}
		if strings.Contains(e.Error(), "out.md") {
			t.Errorf("with follow_symlinks_outside: %v", e)
		}
	}
	if zero == nil || !strings.Contains(zero.Error(), "is a character device") {
		t.Errorf("zero.txt: %v, want a character device refused", zero)
	}
}

func newPipelineWith(t testing.TB, o pipeline.Options) *pipeline.Pipeline {
	t.Helper()
	ex, err := pipeline.Standard(nil)
	if err != nil {
		t.Fatal(err)
	}
	o.Extractors = ex
	p, err := pipeline.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// An article over its time budget is reported and skipped; the budget is
// the article's own, not the caller's context.
func TestArticleTimeout(t *testing.T) {
	p := newPipelineWith(t, pipeline.Options{ArticleTimeout: time.Nanosecond})
	_, err := p.Analyze(context.Background(), "slow.txt", []byte(strings.Repeat("The talks went on. ", 50)))
	if !errors.Is(err, pipeline.ErrArticleTimeout) || !strings.HasPrefix(err.Error(), "slow.txt: ") || !strings.Contains(err.Error(), "limits.article_timeout") {
		t.Errorf("err = %v, want slow.txt over limits.article_timeout", err)
	}
	// Cancelling the caller's context is not a timeout.
	p = newPipelineWith(t, pipeline.Options{ArticleTimeout: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Analyze(ctx, "x.txt", []byte("Text here.")); !errors.Is(err, context.Canceled) || errors.Is(err, pipeline.ErrArticleTimeout) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}

// A cache entry changed on disk is detected by its checksum, reported,
// removed and analysed again.
func TestDirCacheCorrupt(t *testing.T) {
	p := newPipeline(t)
	dir := t.TempDir()
	var reported []string
	c := &pipeline.DirCache{Dir: dir, Fingerprint: "v1", OnCorrupt: func(entry, path string, err error) {
		reported = append(reported, path+": "+err.Error())
	}}
	if _, err := p.AnalyzeDir(context.Background(), "testdata/articles", c); err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(entries) == 0 {
		t.Fatal("no cache entries written")
	}
	b, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	if err := os.WriteFile(entries[0], b, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := p.AnalyzeDir(context.Background(), "testdata/articles", c)
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	if len(reported) != 1 || !strings.Contains(reported[0], "checksum mismatch") || !strings.HasPrefix(reported[0], "testdata/articles/") {
		t.Errorf("reported %q, want one checksum mismatch naming the article", reported)
	}
	if _, err := os.Stat(entries[0]); err != nil {
		t.Errorf("the entry was not written again: %v", err)
	}
}

// User dictionaries are bounded as front matter is: a billion laughs, a
// FIFO, a file over the size limit are errors naming the file, before
// anything is decoded.
func TestStandardWithBoundsDictionaries(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.yaml")
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("actors: []\n")
	if err := os.WriteFile(bomb, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("actors: []\n"+strings.Repeat("# padding\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	o := pipeline.Default
	o.MaxFileBytes = 1000
	for _, tt := range []struct{ file, want string }{
		{bomb, "aliases expand to more than 10000 nodes"},
		{fifo, "is a named pipe (FIFO), not a regular file"},
		{big, "over the size limit of 1000 (limits.max_file_bytes)"},
	} {
		_, err := pipeline.StandardWith(o, []string{tt.file})
		if err == nil || !strings.HasPrefix(err.Error(), tt.file) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it named and %q", filepath.Base(tt.file), err, tt.want)
		}
	}
}
