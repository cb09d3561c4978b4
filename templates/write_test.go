package templates

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// tree returns the files under dir with their contents, paths slashed,
// the manifest left out.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		if rel != ManifestName {
			out[filepath.ToSlash(rel)] = string(b)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestWriteDirReplacesOnlyItsOwnSites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	site := map[string][]byte{"index.html": []byte("one"), "a/index.html": []byte("a")}
	if err := WriteDir(ctx, out, site); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); got["index.html"] != "one" || got["a/index.html"] != "a" || got[Marker] != markerText || len(got) != 3 {
		t.Fatalf("first build wrote %v", got)
	}
	// A site brief wrote is replaced whole.
	if err := WriteDir(ctx, out, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); got["index.html"] != "two" || len(got) != 2 {
		t.Fatalf("second build left %v", got)
	}
	if got := names(dir); strings.Join(got, ",") != "out" {
		t.Errorf("beside out: %q, want only out (no temporary folder, no lock)", got)
	}

	// A folder brief did not write is refused, and left as it was.
	mine := filepath.Join(dir, "important")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(mine, "notes.txt"), []byte("keep me"), 0o644)
	err := WriteDir(ctx, mine, site)
	var oe *OutError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "not written by brief") || !strings.Contains(err.Error(), "--force-out") {
		t.Fatalf("err = %v, want an OutError naming --force-out", err)
	}
	if got := tree(t, mine); got["notes.txt"] != "keep me" || len(got) != 1 {
		t.Errorf("the refused folder changed: %v", got)
	}
	// Unless forced.
	if err := WriteDir(ctx, mine, site, ForceOut(true)); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, mine); got["notes.txt"] != "" || got["index.html"] != "one" {
		t.Errorf("forced: %v", got)
	}
	// An empty folder is fine; a file is not.
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	if err := WriteDir(ctx, empty, site); err != nil {
		t.Errorf("empty folder: %v", err)
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	if err := WriteDir(ctx, file, site, ForceOut(true)); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("a file: err = %v", err)
	}
}

// A build killed mid-way leaves .out.new-* (or, between the two renames of
// the fallback, .out.old-*) beside out: the next build removes them.
func TestWriteDirCleansLeftovers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	for _, p := range []string{".out.new-123/index.html", ".out.old-456/index.html", ".other.new-1/keep"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644)
	}
	if err := WriteDir(context.Background(), out, map[string][]byte{"index.html": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(dir), ","); got != ".other.new-1,out" {
		t.Errorf("beside out: %s, want the leftovers gone and the rest kept", got)
	}
}

// A cancelled build leaves the previous site exactly as it was.
func TestWriteDirCancelled(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := WriteDir(context.Background(), out, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteDir(ctx, out, map[string][]byte{"index.html": []byte("new")}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	after := tree(t, out)
	if len(after) != len(before) || after["index.html"] != "old" {
		t.Errorf("out changed: %v", after)
	}
	if got := strings.Join(names(dir), ","); got != "out" {
		t.Errorf("beside out: %s", got)
	}
}

// Builds into one folder take turns: every result is one whole site.
func TestWriteDirConcurrent(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			site := map[string][]byte{}
			for j := 0; j < 50; j++ {
				site[filepath.ToSlash(filepath.Join("p", string(rune('a'+j%26))+string(rune('0'+j/26)), "index.html"))] = []byte{byte('A' + i)}
			}
			errs[i] = WriteDir(context.Background(), out, site)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got := tree(t, out)
	var first string
	for p, c := range got {
		if p == Marker {
			continue
		}
		if first == "" {
			first = c
		}
		if c != first {
			t.Fatalf("the site mixes two builds: %s has %q, another %q", p, c, first)
		}
	}
	if len(got) != 51 {
		t.Errorf("%d files, want 51", len(got))
	}
	if got := strings.Join(names(dir), ","); got != "out" {
		t.Errorf("beside out: %s", got)
	}
}

func TestCheckOut(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) string {
		p = filepath.Join(dir, p)
		os.MkdirAll(p, 0o755)
		return p
	}
	corpus, tmpl, cache, home, work := mk("work/corpus"), mk("work/tmpl"), mk("work/.cache"), mk("home"), mk("work")
	dict := filepath.Join(work, "dict.yaml")
	os.WriteFile(dict, []byte("actors: []\n"), 0o644)
	os.Symlink(corpus, filepath.Join(dir, "link-to-corpus"))
	rules := OutRules{
		Inputs: []Place{{corpus, "the corpus folder"}, {tmpl, "the templates folder"}, {dict, "the dictionary " + dict}, {cache, "the cache folder"}},
		Around: []Place{{work, "the working directory"}, {home, "your home folder"}},
	}
	for _, tt := range []struct{ out, want string }{
		{filepath.Join(work, "out"), ""},
		{filepath.Join(home, "site"), ""},
		{filepath.Join(work, "corpus-site"), ""},
		{corpus, "it is the corpus folder"},
		{filepath.Join(corpus, "site"), "it lies inside the corpus folder"},
		{filepath.Join(corpus, "..", "corpus"), "it is the corpus folder"},
		{filepath.Join(dir, "link-to-corpus"), "it is the corpus folder"},
		{filepath.Join(tmpl, "x", "y"), "it lies inside the templates folder"},
		{dict, "it is the dictionary"},
		{cache, "it is the cache folder"},
		{work, "it is the working directory"},
		{dir, "it contains the corpus folder"},
		{home, "it is your home folder"},
		{"/", "it is the root of a file system"},
	} {
		err := CheckOut(tt.out, rules)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.out, err)
			}
			continue
		}
		var oe *OutError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.out) {
			t.Errorf("%s: err = %v, want an OutError naming it and saying %q", tt.out, err, tt.want)
		}
		// Forcing changes none of these.
		forced := rules
		forced.Force = true
		if err := CheckOut(tt.out, forced); err == nil {
			t.Errorf("%s: --force-out allowed it", tt.out)
		}
	}
}
