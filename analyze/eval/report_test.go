package eval

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleReport is a small hand-made report: given out of order, with a
// document that found nothing to score.
func sampleReport() Report {
	return Aggregate([]DocScore{
		{
			Doc:           "harbour-standoff.md",
			Actors:        Counts{TP: 3, FP: 1, FN: 1},
			Incidents:     Counts{TP: 1, FP: 2, FN: 1},
			Proposals:     Counts{TP: 1},
			IncidentType:  Accuracy{Correct: 0, Total: 1},
			IncidentAgent: Accuracy{Correct: 1, Total: 1},
			Mechanism:     Accuracy{Correct: 1, Total: 1},
			Errors: []Miss{
				{Category: catActor, Kind: falseNegative, Text: "Sudmark", Detail: "kind state, country SDM"},
				{Category: catActor, Kind: falsePositive, Text: "Harbour\tMaster", Detail: "id harbour-master, kind person"},
				{Category: catIncident, Kind: falseNegative, Text: "the two frigates came within forty metres", Detail: "type collision"},
				{Category: catIncident, Kind: wrongType, Text: "patrol boats boarded a trawler", Detail: "predicted attack, gold seizure"},
				{Category: catIncident, Kind: falsePositive, Text: "The “storm” & the <fog> came.", Detail: "type other"},
				{Category: catIncident, Kind: falsePositive, Text: "Nothing else happened.", Detail: "type other"},
			},
		},
		{Doc: "calm-waters.md"},
		{
			Doc:       "buffer-talks.md",
			Actors:    Counts{TP: 2},
			Proposals: Counts{TP: 1, FN: 1},
			Mechanism: Accuracy{Correct: 0, Total: 1},
			Errors: []Miss{
				{Category: catProposal, Kind: falseNegative, Text: "keep their ships outside the zone", Detail: "mechanism separation"},
				{Category: catProposal, Kind: wrongMechanism, Text: "a buffer zone of five nautical miles", Detail: "predicted restraint, gold separation"},
			},
		},
	})
}

func TestAggregate(t *testing.T) {
	r := sampleReport()
	var docs []string
	for _, d := range r.Docs {
		docs = append(docs, d.Doc)
	}
	if want := []string{"buffer-talks.md", "calm-waters.md", "harbour-standoff.md"}; !reflect.DeepEqual(docs, want) {
		t.Errorf("docs = %q, want %q", docs, want)
	}
	want := DocScore{
		Actors:        Counts{TP: 5, FP: 1, FN: 1},
		Incidents:     Counts{TP: 1, FP: 2, FN: 1},
		Proposals:     Counts{TP: 2, FN: 1},
		IncidentType:  Accuracy{0, 1},
		IncidentAgent: Accuracy{1, 1},
		Mechanism:     Accuracy{1, 2},
	}
	if !reflect.DeepEqual(r.Total, want) {
		t.Errorf("total = %+v, want %+v", r.Total, want)
	}
}

func TestReportGolden(t *testing.T) {
	r := sampleReport()
	for _, tc := range []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"report.txt.golden", func(b *bytes.Buffer) error { return r.WriteText(b, false) }},
		{"report-verbose.txt.golden", func(b *bytes.Buffer) error { return r.WriteText(b, true) }},
		{"report.json.golden", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
		{"empty.txt.golden", func(b *bytes.Buffer) error { return Aggregate(nil).WriteText(b, true) }},
		{"empty.json.golden", func(b *bytes.Buffer) error { return Aggregate(nil).WriteJSON(b) }},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.golden, b.Bytes())
		})
	}
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestReportWriteErrors(t *testing.T) {
	r := sampleReport()
	if err := r.WriteText(failWriter{}, true); err == nil {
		t.Error("WriteText: no error from a failing writer")
	}
	if err := r.WriteJSON(failWriter{}); err == nil {
		t.Error("WriteJSON: no error from a failing writer")
	}
}

func TestLoadThresholds(t *testing.T) {
	sets, err := LoadThresholds(filepath.Join("testdata", "thresholds.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Thresholds{
		"corpus": {Actors: 0.8, Incidents: 0.6, Proposals: 0.5, IncidentType: 0.7, IncidentAgent: 0.7, Mechanism: 0.6},
		"dev":    {Actors: 0.5},
	}
	if !reflect.DeepEqual(sets, want) {
		t.Errorf("LoadThresholds = %+v, want %+v", sets, want)
	}

	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown key", "dev:\n  actor_f1: 0.5\n", `:2:3: unknown field "actor_f1"`},
		{"out of range", "seed:\n  actors_f1: 0.5\n  mechanism_accuracy: 70\n", ":3:23: seed.mechanism_accuracy: 70 is not between 0 and 1"},
		{"not a number", "seed:\n  actors_f1: high\n", ":2:14: wrong type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "thresholds.yaml")
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadThresholds(path)
			var fe *FileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), path+tc.want) {
				t.Errorf("error %v, want a *FileError containing %q", err, tc.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	r := sampleReport() // actors F1 10/12, incidents 2/5, proposals 4/5; accuracies 0, 1, 0.5
	for _, tc := range []struct {
		name string
		t    Thresholds
		want []string
	}{
		{"zero passes", Thresholds{}, nil},
		{"all met", Thresholds{Actors: 0.8, Incidents: 0.4, Proposals: 0.8, IncidentAgent: 1, Mechanism: 0.5}, nil},
		{"some below", Thresholds{Actors: 0.9, Incidents: 0.3, IncidentType: 0.5, Mechanism: 0.6}, []string{
			"actors F1 0.8333 is below 0.9000",
			"incident type accuracy 0.0000 is below 0.5000",
			"mechanism accuracy 0.5000 is below 0.6000",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.Check(tc.t); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Check = %q, want %q", got, tc.want)
			}
		})
	}
}
