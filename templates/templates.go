package templates

import (
	"context"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/agnivade/levenshtein"
	"text/template/parse"
)

//go:embed *.md *.html *.css *.svg all:_partials
var defaultFS embed.FS

// Names lists the default templates, sorted.
func Names() []string {
	var names []string
	_ = fs.WalkDir(defaultFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	return names
}

// Export copies the default templates into dir, creating it, so an editor
// can start from them. Existing files are not overwritten.
func Export(dir string) ([]string, error) {
	var written []string
	for _, name := range Names() {
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Stat(dst); err == nil {
			return written, fmt.Errorf("%s already exists: not overwriting it", dst)
		}
		data, err := defaultFS.ReadFile(name)
		if err != nil {
			return written, err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return written, err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return written, err
		}
		written = append(written, dst)
	}
	return written, nil
}

// Error is a problem in a template file, with its position when known.
type Error struct {
	File      string
	Line, Col int
	Err       error
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Options configure a Store.
type Options struct {
	// Dir overrides defaults by file name; "" uses only the defaults.
	Dir string
	// Strict makes a missing map key an error rather than an empty value.
	Strict bool
	// MaxPageBytes is the most a template may render for one page (0:
	// DefaultPageBytes; negative: no limit).
	MaxPageBytes int64
}

// Store is the parsed set of templates. It is safe for concurrent use.
type Store struct {
	opts    Options
	files   map[string]string // template name -> where it was read from
	md      *texttemplate.Template
	html    *htmltemplate.Template
	statics map[string][]byte // files copied as they are (style.css)
	sources map[string][]byte // template name -> its text, to locate errors

	unknown []*Error // files of the templates folder that match no template

	digestOnce sync.Once
	digestSum  string
}

// New reads the default templates, overridden by files of the same name in
// opts.Dir, and parses them.
func New(opts Options) (*Store, error) {
	s := &Store{opts: opts, files: map[string]string{}, statics: map[string][]byte{}}
	sources := map[string][]byte{}
	s.sources = sources
	for _, name := range Names() {
		data, err := defaultFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		sources[name] = data
		s.files[name] = "templates/" + name + " (built in)"
	}
	if opts.Dir != "" {
		if fi, err := os.Stat(opts.Dir); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("templates folder %s: %w", opts.Dir, errOr(err, errors.New("not a folder")))
		}
		err := filepath.WalkDir(opts.Dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(opts.Dir, p)
			name := filepath.ToSlash(rel)
			if _, known := sources[name]; !known {
				if !strings.HasPrefix(name, "_partials/") {
					// Only defaults and partials can be supplied: a
					// misspelt name would be silently ignored.
					if !strings.HasPrefix(path.Base(name), ".") {
						s.unknown = append(s.unknown, unknownTemplate(p, name))
					}
					return nil
				}
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sources[name] = data
			s.files[name] = p
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read templates folder: %w", err)
		}
	}
	missing := "missingkey=zero"
	if opts.Strict {
		missing = "missingkey=error"
	}
	s.md = texttemplate.New("").Funcs(mdFuncs).Option(missing)
	s.html = htmltemplate.New("").Funcs(htmlFuncs).Option(missing)
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		data := sources[name]
		var err error
		switch path.Ext(name) {
		case ".md":
			_, err = s.md.New(name).Parse(string(data))
		case ".html":
			_, err = s.html.New(name).Parse(string(data))
		default:
			s.statics[name] = data
		}
		if err != nil {
			return nil, s.wrap(name, err)
		}
	}
	// html/template escapes a template when it first runs, and an HTML
	// partial left in the middle of a tag or attribute confuses the
	// template that calls it, far from the mistake. Escape each HTML
	// template on its own now, in a copy, so that such an error names its
	// own file; running it on no data fails later, which is expected.
	for _, name := range names {
		if path.Ext(name) != ".html" {
			continue
		}
		c, err := s.html.Clone()
		if err != nil {
			return nil, err
		}
		var he *htmltemplate.Error
		if err := c.ExecuteTemplate(io.Discard, name, nil); errors.As(err, &he) {
			return nil, s.wrap(name, err)
		}
	}
	return s, nil
}

func errOr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

// Unknown lists the files of the templates folder that override no
// template (a misspelt name: "articel.md"), each an *Error that names the
// file and suggests the nearest template name. They are not used.
func (s *Store) Unknown() []*Error { return s.unknown }

// unknownTemplate says that the file at p, named name in the folder,
// matches no template, and suggests the nearest name.
func unknownTemplate(p, name string) *Error {
	best, dist := "", 0
	for _, n := range Names() {
		if d := levenshtein.ComputeDistance(strings.ToLower(name), n); best == "" || d < dist {
			best, dist = n, d
		}
	}
	msg := "no template of that name"
	if dist <= max(2, len(name)/3) {
		msg += "; did you mean " + best + "?"
	} else {
		msg += " (brief templates list shows them)"
	}
	return &Error{File: p, Err: errors.New(msg)}
}

// Source names the file a template was read from.
func (s *Store) Source(name string) string { return s.files[name] }

// posRe finds the template name and position text/template writes into its
// errors, which expose them in no other form: "template: NAME:LINE:COL: …"
// when executing, "template: NAME:LINE: …" when parsing.
var posRe = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// quotedRe finds the token a parse error quotes: function "nope", bad
// character U+007D '}', unexpected {{end}}.
var quotedRe = regexp.MustCompile(`"([^"]+)"|'([^']+)'|(\{\{[^}]*\}\})`)

// wrap turns a template error into an *Error naming the file, line and
// column. html/template says where by a parse node; text/template only in
// its message, and its parse errors give the line alone: the column is then
// that of the token the message quotes on that line, else of the line's
// first action.
func (s *Store) wrap(name string, err error) error {
	e := &Error{File: s.files[name], Err: err}
	msg := err.Error()
	var he *htmltemplate.Error
	if errors.As(err, &he) && he.Node != nil && he.Name != "" {
		loc, _ := (*parse.Tree)(nil).ErrorContext(he.Node)
		msg = "html/template:" + loc + ": " + he.Description
	}
	m := posRe.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0])
	if m == nil && he != nil && he.ErrorCode == htmltemplate.ErrEndContext {
		// No position: the template ends inside a tag, an attribute or
		// a quote, so point at its end.
		src := strings.TrimRight(string(s.sources[he.Name]), "\n")
		line := strings.Count(src, "\n") + 1
		col := len(src) - strings.LastIndex(src, "\n")
		m = []string{"", he.Name, strconv.Itoa(line), strconv.Itoa(col), "ends inside a tag, attribute or quote (" + he.Description + ")"}
	}
	if m == nil {
		if e.File == "" {
			e.File = name
		}
		return e
	}
	tmpl := m[1]
	if f, ok := s.files[tmpl]; ok {
		e.File = f
	} else if e.File == "" {
		e.File = tmpl
	}
	e.Line, _ = strconv.Atoi(m[2])
	e.Col, _ = strconv.Atoi(m[3])
	e.Err = &located{msg: m[4], err: err}
	if e.Col == 0 {
		e.Col = guessCol(s.sources[tmpl], e.Line, m[4])
	}
	return e
}

// located is the part of a template error after its position; it unwraps
// to the error the template package returned.
type located struct {
	msg string
	err error
}

func (l *located) Error() string { return l.msg }
func (l *located) Unwrap() error { return l.err }

// guessCol finds the column (in bytes, from 1) a parse error on line points
// at: the token the message quotes, else the line's first action, else 1.
func guessCol(src []byte, line int, msg string) int {
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	for _, q := range quotedRe.FindAllStringSubmatch(msg, -1) {
		tok := q[1] + q[2] + q[3]
		if i := strings.Index(l, tok); i >= 0 && tok != "" {
			return i + 1
		}
	}
	if i := strings.Index(l, "{{"); i >= 0 {
		return i + 1
	}
	return 1
}

// Markdown executes the Markdown template name with data.
func (s *Store) Markdown(name string, data any) ([]byte, error) {
	return s.markdownCtx(context.Background(), name, data)
}

// HTML executes the HTML template name with data.
func (s *Store) HTML(name string, data any) ([]byte, error) {
	return s.htmlCtx(context.Background(), name, data)
}

func (s *Store) markdownCtx(ctx context.Context, name string, data any) ([]byte, error) {
	return s.render(ctx, name, func(w io.Writer) error { return s.md.ExecuteTemplate(w, name, data) })
}

func (s *Store) htmlCtx(ctx context.Context, name string, data any) ([]byte, error) {
	return s.render(ctx, name, func(w io.Writer) error { return s.html.ExecuteTemplate(w, name, data) })
}

// Static returns a file copied into the site as it is.
func (s *Store) Static(name string) ([]byte, bool) {
	b, ok := s.statics[name]
	return b, ok
}
