package templates

import (
	"context"
	"fmt"
	htmltemplate "html/template"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/brief-tool/brief/analyze"
)

// Site is what the site-wide templates receive (index.md through Index,
// timeline.md, options.md, network.md, actors.md).
type Site struct {
	Title   string
	Version string
	// Articles are newest first, Oldest oldest first; undated articles come
	// last in both, by id.
	Articles []*Article
	Oldest   []*Article
	// Actors have a page each: every actor named in the body of an
	// article, the most widely cited first.
	Actors []*ActorPage
	// Timeline is every dated incident of every article body, the same
	// incident reported by several articles merged into one event.
	Timeline *Timeline
	// Matrix is the options matrix: the proposals of every article by
	// mechanism.
	Matrix *Matrix
	// Network links actors named in the same body sentences.
	Network *Network

	actors map[string]*ActorPage
}

// Index is what index.md receives: the Site, with its Articles in the
// page's Order ("newest" or "oldest"). The same template renders index.md
// (newest first) and oldest.md.
type Index struct {
	*Site
	Order    string
	Articles []*Article
}

// Ref is a link to a site page or a sentence: the text to show and the
// link, relative to the page it appears on ("" when there is no page).
type Ref struct {
	Name string
	Href string
	// Title is a tooltip: the canonical name of an actor whose Name is
	// the text's own form, else "".
	Title string
}

func (r Ref) key(k *keyHash) { k.str(r.Name, r.Href, r.Title) }

// key writes what index.md shows: the order and a row per article (the
// site's title and the number of articles are in every key).
func (ix *Index) key(k *keyHash) {
	k.str(ix.Order)
	k.num(len(ix.Articles))
	for _, art := range ix.Articles {
		art.keyRow(k, ix.Site)
	}
}

// Page is what layout.html receives.
type Page struct {
	Site  *Site
	Title string
	// Root is the relative path from the page to the site root: "" or
	// "../".
	Root string
	// Kind is index, oldest, article, source, actor, actors, timeline,
	// options, mechanism (options/<mechanism>.html) or network.
	Kind string
	// Path is the page's path in the site, e.g. "hotline-1963/index.html".
	Path string
	// Content is the whole page body; Blocks the same HTML cut before each
	// second-level heading, so that the layout can place figures (the SVG
	// timeline, the network) within it.
	Content htmltemplate.HTML
	Blocks  []Block
	// Article is set on article and source pages, Actor on actor pages.
	Article *Article
	Actor   *ActorPage
}

// Block is a part of a page body: a second-level heading and what follows
// it up to the next one. The first block, before any such heading, has an
// empty ID and Heading.
type Block struct {
	ID      string // the heading's id attribute
	Heading htmltemplate.HTML
	Body    htmltemplate.HTML
}

// NewSite prepares the site's view: articles sorted by date, then by id,
// so the output does not depend on the order files were read.
func NewSite(title, version string, docs []*analyze.Analysis) *Site {
	s := &Site{Title: title, Version: version, actors: map[string]*ActorPage{}}
	s.Articles = make([]*Article, len(docs))
	parallelFor(len(docs), func(i int) { s.Articles[i] = NewArticle(docs[i]) })
	byDate := func(newest bool) []*Article {
		out := append([]*Article(nil), s.Articles...)
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i].Doc, out[j].Doc
			if (a.Published == "") != (b.Published == "") {
				return b.Published == ""
			}
			if a.Published != b.Published {
				return (a.Published > b.Published) == newest
			}
			return a.ID < b.ID
		})
		return out
	}
	s.Articles, s.Oldest = byDate(true), byDate(false)
	s.buildActors()
	for _, art := range s.Articles {
		art.site = s
		for _, list := range [][]ActorView{art.Body, art.Elsewhere} {
			for i := range list {
				list[i].Href = art.actorRef(list[i].ID).Href
			}
		}
		art.Main = art.Body[:min(len(art.Body), len(art.Main))]
		for i := range art.Quotes {
			if q := &art.Quotes[i]; q.speaker != "" {
				q.Speaker = art.actorRef(q.speaker)
			}
		}
	}
	// The three read the articles and the actor pages' names and slugs;
	// the network also writes the pages' Ties, which nothing else reads.
	parallel(
		func() { s.Timeline = newTimeline(events(s.Articles, ""), "", "Incidents across the corpus") },
		func() { s.Matrix = newMatrix(s) },
		func() { s.Network = newNetwork(s) },
	)
	return s
}

// parallel runs fns at once and returns when all have.
func parallel(fns ...func()) {
	var wg sync.WaitGroup
	for _, f := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	wg.Wait()
}

// parallelFor calls f(0) ... f(n-1) on one goroutine per CPU.
func parallelFor(n int, f func(i int)) {
	var next atomic.Int64
	workers := make([]func(), min(n, runtime.GOMAXPROCS(0)))
	for w := range workers {
		workers[w] = func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		}
	}
	parallel(workers...)
}

// ActorHref links to the page of actor id from the site root; "" when it
// has none.
func (s *Site) ActorHref(id string) string {
	if ap := s.actors[id]; ap != nil {
		return "actors/" + ap.Slug + ".md"
	}
	return ""
}

// Reserved lists the names the site writes at its top level besides the
// articles' folders (index, oldest, timeline, ..., the actors/ folder,
// style.css's and favicon.svg's stems): an article may not take one as its
// id (see ingest.UniqueIDs), or its pack would overwrite a site page or
// sit beside one of the same name.
func Reserved() []string {
	return []string{"actors", "favicon", "index", "network", "oldest", "options", "style", "timeline"}
}

// page renders Markdown into the HTML layout.
func (st *Store) page(ctx context.Context, p *Page, md []byte) ([]byte, error) {
	blocks, err := toBlocks(md)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.Path, err)
	}
	var all strings.Builder
	for _, b := range blocks {
		all.WriteString(string(b.Heading))
		all.WriteString(string(b.Body))
	}
	p.Blocks = blocks
	p.Content = htmltemplate.HTML(all.String()) // goldmark escapes text and drops raw HTML
	return st.htmlCtx(ctx, "layout.html", p)
}

// Paths returns the keys of files sorted, for writing in a stable order.
func Paths(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for p := range files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// clean reports whether a site path stays inside the site.
func clean(p string) bool {
	c := path.Clean(p)
	return c == p && !strings.HasPrefix(c, "../") && !path.IsAbs(c) && c != ".."
}

// rel returns the link from a page in folder from ("" for the site root) to
// the site path to.
func rel(from, to string) string {
	if from == "" {
		return to
	}
	if strings.HasPrefix(to, from+"/") {
		return strings.TrimPrefix(to, from+"/")
	}
	return strings.Repeat("../", strings.Count(from, "/")+1) + to
}

// evidence is the site path of sentence n in the source view of article id.
func evidence(id string, n int) string {
	return id + "/source.html#s-" + strconv.Itoa(n)
}

// html turns a link to a Markdown page into a link to its HTML twin, for
// the SVG figures, which goldmark does not see.
func htmlHref(href string) string { return string(htmlTwin([]byte(href))) }
