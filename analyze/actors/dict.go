package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/internal/gobform"
	"github.com/brief-tool/brief/analyze/internal/safefile"
	"github.com/brief-tool/brief/analyze/internal/yamlfile"
)

//go:generate go test . -run TestShippedForm -update

//go:embed data/*.yaml
var dataFS embed.FS

// shipped is data/*.yaml decoded once, by go generate (shipped.gob); the
// test TestShippedForm fails when it is not what the YAML says now.
//
//go:embed shipped.gob
var shipped []byte

// Entry is one actor the dictionaries know, with the surface forms that name
// it. States carry their demonyms, capitals and seats of government too.
type Entry struct {
	ID        string   `yaml:"id"`
	Name      string   `yaml:"name"`
	Kind      string   `yaml:"kind"`
	Country   string   `yaml:"country"`
	Aliases   []string `yaml:"aliases"`
	Demonyms  []string `yaml:"demonyms"`
	Capitals  []string `yaml:"capitals"`
	Seats     []Seat   `yaml:"seats"`
	Ambiguous bool     `yaml:"ambiguous"`
}

// Seat is a building or institution named for a government ("the
// Kremlin"), with the kind of actor it implies.
type Seat struct {
	Name string `yaml:"name"`
	Kind string `yaml:"kind"`
}

// Title is a title or rank that precedes a personal name.
type Title struct {
	Title   string   `yaml:"title"`
	Aliases []string `yaml:"aliases"`
	Kind    string   `yaml:"kind"`
}

// Stopword is a capitalised term that is not an actor.
type Stopword struct {
	Term string `yaml:"term"`
	Why  string `yaml:"why"`
}

// Place is a sea, strait, region or other location from the gazetteer.
type Place struct {
	Name      string   `yaml:"name"`
	Aliases   []string `yaml:"aliases"`
	Kind      string   `yaml:"kind"`
	Countries []string `yaml:"countries"`
}

// Dictionary is everything the actor resolver knows about the world.
type Dictionary struct {
	Entries   []Entry // states, organisations, military bodies, groups
	Sources   []Entry // publications and agencies
	Titles    []Title
	Stopwords []Stopword
	Places    []Place
	// Ships maps a ship-name prefix ("USS") to its navy's country.
	Ships []ShipPrefix
}

// ShipPrefix is the prefix a navy puts before its ships' names.
type ShipPrefix struct {
	Prefix  string `yaml:"prefix"`
	Country string `yaml:"country"`
}

// dictFiles maps each data file to the kind its entries default to.
var dictFiles = []struct{ name, kind string }{
	{"states.yaml", analyze.KindState},
	{"organizations.yaml", analyze.KindOrganization},
	{"military.yaml", analyze.KindMilitary},
	{"groups.yaml", analyze.KindGroup},
	{"people.yaml", analyze.KindPerson},
}

// LoadDefault returns the dictionaries embedded in the binary, a copy of
// its own for each call.
func LoadDefault() (*Dictionary, error) {
	d := &Dictionary{}
	if err := gobform.Decode(shipped, d); err != nil {
		return nil, fmt.Errorf("embedded dictionaries: %w (run go generate ./analyze/actors)", err)
	}
	return d, d.validate("embedded dictionaries")
}

// decodeShipped reads the dictionaries from their YAML (data/*.yaml), as
// go generate does to write shipped.gob.
func decodeShipped() (*Dictionary, error) {
	d := &Dictionary{}
	for _, f := range dictFiles {
		var es []Entry
		if err := decodeEmbedded(f.name, &es); err != nil {
			return nil, err
		}
		for i := range es {
			if es[i].Kind == "" {
				es[i].Kind = f.kind
			}
			if f.kind == analyze.KindState && es[i].Country == "" {
				es[i].Country = es[i].ID
			}
		}
		d.Entries = append(d.Entries, es...)
	}
	if err := decodeEmbedded("sources.yaml", &d.Sources); err != nil {
		return nil, err
	}
	if err := decodeEmbedded("titles.yaml", &d.Titles); err != nil {
		return nil, err
	}
	if err := decodeEmbedded("stopwords.yaml", &d.Stopwords); err != nil {
		return nil, err
	}
	if err := decodeEmbedded("places.yaml", &d.Places); err != nil {
		return nil, err
	}
	if err := decodeEmbedded("ship-prefixes.yaml", &d.Ships); err != nil {
		return nil, err
	}
	return d, d.validate("embedded dictionaries")
}

// UserFile is the shape of a user's own dictionary file: any of the lists,
// each optional. An entry whose id matches a shipped entry replaces it.
type UserFile struct {
	Actors    []Entry    `yaml:"actors"`
	Sources   []Entry    `yaml:"sources"`
	Titles    []Title    `yaml:"titles"`
	Stopwords []Stopword `yaml:"stopwords"`
	Places    []Place    `yaml:"places"`
}

// AddFile merges a user dictionary file into d, within
// yamlfile.DefaultBounds.
func (d *Dictionary) AddFile(path string) error { return d.AddFileWith(path, yamlfile.DefaultBounds) }

// AddFileWith merges a user dictionary file into d. The file must be a
// regular file within b (size, nesting, alias expansion), checked before
// it is decoded.
func (d *Dictionary) AddFileWith(path string, b yamlfile.Bounds) error {
	data, err := safefile.Read(path, b.MaxBytes, "limits.max_file_bytes")
	if err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err := yamlfile.Check(path, data, b); err != nil {
		return err
	}
	var u UserFile
	if err := decodeFile(path, data, &u); err != nil {
		return err
	}
	for _, e := range u.Actors {
		if e.Kind == analyze.KindState && e.Country == "" {
			e.Country = e.ID
		}
		d.Entries = replaceOrAdd(d.Entries, e)
	}
	for _, e := range u.Sources {
		d.Sources = replaceOrAdd(d.Sources, e)
	}
	d.Titles = append(d.Titles, u.Titles...)
	d.Stopwords = append(d.Stopwords, u.Stopwords...)
	d.Places = append(d.Places, u.Places...)
	return d.validate(path)
}

func replaceOrAdd(es []Entry, e Entry) []Entry {
	for i := range es {
		if es[i].ID == e.ID {
			es[i] = e
			return es
		}
	}
	return append(es, e)
}

var kinds = map[string]bool{analyze.KindState: true, analyze.KindPerson: true,
	analyze.KindOrganization: true, analyze.KindMilitary: true, analyze.KindGroup: true}

func (d *Dictionary) validate(where string) error {
	var errs []error
	for _, e := range d.Entries {
		if e.ID == "" || e.Name == "" {
			errs = append(errs, fmt.Errorf("%s: entry %q: id and name are required", where, e.Name+e.ID))
		}
		if !kinds[e.Kind] {
			errs = append(errs, fmt.Errorf("%s: entry %q: kind %q is not one of state, person, organization, military, group", where, e.ID, e.Kind))
		}
	}
	return errors.Join(errs...)
}

// FileError is a problem in a dictionary file, with its position.
type FileError = analyze.FileError

// decodeFile strictly decodes the YAML in data, read from path, into v.
func decodeFile(path string, data []byte, v any) (err error) {
	// The YAML library panics on some malformed input: a bad user file is
	// an error, not a crash.
	defer func() {
		if r := recover(); r != nil {
			err = &FileError{Path: path, Err: fmt.Errorf("malformed YAML (%v)", r)}
		}
	}()
	if err := yaml.UnmarshalWithOptions(data, v, yaml.Strict()); err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			p := ye.GetToken().Position
			return &FileError{Path: path, Line: p.Line, Col: p.Column, Err: errors.New(ye.GetMessage())}
		}
		return &FileError{Path: path, Err: err}
	}
	return nil
}

// decodeEmbedded decodes one of the shipped data files.
func decodeEmbedded(name string, v any) error {
	data, err := fs.ReadFile(dataFS, "data/"+name)
	if err != nil {
		return &FileError{Path: name, Err: err}
	}
	return decodeFile("data/"+name, data, v)
}

// sortedKeys returns m's keys in order, for deterministic iteration.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// key normalises a word for dictionary look-up: dots dropped (U.S. = US),
// curly apostrophes made straight.
func key(s string) string {
	s = strings.ReplaceAll(s, ".", "")
	s = strings.ReplaceAll(s, "’", "'")
	return s
}
