package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// startServe runs brief serve with args in the test's folder until the
// test ends, and returns its URL.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ready := make(chan string, 1)
	testServeReady = func(url string) { ready <- url }
	t.Cleanup(func() { testServeReady = nil })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var stderr syncBuffer
	go func() {
		err := executeLookup(ctx, append([]string{"serve", "--port", "0"}, args...), strings.NewReader(""), io.Discard, &stderr, func(string) (string, bool) { return "", false })
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop when cancelled")
		}
		if t.Failed() {
			t.Logf("serve's stderr:\n%s", stderr.String())
		}
	})
	select {
	case url := <-ready:
		return url
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(2 * time.Minute):
		t.Fatal("serve did not start")
	}
	return ""
}

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// waitPage gets url until ok says its page is as expected, for a minute
// at most, and returns the page.
func waitPage(t *testing.T, url string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		_, page := get(t, url)
		if ok(page) {
			return page
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never became as expected:\n%.600s", url, page)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// builds follows the server's build events.
type builds struct {
	t    *testing.T
	gens chan string
}

func followBuilds(t *testing.T, base string) *builds {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"__brief/events", nil)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	b := &builds{t: t, gens: make(chan string, 16)}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if g, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				b.gens <- g
			}
		}
	}()
	b.next() // the current generation, sent on connecting
	return b
}

func (b *builds) next() string {
	b.t.Helper()
	select {
	case g := <-b.gens:
		return g
	case <-time.After(time.Minute):
		b.t.Fatal("no build event within a minute")
	}
	return ""
}

// brief serve serves the site with a reloading script that is never
// written to out/, rebuilds when an article, the configuration or a
// template changes, and after a failed rebuild keeps serving the last good
// site with the error on every page.
// liveScriptRe is the reloading script serve adds before </body>, with the
// nonce the page's Content-Security-Policy lets through.
var liveScriptRe = regexp.MustCompile(`<script nonce="([^"]+)" src="/__brief/live.js" data-gen="1"></script>\n</body>`)

func TestServe(t *testing.T) {
	dir := inTempDir(t)
	corpus := newCorpus(t, dir)
	base := startServe(t, "--quiet")
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("serving on %s, want 127.0.0.1", base)
	}
	code, page := get(t, base+"gulf-hotline/index.html")
	if code != 200 || !strings.Contains(page, "A Line Across the Gulf") || !liveScriptRe.MatchString(page) {
		t.Fatalf("pack: %d\n%.300s", code, page)
	}
	if code, index := get(t, base); code != 200 || !strings.Contains(index, "gulf-hotline/") {
		t.Errorf("/: %d", code)
	}
	if code, js := get(t, base+"__brief/live.js"); code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("live.js: %d %q", code, js)
	}
	if m := liveScriptRe.FindStringSubmatch(page); m == nil || !strings.Contains(page, "script-src 'nonce-"+m[1]+"'") {
		t.Errorf("the page's Content-Security-Policy does not let the reloading script's nonce through")
	}
	if code, _ := get(t, base+"style.css"); code != 200 {
		t.Errorf("style.css: %d", code)
	}
	if code, _ := get(t, base+"no/such/page.html"); code != 404 {
		t.Errorf("a missing page: %d", code)
	}
	if code, _ := get(t, base+".brief-manifest.json"); code != 404 {
		t.Errorf("the manifest is served: %d", code)
	}
	onDisk := func() string {
		b, err := os.ReadFile(filepath.Join(dir, "out", "gulf-hotline", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if strings.Contains(onDisk(), "script") {
		t.Error("out/ holds the reloading script")
	}

	ev := followBuilds(t, base)
	// Edit an article: the page changes.
	name := filepath.Join(corpus, "gulf-hotline.md")
	data, _ := os.ReadFile(name)
	writeFile(t, name, strings.Replace(string(data), "A Line Across the Gulf", "A Wire Across the Gulf", 1))
	ev.next()
	if _, page := get(t, base+"gulf-hotline/index.html"); !strings.Contains(page, "A Wire Across the Gulf") || strings.Contains(page, "brief-error") {
		t.Errorf("after the edit the pack reads:\n%.400s", page)
	}

	// A broken template, named in a new brief.yaml: the error is shown and
	// the last good site still served.
	writeFile(t, filepath.Join(dir, "tpl", "article.md"), "# {{.Doc.Title}\n")
	writeFile(t, filepath.Join(dir, "brief.yaml"), "templates: tpl\n")
	ev.next()
	page = waitPage(t, base+"gulf-hotline/index.html", func(page string) bool { return strings.Contains(page, `id="brief-error"`) })
	if !strings.Contains(page, "tpl/article.md:1") || !strings.Contains(page, "A Wire Across the Gulf") {
		t.Errorf("after a failed rebuild the pack reads:\n%.600s", page)
	}
	if strings.Contains(onDisk(), "brief-error") {
		t.Error("the error was written to out/")
	}
	// Fixed: the error goes and the template is used.
	writeFile(t, filepath.Join(dir, "tpl", "article.md"), "# Custom {{.Doc.Title}}\n")
	ev.next()
	page = waitPage(t, base+"gulf-hotline/index.html", func(page string) bool { return !strings.Contains(page, "brief-error") })
	if !strings.Contains(page, "Custom A Wire Across the Gulf") {
		t.Errorf("after the fix the pack reads:\n%.600s", page)
	}
	noTempFolders(t, dir)
}

// Only this machine can connect unless asked otherwise.
func TestServeRefusesOtherInterfaces(t *testing.T) {
	inTempDir(t)
	for _, bind := range []string{"0.0.0.0", "::", "192.168.1.10"} {
		_, _, err := run(t, nil, "serve", "--bind", bind, "--port", "0")
		if exitCode(err) != exitUsage || !strings.Contains(err.Error(), "--allow-remote") {
			t.Errorf("--bind %s: exit %d (%v), want %d naming --allow-remote", bind, exitCode(err), err, exitUsage)
		}
	}
	for _, h := range []string{"127.0.0.1", "::1", "localhost", "127.0.0.2"} {
		if !loopback(h) {
			t.Errorf("loopback(%q) = false", h)
		}
	}
}
