package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/brief-tool/brief/analyze/pipeline"
)

// TestBrowser builds the site from the shipped corpus and reads it in
// headless Chromium, as a reader would: the index lists every article, each
// pack shows its sections, every internal link and anchor resolves, a
// linked sentence is highlighted, no page logs a console error or loads
// anything from elsewhere or needs a script. Screenshots of the index and
// of a pack (light and dark) are saved in $BRIEF_ARTIFACTS (default
// artifacts/browser at the repository root).
//
// Chromium is found as $BRIEF_CHROMIUM or chromium, chromium-browser,
// google-chrome on PATH. Without it the test skips, except under CI=true,
// where it fails: CI installs Debian's chromium.
func TestBrowser(t *testing.T) {
	chrome := requireChromium(t)

	const corpus = "../../corpus"
	site := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	noEnv := func(string) string { return "" }
	if err := executeEnv(t.Context(), []string{"build", "--corpus", corpus, "--out", site}, &stdout, &stderr, noEnv); err != nil {
		t.Fatalf("brief build: %v\n%s", err, stderr.String())
	}
	articles, err := pipeline.CorpusFiles(corpus)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()

	bctx := headless(t, chrome, 5*time.Minute)

	b := &browser{t: t, ctx: bctx, base: srv.URL}
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("start Chromium (%s): %v", chrome, err)
	}
	b.listen()

	// The index lists every article, each linking to its pack.
	index := b.visit("/index.html")
	var packs []string
	for _, l := range index.Links {
		if u, err := url.Parse(l); err == nil && strings.HasSuffix(u.Path, "/index.html") && strings.Count(u.Path, "/") == 2 && !strings.HasPrefix(u.Path, "/actors/") {
			if !slices.Contains(packs, u.Path) {
				packs = append(packs, u.Path)
			}
		}
	}
	if index.Rows != len(articles) || len(packs) != len(articles) {
		t.Errorf("index lists %d rows and links %d packs; the corpus has %d articles", index.Rows, len(packs), len(articles))
	}
	sort.Strings(packs)

	// Each pack shows its sections.
	for _, p := range packs {
		info := b.visit(p)
		for _, id := range []string{"bottom-line", "actors", "incidents", "options", "notable-quotes", "source"} {
			if !slices.Contains(info.Sections, id) {
				t.Errorf("%s: no visible section #%s (sections: %v)", p, id, info.Sections)
			}
		}
	}

	// Every internal link and anchor resolves: crawl every page reachable
	// from the index.
	b.crawl("/index.html")

	// A finding's link highlights its sentence in the source view.
	if len(packs) > 0 {
		pack := b.pages[packs[0]]
		var ev string
		for _, l := range pack.Links {
			if strings.Contains(l, "source.html#s-") {
				ev = l
				break
			}
		}
		if ev == "" {
			t.Errorf("%s links to no sentence of its source view", packs[0])
		} else {
			if err := chromedp.Do(bctx, chromedp.Navigate(ev)); err != nil {
				t.Fatal(err)
			}
			bg, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(() => { const e = document.querySelector(':target'); return e ? getComputedStyle(e).backgroundColor : "no target" })()`))
			if err != nil {
				t.Fatal(err)
			}
			if bg == "no target" || bg == "rgba(0, 0, 0, 0)" || bg == "transparent" {
				t.Errorf("%s: the linked sentence is not highlighted (background %s)", ev, bg)
			}
		}
	}

	// Every bottom-line clause links to a sentence of the source view
	// that exists, one link per clause of the analysis.
	for _, p := range packs {
		b.bottomLine(site, p)
	}

	// Screenshots, light and dark.
	dir := artifactsDir(t)
	b.screenshot("/index.html", false, filepath.Join(dir, "index.png"))
	if len(packs) > 0 {
		b.screenshot(packs[0], false, filepath.Join(dir, "pack.png"))
		b.screenshot(packs[0], true, filepath.Join(dir, "pack-dark.png"))
	}

	// At a desktop and a phone width, no page scrolls sideways and no
	// chart text is drawn below 10px; a pack, the timeline, the options
	// matrix and a mechanism page are kept as screenshots.
	var mechanism string
	for _, l := range b.pages["/options.html"].Links {
		if u, err := url.Parse(l); err == nil && strings.HasPrefix(u.Path, "/options/") {
			mechanism = u.Path
			break
		}
	}
	for _, width := range []int{1280, 390} {
		shots := map[string]string{"/timeline.html": "timeline", "/options.html": "options", "/network.html": "network"}
		if len(packs) > 0 {
			shots[packs[0]] = "pack"
		}
		if mechanism != "" {
			shots[mechanism] = "mechanism"
		}
		for _, p := range append(append([]string{}, packs...), "/index.html", "/timeline.html", "/options.html", "/network.html", "/actors/index.html", mechanism) {
			if p == "" {
				continue
			}
			file := ""
			if name, ok := shots[p]; ok {
				file = filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width))
				delete(shots, p)
			}
			b.layout(p, width, file)
		}
	}

	time.Sleep(200 * time.Millisecond) // let the last console events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.console {
		t.Errorf("console: %s", m)
	}
}

// pageInfo is what the test reads from a page.
type pageInfo struct {
	URL      string   `json:"url"`
	Links    []string `json:"links"`
	IDs      []string `json:"ids"`
	Sections []string `json:"sections"`
	Rows     int      `json:"rows"`
	Scripts  int      `json:"scripts"`
	Foreign  []string `json:"foreign"`
	Title    string   `json:"title"`
	Main     int      `json:"main"`
}

const inspectJS = `(() => {
	const abs = h => new URL(h, document.baseURI).href;
	const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
	return {
		url: location.href,
		links: Array.from(document.querySelectorAll('a[href]'), a => abs(a.getAttribute('href'))),
		ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
		sections: Array.from(document.querySelectorAll('h2[id]')).filter(visible).map(e => e.id),
		rows: document.querySelectorAll('main table tbody tr').length,
		scripts: document.scripts.length,
		foreign: performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith(location.origin)),
		title: document.title,
		main: document.querySelectorAll('main').length,
	};
})()`

type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	pages map[string]pageInfo // by path

	mu      sync.Mutex
	current string
	console []string
}

// listen records console errors and exceptions, with the page they came
// from.
func (b *browser) listen() {
	msgs := chromedp.Console(b.ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.console = append(b.console, b.current+": "+m.String()+" "+m.URL)
				b.mu.Unlock()
			}
		}
	}()
}

// visit opens the page at path and reads it.
func (b *browser) visit(p string) pageInfo {
	b.t.Helper()
	if info, ok := b.pages[p]; ok {
		return info
	}
	b.mu.Lock()
	b.current = p
	b.mu.Unlock()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(b.base+p)); err != nil {
		b.t.Fatalf("open %s: %v", p, err)
	}
	info, err := chromedp.Run(b.ctx, chromedp.Evaluate[pageInfo](inspectJS))
	if err != nil {
		b.t.Fatalf("read %s: %v", p, err)
	}
	if info.Scripts > 0 {
		b.t.Errorf("%s has %d scripts: pages must read without JavaScript", p, info.Scripts)
	}
	if len(info.Foreign) > 0 {
		b.t.Errorf("%s loads from elsewhere: %v", p, info.Foreign)
	}
	if info.Main != 1 || info.Title == "" {
		b.t.Errorf("%s: %d main landmarks, title %q", p, info.Main, info.Title)
	}
	if b.pages == nil {
		b.pages = map[string]pageInfo{}
	}
	b.pages[p] = info
	return info
}

// crawl visits every HTML page reachable from start and checks that every
// internal link leads to a file that exists and, with a fragment, to an
// element with that id.
func (b *browser) crawl(start string) {
	b.t.Helper()
	type link struct{ from, to string }
	var links []link
	queue, seen := []string{start}, map[string]bool{start: true}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, l := range b.visit(p).Links {
			u, err := url.Parse(l)
			if err != nil {
				b.t.Errorf("%s: bad link %q", p, l)
				continue
			}
			if u.Scheme+"://"+u.Host != b.base {
				continue // the article's own URL: not part of the site
			}
			links = append(links, link{p, l})
			if strings.HasSuffix(u.Path, ".html") && !seen[u.Path] {
				seen[u.Path] = true
				queue = append(queue, u.Path)
			}
		}
	}
	checked := map[string]bool{}
	for _, l := range links {
		u, _ := url.Parse(l.to)
		if !checked[u.Path] {
			checked[u.Path] = true
			resp, err := http.Get(b.base + u.Path)
			if err != nil {
				b.t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.t.Errorf("%s links to %s: %s", l.from, u.Path, resp.Status)
			}
		}
		if u.Fragment == "" {
			continue
		}
		target := u.Path
		if target == "" || strings.HasSuffix(target, "/") {
			target = path.Join(target, "index.html")
		}
		if info, ok := b.pages[target]; ok && !slices.Contains(info.IDs, u.Fragment) {
			b.t.Errorf("%s links to %s: no element #%s there", l.from, l.to, u.Fragment)
		}
	}
	b.t.Logf("crawled %d pages, checked %d links", len(b.pages), len(links))
}

// layoutJS measures what a reader at a small width suffers from: how far
// the page scrolls sideways, and the chart text drawn too small to read
// (its font size times the scale the SVG is drawn at).
const layoutJS = `(() => {
	const de = document.documentElement;
	const overflow = Math.max(de.scrollWidth, document.body.scrollWidth) - de.clientWidth;
	const small = [];
	for (const t of document.querySelectorAll('svg text')) {
		if (t.getClientRects().length === 0) continue;
		const m = t.getScreenCTM();
		if (!m) continue;
		const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
		if (size < 10) small.push(t.textContent.slice(0, 40) + ' (' + size.toFixed(1) + 'px)');
	}
	return {overflow: overflow, small: small};
})()`

type layoutInfo struct {
	Overflow float64  `json:"overflow"`
	Small    []string `json:"small"`
}

// layout opens the page at path in a window width pixels wide and checks
// that the body does not overflow it and that no SVG text renders below
// 10px; with file set, it saves a full-page screenshot there.
func (b *browser) layout(p string, width int, file string) {
	b.t.Helper()
	light := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}},
		})
		return err
	})
	if err := chromedp.Do(b.ctx, light, chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate(b.base+p)); err != nil {
		b.t.Fatalf("open %s at %dpx: %v", p, width, err)
	}
	info, err := chromedp.Run(b.ctx, chromedp.Evaluate[layoutInfo](layoutJS))
	if err != nil {
		b.t.Fatalf("measure %s at %dpx: %v", p, width, err)
	}
	if info.Overflow > 0 {
		b.t.Errorf("%s at %dpx: the page is %.0fpx wider than the window", p, width, info.Overflow)
	}
	if n := len(info.Small); n > 0 {
		b.t.Errorf("%s at %dpx: %d chart labels below 10px, e.g. %s", p, width, n, strings.Join(info.Small[:min(n, 3)], "; "))
	}
	if file == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", p, err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot of %s at %dpx: %s", p, width, file)
}

// bottomLineJS lists the links of the pack's bottom line to the source
// view.
const bottomLineJS = `Array.from(document.querySelectorAll('#bottom-line ~ p:first-of-type a[href*="source.html#s-"]'), a => new URL(a.getAttribute('href'), document.baseURI).href)`

// bottomLine checks that each clause of the pack's bottom line (as the
// pack's analysis.json gives them) has a link to a sentence that exists
// in the source view.
func (b *browser) bottomLine(site, p string) {
	b.t.Helper()
	data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(strings.TrimSuffix(p, "index.html")), "analysis.json"))
	if err != nil {
		b.t.Fatal(err)
	}
	var a struct {
		Digest struct {
			BottomLine []struct {
				Sentence int `json:"sentence"`
			} `json:"bottom_line"`
		} `json:"digest"`
	}
	if err := json.Unmarshal(data, &a); err != nil {
		b.t.Fatalf("%s: analysis.json: %v", p, err)
	}
	if len(a.Digest.BottomLine) == 0 {
		b.t.Errorf("%s: no bottom line", p)
		return
	}
	if err := chromedp.Do(b.ctx, chromedp.Navigate(b.base+p)); err != nil {
		b.t.Fatal(err)
	}
	links, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](bottomLineJS))
	if err != nil {
		b.t.Fatal(err)
	}
	if len(links) != len(a.Digest.BottomLine) {
		b.t.Errorf("%s: the bottom line has %d clauses and %d links to the source", p, len(a.Digest.BottomLine), len(links))
	}
	for i, l := range links {
		u, _ := url.Parse(l)
		src := b.visit(u.Path)
		if !slices.Contains(src.IDs, u.Fragment) {
			b.t.Errorf("%s: bottom-line clause %d links to %s, which is no sentence", p, i+1, l)
		}
		if i < len(a.Digest.BottomLine) && u.Fragment != fmt.Sprintf("s-%d", a.Digest.BottomLine[i].Sentence) {
			b.t.Errorf("%s: bottom-line clause %d links to #%s, its evidence is sentence %d", p, i+1, u.Fragment, a.Digest.BottomLine[i].Sentence)
		}
	}
}

// screenshot saves a full-page PNG of the page at path.
func (b *browser) screenshot(p string, dark bool, file string) {
	b.t.Helper()
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	setScheme := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
	if err := chromedp.Do(b.ctx, setScheme, chromedp.Navigate(b.base+p)); err != nil {
		b.t.Fatalf("open %s: %v", p, err)
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", p, err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot of %s (%s): %s", p, scheme, file)
}

// artifactsDir is $BRIEF_ARTIFACTS, else artifacts/browser at the
// repository root (git-ignored).
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("BRIEF_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts", "browser")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifacts folder: %v", err)
	}
	return dir
}

// requireChromium returns the Chromium a browser test runs, or skips the
// test without one; under CI=true, where CI installs Debian's chromium, it
// fails instead.
func requireChromium(t *testing.T) string {
	t.Helper()
	chrome := chromiumPath()
	if chrome == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but no Chromium found: install Debian's chromium package or set BRIEF_CHROMIUM")
		}
		t.Skip("no Chromium found (install Debian's chromium or set BRIEF_CHROMIUM): skipping the browser test")
	}
	return chrome
}

// headless starts headless Chromium for one test, with a profile of its
// own and nothing that calls home; the context ends with the test or after
// limit.
func headless(t *testing.T, chrome string, limit time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), limit)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-background-networking", true),
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

func chromiumPath() string {
	if p := os.Getenv("BRIEF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}
