package incidents_test

import (
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/internal/testkit"
)

func analyse(t *testing.T, text string) *analyze.Analysis {
	t.Helper()
	return testkit.Analyze(t, "x.md", text)
}

const front = "---\ntitle: T\npublished: \"2019-07-15\"\n---\n"

func TestIncidents(t *testing.T) {
	tests := []struct {
		name, text string
		// want lists type, date, agents and targets of each incident, in
		// order; agents and targets as comma-separated ids.
		want [][4]string
	}{
		{"active voice", "Iran shot down an American drone on June 20.",
			[][4]string{{"shootdown", "2019-06-20", "IRN", "USA"}}},
		{"passive voice with by", "A U.S. drone was shot down by Iran on June 20.",
			[][4]string{{"shootdown", "2019-06-20", "IRN", "USA"}}},
		{"possessive nominalisation", "Tehran's June 20 downing of a U.S. drone surprised planners.",
			[][4]string{{"shootdown", "2019-06-20", "IRN", "USA"}}},
		{"modal is not an event", "Iran could shoot down another drone.", nil},
		{"negation is not an event", "Iran did not seize the tanker.", nil},
		{"condition is not an event", "If the U.S. stops an Iranian ship, Iran will seize a British tanker.", nil},
		{"agreed not to is cooperation", "In 2003, Iran agreed not to shoot down U.S. warplanes.",
			[][4]string{{"cooperation", "2003", "IRN", "USA"}}},
		{"hypothetical noun", "The risk of a clash between Iran and the U.S. is growing.", nil},
		{"deployment needs an object", "The U.S. has sent 2,500 soldiers to the region since May 2019.",
			[][4]string{{"deployment", "2019-05", "USA", ""}}},
		{"symmetric clash between", "Indian and Chinese troops clashed in the Galwan Valley on June 15, 2019.",
			[][4]string{{"clash", "2019-06-15", "IND,CHN", ""}}},
		{"a dateline dates the report, not the event", "YEREVAN, July 14, 2019 — Armenian and Azerbaijani forces clashed near Tegh on July 12.",
			[][4]string{{"clash", "2019-07-12", "ARM,AZE", ""}}},
		{"a subordinate clause has a subject of its own, and a noun of circumstance is the verb's act",
			"Britain sent a frigate to the Gulf on July 10, because two sailors were killed in an attack on July 12.",
			[][4]string{{"deployment", "2019-07-10", "GBR", ""}, {"attack", "2019-07-12", "", ""}}},
		{"'the two countries' are the pair last named", "Russia and Ukraine fought over the strait in 2018, and Russia seized three boats on November 25, 2018.\n\nFar away, Washington and Beijing were at odds. In 2014 the two countries signed a memorandum on air encounters.",
			[][4]string{{"clash", "2018", "RUS,UKR", ""}, {"seizure", "2018-11-25", "RUS", ""}, {"cooperation", "2014", "USA,CHN", ""}}},
		{"'both armies' as subject are both sides", "Sudan and South Sudan are at odds over the border.\n\nOn Sunday both armies shelled villages along the border.",
			[][4]string{{"strike", "2019-07-14", "SDN,SSD", ""}}},
		{"a casualty without a doer is what the act beside it did", "Two patrol boats of Chile and Peru collided off the cape on July 3, and one sailor was killed.",
			[][4]string{{"collision", "2019-07-03", "CHL,PER", ""}}},
		{"a casualty in the next sentence too", "Peruvian gunboats opened fire on a Chilean trawler on July 3.\n\nSix fishermen were wounded.",
			[][4]string{{"attack", "2019-07-03", "PER", "CHL"}}},
		{"nobody hurt is no attack", "Patrol boats of Chile and Peru collided off the cape on July 3. Nobody was hurt.",
			[][4]string{{"collision", "2019-07-03", "CHL,PER", ""}}},
		{"calls that went unanswered were refused by whom they were sent to", "On July 3 the Peruvian navy's radio calls to the Chilean coast guard went unanswered for hours.",
			[][4]string{{"communication", "2019-07-03", "chl-coast-guard", "per-navy"}}},
		{"a side that leaves a note unanswered refuses to communicate", "Peru sent a note on July 3, which Chile left unanswered for weeks.",
			[][4]string{{"communication", "2019-07-03", "CHL", ""}}},
		{"a pronoun continues its subject, not a side named later in the sentence", "The war began on July 3, when Peruvian troops moved into the border town of Tacna. It killed hundreds of soldiers on July 9.",
			[][4]string{{"deployment", "2019-07-03", "PER", ""}, {"attack", "2019-07-09", "", ""}}},
		{"a verb after 'and' shares the first verb's subject", "On July 3 Peruvian gunboats fired on two Chilean trawlers off Arica and seized them.",
			[][4]string{{"attack", "2019-07-03", "PER", "CHL"}, {"seizure", "2019-07-03", "PER", ""}}},
		{"a pronoun after a verb of saying is the speaker", "The Chilean Navy boarded a Peruvian trawler off Arica.\n\nPeru said it used flares and gunfire in “warning shots” to force a Chilean Navy frigate to leave waters it claims.",
			[][4]string{{"seizure", "", "chl-navy", "PER"}, {"threat", "", "PER", "CHL"}}},
		{"what an act did is its support, whatever its type", "On May 3 a Peruvian gunboat struck a Chilean trawler off Arica.\n\nNobody was hurt and the damage was slight.",
			[][4]string{{"collision", "2019-05-03", "PER,CHL", ""}}},
		{"one side's act told by two gerunds is one incident", "Chile closed its border posts on May 2.\n\nPeru responded by downgrading diplomatic ties and expelling Chile's ambassador.",
			[][4]string{{"other", "", "PER", "CHL"}}},
		{"restatement is one item", "Iran seized the tanker Stena Impero on July 9.\n\nThe seizure angered London.",
			[][4]string{{"seizure", "2019-07-09", "IRN", ""}}},
		{"'the last' with a date of its own is another occurrence", "The border talks between Peru and Chile were tense.\n\nThe last border talks took place on May 2.",
			[][4]string{{"communication", "", "PER,CHL", ""}, {"communication", "2019-05-02", "CHL,PER", ""}}},
		{"'the last' without a date may be the one told before", "The border talks between Peru and Chile were tense.\n\nThe last border talks ended without a statement.",
			[][4]string{{"communication", "", "PER,CHL", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, front+tt.text+"\n")
			var got [][4]string
			for _, in := range a.Incidents {
				got = append(got, [4]string{in.Type, in.Date, strings.Join(in.Agents, ","), strings.Join(in.Targets, ",")})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d incidents %v, want %v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("incident %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestIncidentDetails(t *testing.T) {
	a := analyse(t, front+"Iran seized the tanker Stena Impero in the Strait of Hormuz on July 9, holding its 23 crew members.\n\nThe seizure angered London.\n")
	if len(a.Incidents) != 1 {
		t.Fatalf("got %d incidents, want 1: %+v", len(a.Incidents), a.Incidents)
	}
	in := a.Incidents[0]
	if in.Location != "Strait of Hormuz" {
		t.Errorf("location %q, want Strait of Hormuz", in.Location)
	}
	if in.DateText != "July 9" || in.DatePrecision != "day" {
		t.Errorf("date text %q precision %q, want July 9, day", in.DateText, in.DatePrecision)
	}
	if len(in.Quantities) != 1 || in.Quantities[0].Value != 23 || in.Quantities[0].Unit != "crew members" {
		t.Errorf("quantities %+v, want 23 crew members", in.Quantities)
	}
	if len(in.Support) != 1 || !strings.HasPrefix(in.Support[0].Evidence, "The seizure") {
		t.Errorf("support %+v, want the restatement", in.Support)
	}
	if in.Evidence != a.Sentences[in.Sentence].Text {
		t.Errorf("evidence is not the sentence")
	}
}

func TestIncidentLocation(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"after a locative", "Syrian jets bombed a market in Idlib on May 3.", "Idlib"},
		{"a locative place beats an earlier modifier", "Gaza ceasefire talks stalled after Israeli jets struck a school in Rafah on May 3.", "Rafah"},
		{"over a state", "Turkish drones struck a convoy over Iraq on May 3.", "Iraq"},
		{"an owner is not a location", "Europe's navies said Iranian boats seized a tanker on May 3.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, front+tt.text+"\n")
			if len(a.Incidents) != 1 {
				t.Fatalf("got %d incidents %+v, want 1", len(a.Incidents), a.Incidents)
			}
			if got := a.Incidents[0].Location; got != tt.want {
				t.Errorf("location %q, want %q", got, tt.want)
			}
		})
	}
}
