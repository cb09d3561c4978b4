package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/internal/yamlfile"
)

// Gold is the annotation of one document: the actors, incidents and
// proposals a careful reader finds in its body.
type Gold struct {
	// Doc is the file name of the annotated document ("deconfliction-line.md").
	Doc       string         `yaml:"doc"`
	Actors    []GoldActor    `yaml:"actors"`
	Incidents []GoldIncident `yaml:"incidents"`
	Proposals []GoldProposal `yaml:"proposals"`
}

// GoldActor is an actor the document names.
type GoldActor struct {
	// Name is the canonical name; Aliases are the other surface forms the
	// text uses for the actor.
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Kind is one of state, person, organization, military, group.
	Kind string `yaml:"kind"`
	// Country is the ISO 3166-1 alpha-3 code of the state the actor belongs
	// to, if any; required for states.
	Country string `yaml:"country"`
	// Optional actors are not wrong to list but not required.
	Optional bool `yaml:"optional"`
}

// GoldIncident is an event the document reports.
type GoldIncident struct {
	// Quote is a verbatim piece of one sentence stating the incident; Quotes
	// replaces it when the text states the incident more than once. Exactly
	// one of the two is set.
	Quote  string   `yaml:"quote"`
	Quotes []string `yaml:"quotes"`
	// Type is one of analyze.IncidentTypes.
	Type string `yaml:"type"`
	// Date is YYYY, YYYY-MM or YYYY-MM-DD, or empty.
	Date string `yaml:"date"`
	// Agents and Targets are country codes, or canonical actor names for
	// actors that are not states.
	Agents   []string `yaml:"agents"`
	Targets  []string `yaml:"targets"`
	Location string   `yaml:"location"`
	// Optional incidents are not wrong to list but not required.
	Optional bool `yaml:"optional"`
}

// GoldProposal is a measure the document puts forward.
type GoldProposal struct {
	// Quote and Quotes are as for GoldIncident.
	Quote  string   `yaml:"quote"`
	Quotes []string `yaml:"quotes"`
	// Mechanism is one of analyze.Mechanisms.
	Mechanism string `yaml:"mechanism"`
	// Parties are who would take part, as for GoldIncident.Agents.
	Parties []string `yaml:"parties"`
	// Proposer is "authors" for the document's own voice, else an actor name.
	Proposer string `yaml:"proposer"`
	// Optional proposals are not wrong to list but not required.
	Optional bool `yaml:"optional"`
}

// allQuotes returns Quotes, or Quote alone.
func allQuotes(q string, qs []string) []string {
	if len(qs) > 0 {
		return qs
	}
	if q == "" {
		return nil
	}
	return []string{q}
}

// FileError is a problem in a gold or thresholds file, with its position
// when known.
type FileError = analyze.FileError

// LoadGold reads and validates the gold file at path. Every problem found is
// a *FileError; several are joined with errors.Join.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	return parseGold(path, data)
}

// LoadGoldDir loads every *.yaml and *.yml file directly inside dir, keyed by
// the document each names (Gold.Doc, as written). It is an error for dir to
// hold no gold file or two gold files naming the same document; the problems
// of all files are reported together.
func LoadGoldDir(dir string) (map[string]*Gold, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading gold folder: %w", err)
	}
	golds := map[string]*Gold{}
	from := map[string]string{}
	var errs []error
	for _, e := range entries { // sorted by name
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		g, err := LoadGold(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := from[g.Doc]; ok {
			errs = append(errs, &FileError{Path: path, Err: fmt.Errorf("doc %q is already annotated by %s", g.Doc, prev)})
			continue
		}
		golds[g.Doc], from[g.Doc] = g, path
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("gold folder %s holds no .yaml file", dir)
	}
	return golds, nil
}

// parseGold decodes and validates the gold file data read from path.
func parseGold(path string, data []byte) (*Gold, error) {
	var g Gold
	f, err := yamlfile.Decode(path, data, &g)
	if err != nil {
		return nil, err
	}
	v := validator{path: path, file: f}
	v.gold(&g)
	if err := errors.Join(v.errs...); err != nil {
		return nil, err
	}
	return &g, nil
}

// validator collects the problems of one decoded file.
type validator struct {
	path string
	file *ast.File
	errs []error
}

// fail records a problem at the node at path; the message is prefixed with
// the path written as YAML keys and indexes ("incidents[2].type").
func (v *validator) fail(path []any, format string, args ...any) {
	line, col := yamlfile.Position(v.file, path...)
	var name strings.Builder
	for _, p := range path {
		switch p := p.(type) {
		case string:
			if name.Len() > 0 {
				name.WriteByte('.')
			}
			name.WriteString(p)
		case int:
			fmt.Fprintf(&name, "[%d]", p)
		}
	}
	msg := fmt.Sprintf(format, args...)
	if name.Len() > 0 {
		msg = name.String() + ": " + msg
	}
	v.errs = append(v.errs, &FileError{Path: v.path, Line: line, Col: col, Err: errors.New(msg)})
}

// actorKinds are the kinds an actor may have, in the order messages list them.
var actorKinds = []string{analyze.KindState, analyze.KindPerson, analyze.KindOrganization, analyze.KindMilitary, analyze.KindGroup}

var countryCode = regexp.MustCompile(`^[A-Z]{3}$`)

func (v *validator) gold(g *Gold) {
	if strings.TrimSpace(g.Doc) == "" {
		v.fail([]any{"doc"}, "the document's file name is required")
	}
	for i, a := range g.Actors {
		at := func(key string) []any { return []any{"actors", i, key} }
		if strings.TrimSpace(a.Name) == "" {
			v.fail(at("name"), "a name is required")
		}
		v.names(at("aliases"), a.Aliases)
		v.oneOf(at("kind"), a.Kind, actorKinds)
		switch {
		case a.Country != "" && !countryCode.MatchString(a.Country):
			v.fail(at("country"), "%q is not an ISO 3166-1 alpha-3 code (three capital letters)", a.Country)
		case a.Country == "" && a.Kind == analyze.KindState:
			v.fail([]any{"actors", i}, "a state needs a country code")
		}
	}
	for i, in := range g.Incidents {
		at := func(key string) []any { return []any{"incidents", i, key} }
		v.quotes([]any{"incidents", i}, in.Quote, in.Quotes)
		v.oneOf(at("type"), in.Type, analyze.IncidentTypes)
		v.date(at("date"), in.Date)
		v.names(at("agents"), in.Agents)
		v.names(at("targets"), in.Targets)
	}
	for i, p := range g.Proposals {
		at := func(key string) []any { return []any{"proposals", i, key} }
		v.quotes([]any{"proposals", i}, p.Quote, p.Quotes)
		v.oneOf(at("mechanism"), p.Mechanism, analyze.Mechanisms)
		v.names(at("parties"), p.Parties)
	}
}

func (v *validator) quotes(item []any, q string, qs []string) {
	switch {
	case q != "" && qs != nil:
		v.fail(item, "quote and quotes are mutually exclusive")
	case q == "" && len(qs) == 0:
		v.fail(item, "a quote or quotes is required")
	case q != "":
		if len(strings.Fields(q)) == 0 {
			v.fail(append(item, "quote"), "the quote is blank")
		}
	default:
		for j, q := range qs {
			if len(strings.Fields(q)) == 0 {
				v.fail(append(item, "quotes", j), "the quote is blank")
			}
		}
	}
}

func (v *validator) oneOf(at []any, s string, allowed []string) {
	if s == "" {
		v.fail(at, "required, one of %s", strings.Join(allowed, ", "))
	} else if !slices.Contains(allowed, s) {
		v.fail(at, "%q is not one of %s", s, strings.Join(allowed, ", "))
	}
}

func (v *validator) names(at []any, names []string) {
	for j, n := range names {
		if strings.TrimSpace(n) == "" {
			v.fail(append(at, j), "blank entry")
		}
	}
}

func (v *validator) date(at []any, s string) {
	if s == "" {
		return
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return
			}
		}
	}
	v.fail(at, "%q is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", s)
}
