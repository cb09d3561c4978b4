package match

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// tagged reads "word/TAG" or "word/TAG/lemma" tokens separated by spaces;
// the lemma defaults to the lower-case word.
func tagged(s string) []Token {
	var out []Token
	for _, f := range strings.Fields(s) {
		parts := strings.Split(f, "/")
		tok := Token{Lower: strings.ToLower(parts[0]), Lemma: strings.ToLower(parts[0]), Tag: parts[1]}
		if len(parts) > 2 {
			tok.Lemma = parts[2]
		}
		out = append(out, tok)
	}
	return out
}

func testGrammar(t testing.TB) (*Grammar, Label) {
	t.Helper()
	g := NewGrammar()
	actor, err := g.AddLayer("actor")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		pos    POS
		words  []string
		family string
	}{
		{"seizure.verb", Verb, []string{"seize", "detain", "take ~ custody"}, "event.verb"},
		{"shootdown.verb", Verb, []string{"shoot ~ down", "down"}, "event.verb"},
		{"seizure.noun", Noun, []string{"seizure"}, "event.noun"},
		{"measure", AnyPOS, []string{"hotline", "code of conduct", "line"}, ""},
	} {
		var fam []string
		if c.family != "" {
			fam = []string{c.family}
		}
		if _, err := g.AddClass(c.name, c.pos, c.words, fam...); err != nil {
			t.Fatal(err)
		}
	}
	return g, actor
}

const (
	iranShot  = "Iran/NNP shot/VBD/shoot it/PRP down/RP on/IN Monday/NNP ./."
	usDrone   = "A/DT U.S./NNP drone/NN was/VBD/be shot/VBN/shoot down/RP by/IN Iran/NNP ./."
	twoSeized = "Iran/NNP seized/VBD/seize a/DT tanker/NN and/CC detained/VBD/detain its/PRP$ crew/NN ./."
	codeLine  = "Both/DT sides/NNS/side should/MD agree/VB/agree a/DT code/NN of/IN conduct/NN ./."
	shotTwo   = "Iran/NNP shot/VBD/shoot two/CD unmanned/VBN/unman Hermes/NNP down/RP ./."
)

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern  string
		sentence string
		actors   [][2]int
		// want lists every match as "from-to", with captures as
		// "name=from-to" after it.
		want []string
	}{
		{"shoot", iranShot, nil, []string{"1-2"}},
		{"[tag=VBD]", iranShot, nil, []string{"1-2"}},
		{"[tag=VB*]", usDrone, nil, []string{"3-4", "4-5"}},
		{"[tag=VB* & !lemma=be]", usDrone, nil, []string{"4-5"}},
		{"<shootdown.verb>", iranShot, nil, []string{"1-4"}},
		{"<shootdown.verb>", shotTwo, nil, []string{"1-6"}}, // a participle is a modifier in a gap
		{"<event.verb>@trigger", twoSeized, nil, []string{"1-2 trigger=1-2", "5-6 trigger=5-6"}},
		{"<actor>@agent <event.verb>@trigger", twoSeized, [][2]int{{0, 1}}, []string{"0-2 agent=0-1 trigger=1-2"}},
		{"<actor>@agent _{0,4} <event.verb>@trigger", twoSeized, [][2]int{{0, 1}}, []string{"0-6 agent=0-1 trigger=5-6"}},
		{"be [tag=RB]* <event.verb [tag=VBN]>@trigger by <actor>@agent", usDrone, [][2]int{{7, 8}}, []string{"3-8 trigger=4-6 agent=7-8"}},
		{"<event.verb [tag=VBN]>", iranShot, nil, nil},
		{"should _{0,3} <measure>@measure", codeLine, nil, []string{"2-8 measure=5-8"}},
		{"should _? agree", codeLine, nil, []string{"2-4"}},
		{"^ [tag=DT]", codeLine, nil, []string{"0-1"}},
		{"'.' $", codeLine, nil, []string{"8-9"}},
		{"(seize | detain) [tag=DT|PRP$]", twoSeized, nil, []string{"1-3", "5-7"}},
		{"[<measure>]+", codeLine, nil, []string{"5-8", "6-8", "7-8"}},
		{"[!<measure> & tag=NN]", codeLine, nil, nil},
		{"[word=sides]", codeLine, nil, []string{"1-2"}},
		{"[text=side]", codeLine, nil, nil},
		{"[lemma=side]", codeLine, nil, []string{"1-2"}},
		{"<actor>", twoSeized, nil, nil},
	} {
		t.Run(tt.pattern, func(t *testing.T) {
			g, actor := testGrammar(t)
			p, err := g.Compile(tt.pattern)
			if err != nil {
				t.Fatal(err)
			}
			var ext []Span
			for _, a := range tt.actors {
				ext = append(ext, Span{Label: actor, From: a[0], To: a[1]})
			}
			x := g.NewText()
			x.Reset(tagged(tt.sentence), ext)
			var got []string
			var m Match
			for s := 0; s <= x.Len(); s++ {
				if !p.MatchAt(x, s, &m) {
					continue
				}
				got = append(got, describe(g, p, &m))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%q on %q:\n got %v\nwant %v", tt.pattern, tt.sentence, got, tt.want)
			}
		})
	}
}

func describe(g *Grammar, p *Pattern, m *Match) string {
	out := fmt.Sprintf("%d-%d", m.From, m.To)
	for _, slot := range p.slots {
		if f, to, ok := m.Capture(slot); ok {
			out += fmt.Sprintf(" %s=%d-%d", g.CaptureName(slot), f, to)
		}
	}
	return out
}

func TestSyntaxErrors(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		offset  int
		msg     string
	}{
		{"", 0, "empty pattern"},
		{"(seize", 6, "missing )"},
		{"[tag=VBD", 8, "want & or ]"},
		{"[colour=red]", 1, `unknown key "colour"`},
		{"<nosuch>", 1, `unknown label "nosuch"`},
		{"seize{0,99}", 5, "bad repeat"},
		{"seize{3,1}", 5, "bad repeat"},
		{"seize@", 6, "capture name"},
		{"'unclosed", 0, "unclosed quote"},
		{"a ) b", 2, "unexpected"},
		{"[tag=]", 5, "want a value"},
	} {
		g, _ := testGrammar(t)
		_, err := g.Compile(tt.pattern)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: err = %v, want a SyntaxError", tt.pattern, err)
			continue
		}
		if se.Offset != tt.offset || !strings.Contains(se.Msg, tt.msg) {
			t.Errorf("%q: error at %d %q, want at %d containing %q", tt.pattern, se.Offset, se.Msg, tt.offset, tt.msg)
		}
	}
}

// A sentence without the labels a pattern needs is skipped at once.
func TestPossible(t *testing.T) {
	g, _ := testGrammar(t)
	x := g.NewText()
	x.Reset(tagged(codeLine), nil)
	for pattern, want := range map[string]bool{
		"<event.verb>":             false,
		"should _ <measure>":       true,
		"(<event.verb> | should)":  true,
		"<event.verb>? should":     true,
		"[<measure>] <event.noun>": false,
	} {
		if got := g.MustCompile(pattern).Possible(x); got != want {
			t.Errorf("Possible(%q) = %v, want %v", pattern, got, want)
		}
	}
}

// Matching allocates nothing once a Text's buffers have grown.
func TestMatchAllocs(t *testing.T) {
	g, actor := testGrammar(t)
	p := g.MustCompile("<actor>@agent [tag=RB]* (<event.verb>@trigger | be _{0,3} <event.verb [tag=VBN]>@trigger) _{0,6} <actor>?@target")
	toks := tagged(twoSeized)
	ext := []Span{{Label: actor, From: 0, To: 1}}
	x := g.NewText()
	x.Reset(toks, ext)
	var m Match
	allocs := testing.AllocsPerRun(100, func() {
		x.Reset(toks, ext)
		for s := 0; s <= x.Len(); s++ {
			p.MatchAt(x, s, &m)
		}
	})
	if allocs != 0 {
		t.Errorf("Reset and MatchAt allocate %.1f times per sentence, want 0", allocs)
	}
}

// A pattern that would backtrack without end gives up within its budget.
func TestStepBudget(t *testing.T) {
	g, _ := testGrammar(t)
	p := g.MustCompile("(_* _*)* x")
	x := g.NewText()
	x.Reset(tagged(strings.Repeat("a/DT ", 60)), nil)
	var m Match
	if p.MatchAt(x, 0, &m) {
		t.Fatal("matched a sentence without x")
	}
}

func FuzzCompile(f *testing.F) {
	for _, s := range []string{"<actor>@agent _{0,4} <event.verb [tag=VBD]>@trigger", "[tag=VB* & !lemma=be]", "(a | b c)+ $", "'\"' x{2}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		g, _ := testGrammar(t)
		p, err := g.Compile(src)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(src) {
				t.Fatalf("%q: error %v is not a SyntaxError within the source", src, err)
			}
			return
		}
		x := g.NewText()
		x.Reset(tagged(twoSeized), nil)
		var m Match
		for s := 0; s <= x.Len(); s++ {
			if p.MatchAt(x, s, &m) && (m.To < m.From || m.To > x.Len()) {
				t.Fatalf("%q: match %d-%d outside the sentence", src, m.From, m.To)
			}
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	g, actor := testGrammar(b)
	p := g.MustCompile("<actor>@agent [tag=RB]* (<event.verb>@trigger | be _{0,3} <event.verb [tag=VBN]>@trigger) _{0,6} <actor>?@target")
	toks := tagged(twoSeized + " " + codeLine)
	ext := []Span{{Label: actor, From: 0, To: 1}}
	x := g.NewText()
	var m Match
	b.ReportAllocs()
	for b.Loop() {
		x.Reset(toks, ext)
		for s := 0; s <= x.Len(); s++ {
			p.MatchAt(x, s, &m)
		}
	}
}

// A pattern is tried only at tokens that can start it; what it matches
// is the same as trying every token.
func TestFirstSet(t *testing.T) {
	g, actor := testGrammar(t)
	x := g.NewText()
	x.Reset(tagged(twoSeized+" "+codeLine), []Span{{Label: actor, From: 0, To: 1}})
	for _, src := range []string{"<event.verb>", "(seize | detain) [tag=DT]", "[tag=DT]? <measure>", "^ [tag=NNP]", "[lemma=side]", "[<measure>]+", "x?", "_ seized"} {
		p := g.MustCompile(src)
		fast := *p
		slow := *p
		slow.firstAny = true
		var mf, ms Match
		for s := 0; s <= x.Len(); s++ {
			a, b := fast.MatchAt(x, s, &mf), slow.MatchAt(x, s, &ms)
			if a != b || a && (mf.From != ms.From || mf.To != ms.To) {
				t.Errorf("%q at %d: with the first set %v (%d-%d), without %v (%d-%d)", src, s, a, mf.From, mf.To, b, ms.From, ms.To)
			}
		}
	}
}

// TestStartsAreCanStart checks that Starts finds exactly the tokens where
// each pattern's own check lets a match start.
func TestStartsAreCanStart(t *testing.T) {
	g := NewGrammar()
	if _, err := g.AddClass("ev.seize", Verb, []string{"seize", "board"}); err != nil {
		t.Fatal(err)
	}
	if _, err := g.AddClass("ev.noun", Noun, []string{"seizure", "ship"}); err != nil {
		t.Fatal(err)
	}
	actor, err := g.AddLayer("actor")
	if err != nil {
		t.Fatal(err)
	}
	var ps []*Pattern
	for _, src := range []string{"<ev.seize>", "<actor> <ev.seize>", "[lemma=the] <ev.noun>", "_ <ev.noun>", "[word=iran]? <ev.seize>", "<ev.noun>|[lemma=be]", "<actor>* [tag=VBD]", "^ <actor>"} {
		p, err := g.Compile(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		ps = append(ps, p)
	}
	starts := NewStarts(ps)
	var sc StartScratch
	text := g.NewText()
	for _, sent := range [][]Token{
		{{Lemma: "iran", Lower: "iran", Tag: "NNP"}, {Lemma: "seize", Lower: "seized", Tag: "VBD"}, {Lemma: "the", Lower: "the", Tag: "DT"}, {Lemma: "ship", Lower: "ship", Tag: "NN"}},
		{{Lemma: "be", Lower: "was", Tag: "VBD"}, {Lemma: "board", Lower: "boarded", Tag: "VBN"}},
		{},
	} {
		var ext []Span
		if len(sent) > 0 {
			ext = []Span{{Label: actor, From: 0, To: 1}}
		}
		text.Reset(sent, ext)
		got := starts.Find(text, &sc)
		for k, p := range ps {
			var want []int32
			for i := range sent {
				if p.canStart(text, i) {
					want = append(want, int32(i))
				}
			}
			if fmt.Sprint(got[k]) != fmt.Sprint(want) {
				t.Errorf("%s over %v: starts %v, canStart says %v", p, sent, got[k], want)
			}
		}
	}
}
