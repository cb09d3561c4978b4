package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/internal/safefile"
	"github.com/brief-tool/brief/analyze/internal/yamlfile"
	"github.com/brief-tool/brief/analyze/match"
)

//go:embed data/*.yaml
var embedded embed.FS

// Source is a rule file: its name (for errors) and its bytes.
type Source struct {
	Name string
	Data []byte
}

// Shipped returns the rule files embedded in brief, in name order.
func Shipped() ([]Source, error) {
	entries, err := fs.ReadDir(embedded, "data")
	if err != nil {
		return nil, err
	}
	var out []Source
	for _, e := range entries {
		b, err := embedded.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Source{Name: "analyze/rules/data/" + e.Name(), Data: b})
	}
	return out, nil
}

// ReadFiles reads user rule files from disk.
func ReadFiles(paths []string) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		// A regular file only, within the YAML size bound: a FIFO or
		// /dev/zero named as a rule file must not hang or fill memory.
		b, err := safefile.Read(p, yamlfile.DefaultBounds.MaxBytes, "16 MiB for a rule file")
		if err != nil {
			return nil, &analyze.FileError{Path: p, Err: err}
		}
		out = append(out, Source{Name: p, Data: b})
	}
	return out, nil
}

// file is a rule file as written: word classes, rules, or both.
type file struct {
	Classes []classDef `yaml:"classes"`
	Kind    string     `yaml:"kind"`
	// GuardSets name lists of guards for rules to share through YAML
	// anchors; they mean nothing else.
	GuardSets map[string][]string `yaml:"guard-sets"`
	Rules     []ruleDef           `yaml:"rules"`
}

// classDef is a word class as written. A class named "event.seizure"
// with verbs and nouns defines the labels event.seizure.verb and
// event.seizure.noun, both also event.seizure, event.verb or event.noun,
// and event; words of any part of speech are event.seizure itself.
type classDef struct {
	Name       string            `yaml:"name"`
	Doc        string            `yaml:"doc"`
	Example    string            `yaml:"example"`
	Attrs      map[string]string `yaml:"attrs"`
	Verbs      []string          `yaml:"verbs"`
	Nouns      []string          `yaml:"nouns"`
	Adjectives []string          `yaml:"adjectives"`
	Words      []string          `yaml:"words"`
	// Derive false keeps the nouns derived from the verbs out; Except
	// lists derived words that do not name the act ("information" is not
	// the act of informing).
	Derive *bool    `yaml:"derive"`
	Except []string `yaml:"except"`
}

type ruleDef struct {
	Name     string            `yaml:"name"`
	Doc      string            `yaml:"doc"`
	Pattern  string            `yaml:"pattern"`
	Unless   []string          `yaml:"unless"`
	Emit     map[string]string `yaml:"emit"`
	Priority int               `yaml:"priority"`
	Check    string            `yaml:"check"`
	Examples Examples          `yaml:"examples"`
}

// Layer labels every grammar has: the annotation layers of the document.
var layerNames = []string{"actor", "date", "place", "quote", analyze.KindState, analyze.KindPerson,
	analyze.KindOrganization, analyze.KindMilitary, analyze.KindGroup}

// Load compiles rule files: every file's classes first (a pattern may name
// a class of any file), then the rules. known tells real words among the
// derived nouns (nlp.NLP.Known); nil keeps none. Errors are
// *analyze.FileError with the file, line and column.
func Load(known func(string) bool, srcs ...Source) (*Set, error) {
	if known == nil {
		known = func(string) bool { return false }
	}
	s := &Set{g: match.NewGrammar(), byKind: map[string][]*Rule{}, attrs: map[match.Label]map[string]string{}}
	if err := s.addLayers(); err != nil {
		return nil, err
	}
	type parsed struct {
		src  Source
		f    file
		tree *ast.File
	}
	var files []parsed
	for _, src := range srcs {
		var f file
		tree, err := yamlfile.Decode(src.Name, src.Data, &f)
		if err != nil {
			return nil, err
		}
		files = append(files, parsed{src, f, tree})
	}
	for _, p := range files {
		for i, c := range p.f.Classes {
			if err := s.addClass(c, known); err != nil {
				line, col := yamlfile.Position(p.tree, "classes", i, "name")
				return nil, &analyze.FileError{Path: p.src.Name, Line: line, Col: col, Err: err}
			}
		}
	}
	names := map[string]string{}
	for _, p := range files {
		if len(p.f.Rules) > 0 && p.f.Kind == "" {
			line, col := yamlfile.Position(p.tree, "rules")
			return nil, &analyze.FileError{Path: p.src.Name, Line: line, Col: col, Err: errors.New("a file of rules says their kind (kind: incident, proposal, ...)")}
		}
		for i, d := range p.f.Rules {
			r, err := s.compileRule(p.src.Name, p.tree, p.f.Kind, i, d)
			if err != nil {
				return nil, err
			}
			if where, dup := names[r.Name]; dup {
				return nil, &analyze.FileError{Path: p.src.Name, Line: r.Line, Err: fmt.Errorf("rule %q is defined twice (first at %s)", r.Name, where)}
			}
			names[r.Name] = fmt.Sprintf("%s:%d", r.File, r.Line)
			s.rules = append(s.rules, r)
		}
	}
	for _, r := range s.rules {
		s.byKind[r.Kind] = append(s.byKind[r.Kind], r)
	}
	for _, rs := range s.byKind {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Priority > rs[j].Priority })
	}
	return s, nil
}

func (s *Set) addLayers() error {
	s.layers.kinds = map[string]match.Label{}
	for _, n := range layerNames {
		l, err := s.g.AddLayer(n)
		if err != nil {
			return err
		}
		switch n {
		case "actor":
			s.layers.actor = l
		case "date":
			s.layers.date = l
		case "place":
			s.layers.place = l
		case "quote":
			s.layers.quote = l
		default:
			s.layers.kinds[n] = l
		}
	}
	return nil
}

func (s *Set) addClass(c classDef, known func(string) bool) error {
	if c.Name == "" {
		return errors.New("a class has a name")
	}
	if slices.Contains(layerNames, c.Name) {
		return fmt.Errorf("class %q: the name is an annotation layer's", c.Name)
	}
	if strings.TrimSpace(c.Example) == "" {
		return fmt.Errorf("class %s: give an example of our own (example: ...)", c.Name)
	}
	if len(c.Verbs)+len(c.Nouns)+len(c.Adjectives)+len(c.Words) == 0 {
		return fmt.Errorf("class %s has no words", c.Name)
	}
	family := ""
	if i := strings.LastIndex(c.Name, "."); i > 0 {
		family = c.Name[:i]
	}
	fams := func(suffix string) []string {
		out := []string{c.Name}
		if family != "" {
			out = append(out, family)
			if suffix != "" {
				out = append(out, family+"."+suffix)
			}
		}
		return out
	}
	add := func(name string, pos match.POS, words []string, families []string) error {
		if len(words) == 0 {
			return nil
		}
		l, err := s.g.AddClass(name, pos, words, families...)
		if err != nil {
			return err
		}
		s.setAttrs(l, c.Attrs)
		return nil
	}
	nouns := c.Nouns
	if c.Derive == nil || *c.Derive {
		for _, v := range c.Verbs {
			for _, n := range Nominalizations(v, known) {
				if !slices.Contains(c.Except, n) {
					nouns = append(nouns, n)
				}
			}
		}
	}
	if err := add(c.Name+".verb", match.Verb, c.Verbs, fams("verb")); err != nil {
		return err
	}
	if err := add(c.Name+".noun", match.Noun, dedupe(nouns), fams("noun")); err != nil {
		return err
	}
	if err := add(c.Name+".adj", match.Adjective, c.Adjectives, fams("adj")); err != nil {
		return err
	}
	var wordFams []string
	if family != "" {
		wordFams = []string{family}
	}
	if err := add(c.Name, match.AnyPOS, c.Words, wordFams); err != nil {
		return err
	}
	if l, ok := s.g.Lookup(c.Name); ok {
		s.setAttrs(l, c.Attrs)
	}
	return nil
}

func (s *Set) setAttrs(l match.Label, attrs map[string]string) {
	if len(attrs) == 0 {
		return
	}
	if s.attrs[l] == nil {
		s.attrs[l] = map[string]string{}
	}
	for k, v := range attrs {
		s.attrs[l][k] = v
	}
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range ss {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func (s *Set) compileRule(name string, tree *ast.File, kind string, i int, d ruleDef) (*Rule, error) {
	at := func(keys ...any) (int, int) { return yamlfile.Position(tree, append([]any{"rules", i}, keys...)...) }
	fail := func(err error, keys ...any) error {
		line, col := at(keys...)
		return &analyze.FileError{Path: name, Line: line, Col: col, Err: err}
	}
	line, _ := at("name")
	r := &Rule{Name: d.Name, Kind: kind, Doc: d.Doc, Unless: d.Unless, Emit: d.Emit, Priority: d.Priority, CheckAt: d.Check, Examples: d.Examples, File: name, Line: line}
	if d.Check != "" && d.Check != "match" && d.Check != "trigger" {
		return nil, fail(fmt.Errorf("rule %s: check %q: want trigger or match", r.Name, d.Check), "check")
	}
	if r.Name == "" {
		return nil, fail(errors.New("a rule has a name"))
	}
	if len(d.Examples.Yes) == 0 || len(d.Examples.No) == 0 {
		return nil, fail(fmt.Errorf("rule %s: give at least one yes and one no example of our own", r.Name), "name")
	}
	p, err := s.g.Compile(d.Pattern)
	if err != nil {
		var se *match.SyntaxError
		if errors.As(err, &se) {
			line, col := at("pattern")
			if line > 0 {
				col += se.Offset + quoteWidth(tree, i)
			}
			return nil, &analyze.FileError{Path: name, Line: line, Col: col, Err: fmt.Errorf("rule %s: pattern: %s", r.Name, se.Msg)}
		}
		return nil, fail(fmt.Errorf("rule %s: pattern: %w", r.Name, err), "pattern")
	}
	r.Pattern = p
	for k, gname := range d.Unless {
		g, ok := guards[gname]
		if !ok {
			return nil, fail(fmt.Errorf("rule %s: unknown guard %q (known: %s)", r.Name, gname, strings.Join(GuardNames(), ", ")), "unless", k)
		}
		r.guards = append(r.guards, g)
	}
	return r, nil
}

// quoteWidth is 1 when the rule's pattern is written as a quoted scalar,
// whose column is that of the quote.
func quoteWidth(tree *ast.File, i int) int {
	if yamlfile.Quoted(tree, "rules", i, "pattern") {
		return 1
	}
	return 0
}
