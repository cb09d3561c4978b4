package templates

import (
	"encoding/json"
	htmltemplate "html/template"
	"path"
	"sort"
	"strings"

	"github.com/brief-tool/brief/analyze"
)

// Site is what the site templates receive: every article, newest first.
type Site struct {
	Title    string
	Version  string
	Articles []*Article
}

// Article is what an article's templates receive: the analysis plus views
// of it that templates would otherwise have to compute.
type Article struct {
	*analyze.Analysis
	// Main are the most salient actors named in the body.
	Main []analyze.Actor
	// Body are the actors named in the body; Elsewhere those named only in
	// captions, bios or comments, which are not the article's own findings.
	Body, Elsewhere []analyze.Actor
	// Incidents and Proposals read from the body; Apart those read from
	// other sections, shown separately.
	Incidents      []analyze.Incident
	Proposals      []analyze.Proposal
	ApartIncidents []analyze.Incident
	ApartProposals []analyze.Proposal
	// Names maps actor ids to display names.
	Names map[string]string
	// Parts are the text's paragraphs grouped for the source view.
	Parts []Part
}

// Part is one section of the source view: its label and its paragraphs of
// sentences.
type Part struct {
	Kind       analyze.SectionKind
	Label      string
	Paragraphs [][]analyze.Sentence
}

// Page is what layout.html receives.
type Page struct {
	Site    *Site
	Title   string
	Root    string // relative path from the page to the site root, "" or "../"
	Kind    string // index | article | source
	Content htmltemplate.HTML
	Article *Article
}

// NewArticle prepares the views of one analysis.
func NewArticle(a *analyze.Analysis) *Article {
	v := &Article{Analysis: a, Names: map[string]string{}}
	for _, ac := range a.Actors {
		v.Names[ac.ID] = ac.Name
		if inBody(ac.Mentions) {
			v.Body = append(v.Body, ac)
		} else {
			v.Elsewhere = append(v.Elsewhere, ac)
		}
	}
	for i, ac := range v.Body {
		if i == 5 {
			break
		}
		v.Main = append(v.Main, ac)
	}
	for _, in := range a.Incidents {
		if in.Section == analyze.SectionBody {
			v.Incidents = append(v.Incidents, in)
		} else {
			v.ApartIncidents = append(v.ApartIncidents, in)
		}
	}
	for _, p := range a.Proposals {
		if p.Section == analyze.SectionBody {
			v.Proposals = append(v.Proposals, p)
		} else {
			v.ApartProposals = append(v.ApartProposals, p)
		}
	}
	v.Parts = parts(a)
	return v
}

func inBody(ms []analyze.Mention) bool {
	for _, m := range ms {
		if m.Section == analyze.SectionBody {
			return true
		}
	}
	return false
}

// ActorNames returns the display names of ids.
func (v *Article) ActorNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if n, ok := v.Names[id]; ok {
			out[i] = n
		} else {
			out[i] = id
		}
	}
	return out
}

// ProposerName is "the authors" or the proposing actor's name.
func (v *Article) ProposerName(p analyze.Proposal) string {
	if p.Proposer == "authors" || p.Proposer == "" {
		return "the authors"
	}
	return v.ActorNames([]string{p.Proposer})[0]
}

var sectionLabels = map[analyze.SectionKind]string{
	analyze.SectionTitle:       "Title",
	analyze.SectionByline:      "Byline",
	analyze.SectionCaption:     "Photo caption",
	analyze.SectionBody:        "Article",
	analyze.SectionBio:         "About the authors",
	analyze.SectionComments:    "Reader comment",
	analyze.SectionBoilerplate: "Page furniture",
}

// parts groups sentences by section and paragraph for the source view.
func parts(a *analyze.Analysis) []Part {
	var out []Part
	comments := 0
	for _, sec := range a.Sections {
		p := Part{Kind: sec.Kind, Label: sectionLabels[sec.Kind]}
		if sec.Kind == analyze.SectionComments {
			comments++
			p.Label += " " + itoa(comments)
		}
		for _, para := range a.Paragraphs {
			if para.Start < sec.Start || para.End > sec.End {
				continue
			}
			var ss []analyze.Sentence
			for _, s := range a.Sentences {
				if s.Start >= para.Start && s.End <= para.End {
					ss = append(ss, s)
				}
			}
			if len(ss) > 0 {
				p.Paragraphs = append(p.Paragraphs, ss)
			}
		}
		out = append(out, p)
	}
	return out
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}

// NewSite prepares the site's view: articles sorted newest first, then by
// id, so the output does not depend on the order files were read.
func NewSite(title, version string, docs []*analyze.Analysis) *Site {
	s := &Site{Title: title, Version: version}
	for _, a := range docs {
		s.Articles = append(s.Articles, NewArticle(a))
	}
	sort.SliceStable(s.Articles, func(i, j int) bool {
		a, b := s.Articles[i].Doc, s.Articles[j].Doc
		if a.Published != b.Published {
			return a.Published > b.Published
		}
		return a.ID < b.ID
	})
	return s
}

// Render produces every file of the site, keyed by slash-separated path
// relative to the site root. Nothing is written: a template error leaves
// the disk untouched.
func (st *Store) Render(site *Site) (map[string][]byte, error) {
	files := map[string][]byte{}
	for name, data := range st.statics {
		files[name] = data
	}
	for _, art := range site.Articles {
		dir := art.Doc.ID + "/"
		md, err := st.Markdown("article.md", art)
		if err != nil {
			return nil, err
		}
		files[dir+"index.md"] = md
		page := &Page{Site: site, Title: art.Doc.Title, Root: "../", Kind: "article", Article: art}
		if files[dir+"index.html"], err = st.page(page, md); err != nil {
			return nil, err
		}
		src, err := st.HTML("source.html", art)
		if err != nil {
			return nil, err
		}
		page = &Page{Site: site, Title: "Source: " + art.Doc.Title, Root: "../", Kind: "source", Article: art, Content: htmltemplate.HTML(src)}
		if files[dir+"source.html"], err = st.HTML("layout.html", page); err != nil {
			return nil, err
		}
		js, err := json.MarshalIndent(art.Analysis, "", "  ")
		if err != nil {
			return nil, err
		}
		files[dir+"analysis.json"] = append(js, '\n')
	}
	md, err := st.Markdown("index.md", site)
	if err != nil {
		return nil, err
	}
	files["index.md"] = md
	if files["index.html"], err = st.page(&Page{Site: site, Title: site.Title, Kind: "index"}, md); err != nil {
		return nil, err
	}
	return files, nil
}

// page renders Markdown into the HTML layout.
func (st *Store) page(p *Page, md []byte) ([]byte, error) {
	body, err := ToHTML(md)
	if err != nil {
		return nil, err
	}
	p.Content = htmltemplate.HTML(body) // goldmark escapes text and drops raw HTML
	return st.HTML("layout.html", p)
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
