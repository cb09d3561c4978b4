// Package yamlfile decodes the YAML files users and the project write
// (gold annotations, rule files) strictly, and keeps their syntax tree so
// that later checks can report a file:line:col.
package yamlfile

import (
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/brief-tool/brief/analyze"
)

// Decode parses data as a single YAML document and decodes it into v,
// rejecting unknown keys and anything over DefaultBounds. It returns the
// syntax tree so that later checks can point at a position.
func Decode(path string, data []byte, v any) (*ast.File, error) {
	return DecodeWith(path, data, v, DefaultBounds)
}

// DecodeWith is Decode within the bounds b.
func DecodeWith(path string, data []byte, v any, b Bounds) (f *ast.File, err error) {
	if f, err = Parse(path, data, b); err != nil {
		return nil, err
	}
	defer func() {
		// A panic in the YAML library on a malformed file is the file's
		// problem to report, not a crash.
		if r := recover(); r != nil {
			f, err = nil, &analyze.FileError{Path: path, Err: fmt.Errorf("malformed YAML: %v", r)}
		}
	}()
	var body ast.Node
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		if body != nil {
			line, col := nodePos(d.Body)
			return nil, &analyze.FileError{Path: path, Line: line, Col: col, Err: errors.New("more than one YAML document")}
		}
		body = d.Body
	}
	if body == nil {
		return nil, &analyze.FileError{Path: path, Err: errors.New("empty file")}
	}
	if err := yaml.NodeToValue(body, v, yaml.Strict()); err != nil {
		return nil, yamlError(path, err)
	}
	return f, nil
}

// yamlError turns an error of the YAML library into a *FileError with the
// position it names.
func yamlError(path string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		msg := ye.GetMessage()
		var te *yaml.TypeError
		if errors.As(err, &te) && te.DstType != nil && te.SrcType != nil {
			// The library's message names Go struct fields, wrongly at times.
			msg = fmt.Sprintf("wrong type: want %s, found %s", te.DstType, te.SrcType)
		}
		fe := &analyze.FileError{Path: path, Err: errors.New(msg)}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			fe.Line, fe.Col = tk.Position.Line, tk.Position.Column
		}
		return fe
	}
	return &analyze.FileError{Path: path, Err: err}
}

// nodePos returns the position of n: for a mapping, that of its first key.
func nodePos(n ast.Node) (line, col int) {
	switch m := n.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if len(m.Values) > 0 && m.Values[0].Key != nil {
			n = m.Values[0].Key
		}
	case *ast.MappingValueNode:
		if m.Key != nil {
			n = m.Key
		}
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line, tk.Position.Column
	}
	return 0, 0
}

// Node returns the node at path (keys and indexes from the document
// root), or nil.
func Node(f *ast.File, path ...any) ast.Node {
	b := (&yaml.PathBuilder{}).Root()
	for _, p := range path {
		switch p := p.(type) {
		case string:
			b = b.Child(p)
		case int:
			b = b.Index(uint(p))
		}
	}
	node, err := b.Build().FilterFile(f)
	if err != nil {
		return nil
	}
	return node
}

// Quoted reports whether the node at path is a quoted scalar, whose
// column is that of its opening quote.
func Quoted(f *ast.File, path ...any) bool {
	n := Node(f, path...)
	if n == nil {
		return false
	}
	tk := n.GetToken()
	return tk != nil && (tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType)
}

// Position returns the line and column of the node at path (keys and
// indexes from the document root), or of its nearest ancestor that exists.
func Position(f *ast.File, path ...any) (line, col int) {
	for n := len(path); n >= 0; n-- {
		if line, col := nodePos(Node(f, path[:n]...)); line > 0 {
			return line, col
		}
	}
	return 0, 0
}
