package proposals_test

import (
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/internal/testkit"
)

func analyse(t *testing.T, text string) *analyze.Analysis {
	t.Helper()
	return testkit.Analyze(t, "x.md", "---\ntitle: T\n---\n"+text+"\n")
}

func TestMechanisms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // mechanisms in order
	}{
		{"hotline", "Iran and the United States should establish a direct communication line between their general staffs.", []string{"hotline"}},
		{"mediation", "A third-party mediator such as Oman could be helpful.", []string{"mediation"}},
		{"notification", "Both navies should give advance notice of large exercises.", []string{"notification"}},
		{"separation", "India and China should keep the buffer zones in place.", []string{"separation"}},
		{"agreement", "Washington and Beijing should negotiate an incidents at sea agreement.", []string{"agreement"}},
		{"dialogue", "The two militaries must resume regular talks.", []string{"dialogue"}},
		{"recommended limit is restraint", "The channel should not include political questions.", []string{"restraint"}},
		{"unnamed measure is other", "Turkey should fully commit to the fight against the militants.", []string{"other"}},
		{"two clauses, two measures", "Both sides should keep their channels of communication open, and the two governments should not seek more violence.", []string{"hotline", "restraint"}},
		{"counterfactual", "Washington should have opened a hotline years ago.", nil},
		{"description of the past", "In 1963 the two powers opened a hotline.", nil},
		{"question", "Should the two sides open a hotline?", nil},
		{"caveat opener", "The risk is that leaders ought to avoid such channels.", nil},
		{"relative clause", "Planners produce options that should be offered to leaders.", nil},
		{"list announcement", "We recommend four steps.", nil},
		{"command in a list", "- Establish a direct hotline between the two coast guards.\n- Notify each other in advance of exercises.", []string{"hotline", "notification"}},
		{"command without a measure", "Consider the costs.", nil},
		{"pulling back from a line separates", "Both armies should pull their guns back to ten miles from the border.", []string{"separation"}},
		{"a withdrawal from no line is restraint", "Both armies should withdraw some of their guns.", []string{"restraint"}},
		{"a line on the map is no channel", "The two navies use a radio channel. Both should pull their boats back from the line.", []string{"separation"}},
		{"a measure that ends a name names its kind", "Both governments should convene the Joint River Commission every spring.", []string{"dialogue"}},
		{"a measure inside a name does not", "Both governments should back the Gulf Peace Initiative Fund.", []string{"other"}},
		{"a second step after a measure", "The report recommends that both navies renew their talks and develop confidence-building measures.", []string{"dialogue", "other"}},
		{"a purpose after a measure is no step", "Both navies will hold yearly meetings to discuss the zone.", []string{"dialogue"}},
		{"items of an agreed list", "The two sides agreed on the following:\n\nTo notify each other in advance of naval exercises.\n\nTo clear landmines along the river with international observers.\n\nTo hold talks every three months.", []string{"notification", "mediation", "dialogue"}},
		{"each step of an agreed list is its own, however close", "The two sides agreed on the following:\n\nTo hold talks on the river border every month.\n\nTo notify each other in advance of naval exercises.\n\nTo use the hotline between the two fleets, and to hold yearly talks between the defence ministers.", []string{"dialogue", "notification", "hotline", "dialogue"}},
		{"'also' adds a measure, it does not restate one", "Under the accord, the two navies will set up a buffer zone along the river. The two navies will also set up a no-fly zone over the delta.", []string{"separation", "separation"}},
		{"items of a list nobody agreed", "The two sides discussed the following:\n\nTo notify each other in advance of naval exercises.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, tt.text)
			var got []string
			for _, p := range a.Proposals {
				got = append(got, p.Mechanism)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("mechanisms %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRestatementsAndContext(t *testing.T) {
	a := analyse(t, strings.Join([]string{
		"Iran and the United States should set up a de-confliction line between their militaries.",
		"Such a line would let commanders clarify intentions quickly.",
		"First, it would reduce the risk of accidents at sea. Despite its limits, it costs little.",
		"The de-confliction line worked well for the United States and Russia in Syria in 2015.",
	}, "\n\n"))
	if len(a.Proposals) != 1 {
		t.Fatalf("got %d proposals, want 1: %+v", len(a.Proposals), a.Proposals)
	}
	p := a.Proposals[0]
	if p.Mechanism != "hotline" || p.Proposer != "authors" {
		t.Errorf("mechanism %q proposer %q, want hotline by the authors", p.Mechanism, p.Proposer)
	}
	if strings.Join(p.Parties, ",") != "IRN,USA" {
		t.Errorf("parties %v, want IRN, USA", p.Parties)
	}
	if len(p.Support) == 0 {
		t.Errorf("the restatements are not in support: %+v", p)
	}
	if len(p.Rationale) == 0 || !strings.HasPrefix(p.Rationale[0], "First,") {
		t.Errorf("rationale %q, want the enumerated reason", p.Rationale)
	}
	if len(p.Cues) == 0 {
		t.Error("no cues recorded")
	}
}

func TestAttributedProposer(t *testing.T) {
	a := analyse(t, "Russian President Vladimir Putin said the two sides should hold talks on the border.")
	if len(a.Proposals) != 1 {
		t.Fatalf("got %d proposals, want 1", len(a.Proposals))
	}
	if p := a.Proposals[0].Proposer; p != "vladimir-putin" {
		t.Errorf("proposer %q, want vladimir-putin", p)
	}
}
