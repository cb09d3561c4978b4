package digest

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/brief-tool/brief/analyze"
)

// doc builds an analysis of body sentences, the way the extractors leave
// it; actors are added with their mentions by word.
func doc(sentences ...string) *analyze.Analysis {
	a := &analyze.Analysis{Doc: analyze.Doc{ID: "t", Published: "2019-10-01"}}
	var b strings.Builder
	for i, s := range sentences {
		if i > 0 {
			b.WriteString(" ")
		}
		a.Sentences = append(a.Sentences, analyze.Sentence{Index: i, Start: b.Len(), End: b.Len() + len(s), Section: analyze.SectionBody, Text: s})
		b.WriteString(s)
	}
	a.Doc.Text = b.String()
	return a
}

func addActor(a *analyze.Analysis, id, name, kind string, words ...string) {
	ac := analyze.Actor{ID: id, Name: name, Kind: kind}
	for _, w := range words {
		for _, s := range a.Sentences {
			if off := strings.Index(s.Text, w); off >= 0 {
				ac.Mentions = append(ac.Mentions, analyze.Mention{Text: w, Sentence: s.Index, Start: s.Start + off, End: s.Start + off + len(w), Section: s.Section})
			}
		}
	}
	a.Actors = append(a.Actors, ac)
}

func gulf() *analyze.Analysis {
	a := doc(
		"On June 20, Iran shot down a U.S. RQ-4A drone over the Strait of Hormuz.",
		"On July 19 the Revolutionary Guards seized the Stena Impero near the Strait of Hormuz.",
		"Gen. Frank McKenzie said the United States would not look for a fight.",
		"The United States and Iran should set up a direct line between their navies, with Oman as host.",
		"A line cannot settle the dispute over Iran's nuclear program.",
	)
	addActor(a, "IRN", "Iran", analyze.KindState, "Iran")
	addActor(a, "USA", "United States", analyze.KindState, "United States", "U.S.")
	addActor(a, "irgc", "Islamic Revolutionary Guard Corps", analyze.KindMilitary, "Revolutionary Guards")
	addActor(a, "kenneth-mckenzie", "Kenneth McKenzie", analyze.KindPerson, "Frank McKenzie")
	addActor(a, "OMN", "Oman", analyze.KindState, "Oman")
	a.Incidents = []analyze.Incident{
		{Type: "shootdown", Date: "2019-06-20", DateText: "June 20", DatePrecision: "day", Agents: []string{"IRN"}, Targets: []string{"USA"},
			Location: "Strait of Hormuz", Sentence: 0, Section: analyze.SectionBody, Trigger: "shot down", Object: "a U.S. RQ-4A drone", Confidence: 0.9},
		{Type: "seizure", Date: "2019-07-19", DateText: "July 19", DatePrecision: "day", Agents: []string{"irgc"},
			Location: "Strait of Hormuz", Sentence: 1, Section: analyze.SectionBody, Trigger: "seized", Object: "the Stena Impero", Confidence: 0.8},
	}
	a.Proposals = []analyze.Proposal{{
		Mechanism: "hotline", Parties: []string{"USA", "IRN"}, Mediators: []string{"OMN"}, Proposer: "authors",
		Cues: []string{"should", "direct line"}, Caveats: []string{"A line cannot settle the dispute over Iran's nuclear program."},
		Rationale: []string{"so that commanders can talk before a seizure turns into a clash"},
		Sentence:  3, Section: analyze.SectionBody, Confidence: 0.8,
	}}
	return a
}

func TestDisplay(t *testing.T) {
	for _, tc := range []struct {
		name     string
		actor    analyze.Actor
		mentions []string
		want     string
	}{
		{"the text's first name", analyze.Actor{Name: "Kenneth McKenzie", Kind: analyze.KindPerson}, []string{"Frank McKenzie", "McKenzie"}, "Frank McKenzie"},
		{"the most frequent full form", analyze.Actor{Name: "Lyndon B. Johnson", Kind: analyze.KindPerson}, []string{"Lyndon Johnson", "Johnson", "Lyndon Johnson", "Lyndon B. Johnson"}, "Lyndon Johnson"},
		{"a title is not the name", analyze.Actor{Name: "Valery Gerasimov", Kind: analyze.KindPerson}, []string{"Gen. Valery Gerasimov", "Gerasimov"}, "Valery Gerasimov"},
		{"a possessive is not the name", analyze.Actor{Name: "Ali Khamenei", Kind: analyze.KindPerson}, []string{"Ali Khamenei's"}, "Ali Khamenei"},
		{"surname only keeps the name", analyze.Actor{Name: "Lloyd Austin", Kind: analyze.KindPerson}, []string{"Austin"}, "Lloyd Austin"},
		{"another surname is not this person", analyze.Actor{Name: "John Kerry", Kind: analyze.KindPerson}, []string{"Secretary Kerry", "Hillary Clinton"}, "John Kerry"},
		{"states keep their name", analyze.Actor{Name: "Iran", Kind: analyze.KindState}, []string{"Tehran", "Tehran", "Iranian"}, "Iran"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ac := tc.actor
			for _, m := range tc.mentions {
				ac.Mentions = append(ac.Mentions, analyze.Mention{Text: m})
			}
			if got := display(ac); got != tc.want {
				t.Errorf("display = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	a := gulf()
	for i := range a.Actors {
		a.Actors[i].Display = display(a.Actors[i])
	}
	n := newNamer(a)
	base := analyze.Incident{Sentence: 0, Section: analyze.SectionBody}
	with := func(f func(*analyze.Incident)) analyze.Incident { in := base; f(&in); return in }
	for _, tc := range []struct {
		name  string
		in    analyze.Incident
		pos   string
		place string
		want  string
	}{
		{"all the fields", a.Incidents[0], posVerb, "the Strait of Hormuz", "Iran shot down a U.S. RQ-4A drone over the Strait of Hormuz, 20 June 2019"},
		{"a noun trigger", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object, in.Agents = "seizure", "seizure", "the Stena Impero", []string{"irgc"}
		}), posNoun, "", "Seizure of the Stena Impero by the Islamic Revolutionary Guard Corps"},
		{"no trigger yet: type, agent, target", with(func(in *analyze.Incident) {
			in.Type, in.Agents, in.Targets, in.Date, in.DatePrecision = "shootdown", []string{"IRN"}, []string{"USA"}, "2019-06", "month"
		}), posNoun, "", "Shootdown by Iran against the United States, June 2019"},
		{"a verb without an object reads as a noun", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Agents, in.Targets = "attack", "attacked", []string{"IRN"}, []string{"USA"}
		}), posVerb, "", "Attack by Iran on the United States"},
		{"mutual types name both sides", with(func(in *analyze.Incident) {
			in.Type, in.Agents, in.Targets, in.Date, in.DatePrecision = "clash", []string{"IRN"}, []string{"USA"}, "2019", "year"
		}), posNoun, "the Gulf", "Clash between Iran and the United States in the Gulf, 2019"},
		{"no agent", with(func(in *analyze.Incident) {
			in.Type, in.Targets = "strike", []string{"USA"}
		}), posNoun, "", "Strike on the United States"},
		{"an unresolved date as written", with(func(in *analyze.Incident) {
			in.Type, in.Agents, in.DateText = "threat", []string{"IRN"}, "last week"
		}), posNoun, "", "Threat by Iran, last week"},
		{"an object ending in a function word is trimmed", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object, in.Agents = "seizure", "seized", "a tanker that", []string{"IRN"}
		}), posVerb, "", "Iran seized a tanker"},
		{"a date text ending in a function word is left out", with(func(in *analyze.Incident) {
			in.Type, in.Agents, in.DateText = "attack", []string{"IRN"}, "the day before"
		}), posNoun, "", "Attack by Iran"},
		{"an unknown type", with(func(in *analyze.Incident) {
			in.Type, in.Agents = "cyber", []string{"IRN"}
		}), posNoun, "", "Incident involving Iran"},
		{"nothing but a type", with(func(in *analyze.Incident) { in.Type = "collision" }), posNoun, "", "Collision"},
		{"a bare noun as object gets an article", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object, in.Agents = "shootdown", "destroyed", "drone", []string{"IRN"}
		}), posVerb, "", "Iran destroyed a drone"},
		{"an infinitive does not head the clause", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Agents, in.Targets = "communication", "answer", []string{"IRN"}, []string{"USA"}
		}), posNone, "", "Contact between Iran and the United States"},
		{"the type's noun takes the object with its preposition", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object, in.Targets = "attack", "attacking", "a convoy", []string{"USA"}
		}), posNone, "", "Attack on a convoy"},
		{"nobody named: the passive", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object = "seizure", "seized", "a tanker"
		}), posParticiple, "the Strait of Hormuz", "A tanker was seized in the Strait of Hormuz"},
		{"a verb's object does not go with on", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object = "strike", "fired", "59 missiles"
		}), posVerb, "", "Strike"},
		{"mutual types take no object", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object, in.Agents, in.Targets = "collision", "collision", "a propeller", []string{"IRN"}, []string{"USA"}
		}), posNoun, "", "Collision between Iran and the United States"},
		{"an event nobody did takes no object", with(func(in *analyze.Incident) {
			in.Type, in.Trigger, in.Object = "other", "entered", "airspace"
		}), posVerb, "international waters", "Incident in international waters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summarize(tc.in, n, tc.pos, tc.place)
			if got != tc.want {
				t.Errorf("summarize = %q\nwant        %q", got, tc.want)
			}
			if endsInFunctionWord(got) {
				t.Errorf("%q ends in a function word", got)
			}
			for _, id := range tc.in.Agents {
				if !strings.Contains(got, strings.TrimPrefix(n.name(id), "the ")) {
					t.Errorf("%q does not name the agent %s", got, id)
				}
			}
		})
	}
}

func TestPlaceWords(t *testing.T) {
	text := "Ships crossed the Strait of Hormuz. Syria and the Syrian army. In the Syria file, Syria said no. Boats in international waters."
	for loc, want := range map[string]string{
		"Strait of Hormuz":     "the Strait of Hormuz",
		"Syria":                "Syria",
		"international waters": "international waters",
		"The Hague":            "The Hague",
		"":                     "",
	} {
		if got := placeWords(text, loc); got != want {
			t.Errorf("placeWords(%q) = %q, want %q", loc, got, want)
		}
	}
}

func TestBottomLine(t *testing.T) {
	a := gulf()
	New().Apply(a)
	var b strings.Builder
	for i, c := range a.Digest.BottomLine {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(c.Text + c.End)
		if c.Sentence < 0 || c.Sentence >= len(a.Sentences) {
			t.Errorf("clause %q cites sentence %d of %d", c.Text, c.Sentence, len(a.Sentences))
		}
	}
	// Without tokens the measure is named by its mechanism.
	want := "The authors call for a hotline between the United States and Iran through Oman, " +
		"so that commanders can talk before a seizure turns into a clash, citing the 20 June 2019 shootdown of a U.S. RQ-4A drone by Iran over the Strait of Hormuz " +
		"and the 19 July 2019 seizure of the Stena Impero by the Islamic Revolutionary Guard Corps in the Strait of Hormuz. " +
		"They warn that a line cannot settle the dispute over Iran's nuclear program."
	if got := b.String(); got != want {
		t.Errorf("bottom line:\n got %s\nwant %s", got, want)
	}
	roles := []string{}
	for _, c := range a.Digest.BottomLine {
		roles = append(roles, c.Role)
	}
	if wantRoles := []string{"proposal", "purpose", "incident", "incident", "caveat"}; !reflect.DeepEqual(roles, wantRoles) {
		t.Errorf("roles = %v, want %v", roles, wantRoles)
	}
	if c := a.Digest.BottomLine[4]; c.Sentence != 4 {
		t.Errorf("the caveat cites sentence %d, want 4 (the sentence that states it)", c.Sentence)
	}
	if a.Digest.Recommendation != 0 {
		t.Errorf("recommendation = %d, want 0", a.Digest.Recommendation)
	}
	if got := a.Actors[3].Display; got != "Frank McKenzie" {
		t.Errorf("display = %q", got)
	}
	if got := a.Incidents[1].Summary; got != "The Islamic Revolutionary Guard Corps seized the Stena Impero in the Strait of Hormuz, 19 July 2019" {
		t.Errorf("summary = %q", got)
	}
}

func TestBottomLineOfAReport(t *testing.T) {
	a := gulf()
	a.Proposals = nil
	New().Apply(a)
	if a.Digest.Recommendation != -1 {
		t.Errorf("recommendation = %d, want -1", a.Digest.Recommendation)
	}
	var texts []string
	for _, c := range a.Digest.BottomLine {
		texts = append(texts, c.Text+c.End)
		if c.Role != analyze.ClauseIncident {
			t.Errorf("a report's clause has role %s", c.Role)
		}
	}
	want := []string{
		"Iran shot down a U.S. RQ-4A drone over the Strait of Hormuz, 20 June 2019.",
		"The Islamic Revolutionary Guard Corps seized the Stena Impero in the Strait of Hormuz, 19 July 2019.",
	}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("bottom line = %q, want %q", texts, want)
	}
	a.Incidents = nil
	New().Apply(a)
	if len(a.Digest.BottomLine) != 0 {
		t.Errorf("nothing to compose from, yet %v", a.Digest.BottomLine)
	}
}

func TestNounPhrase(t *testing.T) {
	toks := func(pairs ...string) []analyze.Token {
		var out []analyze.Token
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, analyze.Token{Text: pairs[i], Tag: pairs[i+1]})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		toks []analyze.Token
		cues []string
		want string
	}{
		{"adjectives and nouns around the cue", toks("should", "MD", "set", "VB", "up", "RP", "a", "DT", "direct", "JJ", "communication", "NN", "channel", "NN", "between", "IN"),
			[]string{"should", "direct communication"}, "a direct communication channel"},
		{"a plural takes no article", toks("schedule", "VB", "regular", "JJ", "calls", "NNS"), []string{"should", "regular calls"}, "regular calls"},
		{"a mass noun takes no article", toks("give", "VB", "advance", "NN", "notice", "NN", "of", "IN"), []string{"advance notice"}, "advance notice"},
		{"a verb taken for a noun is not a measure", toks("and", "CC", "refrain", "NN", "from", "IN"), []string{"should", "refrain"}, ""},
		{"an ordinal is not part of the measure", toks("the", "DT", "first", "JJ", "calls", "NNS"), []string{"calls"}, "calls"},
		{"a verb cue", toks("should", "MD", "meet", "VB"), []string{"meet"}, ""},
		{"a recommending cue read as an adjective is no modifier", toks("Open", "JJ", "talks", "NNS", "on", "IN"), []string{"open", "talks"}, "talks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := nounPhrase(tc.toks, tc.cues); got != tc.want {
				t.Errorf("nounPhrase = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	a := doc("Iran's foreign minister Javad Zarif said: “We will not be bullied by anyone at sea.”",
		"Britain said “no comment” and moved on.",
		"He added, \"Talks remain the only way forward,\" and left.")
	addActor(a, "IRN", "Iran", analyze.KindState, "Iran")
	addActor(a, "javad-zarif", "Mohammad Javad Zarif", analyze.KindPerson, "Javad Zarif")
	New().Apply(a)
	want := []analyze.Quote{
		{Text: "We will not be bullied by anyone at sea.", Sentence: 0, Speaker: "javad-zarif"},
		{Text: "Talks remain the only way forward", Sentence: 2, Speaker: ""},
	}
	if !reflect.DeepEqual(a.Digest.Quotes, want) {
		t.Errorf("quotes = %+v, want %+v", a.Digest.Quotes, want)
	}
}

// mergeAllPairs is the merge as it was before the sliding window: every
// incident compared with every event so far. The window must give the
// same timeline.
func mergeAllPairs(docs []*analyze.Analysis) [][]Report {
	var evs []*Event
	var items []struct {
		doc, inc int
		e        *Event
	}
	for d, a := range docs {
		countries := map[string]string{}
		for _, ac := range a.Actors {
			countries[ac.ID] = ac.Country
		}
		for k, in := range a.Incidents {
			s, e, ok := DayRange(in.Date)
			if !ok || in.Section != analyze.SectionBody {
				continue
			}
			x := &Event{Date: in.Date, DatePrecision: in.DatePrecision, Type: in.Type, Start: s, End: e, keys: map[string]bool{}}
			for _, id := range append(append([]string{}, in.Agents...), in.Targets...) {
				x.keys["id:"+id] = true
				if c := countries[id]; c != "" {
					x.keys["country:"+c] = true
				}
			}
			items = append(items, struct {
				doc, inc int
				e        *Event
			}{d, k, x})
		}
	}
	sortItems := func(i, j int) bool {
		a, b := items[i], items[j]
		if a.e.Start != b.e.Start {
			return a.e.Start < b.e.Start
		}
		if a.e.End != b.e.End {
			return a.e.End < b.e.End
		}
		if a.e.Type != b.e.Type {
			return a.e.Type < b.e.Type
		}
		if a.doc != b.doc {
			return docs[a.doc].Doc.ID < docs[b.doc].Doc.ID
		}
		return docs[a.doc].Incidents[a.inc].Sentence < docs[b.doc].Incidents[b.inc].Sentence
	}
	for i := 1; i < len(items); i++ { // insertion sort: stable, and obviously so
		for j := i; j > 0 && sortItems(j, j-1); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
	for _, it := range items {
		var into *Event
		for _, e := range evs {
			if mergeable(e, it.e, it.doc) {
				into = e
				break
			}
		}
		if into == nil {
			into = it.e
			evs = append(evs, into)
		} else {
			if finer(it.e.DatePrecision, into.DatePrecision) {
				into.Date, into.DatePrecision, into.Start, into.End = it.e.Date, it.e.DatePrecision, it.e.Start, it.e.End
			}
			for k := range it.e.keys {
				into.keys[k] = true
			}
		}
		into.Reports = append(into.Reports, Report{Doc: it.doc, Incident: it.inc})
	}
	var out [][]Report
	for _, e := range evs {
		out = append(out, e.Reports)
	}
	return byFirstReport(out)
}

// byFirstReport orders events by their first report, to compare two
// merges whatever order each lists its events in.
func byFirstReport(evs [][]Report) [][]Report {
	sort.Slice(evs, func(i, j int) bool {
		a, b := evs[i][0], evs[j][0]
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Incident < b.Incident
	})
	return evs
}

func dayTime(d int) time.Time { return time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }

// corpus generates n articles, each reporting incidents on dates drawn
// from a few years, between a few actors, so that many merge.
func corpus(n, perDoc int, seed int64) []*analyze.Analysis {
	r := rand.New(rand.NewSource(seed))
	types := []string{"seizure", "shootdown", "clash", "interception"}
	ids := []string{"IRN", "USA", "GBR", "irgc", "CHN"}
	country := map[string]string{"IRN": "IRN", "USA": "USA", "GBR": "GBR", "irgc": "IRN", "CHN": "CHN"}
	var docs []*analyze.Analysis
	for d := 0; d < n; d++ {
		a := &analyze.Analysis{Doc: analyze.Doc{ID: fmt.Sprintf("doc-%04d", d)}}
		for _, id := range ids {
			a.Actors = append(a.Actors, analyze.Actor{ID: id, Country: country[id]})
		}
		for k := 0; k < perDoc; k++ {
			day := r.Intn(3 * 365)
			in := analyze.Incident{Type: types[r.Intn(len(types))], Section: analyze.SectionBody, Sentence: k,
				Agents: []string{ids[r.Intn(len(ids))]}, Targets: []string{ids[r.Intn(len(ids))]}, Confidence: r.Float64()}
			t := dayTime(day)
			switch r.Intn(6) {
			case 0:
				in.Date, in.DatePrecision = t.Format("2006-01"), "month"
			case 1:
				in.Date, in.DatePrecision = t.Format("2006"), "year"
			case 2:
				in.Date = "" // undated
			default:
				in.Date, in.DatePrecision = t.Format("2006-01-02"), "day"
			}
			a.Incidents = append(a.Incidents, in)
		}
		docs = append(docs, a)
	}
	return docs
}

func TestMergeWindowEqualsAllPairs(t *testing.T) {
	for seed := int64(1); seed <= 5; seed++ {
		docs := corpus(60, 8, seed)
		var got [][]Report
		for _, e := range Merge(docs).Events {
			got = append(got, e.Reports)
		}
		got = byFirstReport(got)
		want := mergeAllPairs(docs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: the window merges differently from all pairs:\n got %v\nwant %v", seed, got, want)
		}
		merged := 0
		for _, r := range got {
			if len(r) > 1 {
				merged++
			}
		}
		if merged == 0 {
			t.Fatalf("seed %d: nothing merged: the test would prove nothing", seed)
		}
	}
}

func TestMerge(t *testing.T) {
	mk := func(id string, ins ...analyze.Incident) *analyze.Analysis {
		a := &analyze.Analysis{Doc: analyze.Doc{ID: id}, Actors: []analyze.Actor{{ID: "IRN", Country: "IRN"}, {ID: "irgc", Country: "IRN"}, {ID: "GBR", Country: "GBR"}}}
		for i := range ins {
			ins[i].Section, ins[i].Sentence = analyze.SectionBody, i
		}
		a.Incidents = ins
		return a
	}
	seizure := func(date, prec string, agent string, conf float64, summary string) analyze.Incident {
		return analyze.Incident{Type: "seizure", Date: date, DatePrecision: prec, Agents: []string{agent}, Targets: []string{"GBR"}, Confidence: conf, Summary: summary}
	}
	docs := []*analyze.Analysis{
		mk("a", seizure("2019-07", "month", "irgc", 0.5, "month report"), seizure("2019-07-19", "day", "irgc", 0.5, "same article, not merged")),
		mk("b", seizure("2019-07-20", "day", "IRN", 0.9, "best report")),
		mk("c", seizure("2019-07-30", "day", "IRN", 0.9, "too late to merge with b"), seizure("", "", "IRN", 1, "undated")),
		mk("d", seizure("2019", "year", "IRN", 1, "a year never merges")),
	}
	tl := Merge(docs)
	if tl.Undated != 1 {
		t.Errorf("undated = %d, want 1", tl.Undated)
	}
	var got []string
	for _, e := range tl.Events {
		got = append(got, fmt.Sprintf("%s %s %v", e.Date, e.Summary, e.Reports))
	}
	want := []string{
		"2019 a year never merges [{3 0}]",
		"2019-07-19 same article, not merged [{0 1}]",
		"2019-07-20 best report [{0 0} {1 0}]",
		"2019-07-30 too late to merge with b [{2 0}]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %q\nwant %q", got, want)
	}
}
