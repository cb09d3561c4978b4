package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserServe opens a pack that brief serve serves in headless
// Chromium, edits the article on disk and waits for the open page to
// reload itself and show the change, then breaks a template and waits for
// the error to appear over the last good page. Chromium is found and
// skipped (or required under CI=true) as for TestBrowser.
func TestBrowserServe(t *testing.T) {
	chrome := requireChromium(t)
	dir := inTempDir(t)
	corpus := newCorpus(t, dir)
	base := startServe(t, "--quiet")

	bctx := headless(t, chrome, 3*time.Minute)
	b := &browser{t: t, ctx: bctx, base: strings.TrimSuffix(base, "/")}
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"gulf-hotline/index.html")); err != nil {
		t.Fatalf("open the pack in Chromium (%s): %v", chrome, err)
	}
	b.listen()
	heading := func() string {
		h, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(document.querySelector("main h1") || {}).textContent || ""`))
		if err != nil {
			return "" // the page is reloading
		}
		return h
	}
	// waitFor polls the open page, which nobody navigates: only the
	// injected script can reload it.
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("the open page never showed %s (heading %q)", what, heading())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFor("the article", func() bool { return strings.Contains(heading(), "A Line Across the Gulf") })
	// Let the page's event stream connect before the edit.
	waitFor("a connected event stream", func() bool {
		n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`performance.getEntriesByType("resource").filter(r => r.name.includes("/__brief/")).length`))
		return err == nil && n > 0
	})
	time.Sleep(300 * time.Millisecond)

	name := filepath.Join(corpus, "gulf-hotline.md")
	data, _ := os.ReadFile(name)
	writeFile(t, name, strings.Replace(string(data), "A Line Across the Gulf", "A Wire Across the Gulf", 1))
	waitFor("the edited title", func() bool { return strings.Contains(heading(), "A Wire Across the Gulf") })

	writeFile(t, filepath.Join(dir, "tpl", "article.md"), "# {{.Doc.Title}\n")
	writeFile(t, filepath.Join(dir, "brief.yaml"), "templates: tpl\n")
	waitFor("the rebuild error", func() bool {
		msg, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(document.getElementById("brief-error") || {}).textContent || ""`))
		return err == nil && strings.Contains(msg, "tpl/article.md:1")
	})
	if h := heading(); !strings.Contains(h, "A Wire Across the Gulf") {
		t.Errorf("after the failed rebuild the page shows %q, not the last good pack", h)
	}
	// artifactsDir is relative to the package folder, which this test
	// has left: resolve it from there.
	if os.Getenv("BRIEF_ARTIFACTS") == "" {
		t.Setenv("BRIEF_ARTIFACTS", filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(testdataDir))), "artifacts", "browser"))
	}
	b.screenshot("/gulf-hotline/index.html", false, filepath.Join(artifactsDir(t), "serve-error.png"))

	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.console {
		t.Errorf("console: %s", m)
	}
}
