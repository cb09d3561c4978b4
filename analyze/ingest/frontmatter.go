package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/internal/yamlfile"
)

// frontMatterKeys are the keys brief reads from front matter, and whether
// each takes a list (one string is a list of one).
var frontMatterKeys = map[string]bool{
	"title": false, "authors": true, "author": true, "published": false, "date": false,
	"source": false, "url": false, "tags": true, "kind": false,
}

// frontMatter reads yml, the YAML between the "---" lines whose first line
// is line first of the file, into doc.
//
// Malformed YAML, YAML over the limits of r.opts (size, depth, alias
// expansion: checked before anything is decoded) and a date brief cannot
// read are errors at their line. A key brief does not know or a value of
// the wrong type is ignored with a warning, or is an error under
// Options.Strict: articles come from many tools, and each adds keys of its
// own.
func (r *reader) frontMatter(doc *analyze.Doc, yml []byte, first int) error {
	fm := fmReader{r: r, first: first}
	body, err := fm.parse(yml)
	if err != nil || body == nil {
		return err // body is nil for nothing but comments
	}
	var values map[string]any
	if err := yaml.NodeToValue(body, &values); err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			p := ye.GetToken().Position
			return fm.at(p.Line, p.Column, errors.New(ye.GetMessage()))
		}
		return fm.at(1, 1, err)
	}
	fm.pos = keyPositions(body)
	f, err := fm.fields(values)
	if err != nil {
		return err
	}
	return fm.apply(doc, f)
}

// fmReader reads one front matter block that starts at line first of its
// file, for the reader r.
type fmReader struct {
	r     *reader
	first int
	// pos holds the line and column of each top-level key.
	pos map[string][2]int
}

// frontMatterFields are the values of the keys brief reads.
type frontMatterFields struct {
	title, published, date, source, url, kind string
	authors, author, tags                     []string
}

// at returns err at a line and column of the front matter, as a line and
// column of the file.
func (fm *fmReader) at(line, col int, err error) error {
	if line > 0 {
		line += fm.first - 1
	}
	return &Error{Line: line, Col: col, Err: fmt.Errorf("front matter: %w", err)}
}

// lenient returns err under --strict, else warns of it at key and
// returns nil: the value is ignored.
func (fm *fmReader) lenient(key string, err error) error {
	p := fm.pos[key]
	if fm.r.opts.Strict {
		return fm.at(p[0], p[1], fmt.Errorf("%w (an error under --strict)", err))
	}
	fm.r.warn(analyze.FileWarning(p[0]+fm.first-1, p[1], "front matter: %v: ignored", err))
	return nil
}

// parse checks the limits and parses yml, returning the body of its last
// document, or nil when it holds none.
func (fm *fmReader) parse(yml []byte) (ast.Node, error) {
	o := fm.r.opts
	if o.FrontMatterBytes > 0 && int64(len(yml)) > o.FrontMatterBytes {
		return nil, fm.at(1, 1, fmt.Errorf("%d bytes, over the limit of %d (limits.front_matter_bytes)", len(yml), o.FrontMatterBytes))
	}
	f, err := yamlfile.Parse("", yml, yamlfile.Bounds{MaxDepth: o.YAMLDepth, MaxAliasNodes: o.YAMLAliasNodes})
	if err != nil {
		var fe *analyze.FileError
		if !errors.As(err, &fe) {
			return nil, fm.at(0, 0, err)
		}
		switch {
		case errors.Is(err, yamlfile.ErrTooDeep):
			fe.Err = fmt.Errorf("%w (limits.yaml_depth)", fe.Err)
		case errors.Is(err, yamlfile.ErrTooManyAliases):
			fe.Err = fmt.Errorf("%w (limits.yaml_alias_nodes)", fe.Err)
		}
		return nil, fm.at(fe.Line, fe.Col, fe.Err)
	}
	var body ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			body = d.Body
		}
	}
	return body, nil
}

// fields reads the known keys of values in the order they are written;
// an unknown key or a value of the wrong type is lenient.
func (fm *fmReader) fields(values map[string]any) (frontMatterFields, error) {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return fm.pos[keys[i]][0] < fm.pos[keys[j]][0] })
	var f frontMatterFields
	strs := map[string]*string{"title": &f.title, "published": &f.published, "date": &f.date,
		"source": &f.source, "url": &f.url, "kind": &f.kind}
	lists := map[string]*[]string{"authors": &f.authors, "author": &f.author, "tags": &f.tags}
	for _, k := range keys {
		list, known := frontMatterKeys[k]
		var err error
		switch {
		case !known:
			err = fmt.Errorf("unknown key %q", k)
		case list:
			*lists[k], err = stringsValue(values[k])
		default:
			*strs[k], err = stringValue(values[k])
		}
		if err == nil {
			continue
		}
		if known {
			err = fmt.Errorf("%s: %w", k, err)
		}
		if err := fm.lenient(k, err); err != nil {
			return f, err
		}
	}
	return f, nil
}

// apply sets the document's fields from f: a date brief cannot read is an
// error, a url that is no web address is lenient.
func (fm *fmReader) apply(doc *analyze.Doc, f frontMatterFields) error {
	doc.Title = strings.TrimSpace(f.title)
	doc.Authors = append(f.authors, f.author...)
	pub, pubKey := f.published, "published"
	if pub == "" {
		pub, pubKey = f.date, "date"
	}
	if pub = strings.TrimSpace(pub); pub != "" {
		d, ok := NormalizeDate(pub)
		if !ok {
			p := fm.pos[pubKey]
			return fm.at(p[0], p[1], fmt.Errorf("%s: cannot read %q as a date (want YYYY-MM-DD, YYYY-MM or YYYY)", pubKey, pub))
		}
		doc.Published = d
	}
	doc.Source = strings.TrimSpace(f.source)
	if u := strings.TrimSpace(f.url); u != "" {
		if web, ok := WebURL(u); ok {
			doc.URL = web
		} else if err := fm.lenient("url", fmt.Errorf("url: %q is not an http:// or https:// address with a host", u)); err != nil {
			return err
		}
	}
	doc.Tags = f.tags
	doc.Kind = strings.TrimSpace(f.kind)
	return nil
}

// keyPositions maps each top-level key of a mapping to its line and column.
func keyPositions(n ast.Node) map[string][2]int {
	out := map[string][2]int{}
	var pairs []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	}
	for _, kv := range pairs {
		if kv.Key == nil {
			continue
		}
		tk := kv.Key.GetToken()
		if tk == nil || tk.Position == nil {
			continue
		}
		k := strings.TrimSpace(kv.Key.String())
		if sn, ok := kv.Key.(*ast.StringNode); ok {
			k = sn.Value
		}
		if _, dup := out[k]; !dup {
			out[k] = [2]int{tk.Position.Line, tk.Position.Column}
		}
	}
	return out
}

// stringValue reads a scalar as text: a number or a date written without
// quotes is the text it was written as.
func stringValue(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case time.Time:
		return v.Format("2006-01-02"), nil
	case map[string]any, []any:
		return "", fmt.Errorf("want a string, found %s", yamlKind(v))
	}
	return fmt.Sprint(v), nil
}

// stringsValue reads one string or a list of strings.
func stringsValue(v any) ([]string, error) {
	if l, ok := v.([]any); ok {
		var out []string
		for _, e := range l {
			s, err := stringValue(e)
			if err != nil {
				return nil, errors.New("want a string or a list of strings, found a list holding " + yamlKind(e))
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	s, err := stringValue(v)
	if err != nil {
		return nil, fmt.Errorf("want a string or a list of strings, found %s", yamlKind(v))
	}
	if s = strings.TrimSpace(s); s == "" {
		return nil, nil
	}
	return []string{s}, nil
}

func yamlKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	return "a scalar"
}
