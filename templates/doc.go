// Package templates holds brief's default templates, embedded in the binary,
// and renders the site from them. A folder on disk overrides any default by
// file name: the pages, the partials under _partials/, style.css and
// favicon.svg alike.
//
// # Formats
//
// The content of every page is Markdown from text/template (*.md), so the
// packs read the same on GitHub as on the site. The HTML pages are that
// Markdown rendered by goldmark (GitHub-flavoured tables, strikethrough,
// autolinks and task lists, footnotes, typographic quotes, heading ids; raw
// HTML off, so nothing quoted from an article can become markup) inside the
// html/template layout.html. What Markdown cannot express is an
// html/template partial that layout.html places: the SVG timeline
// (_partials/timeline.html) in the section whose heading id is "incidents",
// the actor network (_partials/network.html) on the network page; the source
// view (source.html) is HTML throughout. Links between .md pages become links
// between .html pages.
//
// # Pages and the data they receive
//
//	template      renders                                  receives
//	article.md    <id>/index.md, body of <id>/index.html    *Article
//	source.html   body of <id>/source.html                 *Article
//	index.md      index.md (newest first), oldest.md       *Index
//	actor.md      actors/<slug>.md                         *ActorPage
//	actors.md     actors/index.md                          *Site
//	timeline.md   timeline.md                              *Site
//	options.md    options.md                               *Site
//	network.md    network.md                               *Site
//	mechanism.md  options/<mechanism>.md, one per mechanism  *MechanismPage
//	layout.html   every .html page around its body         *Page
//	_partials/header.html, footer.html, article-nav.html   *Page
//	_partials/timeline.html                                *Chart (nil: none)
//	_partials/network.html                                 *Network
//
// Each type's fields are documented where it is declared. Links a view
// carries (Ref.Href, ActorView.Href, Report.Href, …) are relative to the page
// that shows them, and point at .md pages: goldmark turns them into .html.
//
// # Functions
//
// Markdown templates must escape every string from an article: md escapes
// text for Markdown (every character Markdown could read as markup, | too,
// so text is safe in a table cell; line breaks become spaces); mdjoin LIST
// SEP escapes and joins; mdand LIST escapes and joins as running text ("A,
// B and C"); mdlink TEXT HREF makes a link, or escaped text when HREF is
// empty or not a relative path, http(s) or mailto address; mdlinkt TEXT
// HREF TITLE adds a tooltip; mdrefs REFS SEP joins []Ref as links, with
// their titles as tooltips.
//
// # Analysis and rendering
//
// Nothing here analyses: the bottom line, key passages, quotes, main
// recommendation, incident summaries, names as written and the merged
// timeline come from analyze/digest, through the analysis. The views only
// sort, link and lay out what it says. Both kinds of template also have join,
// lower, title (first letter upper case), add, pct, dec (two decimals), trunc
// N S, plural N ONE MANY, label KIND ("Photo caption") and html HREF (the
// .html twin of a .md link).
//
// # Example
//
// An article.md that lists the actors of the body, linked to their pages:
//
//	# {{md .Doc.Title}}
//
//	{{range .Body}}- {{mdlink .Name .Href}} ({{md .Kind}}), {{.BodyMentions}} mentions
//	{{end}}
//
// # Rendering and writing
//
// Store.Plan turns a Site into Jobs, each a page (or a page and its HTML
// twin) with a Key that sums up everything it is rendered from. Store.Update
// writes a site incrementally: the manifest in the out folder
// (ManifestName) records each file's key, so only the jobs whose keys
// changed are run, in parallel, each file written as soon as it is
// rendered; unchanged files are hard-linked into the next tree, which is
// swapped in whole; when nothing changed nothing is written. Store.Render
// renders the whole site into memory (tests, small tools); Store.Check
// renders it to nowhere and returns every error. A new site-wide page is a
// line in sitePages (and its name one of Reserved).
//
// # Safety
//
// CheckOut is the policy on where a site may go (never a root, the corpus,
// the templates, a dictionary, the cache, the working directory, the home
// folder; an existing folder only when brief wrote it, see Marker); brief
// build, serve and check call it. Update runs under a lock file beside out,
// removes what killed builds left, writes Marker into every site and swaps
// the new tree in with one atomic exchange (renameat2 RENAME_EXCHANGE on
// Linux). A page may render at most Options.MaxPageBytes, and rendering
// stops as soon as its context is done, within a page too. The layout's
// Content-Security-Policy forbids scripts and anything from elsewhere.
//
// # Errors
//
// A template error is an *Error naming the file (the override's path, or
// "templates/NAME (built in)"), the line and the column, and what was wrong:
//
//	my-templates/article.md:3:9: executing "article.md" at <.Doc.Nope>: can't evaluate field Nope in type analyze.Doc
//
// With Options.Strict, a key missing from a map (.Names.XYZ) is an error
// rather than an empty value. A field missing from a struct is always an
// error.
package templates
