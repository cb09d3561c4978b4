package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// classArg maps the methods that look up a class or layer by name to the
// index of the argument that names it.
var classArg = map[string]int{"Is": 1, "InClass": 2, "ClassSpan": 2}

// Every class or layer name the Go code under analyze/ looks up is defined
// by the shipped rules: a lookup of an unknown name is silently false, so a
// misspelt or missing class would switch a guard off without a sound.
func TestNamesUsedByCodeExist(t *testing.T) {
	srcs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(nil, srcs...)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			i, ok := classArg[sel.Sel.Name]
			if !ok || len(call.Args) <= i {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			name, _ := strconv.Unquote(lit.Value)
			seen++
			if _, ok := s.Grammar().Lookup(name); !ok {
				t.Errorf("%s: %s(%q): no class or layer of that name", fset.Position(lit.Pos()), sel.Sel.Name, name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 20 {
		t.Fatalf("found only %d lookups by name; is the walk reading analyze/?", seen)
	}
}
