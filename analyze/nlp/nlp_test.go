package nlp

import (
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

func TestSegmentKeepsParagraphsAndOffsets(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "The U.S. Navy said the jet was hit. It landed on Hainan.\n\n1. This is issue No. 1 for the talks. China demanded an apology."
	a := &analyze.Analysis{Doc: analyze.Doc{Text: text}, Paragraphs: []analyze.Paragraph{
		{Span: analyze.Span{Start: 0, End: 56}, Section: analyze.SectionBody},
		{Span: analyze.Span{Start: 58, End: len(text)}, Section: analyze.SectionComments},
	}}
	if err := p.Segment(a); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"The U.S. Navy said the jet was hit.",
		"It landed on Hainan.",
		"This is issue No. 1 for the talks.", // the list marker stays out
		"China demanded an apology.",
	}
	if len(a.Sentences) != len(want) {
		t.Fatalf("got %d sentences %+v, want %d", len(a.Sentences), a.Sentences, len(want))
	}
	for i, s := range a.Sentences {
		if s.Text != want[i] || text[s.Start:s.End] != s.Text || s.Index != i {
			t.Errorf("sentence %d = %q [%d:%d], want %q", i, s.Text, s.Start, s.End, want[i])
		}
		for _, tok := range s.Tokens {
			if text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q does not match its offsets", tok.Text)
			}
		}
	}
	if a.Sentences[2].Section != analyze.SectionComments {
		t.Errorf("sentence 2 in %q, want comments", a.Sentences[2].Section)
	}
}

func TestLemma(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ word, tag, want string }{
		{"seized", "VBD", "seize"},
		{"shot", "VBD", "shoot"},
		{"spoke", "NN", "speak"}, // the tagger's frequent misreading
		{"clashes", "NNS", "clash"},
		{"Navy", "NNP", "navy"},
		{"the", "DT", "the"},
	}
	for _, tt := range tests {
		if got := p.Lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}

func TestEntitiesHaveOffsets(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Marie Curie studied in Paris with Pierre Curie."
	toks, err := p.Tokens(text)
	if err != nil {
		t.Fatal(err)
	}
	ents, err := p.Entities(analyze.Sentence{Text: text, Tokens: toks})
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) == 0 {
		t.Fatal("no entities")
	}
	for _, e := range ents {
		if strings.TrimSpace(text[e.Start:e.End]) != e.Text {
			t.Errorf("entity %q does not match its offsets [%d:%d]", e.Text, e.Start, e.End)
		}
	}
}

func TestGlued(t *testing.T) {
	for in, want := range map[string][]string{
		"the enforcement of the agreement.Under the agreement, zones.": {"the enforcement of the agreement.", "Under the agreement, zones."},
		"Talks will continue.To prevent clashes, they met.":            {"Talks will continue.", "To prevent clashes, they met."},
		"The U.S.Navy sailed. Then it left.":                           {"The U.S.Navy sailed. Then it left."},
		"No glue here.":                                                {"No glue here."},
		"a.B":                                                          {"a.B"},
		`the danger of war."A joint committee will meet.`:              {`the danger of war."`, "A joint committee will meet."},
	} {
		var got []string
		for _, p := range glued(in) {
			got = append(got, in[p[0]:p[1]])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("glued(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitMarks(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"the combination—the rising dependency": "the combination — the rising dependency",
		"a mature “contact zone” between":       "a mature “ contact zone ” between",
		"They met in May.":                      "They met in May .",
		"They sailed for the U.S.":              "They sailed for the U.S.",
	} {
		toks, err := p.Tokens(in)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Text)
			if in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has offsets %d-%d", in, tk.Text, tk.Start, tk.End)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Tokens(%q) = %q, want %q", in, strings.Join(got, " "), want)
		}
	}
}

// The tagger's misreadings of verbs are mended where the words around
// leave no doubt, and left alone where they do not.
func TestVerbRepairs(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ sentence, word, want string }{
		{"Establish a hotline between the coast guards.", "Establish", "VB"},
		{"To clear landmines along the river jointly.", "clear", "VB"},
		{"The crews did fire on the convoy.", "fire", "VB"},
		{"Frigates routinely intercept our patrol planes.", "intercept", "VBP"},
		{"The admiral vowed to \"strike back\" at the raiders.", "strike", "VB"},
		{"The water was clear and calm.", "clear", "JJ"},
		{"The board members met in Geneva.", "board", "NN"},
	}
	for _, tt := range tests {
		toks, err := p.Tokens(tt.sentence)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, tok := range toks {
			if tok.Text == tt.word {
				found = true
				if tok.Tag != tt.want {
					t.Errorf("%q: %s tagged %s, want %s", tt.sentence, tt.word, tok.Tag, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.sentence, tt.word)
		}
	}
}
