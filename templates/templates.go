// Package templates holds brief's default templates, embedded in the binary,
// and renders the site from them. A folder on disk overrides any default by
// file name (partials under _partials/ and style.css too).
//
// Markdown pages come from text/template (*.md); HTML pages are the same
// Markdown rendered by goldmark (GFM tables, footnotes, typographer, heading
// IDs; raw HTML off) and placed inside the html/template layout
// (layout.html), so both formats show the same data. Pages Markdown cannot
// express, such as the highlighted source view, are html/template fragments
// (*.html) placed in the same layout.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	texttemplate "text/template"
)

//go:embed *.md *.html *.css all:_partials
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
}

// Store is the parsed set of templates. It is safe for concurrent use.
type Store struct {
	opts    Options
	files   map[string]string // template name -> where it was read from
	md      *texttemplate.Template
	html    *htmltemplate.Template
	statics map[string][]byte // files copied as they are (style.css)
}

// New reads the default templates, overridden by files of the same name in
// opts.Dir, and parses them.
func New(opts Options) (*Store, error) {
	s := &Store{opts: opts, files: map[string]string{}, statics: map[string][]byte{}}
	sources := map[string][]byte{}
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
					return nil // only defaults and partials can be supplied
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
	missing := "missingkey=default"
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
	return s, nil
}

func errOr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

// Source names the file a template was read from.
func (s *Store) Source(name string) string { return s.files[name] }

// posRe finds the template name and position text/template writes into its
// errors: it exposes them in no other form.
var posRe = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (.*)`)

// wrap turns a template error into an *Error naming the file, line and
// column.
func (s *Store) wrap(name string, err error) error {
	msg := err.Error()
	e := &Error{File: s.files[name], Err: err}
	if m := posRe.FindStringSubmatch(msg); m != nil {
		if f, ok := s.files[m[1]]; ok {
			e.File = f
		}
		e.Line, _ = strconv.Atoi(m[2])
		e.Col, _ = strconv.Atoi(m[3])
		e.Err = errors.New(m[4])
	}
	if e.File == "" {
		e.File = name
	}
	return e
}

// Markdown executes the Markdown template name with data.
func (s *Store) Markdown(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.md.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, s.wrap(name, err)
	}
	return buf.Bytes(), nil
}

// HTML executes the HTML template name with data.
func (s *Store) HTML(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.html.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, s.wrap(name, err)
	}
	return buf.Bytes(), nil
}

// Static returns a file copied into the site as it is.
func (s *Store) Static(name string) ([]byte, bool) {
	b, ok := s.statics[name]
	return b, ok
}
