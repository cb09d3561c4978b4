package templates

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-tool/brief/analyze"
)

func overrideStore(t *testing.T, files map[string]string, o Options) *Store {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o.Dir = dir
	st, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// A template with huge output stops at the page budget, with an *Error
// naming the file and the setting.
func TestRenderPageBudget(t *testing.T) {
	st := overrideStore(t, map[string]string{"article.md": "{{range 100000000}}0123456789abcdef{{end}}"}, Options{MaxPageBytes: 1 << 20})
	_, err := st.Render(NewSite("t", "t", []*analyze.Analysis{gulf()}))
	var te *Error
	if !errors.As(err, &te) || !strings.HasSuffix(te.File, "article.md") || !strings.Contains(err.Error(), "more than 1048576 bytes (limits.page_bytes)") {
		t.Fatalf("err = %v, want a template Error naming article.md and limits.page_bytes", err)
	}
	// The shipped templates are far within the default.
	if _, err := mustStore(t).Render(NewSite("t", "t", []*analyze.Analysis{gulf()})); err != nil {
		t.Fatal(err)
	}
}

// A template that loops forever without output cannot be stopped from
// inside; RenderContext returns as soon as the context is done.
func TestRenderContextCancelled(t *testing.T) {
	st := overrideStore(t, map[string]string{"article.md": "{{range 1000000000000000}}{{end}}"}, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := st.RenderContext(ctx, NewSite("t", "t", []*analyze.Analysis{gulf()}))
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want the context's error", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("RenderContext did not return when its context was done")
	}
}

// Reserved names every top-level entry the site writes besides the
// articles' folders, so that no article id can collide with one.
func TestReservedCoversTheSite(t *testing.T) {
	files, err := mustStore(t).Render(NewSite("t", "t", []*analyze.Analysis{gulf()}))
	if err != nil {
		t.Fatal(err)
	}
	reserved := map[string]bool{}
	for _, r := range Reserved() {
		reserved[r] = true
	}
	for p := range files {
		top, _, _ := strings.Cut(p, "/")
		if top == gulf().Doc.ID {
			continue
		}
		stem, _, _ := strings.Cut(top, ".")
		if !reserved[stem] {
			t.Errorf("the site writes %s, but %q is not in Reserved()", p, stem)
		}
	}
}

// An article whose id is a site page's name cannot overwrite it: Render
// refuses two pages of one path.
func TestRenderRefusesCollidingPaths(t *testing.T) {
	a := gulf()
	a.Doc.ID = "actors"
	_, err := mustStore(t).Render(NewSite("t", "t", []*analyze.Analysis{a}))
	if err == nil || !strings.Contains(err.Error(), "two pages would be written to actors/index.md") {
		t.Errorf("err = %v", err)
	}
}

func mustStore(t *testing.T) *Store {
	t.Helper()
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}
