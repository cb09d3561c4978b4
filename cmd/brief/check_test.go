package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// listDir names what is in dir, to see that check wrote nothing.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		rel, _ := filepath.Rel(dir, p)
		out = append(out, rel)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCheck(t *testing.T) {
	dir := inTempDir(t)
	corpus := newCorpus(t, dir)
	writeFile(t, filepath.Join(dir, "brief.yaml"), "cache: .brief-cache\n")
	before := strings.Join(listDir(t, dir), "\n")
	_, stderr, err := run(t, nil, "check")
	if err != nil {
		t.Fatalf("check of a good corpus: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "checked 3 articles (3 read)") || !strings.Contains(stderr, ": 0 problems") {
		t.Errorf("stderr = %q", stderr)
	}

	for _, tt := range []struct {
		name  string
		setup func()
		args  []string
		exit  int
		say   []string
	}{
		{"misspelt override", func() { writeFile(t, filepath.Join(dir, "tpl", "articel.md"), "# x\n") }, []string{"--templates", "tpl"},
			exitTemplate, []string{filepath.Join("tpl", "articel.md") + ": no template of that name; did you mean article.md?"}},
		{"template fails on the corpus", func() {
			writeFile(t, filepath.Join(dir, "tpl2", "actor.md"), "# {{.Name}}\n{{.Nope}}\n")
			writeFile(t, filepath.Join(dir, "tpl2", "source.html"), "<h1>{{.Doc.Titel}}</h1>")
		}, []string{"--templates", "tpl2"},
			exitTemplate, []string{filepath.Join("tpl2", "actor.md") + ":2:2: ", filepath.Join("tpl2", "source.html") + ":1:10:", "Titel", ": 2 problems"}},
		{"bad article", func() { writeFile(t, filepath.Join(corpus, "latin1.txt"), "Caf\xe9 talks\n\nThe navies met.\n") }, nil,
			exitPartial, []string{"corpus/latin1.txt:1:4", "checked 4 articles (3 read)"}},
		{"bad config", nil, []string{"--limits-workers", "-1"}, exitUsage, []string{"limits.workers"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup()
			}
			_, stderr, err := run(t, nil, append([]string{"check"}, tt.args...)...)
			if got := exitCode(err); got != tt.exit {
				t.Errorf("exit %d (%v), want %d\n%s", got, err, tt.exit, stderr)
			}
			text := stderr
			if err != nil {
				text += err.Error()
			}
			for _, s := range tt.say {
				if !strings.Contains(text, s) {
					t.Errorf("output lacks %q:\n%s", s, text)
				}
			}
		})
	}
	os.Remove(filepath.Join(corpus, "latin1.txt"))
	os.RemoveAll(filepath.Join(dir, "tpl"))
	os.RemoveAll(filepath.Join(dir, "tpl2"))
	if after := strings.Join(listDir(t, dir), "\n"); after != before {
		t.Errorf("check wrote files:\nbefore\n%s\nafter\n%s", before, after)
	}
}

// brief build warns about an override that matches no template, and
// builds.
func TestBuildWarnsUnknownOverride(t *testing.T) {
	dir := inTempDir(t)
	newCorpus(t, dir)
	writeFile(t, filepath.Join(dir, "tpl", "articel.md"), "# x\n")
	_, stderr, err := run(t, nil, "build", "--templates", "tpl")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "level=WARN") || !strings.Contains(stderr, "articel.md") || !strings.Contains(stderr, "did you mean article.md?") {
		t.Errorf("no warning about tpl/articel.md:\n%s", stderr)
	}
}
