package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/brief-tool/brief/templates"
)

// fileState is what tells whether a file was written: its inode and
// modification time.
type fileState struct {
	ino   uint64
	mtime int64
}

func states(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fileState{fi.Sys().(*syscall.Stat_t).Ino, fi.ModTime().UnixNano()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// site reads a built site without its manifest, which records when files
// were written.
func site(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := tree(t, dir)
	if _, ok := files[templates.ManifestName]; !ok {
		t.Errorf("%s has no %s", dir, templates.ManifestName)
	}
	delete(files, templates.ManifestName)
	return files
}

// buildJSON runs brief build --json with args and returns its summary.
func buildJSON(t *testing.T, env map[string]string, args ...string) summary {
	t.Helper()
	stdout, stderr, err := run(t, env, append([]string{"build", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("build %v: %v\n%s", args, err, stderr)
	}
	var s summary
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("--json printed %q: %v", stdout, err)
	}
	return s
}

// coldBuild builds the corpus folder of dir from nothing into a fresh
// folder and returns the site.
func coldBuild(t *testing.T, args ...string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cold")
	if _, stderr, err := run(t, nil, append([]string{"build", "--no-cache", "--out", out}, args...)...); err != nil {
		t.Fatalf("cold build: %v\n%s", err, stderr)
	}
	return site(t, out)
}

// A rebuild with nothing changed writes nothing; a changed article
// re-renders its pages, its actors' and its mechanisms' pages and the
// site-wide pages (the timeline only when its incidents changed) and
// carries the others over as the same files; every result equals a build
// from nothing.
func TestBuildIncremental(t *testing.T) {
	dir := inTempDir(t)
	corpus := newCorpus(t, dir)
	env := map[string]string{"BRIEF_CACHE": ".brief-cache"}
	out := filepath.Join(dir, "out")

	first := buildJSON(t, env)
	if first.UpToDate || first.Pages.Rendered != first.Pages.Files || first.Cache.Misses != 3 || first.Cache.Hits != 0 {
		t.Errorf("first build: %+v", first)
	}
	if first.Articles.Found != 3 || first.Articles.Built != 3 || first.Actors == 0 || first.Incidents == 0 || first.Proposals == 0 {
		t.Errorf("first build counts: %+v", first.counts)
	}
	before := states(t, out)
	parent := states(t, dir)["out"]

	// Nothing changed: nothing is written, not even out/ itself.
	again := buildJSON(t, env)
	if !again.UpToDate || again.Pages.Rendered != 0 || again.Articles.Built != 3 || again.Actors != first.Actors || again.Status != "ok" {
		t.Errorf("no-op rebuild: %+v", again)
	}
	if !maps(before, states(t, out)) || states(t, dir)["out"] != parent {
		t.Error("a no-op rebuild wrote into out/")
	}
	noTempFolders(t, dir)

	// One article changed: a proposal in its body.
	name := filepath.Join(corpus, "reef-patrols.txt")
	data, _ := os.ReadFile(name)
	bio := "\n\nTomas Reyes is a senior fellow"
	if !strings.Contains(string(data), bio) {
		t.Fatalf("%s has no %q", name, bio)
	}
	data = []byte(strings.Replace(string(data), bio, "\n\nBoth navies should agree on a hotline in the Spratly Islands."+bio, 1))
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	previous := site(t, out)
	one := buildJSON(t, env)
	if one.UpToDate || one.Cache.Hits != 2 || one.Cache.Misses != 1 {
		t.Errorf("one-article rebuild: %+v", one)
	}
	after := states(t, out)
	var rendered []string
	for p, st := range after {
		if b, ok := before[p]; (ok && b.ino == st.ino) || !strings.Contains(filepath.Base(p), ".") {
			continue // the same file, or a folder
		}
		if !strings.Contains(p, "/") || strings.HasPrefix(p, "actors/") || strings.HasPrefix(p, "options/") || strings.HasPrefix(p, "reef-patrols") || p == templates.ManifestName || p == "." {
			if p != "." && p != "actors" && p != "options" && p != "reef-patrols" && p != templates.ManifestName {
				rendered = append(rendered, p)
			}
			continue
		}
		t.Errorf("%s was rewritten, though its article did not change", p)
	}
	for _, p := range []string{"reef-patrols/index.html", "reef-patrols/source.html", "reef-patrols/analysis.json", "index.html", "options.md", "options/hotline.html"} {
		if !slices.Contains(rendered, p) {
			t.Errorf("%s was not rendered again; rendered: %v", p, rendered)
		}
	}
	// The pages made from many articles are rendered again only when
	// their bytes change (the Markdown or the HTML of the page).
	now := site(t, out)
	for _, p := range rendered {
		if strings.HasPrefix(p, "reef-patrols/") {
			continue
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(p, ".md"), ".html")
		if string(now[stem+".md"]) == string(previous[stem+".md"]) && string(now[stem+".html"]) == string(previous[stem+".html"]) {
			t.Errorf("%s was rendered again to the same bytes", p)
		}
	}
	// The new sentence is a proposal: the timeline shows incidents only.
	if slices.Contains(rendered, "timeline.md") || slices.Contains(rendered, "timeline.html") {
		t.Errorf("the timeline was rendered again for a new proposal; rendered: %v", rendered)
	}
	if one.Pages.Rendered != len(rendered) || one.Pages.Kept+one.Pages.Rendered != one.Pages.Files {
		t.Errorf("summary says %d rendered of %d (%d kept); %d files are new: %v", one.Pages.Rendered, one.Pages.Files, one.Pages.Kept, len(rendered), rendered)
	}
	sameTree(t, site(t, out), coldBuild(t), "after a one-article change")
	if !strings.Contains(string(site(t, out)["reef-patrols/index.md"]), "Spratly") {
		t.Error("the changed article's pack does not show the change")
	}

	// An article removed: its pages go.
	if err := os.Remove(filepath.Join(corpus, "radar-locks.html")); err != nil {
		t.Fatal(err)
	}
	gone := buildJSON(t, env)
	if gone.Pages.Removed == 0 {
		t.Errorf("removing an article removed no page: %+v", gone.Pages)
	}
	sameTree(t, site(t, out), coldBuild(t), "after removing an article")

	// A template changed: everything is rendered again.
	writeFile(t, filepath.Join(dir, "tpl", "article.md"), "# {{md .Doc.Title}}\n\nCustom.\n")
	tpl := buildJSON(t, env, "--templates", "tpl")
	if tpl.Pages.Rendered == 0 || tpl.Cache.Hits != 2 {
		t.Errorf("template change: %+v", tpl)
	}
	sameTree(t, site(t, out), coldBuild(t, "--templates", "tpl"), "after a template change")

	// A file changed in out/ by hand is put right by the next build.
	index := filepath.Join(out, "index.html")
	if err := os.WriteFile(index, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	fixed := buildJSON(t, env, "--templates", "tpl")
	if fixed.UpToDate || fixed.Pages.Rendered != 2 {
		t.Errorf("after editing out/index.html: %+v (want its job, 2 files, rendered)", fixed.Pages)
	}
	sameTree(t, site(t, out), coldBuild(t, "--templates", "tpl"), "after editing out/ by hand")
	noTempFolders(t, dir)
}

func maps(a, b map[string]fileState) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A no-op rebuild reports the articles the first build skipped, and fails
// as it did.
func TestBuildUpToDateKeepsFailures(t *testing.T) {
	dir := inTempDir(t)
	corpus := newCorpus(t, dir)
	writeFile(t, filepath.Join(corpus, "empty.md"), "")
	for i := 0; i < 2; i++ {
		stdout, stderr, err := run(t, nil, "build", "--json")
		var pe *partialError
		if !errors.As(err, &pe) || !strings.Contains(stderr, "corpus/empty.md") {
			t.Fatalf("build %d: err %v, stderr %s", i, err, stderr)
		}
		var s summary
		if err := json.Unmarshal([]byte(stdout), &s); err != nil {
			t.Fatal(err)
		}
		if s.Status != "partial" || len(s.Articles.Skipped) != 1 || s.Articles.Skipped[0].Path != "corpus/empty.md" || s.UpToDate != (i == 1) {
			t.Errorf("build %d: %+v", i, s)
		}
	}
}

// --no-cache and an empty BRIEF_CACHE keep no cache; --cache DIR does.
func TestBuildCacheFlags(t *testing.T) {
	dir := inTempDir(t)
	newCorpus(t, dir)
	writeFile(t, filepath.Join(dir, "brief.yaml"), "cache: .brief-cache\n")
	for _, tt := range []struct {
		env  map[string]string
		args []string
	}{
		{nil, []string{"--no-cache"}},
		{map[string]string{"BRIEF_CACHE": ""}, nil},
	} {
		s := buildJSON(t, tt.env, append(tt.args, "--out", t.TempDir())...)
		if s.Cache.Dir != "" || s.Cache.Hits+s.Cache.Misses != 0 {
			t.Errorf("%v %v: cache %+v", tt.env, tt.args, s.Cache)
		}
		if _, err := os.Stat(filepath.Join(dir, ".brief-cache")); err == nil {
			t.Fatalf("%v %v made a cache folder", tt.env, tt.args)
		}
	}
	buildJSON(t, nil, "--cache", "elsewhere")
	entries, _ := os.ReadDir(filepath.Join(dir, "elsewhere"))
	if len(entries) != 3 {
		t.Errorf("--cache elsewhere holds %d entries, want 3", len(entries))
	}
	names := []string{}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
}
