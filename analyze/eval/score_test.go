package eval

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

func TestNormName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Norland", "norland"},
		{"  The   Harbour\tWatch ", "harbour watch"},
		{"the Pentagon", "pentagon"},
		{"U.S.", "us"},
		{"U. S. Navy", "u s navy"},
		{"Norland's", "norland"},
		{"Norland’s", "norland"},
		{"the U.S.’s", "us"},
		{"Theodore", "theodore"},
		{"the", "the"},
		{"", ""},
	} {
		if got := normName(tc.in); got != tc.want {
			t.Errorf("normName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The  Frigates\n came", "the frigates came"},
		{"“a near‐collision” off the ‘breakwater’", `"a near-collision" off the 'breakwater'`},
		{"five – or six — miles", "five - or six - miles"},
		{"\u00a0non-breaking\u00a0space ", "non-breaking space"},
	} {
		if got := foldText(tc.in); got != tc.want {
			t.Errorf("foldText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCounts(t *testing.T) {
	for _, tc := range []struct {
		c        Counts
		p, r, f1 float64
	}{
		{Counts{}, 1, 1, 1},
		{Counts{TP: 2, FP: 2}, 0.5, 1, 2.0 / 3},
		{Counts{TP: 1, FN: 3}, 1, 0.25, 0.4},
		{Counts{FN: 2}, 0, 0, 0},
		{Counts{FP: 2}, 0, 0, 0},
		{Counts{TP: 3, FP: 1, FN: 1}, 0.75, 0.75, 0.75},
	} {
		if p, r, f := tc.c.Precision(), tc.c.Recall(), tc.c.F1(); !near(p, tc.p) || !near(r, tc.r) || !near(f, tc.f1) {
			t.Errorf("%+v: P, R, F1 = %v, %v, %v; want %v, %v, %v", tc.c, p, r, f, tc.p, tc.r, tc.f1)
		}
	}
	if v := (Accuracy{}).Value(); v != 1 {
		t.Errorf("empty accuracy = %v, want 1", v)
	}
	if v := (Accuracy{Correct: 1, Total: 4}).Value(); v != 0.25 {
		t.Errorf("accuracy 1/4 = %v", v)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// Helpers to build predictions.

func actor(id, name, kind, country string, mentions ...string) analyze.Actor {
	a := analyze.Actor{ID: id, Name: name, Kind: kind, Country: country}
	for _, m := range mentions {
		a.Mentions = append(a.Mentions, analyze.Mention{Text: m, Section: analyze.SectionBody})
	}
	return a
}

func outside(a analyze.Actor, section analyze.SectionKind) analyze.Actor {
	for i := range a.Mentions {
		a.Mentions[i].Section = section
	}
	return a
}

func incident(typ, evidence string, agents ...string) analyze.Incident {
	return analyze.Incident{Type: typ, Evidence: evidence, Section: analyze.SectionBody, Agents: agents}
}

func proposal(mech, evidence string) analyze.Proposal {
	return analyze.Proposal{Mechanism: mech, Evidence: evidence, Section: analyze.SectionBody}
}

func state(name, code string, aliases ...string) GoldActor {
	return GoldActor{Name: name, Kind: analyze.KindState, Country: code, Aliases: aliases}
}

func optional(a GoldActor) GoldActor { a.Optional = true; return a }

// miss abbreviates a Miss as "kind text".
func misses(s DocScore) []string {
	var out []string
	for _, m := range s.Errors {
		out = append(out, m.Category+" "+m.Kind+" "+m.Text)
	}
	return out
}

func TestScoreActors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pred   []analyze.Actor
		gold   []GoldActor
		want   Counts
		misses []string
	}{
		{
			name: "state by country code",
			pred: []analyze.Actor{actor("NRL", "Northland", "state", "NRL", "the North")},
			gold: []GoldActor{state("Norland", "NRL")},
			want: Counts{TP: 1},
		},
		{
			name: "state by id when the country is empty",
			pred: []analyze.Actor{actor("NRL", "Northland", "state", "", "the North")},
			gold: []GoldActor{state("Norland", "NRL")},
			want: Counts{TP: 1},
		},
		{
			name:   "a person is not a state of its country",
			pred:   []analyze.Actor{actor("vesna-tor", "Vesna Tor", "person", "NRL", "Tor")},
			gold:   []GoldActor{state("Norland", "NRL")},
			want:   Counts{FP: 1, FN: 1},
			misses: []string{"actor false-negative Norland", "actor false-positive Vesna Tor"},
		},
		{
			name: "alias with the",
			pred: []analyze.Actor{actor("harbour-watch", "The Harbour Watch", "organization", "", "Harbour Watch")},
			gold: []GoldActor{{Name: "Harbour Guard", Aliases: []string{"the harbour watch"}, Kind: "organization"}},
			want: Counts{TP: 1},
		},
		{
			name: "mention with dots",
			pred: []analyze.Actor{actor("sdm-navy", "Sudmark Navy", "military", "SDM", "S.M.N.")},
			gold: []GoldActor{{Name: "Sudmarkish navy", Aliases: []string{"SMN"}, Kind: "military", Country: "SDM"}},
			want: Counts{TP: 1},
		},
		{
			name: "possessive with a curly apostrophe",
			pred: []analyze.Actor{actor("vesna-tor", "Admiral Tor", "person", "NRL", "Tor’s")},
			gold: []GoldActor{{Name: "Vesna Tor", Aliases: []string{"Tor"}, Kind: "person", Country: "NRL"}},
			want: Counts{TP: 1},
		},
		{
			name: "one-to-one: a duplicate is a false positive",
			pred: []analyze.Actor{
				actor("norland", "Norland", "organization", "", "Norland"),
				actor("norland-2", "Norland", "group", "", "Norland"),
			},
			gold:   []GoldActor{state("Norland", "NRL")},
			want:   Counts{TP: 1, FP: 1},
			misses: []string{"actor false-positive Norland"},
		},
		{
			name: "optional-only matches count neither way, even twice",
			pred: []analyze.Actor{
				actor("watch", "Harbour Watch", "organization", "", "Harbour Watch"),
				actor("watch-2", "the Harbour Watch", "organization", "", "the Harbour Watch"),
			},
			gold: []GoldActor{optional(GoldActor{Name: "Harbour Watch", Kind: "organization"})},
			want: Counts{},
		},
		{
			name: "an optional item absorbs the prediction a required one can spare",
			pred: []analyze.Actor{
				actor("a", "Nordhavn", "organization", "", "Norland", "Nordhavn"),
				actor("b", "Norland", "organization", "", "Norland"),
			},
			gold: []GoldActor{state("Norland", "NRL"), optional(GoldActor{Name: "Nordhavn", Kind: "organization"})},
			want: Counts{TP: 1},
		},
		{
			name: "maximum matching, not greedy",
			pred: []analyze.Actor{
				actor("a", "Norland", "organization", "", "Norland", "Sudmark"),
				actor("b", "Norland", "organization", "", "Norland"),
			},
			gold: []GoldActor{state("Norland", "NRL"), state("Sudmark", "SDM")},
			want: Counts{TP: 2},
		},
		{
			name: "predictions outside the body are ignored",
			pred: []analyze.Actor{
				outside(actor("reader", "Kay Reader", "person", "", "Kay Reader"), analyze.SectionComments),
				outside(actor("NRL", "Norland", "state", "NRL", "Norland"), analyze.SectionBio),
			},
			gold:   []GoldActor{state("Norland", "NRL")},
			want:   Counts{FN: 1},
			misses: []string{"actor false-negative Norland"},
		},
		{
			name: "one body mention is enough",
			pred: []analyze.Actor{func() analyze.Actor {
				a := actor("NRL", "Norland", "state", "NRL", "Norland", "Nordhavn")
				a.Mentions[0].Section = analyze.SectionCaption
				return a
			}()},
			gold: []GoldActor{state("Norland", "NRL")},
			want: Counts{TP: 1},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Score(&analyze.Analysis{Actors: tc.pred}, &Gold{Doc: "d.md", Actors: tc.gold})
			if s.Actors != tc.want {
				t.Errorf("actors = %+v, want %+v", s.Actors, tc.want)
			}
			if got := misses(s); !reflect.DeepEqual(got, tc.misses) {
				t.Errorf("misses = %q, want %q", got, tc.misses)
			}
		})
	}
}

func TestScoreItems(t *testing.T) {
	const (
		boarding  = "Norlandic patrol boats boarded a Sudmarkish trawler"
		frigates  = "the two frigates came within forty metres"
		nearMiss  = "a near-collision off the breakwater"
		radio     = "radio traffic between the two navies went silent"
		line      = "should open a direct line between the harbour commands"
		bufferQ   = "a buffer zone of five nautical miles"
		otherText = "The weather was calm that morning."
	)
	gold := &Gold{
		Doc: "d.md",
		Incidents: []GoldIncident{
			{Quote: boarding, Type: "seizure"},
			{Quotes: []string{frigates, nearMiss}, Type: "collision"},
			{Quote: radio, Type: "communication", Optional: true},
		},
		Proposals: []GoldProposal{
			{Quote: line, Mechanism: "hotline"},
			{Quote: bufferQ, Mechanism: "separation", Optional: true},
		},
	}
	for _, tc := range []struct {
		name               string
		incidents          []analyze.Incident
		proposals          []analyze.Proposal
		wantInc, wantProp  Counts
		wantType, wantMech Accuracy
		misses             []string
	}{
		{
			name:      "evidence folded: case, spaces, dashes, curly quotes",
			incidents: []analyze.Incident{incident("seizure", "At dawn, NORLANDIC patrol  boats\nboarded a Sudmarkish trawler."), incident("collision", "It was “a near–collision off the breakwater”.")},
			proposals: []analyze.Proposal{proposal("hotline", "Both sides Should open a direct line between the harbour commands.")},
			wantInc:   Counts{TP: 2}, wantProp: Counts{TP: 1},
			wantType: Accuracy{2, 2}, wantMech: Accuracy{1, 1},
		},
		{
			name: "support evidence matches",
			incidents: []analyze.Incident{{Type: "seizure", Section: analyze.SectionBody, Evidence: otherText,
				Support: []analyze.Support{{Section: analyze.SectionBody, Evidence: "Later, " + boarding + "."}}}},
			wantInc:  Counts{TP: 1, FN: 1},
			wantType: Accuracy{1, 1},
			misses:   []string{"incident false-negative " + frigates, "proposal false-negative " + line},
			wantProp: Counts{FN: 1},
		},
		{
			name:      "a restatement predicted twice is a false positive",
			incidents: []analyze.Incident{incident("collision", "Then "+frigates+"."), incident("collision", "It was "+nearMiss+".")},
			wantInc:   Counts{TP: 1, FP: 1, FN: 1},
			wantType:  Accuracy{1, 1},
			misses: []string{"incident false-negative " + boarding, "incident false-positive It was " + nearMiss + ".",
				"proposal false-negative " + line},
			wantProp: Counts{FN: 1},
		},
		{
			name:      "the candidate of the same type is preferred",
			incidents: []analyze.Incident{incident("attack", "Then "+boarding+"."), incident("seizure", "So "+boarding+" again.")},
			wantInc:   Counts{TP: 1, FP: 1, FN: 1},
			wantType:  Accuracy{1, 1},
			misses: []string{"incident false-negative " + frigates, "incident false-positive Then " + boarding + ".",
				"proposal false-negative " + line},
			wantProp: Counts{FN: 1},
		},
		{
			name:      "wrong type and mechanism",
			incidents: []analyze.Incident{incident("clash", "Then "+frigates+".")},
			proposals: []analyze.Proposal{proposal("dialogue", "They "+line+".")},
			wantInc:   Counts{TP: 1, FN: 1}, wantProp: Counts{TP: 1},
			wantType: Accuracy{0, 1}, wantMech: Accuracy{0, 1},
			misses: []string{"incident false-negative " + boarding, "incident wrong-type " + frigates, "proposal wrong-mechanism " + line},
		},
		{
			name:      "optional-only matches count neither way, even twice",
			incidents: []analyze.Incident{incident("communication", "Then "+radio+"."), incident("other", "And "+radio+".")},
			proposals: []analyze.Proposal{proposal("separation", "They proposed "+bufferQ+"."), proposal("other", otherText)},
			wantInc:   Counts{FN: 2}, wantProp: Counts{FP: 1, FN: 1},
			misses: []string{"incident false-negative " + boarding, "incident false-negative " + frigates,
				"proposal false-negative " + line, "proposal false-positive " + otherText},
		},
		{
			name: "predictions outside the body are ignored",
			incidents: []analyze.Incident{
				{Type: "seizure", Section: analyze.SectionComments, Evidence: "A reader says " + boarding + "."},
				{Type: "other", Section: analyze.SectionBio, Evidence: otherText},
				{Type: "collision", Section: analyze.SectionCaption, Evidence: otherText,
					Support: []analyze.Support{{Section: analyze.SectionBody, Evidence: frigates}}},
			},
			proposals: []analyze.Proposal{{Mechanism: "hotline", Section: analyze.SectionComments, Evidence: otherText}},
			wantInc:   Counts{TP: 1, FN: 1}, wantProp: Counts{FN: 1},
			wantType: Accuracy{1, 1},
			misses:   []string{"incident false-negative " + boarding, "proposal false-negative " + line},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Score(&analyze.Analysis{Incidents: tc.incidents, Proposals: tc.proposals}, gold)
			if s.Incidents != tc.wantInc || s.Proposals != tc.wantProp {
				t.Errorf("incidents, proposals = %+v, %+v; want %+v, %+v", s.Incidents, s.Proposals, tc.wantInc, tc.wantProp)
			}
			if s.IncidentType != tc.wantType || s.Mechanism != tc.wantMech {
				t.Errorf("type, mechanism accuracy = %+v, %+v; want %+v, %+v", s.IncidentType, s.Mechanism, tc.wantType, tc.wantMech)
			}
			if got := misses(s); !reflect.DeepEqual(got, tc.misses) {
				t.Errorf("misses =\n%q\nwant\n%q", got, tc.misses)
			}
		})
	}
}

func TestIncidentAgentAccuracy(t *testing.T) {
	actors := []analyze.Actor{
		actor("NRL", "Norland", "state", "NRL", "Norland"),
		actor("nrl-navy", "Norlandic Navy", "military", "NRL", "the navy"),
		actor("militia-1", "the Blue Militia", "group", "", "Blue Militia"),
	}
	const q = "the frigates came within forty metres"
	for _, tc := range []struct {
		name   string
		gold   []string
		pred   []string
		want   Accuracy
		detail string
	}{
		{"by id", []string{"NRL"}, []string{"NRL"}, Accuracy{1, 1}, ""},
		{"by the actor's country", []string{"NRL"}, []string{"nrl-navy"}, Accuracy{1, 1}, ""},
		{"by the actor's name", []string{"Blue Militia"}, []string{"militia-1"}, Accuracy{1, 1}, ""},
		{"one of several", []string{"SDM", "NRL"}, []string{"XYZ", "NRL"}, Accuracy{1, 1}, ""},
		{"wrong", []string{"SDM"}, []string{"NRL"}, Accuracy{0, 1}, "predicted [NRL], gold [SDM]"},
		{"none predicted", []string{"SDM"}, nil, Accuracy{0, 1}, "predicted [], gold [SDM]"},
		{"no gold agents: not judged", nil, []string{"NRL"}, Accuracy{0, 0}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &analyze.Analysis{Actors: actors, Incidents: []analyze.Incident{incident("collision", q, tc.pred...)}}
			g := &Gold{Incidents: []GoldIncident{{Quote: q, Type: "collision", Agents: tc.gold}}}
			s := Score(a, g)
			if s.IncidentAgent != tc.want {
				t.Errorf("agent accuracy = %+v, want %+v", s.IncidentAgent, tc.want)
			}
			var detail string
			for _, m := range s.Errors {
				if m.Kind == wrongAgent {
					detail = m.Detail
				}
			}
			if detail != tc.detail {
				t.Errorf("wrong-agent detail = %q, want %q", detail, tc.detail)
			}
		})
	}
}

func TestScoreNilAnalysis(t *testing.T) {
	s := Score(nil, &Gold{Doc: "d.md", Actors: []GoldActor{state("Norland", "NRL")}})
	if s.Doc != "d.md" || s.Actors != (Counts{FN: 1}) {
		t.Errorf("Score(nil) = %+v", s)
	}
}

// TestMaxWeightAssignment compares the Hungarian algorithm with brute force
// on small random matrices.
func TestMaxWeightAssignment(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		rows, cols := r.IntN(5)+1, r.IntN(5)+1
		w := make([][]int64, rows)
		for i := range w {
			w[i] = make([]int64, cols)
			for j := range w[i] {
				if r.IntN(2) == 0 {
					w[i][j] = r.Int64N(20) + 1
				}
			}
		}
		got := maxWeightAssignment(w, cols)
		used := map[int]bool{}
		var total int64
		for i, j := range got {
			if j < 0 {
				continue
			}
			if used[j] {
				t.Fatalf("%v: column %d assigned twice: %v", w, j, got)
			}
			used[j] = true
			total += w[i][j]
		}
		if best := bruteForce(w, cols, 0, map[int]bool{}); total != best {
			t.Fatalf("%v: assignment %v weighs %d, best is %d", w, got, total, best)
		}
	}
}

func bruteForce(w [][]int64, cols, row int, used map[int]bool) int64 {
	if row == len(w) {
		return 0
	}
	best := bruteForce(w, cols, row+1, used)
	for j := 0; j < cols; j++ {
		if !used[j] && w[row][j] > 0 {
			used[j] = true
			best = max(best, w[row][j]+bruteForce(w, cols, row+1, used))
			used[j] = false
		}
	}
	return best
}

// scoreFixture is an analysis that finds a little of everything, to score
// fuzzed gold files against.
func scoreFixture() *analyze.Analysis {
	return &analyze.Analysis{
		Actors: []analyze.Actor{
			actor("NRL", "Norland", "state", "NRL", "Norland", "Nordhavn"),
			actor("vesna-tor", "Vesna Tor", "person", "NRL", "Admiral Tor"),
		},
		Incidents: []analyze.Incident{incident("seizure", "Norlandic patrol boats boarded a Sudmarkish trawler.", "NRL")},
		Proposals: []analyze.Proposal{proposal("hotline", "They should open a direct line between the harbour commands.")},
	}
}

func ExampleScore() {
	g := &Gold{
		Doc:       "harbour-standoff.md",
		Actors:    []GoldActor{{Name: "Norland", Kind: "state", Country: "NRL"}},
		Incidents: []GoldIncident{{Quote: "patrol boats boarded a trawler", Type: "seizure"}},
	}
	a := &analyze.Analysis{
		Actors:    []analyze.Actor{actor("NRL", "Norland", "state", "NRL", "Norlandic")},
		Incidents: []analyze.Incident{incident("attack", "Patrol boats boarded a trawler at dawn.")},
	}
	s := Score(a, g)
	fmt.Printf("actors %+v, incidents %+v, type accuracy %.2f\n", s.Actors, s.Incidents, s.IncidentType.Value())
	// Output: actors {TP:1 FP:0 FN:0}, incidents {TP:1 FP:0 FN:0}, type accuracy 0.00
}
