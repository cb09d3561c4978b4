package digest_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/pipeline"
)

// function words a composed text must not end in (the package's own list
// is wider; these are the ones a cut sentence ends in).
var dangling = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "by": true,
	"for": true, "from": true, "to": true, "with": true, "and": true, "or": true, "but": true,
	"that": true, "which": true, "who": true, "as": true, "than": true, "its": true, "their": true,
	"his": true, "her": true, "was": true, "were": true, "had": true, "has": true, "have": true,
	"is": true, "are": true, "be": true, "been": true, "would": true, "could": true, "into": true,
	"over": true, "near": true, "between": true, "after": true, "before": true,
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.TrimRight(f[len(f)-1], ".,;:!?”\"’')"))
}

// TestCorpusDigests runs the whole pipeline on the shipped corpus and, when
// they are there, on the shared development sets, and checks what issue
// 12 asks of every pack: a bottom line composed from the findings whenever
// the body has an option or an incident, each clause citing a body
// sentence that exists; incident summaries that name their agents and do
// not stop on a function word.
func TestCorpusDigests(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses whole corpora")
	}
	ex, err := pipeline.Standard(nil)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := pipeline.New(pipeline.Options{Extractors: ex})
	if err != nil {
		t.Fatal(err)
	}
	// The shared sets sit beside the repository (../shared), or where
	// BRIEF_SHARED says.
	shared := os.Getenv("BRIEF_SHARED")
	if shared == "" {
		shared = "../../../shared"
	}
	sets := []string{"../../corpus", shared + "/dev/docs", shared + "/dev2/docs", shared + "/seed/eval/docs"}
	docs := 0
	for _, dir := range sets {
		if _, err := os.Stat(dir); err != nil {
			if dir == sets[0] {
				t.Fatal(err)
			}
			continue
		}
		res, err := pl.AnalyzeDir(context.Background(), dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Docs {
			docs++
			check(t, a)
		}
	}
	t.Logf("checked %d analyses", docs)
}

func check(t *testing.T, a *analyze.Analysis) {
	t.Helper()
	id := a.Doc.Path
	bodyProposal, bodyIncident := false, false
	for _, p := range a.Proposals {
		bodyProposal = bodyProposal || p.Section == analyze.SectionBody
	}
	for _, in := range a.Incidents {
		bodyIncident = bodyIncident || in.Section == analyze.SectionBody
	}
	bl := a.Digest.BottomLine
	if (bodyProposal || bodyIncident) && len(bl) == 0 {
		t.Errorf("%s: no bottom line, though the body has findings", id)
	}
	if bodyProposal && len(bl) > 0 && bl[0].Role != analyze.ClauseProposal {
		t.Errorf("%s: the bottom line opens with a %s, not the proposal", id, bl[0].Role)
	}
	for _, c := range bl {
		if c.Sentence < 0 || c.Sentence >= len(a.Sentences) || a.Sentences[c.Sentence].Section != analyze.SectionBody {
			t.Errorf("%s: clause %q cites sentence %d, not a body sentence", id, c.Text, c.Sentence)
		}
		// Arguments and caveats end as the text's own sentence does; the
		// clauses composed here must not dangle.
		composed := c.Role == analyze.ClauseProposal || c.Role == analyze.ClauseIncident
		if composed && dangling[lastWord(c.Text)] {
			t.Errorf("%s: clause %q ends in a function word", id, c.Text)
		}
	}
	names := map[string]string{}
	for _, ac := range a.Actors {
		names[ac.ID] = ac.Display
	}
	for _, in := range a.Incidents {
		if dangling[lastWord(in.Summary)] {
			t.Errorf("%s: summary %q ends in a function word", id, in.Summary)
		}
		for _, ag := range in.Agents {
			if n := names[ag]; n != "" && !strings.Contains(in.Summary, n) {
				t.Errorf("%s: summary %q does not name the agent %s", id, in.Summary, n)
			}
		}
	}
}
