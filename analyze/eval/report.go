package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/brief-tool/brief/analyze/internal/yamlfile"
)

// Report is the score of a set of documents.
type Report struct {
	// Docs are the documents' scores, sorted by Doc.
	Docs []DocScore `json:"docs"`
	// Total sums the counts and accuracies of Docs (a micro-average); its Doc
	// and Errors are empty.
	Total DocScore `json:"total"`
}

// Aggregate sums the documents' scores into a Report. It sorts a copy of docs
// by document name, so the order it is given does not matter.
func Aggregate(docs []DocScore) Report {
	r := Report{Docs: append([]DocScore(nil), docs...)}
	sort.SliceStable(r.Docs, func(i, j int) bool { return r.Docs[i].Doc < r.Docs[j].Doc })
	for _, d := range r.Docs {
		r.Total.add(d)
	}
	return r
}

// WriteText writes the report as aligned columns: a row per document with
// the counts (tp/fp/fn), precision, recall and F1 of actors, incidents and
// proposals, the micro-average row, then the three accuracies ("n/a" when
// there is no pair to judge). With verbose it then
// lists every miss, document by document.
func (r Report) WriteText(w io.Writer, verbose bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "doc\tactors\tP\tR\tF1\tincidents\tP\tR\tF1\tproposals\tP\tR\tF1")
	row := func(name string, d DocScore) {
		fmt.Fprint(tw, cell(name))
		for _, c := range []Counts{d.Actors, d.Incidents, d.Proposals} {
			fmt.Fprintf(tw, "\t%d/%d/%d\t%.2f\t%.2f\t%.2f", c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
		}
		fmt.Fprintln(tw)
	}
	for _, d := range r.Docs {
		row(d.Doc, d)
	}
	row("micro-average", r.Total)
	fmt.Fprintln(tw, "(counts are true positives/false positives/false negatives)")
	fmt.Fprintln(tw)
	for _, a := range []struct {
		name string
		acc  Accuracy
	}{
		{"incident type accuracy", r.Total.IncidentType},
		{"incident agent accuracy", r.Total.IncidentAgent},
		{"mechanism accuracy", r.Total.Mechanism},
	} {
		value := "n/a" // no pair to judge
		if a.acc.Total > 0 {
			value = fmt.Sprintf("%.2f", a.acc.Value())
		}
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\n", a.name, value, a.acc.Correct, a.acc.Total)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !verbose {
		return nil
	}
	for _, d := range r.Docs {
		if len(d.Errors) == 0 {
			continue
		}
		fmt.Fprintf(tw, "\n%s\n", cell(d.Doc))
		for _, m := range d.Errors {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", m.Category, m.Kind, cell(m.Detail), strconv.Quote(m.Text))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// cell makes s safe to put in a tabwriter cell.
func cell(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' {
			return ' '
		}
		return r
	}, s)
}

// WriteJSON writes the report as indented JSON: the same input gives the
// same bytes. Ratios are rounded to four decimals.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if r.Docs == nil {
		r.Docs = []DocScore{}
	}
	return enc.Encode(r)
}

// Thresholds are the minimum scores a set of documents must reach: F1 for
// the three categories, and the three accuracies. A zero threshold always
// passes.
type Thresholds struct {
	Actors        float64 `yaml:"actors_f1" json:"actors_f1"`
	Incidents     float64 `yaml:"incidents_f1" json:"incidents_f1"`
	Proposals     float64 `yaml:"proposals_f1" json:"proposals_f1"`
	IncidentType  float64 `yaml:"incident_type_accuracy" json:"incident_type_accuracy"`
	IncidentAgent float64 `yaml:"incident_agent_accuracy" json:"incident_agent_accuracy"`
	Mechanism     float64 `yaml:"mechanism_accuracy" json:"mechanism_accuracy"`
}

// LoadThresholds reads a YAML file that maps names of document sets
// ("corpus", "seed", "dev") to their Thresholds. Unknown keys, and values
// outside [0, 1], are a *FileError with the position.
func LoadThresholds(path string) (map[string]Thresholds, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	var sets map[string]Thresholds
	f, err := yamlfile.Decode(path, data, &sets)
	if err != nil {
		return nil, err
	}
	v := validator{path: path, file: f}
	names := make([]string, 0, len(sets))
	for name := range sets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, m := range sets[name].metrics() {
			if m.min < 0 || m.min > 1 {
				v.fail([]any{name, m.key}, "%v is not between 0 and 1", m.min)
			}
		}
	}
	if err := errors.Join(v.errs...); err != nil {
		return nil, err
	}
	return sets, nil
}

type metric struct {
	key  string // as in the thresholds file
	name string // as in messages
	min  float64
}

func (t Thresholds) metrics() []metric {
	return []metric{
		{"actors_f1", "actors F1", t.Actors},
		{"incidents_f1", "incidents F1", t.Incidents},
		{"proposals_f1", "proposals F1", t.Proposals},
		{"incident_type_accuracy", "incident type accuracy", t.IncidentType},
		{"incident_agent_accuracy", "incident agent accuracy", t.IncidentAgent},
		{"mechanism_accuracy", "mechanism accuracy", t.Mechanism},
	}
}

// Check compares the report's micro-averaged scores with t and returns one
// message per score below its threshold ("actors F1 0.6154 is below 0.7000"),
// in a fixed order; none when all pass.
func (r Report) Check(t Thresholds) []string {
	got := []float64{
		r.Total.Actors.F1(), r.Total.Incidents.F1(), r.Total.Proposals.F1(),
		r.Total.IncidentType.Value(), r.Total.IncidentAgent.Value(), r.Total.Mechanism.Value(),
	}
	var msgs []string
	for i, m := range t.metrics() {
		if got[i] < m.min {
			msgs = append(msgs, fmt.Sprintf("%s %.4f is below %.4f", m.name, got[i], m.min))
		}
	}
	return msgs
}
