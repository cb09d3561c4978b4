package yamlfile

import (
	"errors"
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/brief-tool/brief/analyze"
)

// Bounds limit what a YAML file may cost to read. goccy/go-yaml bounds only
// its decoder's recursion (10,000 levels) and expands aliases without limit,
// so nine levels of aliases in 600 bytes (a "billion laughs") decode into
// gigabytes. Check measures the file's syntax tree first, counting what the
// aliases would expand to, and refuses it before anything is decoded.
type Bounds struct {
	// MaxBytes is the largest file (0: no limit).
	MaxBytes int64
	// MaxDepth is the deepest nesting of mappings and sequences, aliases
	// expanded (0: no limit).
	MaxDepth int
	// MaxAliasNodes is how many nodes alias expansion may add to the
	// document (0: no limit).
	MaxAliasNodes int64
}

// DefaultBounds are far above what a gold file, a dictionary or a rule file
// needs.
var DefaultBounds = Bounds{MaxBytes: 16 << 20, MaxDepth: 100, MaxAliasNodes: 10_000}

// ErrBounds is the cause of every Check error, for callers that tell them
// apart; ErrTooLarge, ErrTooDeep and ErrTooManyAliases say which limit
// (each is also ErrBounds).
var (
	ErrBounds         = errors.New("over a limit")
	ErrTooLarge       = fmt.Errorf("%w: too large", ErrBounds)
	ErrTooDeep        = fmt.Errorf("%w: too deep", ErrBounds)
	ErrTooManyAliases = fmt.Errorf("%w: too many aliases", ErrBounds)
)

// boundErr is a limit crossed: its message, and the limit for errors.Is.
type boundErr struct {
	msg   string
	limit error
}

func (e *boundErr) Error() string { return ErrBounds.Error() + ": " + e.msg }
func (e *boundErr) Unwrap() error { return e.limit }

func overLimit(limit error, format string, args ...any) error {
	return &boundErr{msg: fmt.Sprintf(format, args...), limit: limit}
}

// flowNesting is how deep brackets may nest before the file is parsed at all:
// the YAML parser recurses once per level, so a few megabytes of "[" would
// exhaust the stack, which no recover catches. The exact depth limit is
// checked on the syntax tree afterwards.
const flowNesting = 10_000

// Check reports whether data, the YAML file at path, stays within b: a
// *analyze.FileError wrapping ErrBounds (with the line and column of the
// node that crosses a limit) when it does not, a syntax error as Decode
// reports it, or nil.
func Check(path string, data []byte, b Bounds) error {
	_, err := Parse(path, data, b)
	return err
}

// Parse parses data, the YAML file at path, once Check's limits allow it,
// and returns its syntax tree, for callers that decode it node by node.
func Parse(path string, data []byte, b Bounds) (f *ast.File, err error) {
	if err := precheck(path, data, b); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &analyze.FileError{Path: path, Err: fmt.Errorf("malformed YAML: %v", r)}
		}
	}()
	f, err = parser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(path, err)
	}
	if err := checkFile(path, f, b); err != nil {
		return nil, err
	}
	return f, nil
}

// precheck applies the limits that must hold before data is parsed: its
// size, and how deep its brackets nest.
func precheck(path string, data []byte, b Bounds) error {
	if b.MaxBytes > 0 && int64(len(data)) > b.MaxBytes {
		return &analyze.FileError{Path: path, Err: overLimit(ErrTooLarge, "%d bytes, more than %d", len(data), b.MaxBytes)}
	}
	if line, col, ok := tooNested(data); !ok {
		return &analyze.FileError{Path: path, Line: line, Col: col, Err: overLimit(ErrTooDeep, "brackets nested more than %d deep", flowNesting)}
	}
	return nil
}

// checkFile measures a parsed file against b's depth and alias limits.
func checkFile(path string, f *ast.File, b Bounds) error {
	m := measurer{b: b, anchors: map[string]size{}}
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		if _, err := m.measure(d.Body, 0); err != nil {
			var fe *analyze.FileError
			if errors.As(err, &fe) {
				fe.Path = path
			}
			return err
		}
	}
	return nil
}

// size is what a node expands to: its node count and the depth of
// collections under it, both saturating.
type size struct {
	nodes int64
	depth int
}

type measurer struct {
	b       Bounds
	anchors map[string]size // by name, the latest definition so far
	added   int64           // nodes added by alias expansion
	literal int64
}

// measure returns the expanded size of n, which sits at collection depth
// depth, or an error as soon as a limit is crossed.
func (m *measurer) measure(n ast.Node, depth int) (size, error) {
	if n == nil {
		return size{}, nil
	}
	m.literal++
	var s size
	add := func(c size) {
		s.nodes = satAdd(s.nodes, c.nodes)
		s.depth = max(s.depth, c.depth)
	}
	kids, collection := children(n)
	d := depth
	if collection {
		if m.b.MaxDepth > 0 && depth+1 > m.b.MaxDepth {
			return s, m.over(n, ErrTooDeep, "nested more than %d levels deep", m.b.MaxDepth)
		}
		d++
	}
	for _, k := range kids {
		cs, err := m.measure(k, d)
		add(cs)
		if err != nil {
			return s, err
		}
	}
	if collection {
		s.depth++
	}
	switch n := n.(type) {
	case *ast.AnchorNode:
		if n.Name != nil {
			m.anchors[n.Name.GetToken().Value] = s
		}
	case *ast.AliasNode:
		target := m.anchors[n.Value.GetToken().Value] // unknown: the decoder says so
		m.added = satAdd(m.added, target.nodes)
		if m.b.MaxAliasNodes > 0 && m.added > m.b.MaxAliasNodes {
			return s, m.over(n, ErrTooManyAliases, "aliases expand to more than %d nodes", m.b.MaxAliasNodes)
		}
		if m.b.MaxDepth > 0 && depth+target.depth > m.b.MaxDepth {
			return s, m.over(n, ErrTooDeep, "nested more than %d levels deep once aliases are expanded", m.b.MaxDepth)
		}
		add(target)
	}
	s.nodes = satAdd(s.nodes, 1)
	return s, nil
}

// children returns the nodes under n, and whether n is a collection (a
// mapping or a sequence), which nests them one level deeper.
func children(n ast.Node) (kids []ast.Node, collection bool) {
	switch n := n.(type) {
	case *ast.MappingNode:
		for _, v := range n.Values {
			kids = append(kids, v)
		}
		return kids, true
	case *ast.SequenceNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []ast.Node{n.Key, n.Value}, false
	case *ast.MappingKeyNode:
		return []ast.Node{n.Value}, false
	case *ast.TagNode:
		return []ast.Node{n.Value}, false
	case *ast.AnchorNode:
		return []ast.Node{n.Value}, false
	}
	return nil, false
}

// over returns a limit's error at the position of node n.
func (m *measurer) over(n ast.Node, limit error, msg string, args ...any) error {
	fe := &analyze.FileError{Err: overLimit(limit, msg, args...)}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		fe.Line, fe.Col = tk.Position.Line, tk.Position.Column
	}
	return fe
}

func satAdd(a, b int64) int64 {
	if a > (1<<62)-b {
		return 1 << 62
	}
	return a + b
}

// tooNested scans data for brackets nested deeper than flowNesting and
// returns the position (line, byte column) of the first bracket too deep.
// It counts every bracket, quoted or not: it only guards the parser's stack,
// at a depth no real file reaches.
func tooNested(data []byte) (line, col int, ok bool) {
	depth := 0
	line, col = 1, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		switch c {
		case '\n':
			line, col = line+1, 0
		case '[', '{':
			if depth++; depth > flowNesting {
				return line, col, false
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, 0, true
}
