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
		{"a measure inside a name joined by 'and' does not", "The envoy said the panel would brief the Peace and Security Council next week.", nil},
		{"what a step asks about is not the step", "The admiral said he would watch whether the frigates kept their distance.", nil},
		{"a reported will is a step", "The two ministers said they would reopen the hotline next month.", []string{"hotline"}},
		{"ending talks proposes nothing", "The ministry has said it will break off the river talks with its neighbour.", nil},
		{"a measure named with 'a' soon after another is new", "Under the accord, the two navies will set up a buffer zone along the river. The two navies will set a no-fly zone over the delta.", []string{"separation", "separation"}},
		{"a measure named in the same words restates it", "Under the accord, the two navies will set up a buffer zone along the river. The two navies will set up a buffer zone along the river, the minister said.", []string{"separation"}},
		{"settling a dispute is dialogue", "The two governments need to settle their remaining differences over the river.", []string{"dialogue"}},
		{"what goes on beside an advised step is advised too", "Both navies should open a hotline, while continuing to hold talks.", []string{"hotline", "dialogue"}},
		{"a participle after 'while' is a step of its own", "The two armies should pull back from the border while keeping their monthly talks.", []string{"separation", "dialogue"}},
		{"each item of ', including' after a measure is a measure", "The accord includes rules for pilots, including a hotline between the air staffs and advance notice of flights.", []string{"agreement", "hotline", "notification"}},
		{"a list that follows something else details nothing", "The accord includes rules for pilots who fly over the delta at night, including a hotline.", []string{"agreement"}},
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

func TestCaveatsAndPrecedents(t *testing.T) {
	tests := []struct {
		name, text string
		// per proposal, in order: the beginnings of its caveats and
		// precedents
		caveats, precedents [][]string
	}{
		{"what the measure cannot do",
			"Peru and Chile should open a hotline between their coast guards. A hotline cannot settle the quarrel over the fishing grounds.",
			[][]string{{"A hotline cannot settle"}}, [][]string{nil}},
		{"a past failure is no limit",
			"Peru and Chile should open a hotline between their coast guards. The patrol boats did not stop the trawlers.",
			[][]string{nil}, [][]string{nil}},
		{"a limit of the whole list",
			"- Establish a hotline between the two river commands.\n- Notify each other in advance of exercises near the estuary.\n- Hold talks between the two staffs every month.\n\nNone of these steps will end the feud over the estuary.",
			[][]string{{"None of these steps"}, {"None of these steps"}, {"None of these steps"}}, [][]string{nil, nil, nil}},
		{"limits announced for a plan go to the measures they name",
			"First, Ghana and Togo should set up a hotline between their border commanders. Second, both armies should give advance notice of exercises near the river.\n\nThere are limits.\n\nA hotline cannot replace a settlement of the border. The risk is that either side reads the advance notice of drills as a threat. Still, both steps cost little.",
			[][]string{{"A hotline cannot replace"}, {"The risk is that"}}, [][]string{nil, nil}},
		{"a pronoun goes on about the measure of the caveat before",
			"First, Ghana and Togo should set up a hotline between their border commanders. Second, both armies should give advance notice of exercises near the river.\n\nThere are risks.\n\nThe danger is that a hotline goes unanswered in a crisis. It cannot replace a settlement of the border.",
			[][]string{{"The danger is", "It cannot replace"}, nil}, [][]string{nil, nil}},
		{"what a side may make of it",
			"Ecuador and Peru should invite observers from the OAS to the border. Quito may see the observers as a slight to its sovereignty.",
			[][]string{{"Quito may see"}}, [][]string{nil}},
		{"what the agreement does not cover",
			"Ecuador and Peru should sign an agreement on the river patrols. The agreement would not cover the naval bases upstream.",
			[][]string{{"The agreement would not cover"}}, [][]string{nil}},
		{"the present is no earlier case, even with no publication date",
			"Peru and Chile should open a hotline between their coast guards.\n\nToday, when the old quarrel is quiet, the buffer zone on the river has grown.",
			[][]string{nil}, [][]string{nil}},
		{"an earlier case with no publication date",
			"Peru and Chile should open a hotline between their coast guards.\n\nIn 1972 the two navies signed an incidents-at-sea agreement.",
			[][]string{nil}, [][]string{{"In 1972"}}},
		{"an earlier case in the proposal's own sentence",
			"The two staffs should meet every spring, as Chilean and Argentine officers once did.",
			[][]string{nil}, [][]string{{"as Chilean and Argentine officers once did"}}},
		{"a heading is no caveat",
			"Peru and Chile should open a hotline between their coast guards.\n\n## Lines, but no treaty\n\nThe coast guards met in Lima.",
			[][]string{nil}, [][]string{nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, tt.text)
			if len(a.Proposals) != len(tt.caveats) {
				t.Fatalf("got %d proposals, want %d: %+v", len(a.Proposals), len(tt.caveats), a.Proposals)
			}
			for k, p := range a.Proposals {
				checkStarts(t, k, "caveats", p.Caveats, tt.caveats[k])
				checkStarts(t, k, "precedents", p.Precedents, tt.precedents[k])
			}
		})
	}
}

// checkStarts reports whether got holds, in order, texts beginning with
// each of want, and nothing else.
func checkStarts(t *testing.T, k int, field string, got, want []string) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.HasPrefix(got[i], want[i])
	}
	if !ok {
		t.Errorf("proposal %d: %s %q, want texts beginning %q", k, field, got, want)
	}
}

// A summary keeps what the cue says of the measure: a negated advice
// proposes not doing it.
func TestSummaryKeepsNegation(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The channel should not include political questions.", "Not to include political questions"},
		{"The navies must never fire warning shots near the fishing fleet.", "Never to fire warning shots near the fishing fleet"},
		{"The navies should hold monthly talks.", "Hold monthly talks"},
	} {
		a := analyse(t, tc.text)
		if len(a.Proposals) != 1 {
			t.Fatalf("%q: %d proposals, want 1", tc.text, len(a.Proposals))
		}
		if got := a.Proposals[0].Summary; got != tc.want {
			t.Errorf("%q: summary %q, want %q", tc.text, got, tc.want)
		}
	}
}
