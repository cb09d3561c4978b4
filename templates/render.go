package templates

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/brief-tool/brief/analyze"
)

// File is one file of the site: its slash-separated path from the site root
// and its bytes.
type File struct {
	Path string
	Data []byte
}

// Job renders one page of the site, or a page and its HTML twin, from
// inputs that Key sums up: a job whose Key is what it was at the last build
// renders the same bytes and need not run again.
type Job struct {
	// Paths are the files the job writes.
	Paths []string
	// Key hashes everything the files are made from: the templates, the
	// configuration and program (PlanOptions.Global), and the analyses and
	// actor pages the page shows.
	Key string
	// run renders the job's files and passes each to emit; it stops with
	// ctx's error when ctx is done, within a page too.
	run func(ctx context.Context, emit func(File) error) error
	// cost guesses the work, in articles shown: RenderJobs starts the
	// dearest jobs first so that a large page does not run alone at the
	// end.
	cost int
}

// PlanOptions say what the keys of a site's jobs are made of.
type PlanOptions struct {
	// Global names everything outside the store and the analyses that the
	// output depends on: the program and the configuration that shape it.
	Global string
	// Digest identifies an analysis: equal digests must mean equal
	// analyses (including Doc.ID). Nil hashes each analysis's JSON, which
	// is always right and costs an encoding per article; a build that knows
	// where its analyses came from passes something cheaper.
	Digest func(*analyze.Analysis) string
}

// Plan lists the jobs that make the whole site, in a stable order: the
// static files, then per article its pack, source view and analysis.json,
// then the mechanism pages of the options matrix, the actor pages and the
// site-wide pages. Nothing is rendered.
//
// What a key covers: an article's pages, its analysis and the pages of the
// actors it names. A page made from many articles (an actor's, a
// mechanism's, the site-wide pages) whose templates are the built-in ones
// covers what it shows, written value by value from its view (the key
// methods beside the view structs: ActorPage.key, MechanismPage.key,
// Index.key, Matrix.key, Network.key, Timeline.key), so an edit that
// leaves the page's bytes as they were leaves its key too. With an
// override from the templates folder, which may read anything, it covers
// the analyses of every article it lists (an actor's page: the articles
// that name it in their body; a mechanism's: those that propose it; a
// site-wide page: all of them) and the pages of the actors they name.
// Every key covers the number of articles, which every page shows in its
// footer. When a template from the templates folder that renders an
// article, actor or mechanism page reads more of .Site than .Site.Title
// and .Site.Version, those pages depend on every analysis too.
func (st *Store) Plan(site *Site, opts PlanOptions) []*Job {
	digest := opts.Digest
	if digest == nil {
		digest = func(a *analyze.Analysis) string {
			b, err := json.Marshal(struct {
				A *analyze.Analysis
				P []analyze.Paragraph
			}{a, a.Paragraphs})
			if err != nil {
				return fmt.Sprint("unencodable ", a.Doc.ID, err) // never equal to a hash
			}
			return hashOf(string(b))
		}
	}
	// Every page shows the number of articles (the footer does), so
	// adding or removing one renders every page again.
	global := hashOf(opts.Global, st.Digest(), site.Title, site.Version, strconv.Itoa(len(site.Articles)))
	digests := make(map[*analyze.Analysis]string, len(site.Articles))
	corpus := sha256.New()
	for _, art := range site.Oldest {
		d := digest(art.Analysis)
		digests[art.Analysis] = d
		fmt.Fprintf(corpus, "%s\x00%s\x00", art.Doc.ID, d)
	}
	for _, ap := range site.Actors {
		fmt.Fprintf(corpus, "%s\x00%s\x00", ap.ID, ap.Slug)
	}
	corpusKey := hex.EncodeToString(corpus.Sum(nil))
	perItem := global
	if st.itemsReadSite() {
		perItem = hashOf(global, corpusKey)
	}
	// slugs sums up the actor pages the actors of arts link to.
	slugs := func(h func(...string), arts ...*Article) {
		seen := map[string]bool{}
		var ids []string
		for _, art := range arts {
			for _, ac := range art.Actors {
				if !seen[ac.ID] {
					seen[ac.ID] = true
					ids = append(ids, ac.ID)
				}
			}
		}
		sort.Strings(ids)
		for _, id := range ids {
			h(id, site.ActorHref(id))
		}
	}

	var jobs []*Job
	statics := make([]string, 0, len(st.statics))
	for name := range st.statics {
		statics = append(statics, name)
	}
	sort.Strings(statics)
	for _, name := range statics {
		data := st.statics[name]
		jobs = append(jobs, &Job{Paths: []string{name}, Key: hashOf("static", string(data)),
			run: func(_ context.Context, emit func(File) error) error { return emit(File{name, data}) }})
	}
	for _, art := range site.Articles {
		dir := art.Doc.ID + "/"
		key := newKey(perItem, "article", digests[art.Analysis])
		slugs(key.add, art)
		k := key.sum()
		jobs = append(jobs,
			st.mdJob("article.md", dir+"index.md", hashOf(k, "pack"), art, &Page{Site: site, Title: art.Doc.Title, Root: "../", Kind: "article", Article: art}),
			&Job{Paths: []string{dir + "source.html"}, Key: hashOf(k, "source"), run: func(ctx context.Context, emit func(File) error) error {
				src, err := st.htmlCtx(ctx, "source.html", art)
				if err != nil {
					return err
				}
				page := &Page{Site: site, Title: "Source: " + art.Doc.Title, Root: "../", Kind: "source", Path: dir + "source.html",
					Article: art, Content: htmltemplate.HTML(src), Blocks: []Block{{Body: htmltemplate.HTML(src)}}}
				out, err := st.htmlCtx(ctx, "layout.html", page)
				if err != nil {
					return err
				}
				return emit(File{page.Path, out})
			}},
			&Job{Paths: []string{dir + "analysis.json"}, Key: hashOf(global, "json", digests[art.Analysis]), run: func(_ context.Context, emit func(File) error) error {
				js, err := json.MarshalIndent(art.Analysis, "", "  ")
				if err != nil {
					return fmt.Errorf("encode the analysis of %s: %w", art.Doc.ID, err)
				}
				return emit(File{dir + "analysis.json", append(js, '\n')})
			}},
		)
	}
	// A page whose templates are the built-in ones has a key made of what
	// it shows (the key methods of its view); with an override, which may
	// read anything, of the analyses of everything it lists.
	builtInMechanism, builtInActor := st.builtInPage("mechanism.md"), st.builtInPage("actor.md")
	// Those keys are written once the jobs are listed, on every CPU: the
	// pages made from many articles show a lot.
	var viewKeys []func()
	for _, d := range site.Matrix.Details {
		var k string
		if !builtInMechanism {
			// A mechanism's page shows the proposals of that mechanism
			// only: an article that proposes none of it leaves the page
			// as it was.
			key := newKey(perItem, "mechanism", d.Mechanism, d.Slug)
			var arts []*Article
			for _, pr := range d.Proposals {
				if len(arts) == 0 || arts[len(arts)-1] != pr.Article {
					arts = append(arts, pr.Article)
					key.add(pr.Article.Doc.ID, digests[pr.Article.Analysis])
				}
			}
			slugs(key.add, arts...)
			k = key.sum()
		}
		j := st.mdJob("mechanism.md", mechanismPath(d.Mechanism), k, d, &Page{Site: site, Title: "Options: " + d.Mechanism, Root: "../", Kind: "mechanism"})
		j.cost = len(d.Proposals)
		if builtInMechanism {
			viewKeys = append(viewKeys, func() { j.Key = viewKey(global, "mechanism", d.key) })
		}
		jobs = append(jobs, j)
	}
	for _, ap := range site.Actors {
		var k string
		if !builtInActor {
			key := newKey(perItem, "actor", ap.ID, ap.Slug)
			arts := make([]*Article, 0, len(ap.Articles))
			for _, aa := range ap.Articles {
				key.add(digests[aa.Article.Analysis])
				arts = append(arts, aa.Article)
			}
			slugs(key.add, arts...)
			k = key.sum()
		}
		j := st.mdJob("actor.md", "actors/"+ap.Slug+".md", k, ap, &Page{Site: site, Title: ap.Name, Root: "../", Kind: "actor", Actor: ap})
		j.cost = len(ap.Articles)
		if builtInActor {
			viewKeys = append(viewKeys, func() { j.Key = viewKey(global, "actor", ap.key) })
		}
		jobs = append(jobs, j)
	}
	for _, p := range sitePages(site) {
		j := st.mdJob(p.tmpl, p.path, hashOf(global, "site", p.path, corpusKey), p.data, &Page{Site: site, Title: p.title, Root: p.root, Kind: p.kind})
		j.cost = len(site.Articles)
		if st.builtInPage(p.tmpl) {
			viewKeys = append(viewKeys, func() { j.Key = viewKey(global, "site "+p.path, p.key) })
		}
		jobs = append(jobs, j)
	}
	parallelFor(len(viewKeys), func(i int) { viewKeys[i]() })
	return jobs
}

// viewKey is the key of a page with built-in templates: the parts, then
// what write writes of the page's view.
func viewKey(global, kind string, write func(*keyHash)) string {
	k := newKeyHash(global, kind)
	write(k)
	return k.sum()
}

// builtInPage reports whether the page template tmpl, the layout and the
// partials are the built-in ones, whose reading of the site is known.
func (st *Store) builtInPage(tmpl string) bool {
	for name, file := range st.files {
		if (name == tmpl || name == "layout.html" || strings.HasPrefix(name, "_partials/")) && !strings.HasSuffix(file, "(built in)") {
			return false
		}
	}
	return true
}

// sitePage is a page made from the whole corpus.
type sitePage struct {
	tmpl, path, title, kind, root string
	data                          any
	// key writes what the built-in template and layout show of data.
	key func(*keyHash)
}

// sitePages lists the site-wide pages. A new page made from the whole
// corpus is added here.
func sitePages(site *Site) []sitePage {
	newest := &Index{Site: site, Order: "newest", Articles: site.Articles}
	oldest := &Index{Site: site, Order: "oldest", Articles: site.Oldest}
	return []sitePage{
		{"index.md", "index.md", site.Title, "index", "", newest, newest.key},
		{"index.md", "oldest.md", site.Title + ", oldest first", "oldest", "", oldest, oldest.key},
		// The timeline and the network pages' charts are drawn by the
		// layout from .Site.Timeline and .Site.Network.
		{"timeline.md", "timeline.md", "Timeline", "timeline", "", site, site.Timeline.key},
		{"options.md", "options.md", "Options matrix", "options", "", site, site.Matrix.key},
		{"network.md", "network.md", "Actor network", "network", "", site, site.Network.key},
		{"actors.md", "actors/index.md", "Actors", "actors", "../", site, func(k *keyHash) {
			k.num(len(site.Actors))
			for _, ap := range site.Actors {
				ap.keyRow(k)
			}
		}},
	}
}

// mdJob renders a Markdown template to mdPath and, through the layout, its
// HTML twin.
func (st *Store) mdJob(tmpl, mdPath, key string, data any, p *Page) *Job {
	p.Path = strings.TrimSuffix(mdPath, ".md") + ".html"
	return &Job{Paths: []string{mdPath, p.Path}, Key: key, run: func(ctx context.Context, emit func(File) error) error {
		out, err := st.markdownCtx(ctx, tmpl, data)
		if err != nil {
			return err
		}
		if err := emit(File{mdPath, out}); err != nil {
			return err
		}
		html, err := st.page(ctx, p, out)
		if err != nil {
			return err
		}
		return emit(File{p.Path, html})
	}}
}

// RenderJobs runs jobs on workers goroutines (0: one per CPU), the pages
// made from many articles first, and passes each file to emit as soon as
// it is rendered, so no more than a page per
// worker is held at once. emit is called from several goroutines at once.
// The first error stops the others and is returned; a template error is an
// *Error.
func (st *Store) RenderJobs(ctx context.Context, jobs []*Job, workers int, emit func(File) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	order := make([]*Job, len(jobs))
	copy(order, jobs)
	sort.SliceStable(order, func(i, j int) bool { return order[i].cost > order[j].cost })
	next := make(chan *Job)
	for w := 0; w < min(workers, max(len(jobs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				if ctx.Err() != nil {
					continue
				}
				if err := j.run(ctx, emit); err != nil {
					fail(err)
				}
			}
		}()
	}
feed:
	for _, j := range order {
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// Render produces every file of the site, keyed by slash-separated path
// relative to the site root. Nothing is written: a template error leaves
// the disk untouched. It holds the whole site in memory; a build streams
// the jobs of Plan to disk instead.
func (st *Store) Render(site *Site) (map[string][]byte, error) {
	return st.RenderContext(context.Background(), site)
}

// RenderContext is Render stopping with ctx's error as soon as ctx is
// done, between pages and within one (Options.MaxPageBytes bounds what a
// page may render). Two pages of one path (an article whose id is a site
// page's name) are an error.
func (st *Store) RenderContext(ctx context.Context, site *Site) (map[string][]byte, error) {
	files := map[string][]byte{}
	var mu sync.Mutex
	err := st.RenderJobs(ctx, st.Plan(site, PlanOptions{Digest: func(*analyze.Analysis) string { return "" }}), 0, func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := files[f.Path]; dup {
			return fmt.Errorf("two pages would be written to %s: an article's id is the name of a site page", f.Path)
		}
		files[f.Path] = f.Data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// Digest hashes the store: every template's name and text, and the
// options that change what they render.
func (st *Store) Digest() string {
	st.digestOnce.Do(func() {
		names := make([]string, 0, len(st.sources))
		for n := range st.sources {
			names = append(names, n)
		}
		sort.Strings(names)
		h := sha256.New()
		fmt.Fprintf(h, "strict=%v\x00", st.opts.Strict)
		for _, n := range names {
			fmt.Fprintf(h, "%s\x00%d\x00", n, len(st.sources[n]))
			h.Write(st.sources[n])
		}
		st.digestSum = hex.EncodeToString(h.Sum(nil))
	})
	return st.digestSum
}

// itemTemplates render the pages of one article, actor or mechanism.
func itemTemplate(name string) bool {
	switch name {
	case "article.md", "source.html", "actor.md", "mechanism.md", "layout.html":
		return true
	}
	return strings.HasPrefix(name, "_partials/")
}

// itemsReadSite reports whether a template from the templates folder that
// renders an article's or actor's pages reads more of the site than its
// title and version (.Site.Articles in a sidebar, say): those pages then
// change with every article. The built-in templates do not.
func (st *Store) itemsReadSite() bool {
	for name, file := range st.files {
		if !itemTemplate(name) || strings.HasSuffix(file, "(built in)") {
			continue
		}
		var tree *parse.Tree
		switch path.Ext(name) {
		case ".md":
			if t := st.md.Lookup(name); t != nil {
				tree = t.Tree
			}
		case ".html":
			if t := st.html.Lookup(name); t != nil {
				tree = t.Tree
			}
		}
		if tree != nil && readsSite(tree.Root) {
			return true
		}
	}
	return false
}

// readsSite reports whether a parse tree uses .Site (or $.Site, or a
// .Site of something) other than for .Title, .Version and
// len .Site.Articles.
func readsSite(n parse.Node) bool {
	found := false
	check := func(idents []string) {
		for i, id := range idents {
			if id == "Site" && (i+1 == len(idents) || (idents[i+1] != "Title" && idents[i+1] != "Version")) {
				found = true
			}
		}
	}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		if n == nil || found {
			return
		}
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			// len .Site.Articles is in every key already.
			if len(n.Args) == 2 && n.Args[0].String() == "len" && strings.HasSuffix(n.Args[1].String(), "Site.Articles") {
				return
			}
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			check(n.Ident)
		case *parse.VariableNode:
			check(n.Ident)
		case *parse.ChainNode:
			check(n.Field)
			walk(n.Node)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	walk(n)
	return found
}

// key accumulates the parts of a job's key.
type key struct{ parts []string }

func newKey(parts ...string) *key  { return &key{parts: parts} }
func (k *key) add(parts ...string) { k.parts = append(k.parts, parts...) }
func (k *key) sum() string         { return hashOf(k.parts...) }
func hashOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Check runs every job and discards what it renders, returning each
// distinct error (all of them, not only the first) in job order: brief
// check renders the whole site against the corpus without writing it.
func (st *Store) Check(ctx context.Context, jobs []*Job, workers int) []error {
	errs := make([]error, len(jobs))
	checked := make([]*Job, len(jobs))
	for i, j := range jobs {
		checked[i] = &Job{Paths: j.Paths, Key: j.Key, cost: j.cost, run: func(ctx context.Context, emit func(File) error) error {
			errs[i] = j.run(ctx, emit)
			return nil
		}}
	}
	if err := st.RenderJobs(ctx, checked, workers, func(File) error { return nil }); err != nil {
		return []error{err}
	}
	var out []error
	seen := map[string]bool{}
	for _, err := range errs {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			out = append(out, err)
		}
	}
	return out
}
