package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRead reads the same bytes as Markdown, plain text and HTML. Read must
// never panic; it fails only with an *Error naming the path, and when it
// succeeds the sections and paragraphs keep the contract's invariants.
//
// Seeded from testdata/ and from the sample corpus. Run locally with
//
//	go test -run '^$' -fuzz FuzzRead -fuzztime 60s ./analyze/ingest
func FuzzRead(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"testdata/*", "../../corpus/*.md", "../../corpus/*.txt", "../../corpus/*.html"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, m...)
	}
	for _, p := range seeds {
		if fi, err := os.Stat(p); err != nil || fi.IsDir() {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "---\n", "---\n---\n", "---\ntitle: [\n---\nx", "# T\n\n1. a\n2. b\n",
		"<article><h1>T</h1><p>x</p></article><div class=comment><p>y</p></div>",
		"T\n\nby A\n\nbody.\n\n1. c\n\nComments are closed.",
		"\ufeff---\ntitle: x\n---\n\ufeff", "a\r\n\r\nb\r\n", "x\u2028y\u00a0\n\u00a0\nz",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, path := range []string{"f.md", "f.txt", "f.html"} {
			a, err := Read(path, data)
			if err != nil {
				var fe *Error
				if !errors.As(err, &fe) || fe.Path != path {
					t.Fatalf("%s: error %v (%T) is not an *Error naming the path", path, err, err)
				}
				continue
			}
			if msg := invariantErr(a); msg != "" {
				t.Fatalf("%s: %s", path, msg)
			}
			if path == "f.txt" && a.Doc.Text != string(data) {
				t.Fatalf("%s: Doc.Text is not the file itself", path)
			}
		}
	})
}

// FuzzBioSocial checks that the prefilter of bioSocialRe changes nothing.
func FuzzBioSocial(f *testing.F) {
	for _, s := range []string{"Follow her on X.", "She tweets at @jd", "Reach her @jdoe", "can be REACHED AT", "on Bluesky at x",
		"on bluesKy at", "on bluesſky at", "on X at noon", "The talks went on.", "followers", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := bioSocial(s), bioSocialRe.MatchString(s); got != want {
			t.Errorf("bioSocial(%q) = %v, bioSocialRe says %v", s, got, want)
		}
	})
}

func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"", " a  b ", "\u00a0x\u2003y", "\xffa b\xfe", "one"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
