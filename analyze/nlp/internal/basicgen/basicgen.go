// Package basicgen reads the word list prose's entity recogniser uses as a
// feature (Ogden's Basic English, in prose's internal/wordlist package, which
// brief cannot import) from prose's source in the module cache, so that
// analyze/nlp can compute the recogniser's features itself.
package basicgen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Module is the module whose source holds the list.
const Module = "github.com/jdkato/prose/v3"

// Words returns the words of prose's list, sorted, and the version of prose
// they were read from. It asks the go command where the module is, so it
// reads the version go.mod names.
func Words(dir string) (words []string, version string, err error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", Module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("go list -m %s: %w", Module, err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return nil, "", fmt.Errorf("go list -m %s: unexpected output %q", Module, out)
	}
	file := filepath.Join(f[0], "internal", "wordlist", "wordlist.go")
	words, err = parse(file)
	return words, f[1], err
}

// parse returns the string keys of the package-level map literal "basic".
func parse(file string) ([]string, error) {
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		return nil, err
	}
	var words []string
	found := false
	ast.Inspect(af, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "basic" || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.CompositeLit)
		if !ok {
			return true
		}
		found = true
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if bl, ok := kv.Key.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				if w, err := strconv.Unquote(bl.Value); err == nil {
					words = append(words, w)
				}
			}
		}
		return false
	})
	if !found || len(words) == 0 {
		return nil, fmt.Errorf("%s: no map literal named basic", file)
	}
	sort.Strings(words)
	return words, nil
}
