package nlp

import (
	"testing"

	"github.com/jdkato/prose/v3/segment"
)

func TestJoinAbbreviations(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want int // sentences
	}{
		{"It is shocking that the Chief of U.S. Naval Operations cannot call Tehran.", 1},
		{"The ship was built in the U.S. The crew was British.", 2},
		{"The frigate sailed for the U.K. In May it returned.", 2},
		{"The talks moved to the U.N. General Assembly hall.", 1},
		{"Nothing here ends in an abbreviation. Two Sentences follow.", 2},
	} {
		got := joinAbbreviations(tt.text, seg.Segment(tt.text))
		if len(got) != tt.want {
			t.Errorf("%q: %d sentences %v, want %d", tt.text, len(got), got, tt.want)
		}
		for _, s := range got {
			if tt.text[s.Start:s.End()] != s.Text {
				t.Errorf("%q: sentence %q is not the text at %d", tt.text, s.Text, s.Start)
			}
		}
	}
}

func TestEndsInAbbreviation(t *testing.T) {
	for s, want := range map[string]bool{"the U.S.": true, "the E.U.": true, "in May.": false, "U.S": false, "the U.s.": false, "A.": false} {
		if got := endsInAbbreviation(s); got != want {
			t.Errorf("endsInAbbreviation(%q) = %v, want %v", s, got, want)
		}
	}
}
