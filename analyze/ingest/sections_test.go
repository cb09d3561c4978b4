package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// part is an expected section: its kind, how its text begins and how many
// paragraphs it holds.
type part struct {
	kind   analyze.SectionKind
	prefix string
	paras  int
}

func checkParts(t *testing.T, a *analyze.Analysis, want []part) {
	t.Helper()
	ok := len(a.Sections) == len(want)
	for i := 0; ok && i < len(want); i++ {
		s := a.Sections[i]
		ok = s.Kind == want[i].kind && strings.HasPrefix(a.Doc.Text[s.Start:s.End], want[i].prefix) &&
			parasIn(a, s) == want[i].paras
	}
	if ok {
		return
	}
	var sb strings.Builder
	sb.WriteString("got sections:\n")
	for _, s := range a.Sections {
		sb.WriteString(fmt.Sprintf("  %-11s %d paras %.60q\n", s.Kind, parasIn(a, s), a.Doc.Text[s.Start:s.End]))
	}
	sb.WriteString("want:\n")
	for _, p := range want {
		sb.WriteString(fmt.Sprintf("  %-11s %d paras %.60q...\n", p.kind, p.paras, p.prefix))
	}
	t.Error(sb.String())
}

func parasIn(a *analyze.Analysis, s analyze.Section) int {
	n := 0
	for _, p := range a.Paragraphs {
		if s.Start <= p.Start && p.End <= s.End {
			n++
		}
	}
	return n
}

func TestSections(t *testing.T) {
	tests := []struct {
		file    string
		title   string
		authors []string
		want    []part
		bug     string
	}{
		{
			file:    "webpage.txt",
			title:   "Patrol Boats and Thin Lines: Why the Strait Needs Rules of the Road",
			authors: []string{"Tomas Reyes", "Anika Brandt"},
			want: []part{
				{analyze.SectionTitle, "Patrol Boats and Thin Lines", 1},
				{analyze.SectionCaption, "A coast guard cutter shadows", 1},
				{analyze.SectionByline, "by Tomas Reyes and Anika Brandt", 1},
				{analyze.SectionBody, "Over the past year", 3},
				{analyze.SectionBio, "Tomas Reyes is a senior fellow", 2},
				{analyze.SectionBoilerplate, "Guest Contributor", 1},
				{analyze.SectionComments, "1. Good piece", 1},
				{analyze.SectionComments, "2. The authors ignore", 1},
				{analyze.SectionComments, "3. I served on a cutter", 1},
				{analyze.SectionBoilerplate, "Comments are closed.", 1},
			},
		},
		{
			file:    "webpage-says.txt",
			title:   "A Hotline That Nobody Answers",
			authors: []string{"Mara Lindqvist"},
			want: []part{
				{analyze.SectionTitle, "A Hotline That Nobody Answers", 1},
				{analyze.SectionByline, "by Mara Lindqvist", 1},
				{analyze.SectionBody, "When the two air forces", 2},
				{analyze.SectionBio, "Mara Lindqvist is a visiting scholar", 1},
				{analyze.SectionBoilerplate, "3 thoughts on “A Hotline That Nobody Answers”", 1},
				{analyze.SectionComments, "Jane says:", 1},
				{analyze.SectionComments, "Omar says:", 2}, // a reply of two paragraphs is one comment
				{analyze.SectionComments, "Priya says:", 1},
			},
		},
		{
			// A numbered list inside the body is not a comment thread.
			file:  "news.txt",
			title: "Navy Ships Pass Safely Through Contested Channel",
			want: []part{
				{analyze.SectionTitle, "Navy Ships Pass Safely", 1},
				{analyze.SectionBody, "Two destroyers sailed", 6},
			},
		},
		{
			// Nor is a numbered list that ends the page.
			file:  "news-list-last.txt",
			title: "Coast Guards Agree on Three Steps",
			want: []part{
				{analyze.SectionTitle, "Coast Guards Agree on Three Steps", 1},
				{analyze.SectionBody, "Officials from the two coast guards", 4},
			},
		},
		{
			// A Markdown body that ends with numbered recommendations.
			file:    "recommendations.md",
			title:   "Five Ways to Keep the Border Quiet",
			authors: []string{"Ines Duarte"},
			want: []part{
				{analyze.SectionTitle, "Five Ways to Keep the Border Quiet", 1},
				{analyze.SectionBody, "Skirmishes along the ridge", 5},
			},
		},
		{
			file:    "recommendations-share.md",
			title:   "Keeping Patrols Apart",
			authors: []string{"Ines Duarte"},
			want: []part{
				{analyze.SectionBody, "Skirmishes along the ridge", 5},
			},
		},
		{
			file:    "page.html",
			title:   "Radar Locks and Red Lines",
			authors: []string{"Kofi Mensah"},
			want: []part{
				{analyze.SectionTitle, "Radar Locks and Red Lines", 1},
				{analyze.SectionByline, "By Kofi Mensah", 1},
				{analyze.SectionCaption, "A radar station on the northern coast.", 1},
				{analyze.SectionBody, "Twice this autumn", 2},
				{analyze.SectionBoilerplate, "Related stories", 2},
				{analyze.SectionBody, "The two defence ministries", 1},
				{analyze.SectionBoilerplate, "Comments", 1},
				{analyze.SectionComments, "A sensible proposal.", 1},
				{analyze.SectionComments, "Who would verify it?", 2},
			},
		},
		{
			file:    "page-main.html",
			title:   "", // see TestHTMLTitleWithoutSiteName
			authors: []string{"Rosa Ibarra", "Lars Holm"},
			want: []part{
				{analyze.SectionTitle, "Drones Over the Frontier", 1},
				{analyze.SectionByline, "Rosa Ibarra and Lars Holm", 1},
				{analyze.SectionBody, "Small drones now cross", 3},
				{analyze.SectionBoilerplate, "Share on X", 1},
				{analyze.SectionBio, "Rosa Ibarra writes about border security.", 1},
				{analyze.SectionBoilerplate, "2 Comments", 1},
				{analyze.SectionComments, "Corridors were tried in 2016", 2},
				{analyze.SectionComments, "Monitors need access", 1}, // a nested reply is a comment of its own
				{analyze.SectionComments, "Good piece.", 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if tt.bug != "" {
				knownBug(t, tt.bug)
			}
			a, err := Read(tt.file, readFixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			if tt.title != "" && a.Doc.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Doc.Title, tt.title)
			}
			if strings.Join(a.Doc.Authors, "|") != strings.Join(tt.authors, "|") {
				t.Errorf("Authors = %q, want %q", a.Doc.Authors, tt.authors)
			}
			checkParts(t, a, tt.want)
		})
	}
}

// page-main.html without the byline bug: the parts that already work.
func TestSectionsHTMLComments(t *testing.T) {
	a, err := Read("page-main.html", readFixture(t, "page-main.html"))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	var comments []string
	for _, s := range a.Sections {
		if s.Kind == analyze.SectionComments {
			comments = append(comments, a.Doc.Text[s.Start:s.End])
		}
	}
	want := []string{
		"Corridors were tried in 2016 and failed.\n\nThey need monitors.",
		"Monitors need access, which neither side grants.",
		"Good piece.",
	}
	if strings.Join(comments, "|") != strings.Join(want, "|") {
		t.Errorf("comments = %q, want %q", comments, want)
	}
	if a.Doc.Published != "2021-03-03" {
		t.Errorf("Published = %q, want 2021-03-03 (from <meta name=date>)", a.Doc.Published)
	}
	for _, s := range []string{"Field Notes is an independent newsletter", "site-header"} {
		if strings.Contains(a.Doc.Text, s) {
			t.Errorf("Doc.Text contains %q from outside <main>", s)
		}
	}
}

func TestHTMLTitleWithoutSiteName(t *testing.T) {
	a, err := Read("page-main.html", readFixture(t, "page-main.html"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Doc.Title != "Drones Over the Frontier" {
		t.Errorf("Title = %q, want %q", a.Doc.Title, "Drones Over the Frontier")
	}
}

func TestTextDatelineSetsPublished(t *testing.T) {
	in := "Talks Resume at the Crossing\n\nPublished: July 1, 2019\n\nOfficers met at the crossing on Friday. They agreed to meet monthly.\n"
	a, err := Read("talks.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	diffSections(t, a, []sec{
		{analyze.SectionTitle, "Talks Resume at the Crossing"},
		{analyze.SectionByline, "Published: July 1, 2019"},
		{analyze.SectionBody, "Officers met at the crossing on Friday. They agreed to meet monthly."},
	})
	if a.Doc.Published != "2019-07-01" {
		t.Errorf("Published = %q, want 2019-07-01", a.Doc.Published)
	}
}

// The cues are general: a bio is recognised from its wording whatever the
// names, and site furniture in the middle of a body does not end it.
func TestSectionsCues(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []analyze.SectionKind
	}{
		{
			name: "bio with a social handle",
			in:   "Rules for the Sky\n\nFighter jets from both sides flew close to each other again this week. Nobody was hurt.\n\nThe incident was the third this year.\n\nShe tweets at @skywatcher.\n",
			want: []analyze.SectionKind{analyze.SectionTitle, analyze.SectionBody, analyze.SectionBio},
		},
		{
			name: "photo prefix caption",
			in:   "Rules for the Sky\n\nPhoto: two jets over the sea\n\nFighter jets from both sides flew close to each other again this week. Nobody was hurt.\n",
			want: []analyze.SectionKind{analyze.SectionTitle, analyze.SectionCaption, analyze.SectionBody},
		},
		{
			name: "comment header then replies",
			in:   "Rules for the Sky\n\nFighter jets from both sides flew close to each other again this week. Nobody was hurt.\n\nLeave a Reply\n\nAnother close call. When will they learn?\n",
			want: []analyze.SectionKind{analyze.SectionTitle, analyze.SectionBody, analyze.SectionBoilerplate, analyze.SectionComments},
		},
		{
			name: "one paragraph file",
			in:   "Fighter jets from both sides flew close to each other again this week.",
			want: []analyze.SectionKind{analyze.SectionBody},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			var got []analyze.SectionKind
			for _, s := range a.Sections {
				got = append(got, s.Kind)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("kinds = %v, want %v\n%q", got, tt.want, sectionsOf(a))
			}
		})
	}
}

// Classifying sections must stay close to linear in the number of blocks: a
// long list or a long comment thread is ordinary input.
func TestSectionsLongThread(t *testing.T) {
	for _, tt := range longThreads {
		a, err := Read(tt.path, []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, a)
	}
}

// longThreads are pages with 4,000 reader replies: classifying them must
// stay linear in the number of blocks (it was once quadratic).
var longThreads = func() []struct{ path, in string } {
	var out []struct{ path, in string }
	for _, tt := range []struct{ path, unit string }{
		{"list.txt", "1. A short reply here\n\n"},
		{"says.txt", "Jane says: a short reply here\n\n"},
		{"list.html", "<li>1. A short reply here</li>"},
	} {
		in := "Title of the Piece\n\nThe body of the article is one paragraph long.\n\n" + strings.Repeat(tt.unit, 4000)
		if strings.HasSuffix(tt.path, ".html") {
			in = "<article><h1>Title of the Piece</h1><p>The body of the article is one paragraph long.</p><ol>" + strings.Repeat(tt.unit, 4000) + "</ol></article>"
		}
		out = append(out, struct{ path, in string }{tt.path, in})
	}
	return out
}()

// BenchmarkReadLongThread measures Read on the long threads (about 90 KB
// each); compare with -benchmem across changes.
func BenchmarkReadLongThread(b *testing.B) {
	for _, tt := range longThreads {
		b.Run(tt.path, func(b *testing.B) {
			b.SetBytes(int64(len(tt.in)))
			for i := 0; i < b.N; i++ {
				if _, err := Read(tt.path, []byte(tt.in)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Author bios followed directly by numbered reader comments, with no box or
// header between them.
func TestSectionsBioThenNumberedComments(t *testing.T) {
	a, err := Read("webpage-nobox.txt", readFixture(t, "webpage-nobox.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	checkParts(t, a, []part{
		{analyze.SectionTitle, "Patrol Boats and Thin Lines", 1},
		{analyze.SectionCaption, "A coast guard cutter shadows", 1},
		{analyze.SectionByline, "by Tomas Reyes and Anika Brandt", 1},
		{analyze.SectionBody, "Over the past year", 3},
		{analyze.SectionBio, "Tomas Reyes is a senior fellow", 2},
		{analyze.SectionComments, "1. Good piece", 1},
		{analyze.SectionComments, "2. The authors ignore", 1},
		{analyze.SectionComments, "3. I served on a cutter", 1},
		{analyze.SectionBoilerplate, "Comments are closed.", 1},
	})
}

// A body paragraph that names a news agency is not a photo caption.
func TestSectionsAgencyIsNotCaption(t *testing.T) {
	tests := []struct{ name, in, bug string }{
		{"ends with a full stop", "# Title of the Piece\n\nOn June 20, Iran shot down a drone over the strait, according to Reuters. Washington called the attack unprovoked.\n\nMore text follows here.\n", ""},
		{"ends with a closing quote", "# Title of the Piece\n\nOn June 20, Iran shot down a drone over the strait, according to Reuters. Washington called the attack “unprovoked.”\n\nMore text follows here.\n", ""},
		{"ends with a question mark", "# Title of the Piece\n\nWhat did Reuters report from the strait on Thursday, and why did officials in both capitals dispute the account so quickly?\n\nMore text follows here.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				knownBug(t, tt.bug)
			}
			a, err := Read("x.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var kinds []analyze.SectionKind
			for _, s := range a.Sections {
				kinds = append(kinds, s.Kind)
			}
			if fmt.Sprint(kinds) != "[title body]" {
				t.Errorf("kinds = %v, want [title body]\n%q", kinds, sectionsOf(a))
			}
		})
	}
}
