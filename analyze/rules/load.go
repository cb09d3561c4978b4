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
	"github.com/brief-tool/brief/analyze/internal/gobform"
	"github.com/brief-tool/brief/analyze/internal/safefile"
	"github.com/brief-tool/brief/analyze/internal/yamlfile"
	"github.com/brief-tool/brief/analyze/match"
)

//go:generate go test . -run TestShippedForm -update

//go:embed data/*.yaml
var embedded embed.FS

// shippedGob is the shipped rule files decoded once, by go generate:
// []decoded, each with the line of every rule's name. TestShippedForm
// fails when it is not what data/*.yaml says now.
//
//go:embed shipped.gob
var shippedGob []byte

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
	Name       string      `yaml:"name"`
	Doc        string      `yaml:"doc"`
	Example    string      `yaml:"example"`
	Attrs      gobform.Map `yaml:"attrs"`
	Verbs      []string    `yaml:"verbs"`
	Nouns      []string    `yaml:"nouns"`
	Adjectives []string    `yaml:"adjectives"`
	Words      []string    `yaml:"words"`
	// Derive false keeps the nouns derived from the verbs out; Except
	// lists derived words that do not name the act ("information" is not
	// the act of informing). Decoding sets NoDerive from Derive (false,
	// not absent) and clears Derive: gob, the shipped form, would read a
	// false pointer as none.
	Derive   *bool    `yaml:"derive"`
	NoDerive bool     `yaml:"-"`
	Except   []string `yaml:"except"`
}

type ruleDef struct {
	Name     string      `yaml:"name"`
	Doc      string      `yaml:"doc"`
	Pattern  string      `yaml:"pattern"`
	Unless   []string    `yaml:"unless"`
	Emit     gobform.Map `yaml:"emit"`
	Priority int         `yaml:"priority"`
	Check    string      `yaml:"check"`
	Examples Examples    `yaml:"examples"`
}

// Layer labels every grammar has: the annotation layers of the document.
var layerNames = []string{"actor", "date", "place", "quote", analyze.KindState, analyze.KindPerson,
	analyze.KindOrganization, analyze.KindMilitary, analyze.KindGroup}

// decoded is a rule file read: its name, what it says, and where each
// rule's name is written (Lines[i] for rule i). Tree, for a file read
// from YAML, gives every position; the shipped form keeps the lines only.
type decoded struct {
	Name  string
	File  file
	Lines []int
	tree  *ast.File
}

// position returns the line and column of a key of the file ("rules", 3,
// "pattern"), as far as the file knows it.
func (d *decoded) position(keys ...any) (int, int) {
	if d.tree != nil {
		return yamlfile.Position(d.tree, keys...)
	}
	if len(keys) >= 2 && keys[0] == "rules" {
		if i, ok := keys[1].(int); ok && i < len(d.Lines) {
			return d.Lines[i], 0
		}
	}
	return 0, 0
}

// decode reads rule files from YAML.
func decode(srcs []Source) ([]decoded, error) {
	var out []decoded
	for _, src := range srcs {
		var f file
		tree, err := yamlfile.Decode(src.Name, src.Data, &f)
		if err != nil {
			return nil, err
		}
		// The guard sets served their YAML anchors.
		f.GuardSets = nil
		for i := range f.Classes {
			c := &f.Classes[i]
			c.NoDerive = c.Derive != nil && !*c.Derive
			c.Derive = nil
		}
		d := decoded{Name: src.Name, File: f, tree: tree}
		for i := range f.Rules {
			line, _ := yamlfile.Position(tree, "rules", i, "name")
			d.Lines = append(d.Lines, line)
		}
		out = append(out, d)
	}
	return out, nil
}

// shipped decodes the embedded form of the shipped rule files, afresh for
// each caller.
func shipped() ([]decoded, error) {
	var out []decoded
	if err := gobform.Decode(shippedGob, &out); err != nil {
		return nil, fmt.Errorf("embedded rules: %w (run go generate ./analyze/rules)", err)
	}
	return out, nil
}

// Load compiles rule files: every file's classes first (a pattern may name
// a class of any file), then the rules. known tells real words among the
// derived nouns (nlp.NLP.Known); nil keeps none. Errors are
// *analyze.FileError with the file, line and column.
func Load(known func(string) bool, srcs ...Source) (*Set, error) {
	files, err := decode(srcs)
	if err != nil {
		return nil, err
	}
	return build(known, files)
}

// LoadShipped compiles the shipped rules (Shipped, read from their embedded
// form rather than from YAML) and then the user's rule files, as Load of
// Shipped and user would.
func LoadShipped(known func(string) bool, user ...Source) (*Set, error) {
	files, err := shipped()
	if err != nil {
		return nil, err
	}
	more, err := decode(user)
	if err != nil {
		return nil, err
	}
	return build(known, append(files, more...))
}

func build(known func(string) bool, files []decoded) (*Set, error) {
	if known == nil {
		known = func(string) bool { return false }
	}
	s := &Set{g: match.NewGrammar(), byKind: map[string][]*Rule{}, attrs: map[match.Label]map[string]string{}}
	if err := s.addLayers(); err != nil {
		return nil, err
	}
	for _, p := range files {
		for i, c := range p.File.Classes {
			if err := s.addClass(c, known); err != nil {
				line, col := p.position("classes", i, "name")
				return nil, &analyze.FileError{Path: p.Name, Line: line, Col: col, Err: err}
			}
		}
	}
	names := map[string]string{}
	for pi := range files {
		p := &files[pi]
		if len(p.File.Rules) > 0 && p.File.Kind == "" {
			line, col := p.position("rules")
			return nil, &analyze.FileError{Path: p.Name, Line: line, Col: col, Err: errors.New("a file of rules says their kind (kind: incident, proposal, ...)")}
		}
		for i, d := range p.File.Rules {
			r, err := s.compileRule(p, i, d)
			if err != nil {
				return nil, err
			}
			if where, dup := names[r.Name]; dup {
				return nil, &analyze.FileError{Path: p.Name, Line: r.Line, Err: fmt.Errorf("rule %q is defined twice (first at %s)", r.Name, where)}
			}
			names[r.Name] = fmt.Sprintf("%s:%d", r.File, r.Line)
			s.rules = append(s.rules, r)
		}
	}
	for _, r := range s.rules {
		s.byKind[r.Kind] = append(s.byKind[r.Kind], r)
	}
	s.starts = map[string]*match.Starts{}
	for kind, rs := range s.byKind {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Priority > rs[j].Priority })
		ps := make([]*match.Pattern, len(rs))
		for i, r := range rs {
			ps[i] = r.Pattern
		}
		s.starts[kind] = match.NewStarts(ps)
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
	if !c.NoDerive {
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

func (s *Set) compileRule(p *decoded, i int, d ruleDef) (*Rule, error) {
	name, kind := p.Name, p.File.Kind
	at := func(keys ...any) (int, int) { return p.position(append([]any{"rules", i}, keys...)...) }
	fail := func(err error, keys ...any) error {
		line, col := at(keys...)
		return &analyze.FileError{Path: name, Line: line, Col: col, Err: err}
	}
	line := p.Lines[i]
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
	pat, err := s.g.Compile(d.Pattern)
	if err != nil {
		var se *match.SyntaxError
		if errors.As(err, &se) {
			line, col := at("pattern")
			if line > 0 {
				col += se.Offset + quoteWidth(p.tree, i)
			}
			return nil, &analyze.FileError{Path: name, Line: line, Col: col, Err: fmt.Errorf("rule %s: pattern: %s", r.Name, se.Msg)}
		}
		return nil, fail(fmt.Errorf("rule %s: pattern: %w", r.Name, err), "pattern")
	}
	r.Pattern = pat
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
	if tree != nil && yamlfile.Quoted(tree, "rules", i, "pattern") {
		return 1
	}
	return 0
}
