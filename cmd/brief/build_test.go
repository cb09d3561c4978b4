package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/brief-tool/brief/templates"
)

// tree reads every file under dir into path -> bytes (slash paths).
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(t *testing.T, got, want map[string][]byte, what string) {
	t.Helper()
	var gk, wk []string
	for k := range got {
		gk = append(gk, k)
	}
	for k := range want {
		wk = append(wk, k)
	}
	slices.Sort(gk)
	slices.Sort(wk)
	if !slices.Equal(gk, wk) {
		t.Fatalf("%s: files differ:\n got  %v\n want %v", what, gk, wk)
	}
	for _, k := range gk {
		if !bytes.Equal(got[k], want[k]) {
			t.Errorf("%s: %s differs", what, k)
		}
	}
}

// noTempFolders fails when a build left its work folders beside out.
func noTempFolders(t *testing.T, parent string) {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".out.new-") || strings.HasPrefix(e.Name(), ".out.old-") {
			t.Errorf("%s left behind in %s", e.Name(), parent)
		}
	}
}

// newCorpus writes the three fixture articles to dir/corpus.
func newCorpus(t *testing.T, dir string) string {
	t.Helper()
	corpus := filepath.Join(dir, "corpus")
	writeArticles(t, corpus, analyzeFiles...)
	// Not articles: a sub-folder and a file of another type.
	writeFile(t, filepath.Join(corpus, "gold", "x.yaml"), "doc: x\n")
	writeFile(t, filepath.Join(corpus, "notes.pdf"), "%PDF")
	return corpus
}

func TestBuild(t *testing.T) {
	dir := inTempDir(t)
	newCorpus(t, dir)
	_, stderr, err := run(t, nil, "build", "--corpus", "corpus", "--out", "site/out")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "msg=built articles=3 out=site/out") {
		t.Errorf("stderr = %q", stderr)
	}
	site := tree(t, filepath.Join(dir, "site", "out"))
	ids := []string{"gulf-hotline", "radar-locks", "reef-patrols"}
	want := []string{"index.html", "index.md"}
	for _, id := range ids {
		for _, f := range []string{"index.md", "index.html", "source.html", "analysis.json"} {
			want = append(want, id+"/"+f)
		}
	}
	for _, f := range want {
		if len(site[f]) == 0 {
			t.Errorf("out/%s is missing or empty", f)
		}
	}
	for f := range site {
		if strings.HasPrefix(f, "gold/") || strings.HasPrefix(f, "notes") {
			t.Errorf("out/%s comes from a file that is not an article", f)
		}
	}
	for _, id := range ids {
		if !bytes.Contains(site["index.md"], []byte(id+"/")) || !bytes.Contains(site["index.html"], []byte(id+"/")) {
			t.Errorf("the index does not link to %s/", id)
		}
	}
	if !bytes.Contains(site["gulf-hotline/index.md"], []byte("A Line Across the Gulf")) {
		t.Error("gulf-hotline/index.md lacks the article's title")
	}
	if !bytes.Contains(site["index.html"], []byte("<html")) || !bytes.Contains(site["gulf-hotline/source.html"], []byte("<html")) {
		t.Error("HTML pages are not HTML documents")
	}
	if bytes.Contains(site["radar-locks/source.html"], []byte("script text")) {
		t.Error("the source page shows the article's <script> text")
	}
	// analysis.json is the same contract as `brief analyze`.
	var v any
	if err := json.Unmarshal(site["gulf-hotline/analysis.json"], &v); err != nil {
		t.Fatalf("analysis.json: %v", err)
	}
	checkAnalysis(t, v, "corpus/gulf-hotline.md", article(t, "gulf-hotline.md"))
	noTempFolders(t, filepath.Join(dir, "site"))
}

// Two builds of the same corpus give byte-identical trees, whatever the
// number of workers.
func TestBuildDeterministic(t *testing.T) {
	dir := inTempDir(t)
	newCorpus(t, dir)
	if _, stderr, err := run(t, nil, "build", "--limits-workers", "1"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	first := tree(t, filepath.Join(dir, "out"))
	if _, stderr, err := run(t, nil, "build", "--limits-workers", "8"); err != nil {
		t.Fatalf("second build: %v\n%s", err, stderr)
	}
	sameTree(t, tree(t, filepath.Join(dir, "out")), first, "second build")
	noTempFolders(t, dir)
}

// The shipped corpus built with GOMAXPROCS=1 and with 2 (one worker, then
// two analysing at once, and the Go runtime scheduling differently) gives
// the same out/, byte for byte (but for the manifest, which records when
// each file was written).
func TestBuildDeterministicGOMAXPROCS(t *testing.T) {
	corpus, err := filepath.Abs(filepath.Join("..", "..", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	dir := inTempDir(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var sites [2]map[string][]byte
	for i, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		out := filepath.Join(dir, fmt.Sprintf("out-%d", procs))
		if _, stderr, err := run(t, nil, "build", "--corpus", corpus, "--out", out); err != nil {
			t.Fatalf("GOMAXPROCS=%d: build: %v\n%s", procs, err, stderr)
		}
		sites[i] = tree(t, out)
	}
	if len(sites[0]) < 50 {
		t.Fatalf("only %d files built", len(sites[0]))
	}
	// The manifest records when each file was written: not the site.
	for _, s := range sites {
		delete(s, templates.ManifestName)
	}
	sameTree(t, sites[1], sites[0], "the build with GOMAXPROCS=2")
}

// A bad article is reported by name and left out; the others are built and
// the command fails.
func TestBuildBadFile(t *testing.T) {
	for _, bad := range []struct{ name, content, mention string }{
		{"empty.md", "", "empty.md"},
		{"blank.txt", "\n  \n", "blank.txt"},
		{"latin1.txt", "Caf\xe9 talks\n\nThe navies met.\n", "latin1.txt:1:4"},
		{"binary.html", "<p>\x00\x01\x02</p>", "binary.html"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			dir := inTempDir(t)
			corpus := newCorpus(t, dir)
			writeFile(t, filepath.Join(corpus, bad.name), bad.content)
			_, stderr, err := run(t, nil, "build")
			var pe *partialError
			if !errors.As(err, &pe) || pe.failed != 1 || pe.total != 4 {
				t.Fatalf("err = %v, want a partialError for 1 of 4\n%s", err, stderr)
			}
			if !strings.Contains(stderr, "corpus/"+bad.mention) {
				t.Errorf("stderr does not name corpus/%s:\n%s", bad.mention, stderr)
			}
			site := tree(t, filepath.Join(dir, "out"))
			for _, id := range []string{"gulf-hotline", "radar-locks", "reef-patrols"} {
				if site[id+"/index.html"] == nil {
					t.Errorf("%s was not built", id)
				}
			}
			stem := strings.TrimSuffix(bad.name, filepath.Ext(bad.name))
			if site[stem+"/index.html"] != nil {
				t.Errorf("the bad file %s was built", bad.name)
			}
			noTempFolders(t, dir)
		})
	}
}

// A broken template fails the build with its file and line, and the
// previous site stays exactly as it was.
func TestBuildBrokenTemplateKeepsOut(t *testing.T) {
	dir := inTempDir(t)
	newCorpus(t, dir)
	if _, stderr, err := run(t, nil, "build"); err != nil {
		t.Fatalf("first build: %v\n%s", err, stderr)
	}
	before := tree(t, filepath.Join(dir, "out"))
	// A marker the build would remove, to be sure out/ was not rebuilt.
	writeFile(t, filepath.Join(dir, "out", "marker.txt"), "kept")
	before["marker.txt"] = []byte("kept")

	tpl := filepath.Join(dir, "my-templates")
	writeFile(t, filepath.Join(tpl, "article.md"), "# {{.Doc.Title}}\n\nSome text\n{{.Nope")
	_, _, err := run(t, nil, "build", "--templates", "my-templates")
	if err == nil {
		t.Fatal("build with a broken template succeeded")
	}
	var te *templates.Error
	if !errors.As(err, &te) {
		t.Errorf("error %v (%T) is not a *templates.Error", err, err)
	} else if te.File != filepath.Join("my-templates", "article.md") || te.Line != 4 {
		t.Errorf("templates.Error File, Line = %q, %d; want my-templates/article.md, 4", te.File, te.Line)
	}
	if !strings.Contains(err.Error(), "my-templates/article.md:4") {
		t.Errorf("error %q does not name my-templates/article.md:4", err)
	}
	sameTree(t, tree(t, filepath.Join(dir, "out")), before, "out/ after a failed build")
	noTempFolders(t, dir)

	// A template that parses but fails at execution time also leaves out/.
	writeFile(t, filepath.Join(tpl, "article.md"), "# {{.Doc.Title}}\n{{.Doc.NoSuchField}}\n")
	if _, _, err := run(t, nil, "build", "--templates", "my-templates"); err == nil {
		t.Fatal("build with a template naming a missing field succeeded")
	} else if !strings.Contains(err.Error(), "article.md") {
		t.Errorf("error %q does not name article.md", err)
	}
	sameTree(t, tree(t, filepath.Join(dir, "out")), before, "out/ after a failed execution")
	noTempFolders(t, dir)
}

// A templates folder overrides a default by name.
func TestBuildTemplateOverride(t *testing.T) {
	dir := inTempDir(t)
	newCorpus(t, dir)
	writeFile(t, filepath.Join(dir, "tpl", "article.md"), "OVERRIDE {{.Doc.Title}}\n")
	writeFile(t, filepath.Join(dir, "brief.yaml"), "templates: tpl\nsite: {title: Test Packs}\n")
	if _, stderr, err := run(t, nil, "build"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	site := tree(t, filepath.Join(dir, "out"))
	if got := string(site["gulf-hotline/index.md"]); got != "OVERRIDE A Line Across the Gulf\n" {
		t.Errorf("gulf-hotline/index.md = %q", got)
	}
	if !bytes.Contains(site["index.md"], []byte("Test Packs")) {
		t.Error("index.md lacks site.title from brief.yaml")
	}
}

func TestBuildErrors(t *testing.T) {
	dir := inTempDir(t)
	if _, _, err := run(t, nil, "build", "--corpus", "nowhere"); err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("missing corpus: err = %v, want one naming it", err)
	}
	newCorpus(t, dir)
	writeFile(t, filepath.Join(dir, "file-not-folder"), "x")
	if _, _, err := run(t, nil, "build", "--out", "file-not-folder"); err == nil {
		t.Error("build onto a file succeeded")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "file-not-folder")); string(data) != "x" {
		t.Error("the file in the way of out was changed")
	}
	noTempFolders(t, dir)
	if _, _, err := run(t, nil, "build", "--templates", "no-such-templates"); err == nil || !strings.Contains(err.Error(), "no-such-templates") {
		t.Errorf("missing templates folder: err = %v", err)
	}
	if _, _, err := run(t, nil, "build", "extra-arg"); err == nil {
		t.Error("build with an argument succeeded")
	}
}

// An empty corpus is a configuration error naming the corpus key, and
// writes nothing; with --allow-empty it builds an empty site.
func TestBuildEmptyCorpus(t *testing.T) {
	dir := inTempDir(t)
	if err := os.Mkdir(filepath.Join(dir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "corpus", "notes.pdf"), "%PDF")
	_, _, err := run(t, nil, "build")
	if exitCode(err) != exitUsage || err == nil || !strings.Contains(err.Error(), "corpus: corpus holds no articles") || !strings.Contains(err.Error(), "--allow-empty") {
		t.Errorf("empty corpus: exit %d, err %v; want %d naming the corpus and --allow-empty", exitCode(err), err, exitUsage)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "out")); statErr == nil {
		t.Error("a build of an empty corpus wrote out/")
	}
	if _, stderr, err := run(t, nil, "build", "--allow-empty"); err != nil {
		t.Fatalf("build --allow-empty: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "index.html")); err != nil {
		t.Error(err)
	}
}
