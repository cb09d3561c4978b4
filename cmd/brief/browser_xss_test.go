package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// xssPayloads are filter-evasion vectors in the manner of OWASP's XSS
// cheat sheet: each, if it ever ran, would set window.__xss (or open a
// dialog, or load something from elsewhere). They go into every field an
// article has: title, authors, tags, url, source, kind, body and comments.
var xssPayloads = []string{
	`<script>window.__xss=1</script>`,
	`<img src=x onerror="window.__xss=2">`,
	`<svg onload="window.__xss=3"><circle r=1 /></svg>`,
	`<svg><script>window.__xss=4</script></svg>`,
	`"><script>window.__xss=5</script>`,
	`' onmouseover='window.__xss=6' x='`,
	`</title><script>window.__xss=7</script>`,
	`</style><script>window.__xss=8</script>`,
	`<IMG SRC="jav&#x09;ascript:window.__xss=9">`,
	`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=10">ent</a>`,
	`<iframe src="javascript:window.__xss=11"></iframe>`,
	`<body onload="window.__xss=12">`,
	`<details open ontoggle="window.__xss=13">`,
	`<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=14">`,
	`<object data="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTU8L3NjcmlwdD4="></object>`,
	`<meta http-equiv="refresh" content="0;url=javascript:window.__xss=16">`,
	`<a href="http://127.0.0.1:9/" onclick="window.__xss=17">x</a>`,
	`\u003cscript\u003ewindow.__xss=18\u003c/script\u003e`,
	`&lt;script&gt;window.__xss=19&lt;/script&gt;`,
	`<scr<script>ipt>window.__xss=20</scr</script>ipt>`,
	`<link rel=stylesheet href="http://127.0.0.1:9/x.css">`,
	`<img src="http://127.0.0.1:9/beacon.png">`,
	`<style>@import 'http://127.0.0.1:9/y.css';</style>`,
	`{{define "x"}}{{.}}{{end}}<script>window.__xss=24</script>`,
	"`<script>window.__xss=25</script>`",
}

// xssMarkdown are the Markdown tricks: links and images whose destination
// is a script, links hidden in references, titles that break out.
var xssMarkdown = []string{
	`[a javascript link](javascript:window.__xss=101)`,
	`[an obfuscated link](JaVaScRiPt:window.__xss=102)`,
	`[an entity link](&#x6A;avascript:window.__xss=103)`,
	`[a data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTA0PC9zY3JpcHQ+)`,
	`![an image](javascript:window.__xss=105)`,
	`![a beacon](http://127.0.0.1:9/beacon-106.png)`,
	`[a title breakout](https://example.org/ "\" onmouseover=\"window.__xss=107")`,
	`[ref link][r108]` + "\n\n" + `[r108]: javascript:window.__xss=108`,
	`<javascript:window.__xss=109>`,
	`[<img src=x onerror="window.__xss=110">](https://example.org/)`,
	`[a link to elsewhere](//evil.example/111)`,
}

// TestBrowserXSS builds a site from articles whose every field carries the
// payloads above and opens every page from file:// in headless Chromium:
// no dialog opens, no script runs (window.__xss stays unset, no script
// element exists), no element carries an event handler or a link to a
// script, no console error (a Content-Security-Policy violation included)
// is logged, and no request leaves file://.
func TestBrowserXSS(t *testing.T) {
	chrome := requireChromium(t)
	dir := t.TempDir()
	corpus, site := filepath.Join(dir, "corpus"), filepath.Join(dir, "site")
	writeXSSCorpus(t, corpus)
	var stdout, stderr bytes.Buffer
	noEnv := func(string) string { return "" }
	if err := executeEnv(t.Context(), []string{"build", "--corpus", corpus, "--out", site}, &stdout, &stderr, noEnv); err != nil {
		t.Fatalf("brief build: %v\n%s", err, stderr.String())
	}
	var pages []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(site, p)
			pages = append(pages, "/"+filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Fatalf("only %d pages built: %v", len(pages), pages)
	}

	bctx := headless(t, chrome, 5*time.Minute)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("start Chromium (%s): %v", chrome, err)
	}

	// Dialogs and requests, as they happen: a dialog is dismissed at once
	// (else the page would wait for it), in another goroutine since a
	// listener may not send commands.
	var (
		mu       sync.Mutex
		dialogs  []string
		requests []string
		current  string
	)
	dismiss := make(chan struct{}, 16)
	if err := chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			dialogs = append(dialogs, current+": "+ev.Message)
			select {
			case dismiss <- struct{}{}:
			default:
			}
		case *network.EventRequestWillBeSent:
			if u := ev.Request.URL; !strings.HasPrefix(u, "file://") {
				requests = append(requests, current+": "+u)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for range dismiss {
			_ = chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				return err
			}))
		}
	}()
	defer close(dismiss)

	// First a control page that does what the payloads try, to show that
	// each check sees it.
	control := filepath.Join(dir, "control.html")
	writeFile(t, control, `<!DOCTYPE html><title>control</title><main>`+
		`<script>window.__xss = "control"; alert("control")</script>`+
		`<img src="http://127.0.0.1:9/control.png"><a href="javascript:void 0" onclick="x()">x</a></main>`)
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+filepath.ToSlash(control))); err != nil {
		t.Fatalf("open the control page: %v", err)
	}
	res, err := chromedp.Run(bctx, chromedp.Evaluate[xssState](xssInspectJS))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	if res.Marker != "control" || len(res.Handlers) != 1 || len(res.Links) != 1 || len(dialogs) != 1 || len(requests) != 1 {
		t.Fatalf("the checks miss what the control page does: %+v, dialogs %q, requests %q", res, dialogs, requests)
	}
	dialogs, requests = nil, nil
	mu.Unlock()

	// And the pages' Content-Security-Policy forbids scripts: the same
	// script under it does not run.
	index, err := os.ReadFile(filepath.Join(site, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="[^"]*">`).Find(index)
	if csp == nil {
		t.Fatal("index.html has no Content-Security-Policy")
	}
	writeFile(t, control, `<!DOCTYPE html><head>`+string(csp)+`<title>csp</title></head><main><script>window.__xss = "csp"</script></main>`)
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+filepath.ToSlash(control))); err != nil {
		t.Fatalf("open the CSP control page: %v", err)
	}
	if res, err = chromedp.Run(bctx, chromedp.Evaluate[xssState](xssInspectJS)); err != nil || res.Marker != "" {
		t.Fatalf("a script ran under the pages' Content-Security-Policy %s: %+v %v", csp, res, err)
	}

	b := &browser{t: t, ctx: bctx, base: "file://" + filepath.ToSlash(site)}
	b.listen()
	for _, p := range pages {
		mu.Lock()
		current = p
		mu.Unlock()
		b.visit(p) // no script element, nothing from elsewhere, one main, a title
		res, err := chromedp.Run(bctx, chromedp.Evaluate[xssState](xssInspectJS))
		if err != nil {
			t.Fatalf("inspect %s: %v", p, err)
		}
		if res.Marker != "" {
			t.Errorf("%s: a payload ran (window.__xss = %s)", p, res.Marker)
		}
		for _, h := range res.Handlers {
			t.Errorf("%s: an element carries an event handler: %s", p, h)
		}
		for _, l := range res.Links {
			t.Errorf("%s: a link or source that is neither the site nor the web: %s", p, l)
		}
	}
	time.Sleep(300 * time.Millisecond) // let the last events arrive
	mu.Lock()
	for _, d := range dialogs {
		t.Errorf("a dialog opened: %s", d)
	}
	for _, r := range requests {
		t.Errorf("a request left file://: %s", r)
	}
	mu.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.console {
		t.Errorf("console: %s", m)
	}
	t.Logf("%d payloads in every field, %d pages inert", len(xssPayloads)+len(xssMarkdown), len(pages))
}

// xssState is what the inspection script reports of a page.
type xssState struct {
	Marker   string   `json:"marker"`
	Handlers []string `json:"handlers"`
	Links    []string `json:"links"`
}

// xssInspectJS reads the marker global, every on* attribute, and every
// link or source whose scheme is not file, http(s) or mailto.
const xssInspectJS = `(() => {
	const out = {marker: window.__xss === undefined ? "" : String(window.__xss), handlers: [], links: []};
	for (const e of document.querySelectorAll('*')) {
		for (const a of e.attributes) {
			if (a.name.toLowerCase().startsWith('on')) out.handlers.push('<' + e.localName + ' ' + a.name + '="' + a.value + '">');
			if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name.toLowerCase())) {
				let proto = '';
				try { proto = new URL(a.value, document.baseURI).protocol; } catch (err) { proto = 'unparsable:'; }
				if (!['file:', 'http:', 'https:', 'mailto:'].includes(proto)) out.links.push(e.localName + ' ' + a.name + '=' + a.value);
			}
		}
	}
	return out;
})()`

// writeXSSCorpus writes three articles (Markdown, HTML with a comment
// thread, plain text) that carry every payload in every field.
func writeXSSCorpus(t *testing.T, dir string) {
	t.Helper()
	yamlQuote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	var md strings.Builder
	md.WriteString("---\n")
	fmt.Fprintf(&md, "title: %s\n", yamlQuote("Naval talks "+xssPayloads[0]+xssPayloads[6]))
	md.WriteString("authors:\n")
	for _, p := range xssPayloads[1:6] {
		fmt.Fprintf(&md, "  - %s\n", yamlQuote("Ann "+p))
	}
	md.WriteString("tags:\n")
	for _, p := range xssPayloads[6:12] {
		fmt.Fprintf(&md, "  - %s\n", yamlQuote(p))
	}
	fmt.Fprintf(&md, "source: %s\n", yamlQuote("The Gazette "+xssPayloads[7]))
	fmt.Fprintf(&md, "kind: %s\n", yamlQuote(xssPayloads[12]))
	md.WriteString("url: 'javascript:window.__xss=200'\n")
	md.WriteString("published: 2020-03-01\n---\n\n")
	md.WriteString("# Naval talks " + xssPayloads[1] + "\n\n")
	for i, p := range xssPayloads {
		fmt.Fprintf(&md, "On March %d the Chinese navy and the U.S. Navy met %s at sea, and Japan said both sides should open a hotline %s.\n\n", i+1, p, p)
	}
	for _, p := range xssMarkdown {
		fmt.Fprintf(&md, "Iran said the talks should resume: %s.\n\n", p)
	}
	md.WriteString("| Actor " + xssPayloads[2] + " | Claim |\n|---|---|\n| Iran " + xssPayloads[1] + " | " + xssMarkdown[0] + " |\n")
	writeFile(t, filepath.Join(dir, "xss-markdown.md"), md.String())

	var page strings.Builder
	page.WriteString("<!DOCTYPE html><html><head>\n")
	fmt.Fprintf(&page, "<title>Standoff %s</title>\n", xssPayloads[6])
	fmt.Fprintf(&page, "<meta property=\"og:title\" content=\"Standoff &quot;&gt;&lt;script&gt;window.__xss=300&lt;/script&gt;\">\n")
	fmt.Fprintf(&page, "<meta name=\"author\" content=\"Bo &lt;img src=x onerror=window.__xss=301&gt;\">\n")
	fmt.Fprintf(&page, "<meta name=\"keywords\" content=\"&lt;svg onload=window.__xss=302&gt;, navy\">\n")
	fmt.Fprintf(&page, "<meta property=\"og:site_name\" content=\"&lt;/style&gt;&lt;script&gt;window.__xss=303&lt;/script&gt;\">\n")
	page.WriteString("<meta property=\"og:url\" content=\"javascript:window.__xss=304\">\n")
	page.WriteString("<meta property=\"article:published_time\" content=\"2020-04-02\">\n</head><body><article>\n")
	page.WriteString("<h1>Standoff in the strait " + xssPayloads[2] + "</h1>\n")
	for i, p := range xssPayloads {
		fmt.Fprintf(&page, "<p>On April %d Russia warned NATO %s and the two sides agreed to talks %s.</p>\n", i+1, p, p)
	}
	page.WriteString("<figure><figcaption>A destroyer " + xssPayloads[1] + " (Photo: Agency)</figcaption></figure>\n")
	page.WriteString("</article><section class=\"comments\"><h2>3 thoughts on this</h2>\n")
	for _, p := range xssPayloads[:10] {
		fmt.Fprintf(&page, "<div class=\"comment\"><p class=\"author\">Reader %s says:</p><p>China should talk to Taiwan %s.</p></div>\n", p, p)
	}
	page.WriteString("</section></body></html>\n")
	writeFile(t, filepath.Join(dir, "xss-page.html"), page.String())

	var txt strings.Builder
	txt.WriteString("Border clash " + xssPayloads[0] + "\n\n")
	for _, p := range append(append([]string{}, xssPayloads...), xssMarkdown...) {
		fmt.Fprintf(&txt, "India and China clashed %s in the valley, and both should pull back %s.\n\n", p, p)
	}
	writeFile(t, filepath.Join(dir, "xss-text.txt"), txt.String())
}
