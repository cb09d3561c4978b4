package dates

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// findAllEvery is FindAll as it was before finders were skipped: every
// pattern over every text.
func findAllEvery(text string, pub Date) []Found {
	var out []Found
	taken := make([]bool, len(text)+1)
	add := func(start, end int, d Date) {
		for i := start; i < end; i++ {
			if taken[i] {
				return
			}
		}
		for i := start; i < end; i++ {
			taken[i] = true
		}
		out = append(out, Found{Start: start, End: end, Text: text[start:end], Date: d})
	}
	for _, f := range finders {
		for _, m := range f.re.FindAllStringSubmatchIndex(text, -1) {
			if start, end, d, ok := f.read(text, m, pub); ok {
				add(start, end, d)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// TestFindAllSkipsOnlyWhatCannotMatch compares FindAll with every pattern
// run, on every line of the shipped corpus (and the shared sets when they
// are there) and on texts made to meet the prefilters' edges.
func TestFindAllSkipsOnlyWhatCannotMatch(t *testing.T) {
	texts := []string{"", "Sept. 3", "Sep. 3 1999", "3 Sept.", "in Sept", "since May", "MAY 3", "Monday", "MONDAY last WEEK",
		"twenty YEARS AGO today", "twenty yeaſs ago", "ten years ago", "THIS \u212aeek", "this weeK", "yesterday", "2019", "the 1990s",
		"Jun 3", "June3, 2019", "Dec.", "Deck 1999", "in Marchant 2003", "in March last year", "May this year", "May THIS YEAR", "Mayday last year",
		"in  \tMay", "Mid- June 3", "mid-June", "xMid May", "3rd July, 2019", "20 Sept. 1999s", "onMonday on Monday", "_1999", "é1999 2001",
		"Until May last year", "12 34 May", "in in May", "1999 2000 20011", "Jun. 3 Jun 4 June 5", "since\u00a0May", "ON SUNDAY", "ſunday", "xſunday"}
	shared := os.Getenv("BRIEF_SHARED")
	if shared == "" {
		shared = "../../../shared"
	}
	for _, pat := range []string{"../../corpus/*.*", shared + "/dev/docs/*", shared + "/dev2/docs/*", shared + "/seed/eval/docs/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, strings.Split(string(data), "\n")...)
		}
	}
	for _, pub := range []Date{{}, {Year: 2019}, {Year: 2019, Month: 7, Day: 15}} {
		for _, text := range texts {
			if got, want := FindAll(text, pub), findAllEvery(text, pub); !reflect.DeepEqual(got, want) {
				t.Errorf("FindAll(%q, %v) = %+v, every pattern gives %+v", text, pub, got, want)
			}
		}
	}
}

func FuzzFindAllSkips(f *testing.F) {
	for _, s := range []string{"On June 20, 2019", "since May 2019", "twenty yeaſs ago", "last wee\u212a", "Sept. 30", "(1972)",
		"in  \tMay", "Mid- June 3", "xMid May", "3rd July, 2019", "20 Sept. 1999s", "onMonday on Monday", "_1999", "é1999 \u00ad2001", "Until May last year"} {
		f.Add(s, 2019, 7, 15)
	}
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		pub := Date{Year: y, Month: m, Day: d}
		if _, ok := valid(y, m, d); !ok {
			pub = Date{}
		}
		if got, want := FindAll(text, pub), findAllEvery(text, pub); !reflect.DeepEqual(got, want) {
			t.Errorf("FindAll(%q, %v) = %+v, every pattern gives %+v", text, pub, got, want)
		}
	})
}

// BenchmarkFindAll reads the dates of every line of the shipped corpus
// that may have one, as the date stage does; every-pattern is the same
// with every pattern run over every line.
func BenchmarkFindAll(b *testing.B) {
	files, _ := filepath.Glob("../../corpus/*.*")
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if mayHaveDate(l) {
				lines = append(lines, l)
			}
		}
	}
	pub := Date{Year: 2019, Month: 7, Day: 15}
	for _, bb := range []struct {
		name string
		find func(string, Date) []Found
	}{{"FindAll", FindAll}, {"every-pattern", findAllEvery}} {
		b.Run(bb.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, l := range lines {
					bb.find(l, pub)
				}
			}
		})
	}
}

// yearLed reads only the end of the text before a year: what
// yearLeads.MatchString reads of the whole of it.
func FuzzYearLed(f *testing.F) {
	for _, s := range []string{"in ", "since  - ", "the year's  ", "(", "– ", "withIn ", "x thROUGHOUT\t", "ſince ", "a \u212a", "throughout", "in--", "in -", "- in", "'S ", "its's", "_in", "year-", "a(", "ln "} {
		f.Add(strings.Repeat("word ", 20) + s)
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, before string) {
		if got, want := yearLed(before), yearLeads.MatchString(before); got != want {
			t.Errorf("yearLed(%q) = %v, yearLeads says %v", before, got, want)
		}
	})
}

func TestLeadWordsRead(t *testing.T) {
	if len(leadWords) < 10 || leadWords[0] != "in" {
		t.Errorf("leadWords = %q: yearLeads no longer reads as yearLed expects; yearLed now asks the pattern", leadWords)
	}
}
