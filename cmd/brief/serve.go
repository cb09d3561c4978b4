package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/ingest"
)

// testServeReady, when set by a test, is told the address brief serve
// listens on.
var testServeReady func(url string)

func (a *app) serveCmd() *cobra.Command {
	var (
		port        int
		bind        string
		allowRemote bool
		quiet       bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build the site, serve it on 127.0.0.1 and rebuild it when an input changes",
		Long: `Build the site into out/ as brief build does, serve it over HTTP on
127.0.0.1 (--port, default 8080; 0 picks a free port), and watch the corpus,
the templates folder, the configuration file and the actor dictionaries: on
a change the site is rebuilt incrementally and the pages open in a browser
reload themselves. The reloading script is added to pages as they are
served, never written to out/.

A rebuild that fails (a template error, a bad configuration) leaves out/ as
it was: the last good site is still served, with the error shown at the top
of every page until a rebuild succeeds.

Only this machine can connect: --bind names another address to listen on,
and one that other machines can reach (0.0.0.0, a LAN address) is refused
unless --allow-remote is given too.`,
		Example: `  brief serve                     # http://127.0.0.1:8080/
  brief serve --port 0            # any free port
  brief serve --bind 0.0.0.0 --allow-remote --port 8080`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if port < 0 || port > 65535 {
				return &usageError{fmt.Errorf("--port %d: want 0 to 65535", port)}
			}
			if !loopback(bind) && !allowRemote {
				return &usageError{fmt.Errorf("--bind %s would let other machines read the site; add --allow-remote to allow it", bind)}
			}
			// The same policy on the out folder as brief build.
			if err := a.checkOut(a.forceOut); err != nil {
				return err
			}
			ctx := cmd.Context()
			if a.cfg.Cache == "" {
				a.memCache = &memCache{m: map[[32]byte]*analyze.Analysis{}}
			}
			s := &siteServer{a: a, flags: cmd.Flags(), rep: newReporter(a.stderr, false, quiet), changed: make(chan struct{}), nonce: newNonce()}
			s.rebuild(ctx, nil)
			if err := ctx.Err(); err != nil {
				return err
			}
			ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			url := "http://" + ln.Addr().String() + "/"
			s.rep.log.Info("serving", "url", url, "out", a.cfg.Out)
			if !quiet {
				fmt.Fprintf(a.stderr, "brief: serving %s at %s (Ctrl-C to stop)\n", a.cfg.Out, url)
			}
			w, err := fsnotify.NewWatcher()
			if err != nil {
				ln.Close()
				return fmt.Errorf("watch inputs: %w", err)
			}
			defer w.Close()
			s.watch(w)
			srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
			served := make(chan error, 1)
			go func() { served <- srv.Serve(ln) }()
			if testServeReady != nil {
				testServeReady(url)
			}
			err = s.loop(ctx, w)
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = srv.Shutdown(shutdown)
			if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
				return serr
			}
			return err
		},
	}
	fl := cmd.Flags()
	fl.IntVarP(&port, "port", "p", 8080, "TCP port to listen on (0: any free port)")
	fl.StringVar(&bind, "bind", "127.0.0.1", "address to listen on")
	fl.BoolVar(&allowRemote, "allow-remote", false, "allow a --bind address other machines can reach")
	fl.BoolVarP(&quiet, "quiet", "q", false, "print only warnings and errors")
	return cmd
}

// loopback reports whether host only this machine can reach.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// siteServer serves out/ and rebuilds it.
type siteServer struct {
	a     *app
	flags *pflag.FlagSet
	rep   *reporter

	mu      sync.Mutex
	out     string        // the folder served
	err     error         // of the last rebuild; nil when it succeeded
	gen     int           // counts rebuilds that changed what is served
	changed chan struct{} // closed and replaced when gen changes
	watched map[string]bool
	// nonce lets the reloading script and the error box through the
	// pages' Content-Security-Policy, which forbids every other script and
	// inline style (see inject).
	nonce string
}

// rebuild reloads the configuration and builds the site, keeping the
// outcome for the pages; the open pages are told to reload when anything
// they show changed. With a watcher, the folders the configuration now
// names are watched before the pages are told, and rebuild reports whether
// new ones were added: a change made in one before it was watched would
// otherwise go unseen.
func (s *siteServer) rebuild(ctx context.Context, w *fsnotify.Watcher) (added bool) {
	start := time.Now()
	cfg, err := loadConfig(s.a.configFile, s.flags, s.a.lookup)
	var sum *summary
	if err == nil {
		s.a.cfg, s.a.fp = cfg, nil
		sum, err = s.a.build(ctx, buildFlags{}, s.rep)
	}
	var pe *partialError
	if errors.As(err, &pe) {
		err = nil // the skipped articles were reported; the site is built
	}
	if ctx.Err() != nil {
		return false
	}
	if w != nil {
		added = s.watch(w)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.out = s.a.cfg.Out
	prev := s.err
	s.err = err
	if err != nil {
		s.rep.fail("rebuild failed; serving the last good site", "error", err)
	} else {
		s.rep.info("rebuilt", "took", time.Since(start).Round(time.Millisecond), "rendered", sum.Pages.Rendered)
	}
	// Tell the pages when what they show changed: the site, or the error.
	sameErr := (err == nil) == (prev == nil) && (err == nil || err.Error() == prev.Error())
	if !sameErr || (err == nil && !sum.UpToDate) {
		s.gen++
		close(s.changed)
		s.changed = make(chan struct{})
	}
	return added
}

// loop rebuilds after each burst of changes until ctx is done.
func (s *siteServer) loop(ctx context.Context, w *fsnotify.Watcher) error {
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if s.relevant(ev.Name) {
				// Editors write a file in several steps: wait for quiet.
				timer = time.After(100 * time.Millisecond)
			}
		case err, ok := <-w.Errors:
			if ok {
				s.rep.warn("watching inputs", "error", err)
			}
		case <-timer:
			timer = nil
			if s.rebuild(ctx, w) {
				timer = time.After(100 * time.Millisecond)
			}
		}
	}
}

// inputs are the folders to watch and the files in them that matter.
type inputs struct {
	corpus, templates string
	files             map[string]bool // the config file and dictionaries
}

func (s *siteServer) inputs() inputs {
	abs := func(p string) string {
		if p == "" {
			return ""
		}
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	in := inputs{corpus: abs(s.a.cfg.Corpus), templates: abs(s.a.cfg.Templates), files: map[string]bool{}}
	cfgFile := s.a.cfg.File
	if cfgFile == "" {
		cfgFile = "brief.yaml" // not there yet: watch for it
	}
	in.files[abs(cfgFile)] = true
	for _, d := range append(append([]string(nil), s.a.cfg.Dictionaries...), s.a.cfg.Rules...) {
		in.files[abs(d)] = true
	}
	return in
}

// relevant reports whether a change to the file at name can change the
// site: an article of the corpus, a file of the templates folder, the
// configuration, a dictionary or a rule file. The out folder, the cache and editors'
// scratch files are not.
func (s *siteServer) relevant(name string) bool {
	in := s.inputs()
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	switch {
	case in.files[name]:
		return true
	case filepath.Dir(name) == in.corpus:
		return ingest.Supported(base)
	case in.templates != "" && strings.HasPrefix(name, in.templates+string(filepath.Separator)):
		return true
	}
	return false
}

// watch makes the watcher follow the folders the inputs are in, as the
// configuration now names them, and reports whether it added any.
func (s *siteServer) watch(w *fsnotify.Watcher) (added bool) {
	in := s.inputs()
	want := map[string]bool{}
	if in.corpus != "" {
		want[in.corpus] = true
	}
	if in.templates != "" {
		_ = filepath.WalkDir(in.templates, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				want[p] = true
			}
			return nil
		})
	}
	for f := range in.files {
		want[filepath.Dir(f)] = true
	}
	if s.watched == nil {
		s.watched = map[string]bool{}
	}
	for d := range s.watched {
		if !want[d] {
			_ = w.Remove(d)
			delete(s.watched, d)
		}
	}
	for d := range want {
		if !s.watched[d] {
			if err := w.Add(d); err == nil {
				s.watched[d] = true
				added = true
			}
		}
	}
	return added
}

// memCache keeps analyses in memory between the rebuilds of brief serve
// when no cache folder is configured.
type memCache struct {
	mu sync.Mutex
	m  map[[32]byte]*analyze.Analysis
}

func memKey(path string, data []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write(data)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func (c *memCache) Get(path string, data []byte) (*analyze.Analysis, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.m[memKey(path, data)]
	return a, ok
}

func (c *memCache) Put(path string, data []byte, a *analyze.Analysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[memKey(path, data)] = a
}

// liveJS reloads the page when the server says the site changed: the
// script tag carries the generation the page was served at, the server
// sends the current one on connecting and each new one after a rebuild, so
// a rebuild that ends while the page loads still reloads it.
const liveJS = `(() => {
  const me = document.currentScript;
  let gen = me && me.dataset.gen !== undefined ? me.dataset.gen : null;
  const es = new EventSource("/__brief/events");
  es.addEventListener("build", (e) => {
    if (gen !== null && e.data !== gen) location.reload();
    gen = e.data;
  });
})();
`

func (s *siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/__brief/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte(liveJS))
		return
	case "/__brief/events":
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	s.mu.Lock()
	out := s.out
	s.mu.Unlock()
	file := filepath.Join(out, filepath.FromSlash(p))
	fi, err := os.Stat(file)
	if err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
		_, err = os.Stat(file)
	}
	// Dot files (the manifest) are brief's, not the site's.
	if err != nil || strings.Contains(p, "/.") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(s.inject([]byte("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>No page at " + html.EscapeString(p) + " in the site.</p></body></html>\n")))
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if !strings.HasSuffix(file, ".html") {
		http.ServeFile(w, r, file)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(s.inject(data))
}

// cspRe finds the Content-Security-Policy the layout gives every page.
var cspRe = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// servePolicy widens a page's policy for the server: scripts and inline
// styles that carry nonce, and the event stream. A directive given twice
// counts only the first time, so each is replaced, not added again.
func servePolicy(policy, nonce string) string {
	set := map[string]string{
		"script-src":  "script-src 'nonce-" + nonce + "'",
		"style-src":   "style-src 'self' 'nonce-" + nonce + "'",
		"connect-src": "connect-src 'self'",
	}
	var out []string
	for _, d := range strings.Split(policy, ";") {
		d = strings.TrimSpace(d)
		name, _, _ := strings.Cut(d, " ")
		if r, ok := set[name]; ok {
			d = r
			delete(set, name)
		}
		if d != "" {
			out = append(out, d)
		}
	}
	for _, name := range []string{"script-src", "style-src", "connect-src"} {
		if r, ok := set[name]; ok {
			out = append(out, r)
		}
	}
	return strings.Join(out, "; ")
}

// newNonce returns a random nonce for a server's script and style.
func newNonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// inject adds the reloading script to a page and, after a failed rebuild,
// the error at the top of its body. The page's Content-Security-Policy
// (no script, no inline style) is widened for the server's nonce alone,
// and for the event stream from the server.
func (s *siteServer) inject(page []byte) []byte {
	s.mu.Lock()
	err, gen := s.err, s.gen
	s.mu.Unlock()
	if m := cspRe.FindSubmatchIndex(page); m != nil {
		policy := servePolicy(string(page[m[2]:m[3]]), s.nonce)
		page = append(page[:m[2]:m[2]], append([]byte(policy), page[m[3]:]...)...)
	}
	script := []byte(`<script nonce="` + s.nonce + `" src="/__brief/live.js" data-gen="` + strconv.Itoa(gen) + `"></script>` + "\n")
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		page = append(page[:i:i], append(script, page[i:]...)...)
	} else {
		page = append(page, script...)
	}
	if err == nil {
		return page
	}
	box := []byte(`<style nonce="` + s.nonce + `">#brief-error{margin:0;padding:1rem 1.5rem;background:#fde8e8;color:#7a1010;border-bottom:3px solid #c53030;font:14px/1.4 system-ui,sans-serif}` +
		`#brief-error pre{white-space:pre-wrap;margin:.5rem 0 0}</style>` +
		`<div id="brief-error" role="alert"><strong>brief: the last rebuild failed; this is the last good site.</strong>` +
		`<pre>` + html.EscapeString(err.Error()) + `</pre></div>` + "\n")
	if i := bytes.Index(page, []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			at := i + j + 1
			return append(page[:at:at], append(box, page[at:]...)...)
		}
	}
	return append(box, page...)
}

// events streams the build generation to a page (server-sent events).
func (s *siteServer) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	for {
		s.mu.Lock()
		gen, changed := s.gen, s.changed
		s.mu.Unlock()
		if _, err := fmt.Fprintf(w, "retry: 500\nevent: build\ndata: %d\n\n", gen); err != nil {
			return
		}
		fl.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}
