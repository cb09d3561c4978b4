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
	at := func(line, col int, err error) error {
		if line > 0 {
			line += first - 1
		}
		return &Error{Line: line, Col: col, Err: fmt.Errorf("front matter: %w", err)}
	}
	o := r.opts
	if o.FrontMatterBytes > 0 && int64(len(yml)) > o.FrontMatterBytes {
		return at(1, 1, fmt.Errorf("%d bytes, over the limit of %d (limits.front_matter_bytes)", len(yml), o.FrontMatterBytes))
	}
	f, err := yamlfile.Parse("", yml, yamlfile.Bounds{MaxDepth: o.YAMLDepth, MaxAliasNodes: o.YAMLAliasNodes})
	if err != nil {
		var fe *analyze.FileError
		if errors.As(err, &fe) {
			switch {
			case errors.Is(err, yamlfile.ErrTooDeep):
				fe.Err = fmt.Errorf("%w (limits.yaml_depth)", fe.Err)
			case errors.Is(err, yamlfile.ErrTooManyAliases):
				fe.Err = fmt.Errorf("%w (limits.yaml_alias_nodes)", fe.Err)
			}
			return at(fe.Line, fe.Col, fe.Err)
		}
		return at(0, 0, err)
	}
	var body ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			body = d.Body
		}
	}
	if body == nil {
		return nil // nothing but comments
	}
	var values map[string]any
	if err := yaml.NodeToValue(body, &values); err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			p := ye.GetToken().Position
			return at(p.Line, p.Column, errors.New(ye.GetMessage()))
		}
		return at(1, 1, err)
	}
	pos := keyPositions(body)
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return pos[keys[i]][0] < pos[keys[j]][0] })
	var fm struct {
		title, published, date, source, url, kind string
		authors, author, tags                     []string
	}
	strs := map[string]*string{"title": &fm.title, "published": &fm.published, "date": &fm.date,
		"source": &fm.source, "url": &fm.url, "kind": &fm.kind}
	lists := map[string]*[]string{"authors": &fm.authors, "author": &fm.author, "tags": &fm.tags}
	for _, k := range keys {
		p := pos[k]
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
		if o.Strict {
			return at(p[0], p[1], fmt.Errorf("%w (an error under --strict)", err))
		}
		r.warn(analyze.FileWarning(p[0]+first-1, p[1], "front matter: %v: ignored", err))
	}
	doc.Title = strings.TrimSpace(fm.title)
	doc.Authors = append(fm.authors, fm.author...)
	pub, pubKey := fm.published, "published"
	if pub == "" {
		pub, pubKey = fm.date, "date"
	}
	if pub = strings.TrimSpace(pub); pub != "" {
		d, ok := NormalizeDate(pub)
		if !ok {
			p := pos[pubKey]
			return at(p[0], p[1], fmt.Errorf("%s: cannot read %q as a date (want YYYY-MM-DD, YYYY-MM or YYYY)", pubKey, pub))
		}
		doc.Published = d
	}
	doc.Source = strings.TrimSpace(fm.source)
	if u := strings.TrimSpace(fm.url); u != "" {
		if web, ok := WebURL(u); ok {
			doc.URL = web
		} else {
			p := pos["url"]
			err := fmt.Errorf("url: %q is not an http:// or https:// address with a host", u)
			if o.Strict {
				return at(p[0], p[1], fmt.Errorf("%w (an error under --strict)", err))
			}
			r.warn(analyze.FileWarning(p[0]+first-1, p[1], "front matter: %v: ignored", err))
		}
	}
	doc.Tags = fm.tags
	doc.Kind = strings.TrimSpace(fm.kind)
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
