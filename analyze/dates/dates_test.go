package dates

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// knownBug skips a test that shows a reported bug in non-test code. Set
// BRIEF_TEST_BUGS=1 to run such tests anyway, to see whether a fix works.
func knownBug(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("BRIEF_TEST_BUGS") == "" {
		t.Skip(msg)
	}
}

func TestDate(t *testing.T) {
	for _, tt := range []struct {
		d              Date
		str, precision string
	}{
		{Date{}, "", ""},
		{Date{Year: 2019}, "2019", Year},
		{Date{Year: 2019, Month: 7}, "2019-07", Month},
		{Date{Year: 2019, Month: 7, Day: 1}, "2019-07-01", Day},
		{Date{Year: 1963, Month: 12, Day: 31}, "1963-12-31", Day},
	} {
		if got := tt.d.String(); got != tt.str {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.str)
		}
		if got := tt.d.Precision(); got != tt.precision {
			t.Errorf("%#v.Precision() = %q, want %q", tt.d, got, tt.precision)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not a date
		bug  string
	}{
		{in: "2019-07-01", want: "2019-07-01"},
		{in: "2019-7-1", want: "2019-07-01"},
		{in: "2019/07/01", want: "2019-07-01"},
		{in: "2019-07-01T10:30:00Z", want: "2019-07-01"},
		{in: "2019-07-01T10:30:00+04:30", want: "2019-07-01"},
		{in: "2019-07-01 10:30", want: "2019-07-01"},
		{in: "2019-07", want: "2019-07"},
		{in: "2019", want: "2019"},
		{in: "  2019-07-01\n", want: "2019-07-01"},
		{in: "July 1, 2019", want: "2019-07-01"},
		{in: "July 1 2019", want: "2019-07-01"},
		{in: "july 1st, 2019", want: "2019-07-01"},
		{in: "Jul. 1, 2019", want: "2019-07-01"},
		{in: "1 July 2019", want: "2019-07-01"},
		{in: "1st July, 2019", want: "2019-07-01"},
		{in: "July 2019", want: "2019-07"},
		{in: "may 2019", want: "2019-05"},
		{in: "Sept. 30, 2018", want: "2018-09-30"},
		{in: "Sep 30, 2018", want: "2018-09-30"},
		{in: "Monday, July 1, 2019", want: "2019-07-01"},
		{in: "2020-02-29", want: "2020-02-29"},
		{in: "December 31, 1999", want: "1999-12-31"},

		{in: ""},
		{in: "   "},
		{in: "someday"},
		{in: "2019-02-30"},
		{in: "2019-02-29"},
		{in: "2019-13"},
		{in: "2019-13-01"},
		{in: "2019-00-05"},
		{in: "13/2019"},
		{in: "07/01/2019"},
		{in: "July 32, 2019"},
		{in: "Foo 1, 2019"},
		{in: "Smarch 2019"},
		{in: "0999"},
		{in: "19"},
		{in: "20190"},
		{in: "2019-07-01garbage"},
		{in: "2019 was a year"},
		{in: "2019-07-01 and more"},
		{in: "2019-07-00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if tt.bug != "" {
				knownBug(t, tt.bug)
			}
			d, ok := Parse(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("Parse(%q) = %v, true; want not a date", tt.in, d)
				}
				return
			}
			if !ok || d.String() != tt.want {
				t.Errorf("Parse(%q) = %q, %v; want %q, true", tt.in, d, ok, tt.want)
			}
		})
	}
}

// found renders Find's results compactly: "text=date/precision@start" each.
func found(fs []Found) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("%s=%s/%s@%d", f.Text, f.Date, f.Date.Precision(), f.Start))
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	jul19 := Date{Year: 2019, Month: 7}
	jul15 := Date{Year: 2019, Month: 7, Day: 15} // a Monday
	feb20 := Date{Year: 2020, Month: 2}
	none := Date{}
	tests := []struct {
		name string
		text string
		pub  Date
		want string
		bug  string
	}{
		{"full month-day-year", "The drone was shot down on June 20, 2019, over the strait.", none, "June 20, 2019=2019-06-20/day@27", ""},
		{"full with ordinal", "It happened on June 20th, 2019.", jul19, "June 20th, 2019=2019-06-20/day@15", ""},
		{"full day-month-year", "Talks opened on 3 July 2019 in Geneva.", none, "3 July 2019=2019-07-03/day@16", ""},
		{"abbreviated month", "The accord was signed Sept. 30, 2018, after months of talks.", none, "Sept. 30, 2018=2018-09-30/day@22", ""},
		{"two full dates", "On July 1, 2019 and 3 July 2019 the ships met.", none, "July 1, 2019=2019-07-01/day@3; 3 July 2019=2019-07-03/day@20", ""},
		{"month and day before a July publication", "On June 20, Iran shot down a drone.", jul19, "June 20=2019-06-20/day@3", ""},
		{"day and month before a July publication", "On 20 June the drone fell.", jul19, "20 June=2019-06-20/day@3", ""},
		{"December in a February piece is last year", "Talks stalled on December 3 and never resumed.", feb20, "December 3=2019-12-03/day@17", ""},
		{"month and day with a year-only publication", "The vote came on March 4.", Date{Year: 2021}, "March 4=2021-03-04/day@17", ""},
		{"impossible month and day", "It was planned for June 31.", jul19, "", ""},
		{"month and day without publication stay unresolved", "On June 20, Iran shot down a drone.", none, "", ""},
		{"month and year", "Tension has grown since May 2019 in the strait.", none, "May 2019=2019-05/month@24", ""},
		{"month of year", "In March of 2003, troops crossed the border.", none, "March of 2003=2003-03/month@3", ""},
		{"year after in", "The war began in 2003 and ended later.", none, "2003=2003/year@17", ""},
		{"year after since", "The line has been quiet since 1953.", none, "1953=1953/year@30", ""},
		{"year in brackets", "The agreement (1972) still holds.", none, "1972=1972/year@15", ""},
		{"year after mid-", "By mid-2019, the patrols had doubled.", none, "2019=2019/year@7", ""},
		{"decade is not a date", "In the 1990s the navies rarely met.", none, "", ""},
		{"bare number is not a year", "Flight 2019 landed safely.", none, "", ""},
		{"comma thousands are not a year", "The army sent 2,500 soldiers to the border.", none, "", ""},
		{"plain thousands are not a year", "It sent 2500 troops to the border.", none, "", ""},
		{"comma thousands after a year lead", "In 2019, 2,000 troops arrived.", none, "2019=2019/year@3", ""},
		{"number after by", "The motion passed by 2,019 votes.", none, "", ""},
		{"troop count after to", "The force grew to 2000 troops by spring.", none, "", ""},
		{"troop count after the", "Later the 2000 troops arrived at the port.", none, "", ""},
		{"last week against a day", "Jets collided last week over the sea.", jul15, "last week=2019-07/month@14", ""},
		{"last week crossing a month", "Jets collided last week over the sea.", Date{Year: 2019, Month: 7, Day: 2}, "last week=2019-06/month@14", ""},
		{"yesterday against a day", "Iran seized a tanker yesterday, officials said.", jul15, "yesterday=2019-07-14/day@21", ""},
		{"yesterday crossing a year", "The talks collapsed yesterday.", Date{Year: 2020, Month: 1, Day: 1}, "yesterday=2019-12-31/day@20", ""},
		{"on a weekday against a day", "The ships met on Tuesday near the reef.", jul15, "on Tuesday=2019-07-09/day@14", ""},
		{"weekday alone", "Officials confirmed the seizure Sunday.", jul15, "Sunday=2019-07-14/day@32", ""},
		{"last month", "Drills began last month.", feb20, "last month=2020-01/month@13", ""},
		{"last year", "Drills began last year.", jul15, "last year=2018/year@13", ""},
		{"this year with a year-only publication", "Drills began this year.", Date{Year: 2019}, "this year=2019/year@13", ""},
		{"yesterday with a month-only publication keeps the month", "Drills began yesterday.", feb20, "yesterday=2020-02/month@13", ""},
		{"relative dates without publication stay unresolved", "Jets collided last week, a tanker was seized yesterday and the ships met on Tuesday.", none, "", ""},
		{"no dates", "Neither side wants a war over the reef.", jul15, "", ""},
		{"empty", "", jul15, "", ""},
		{"month name as a word is not a date", "Officials may meet in march, or not.", jul19, "", ""},
		{"date text keeps the ordinal", "The drone fell on June 20th, officials said.", jul19, "June 20th=2019-06-20/day@18", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				knownBug(t, tt.bug)
			}
			fs := Find(tt.text, tt.pub)
			if got := found(fs); got != tt.want {
				t.Errorf("Find(%q, %v)\n got  %q\n want %q", tt.text, tt.pub, got, tt.want)
			}
			for _, f := range fs {
				if f.Start < 0 || f.End > len(tt.text) || f.Start >= f.End || tt.text[f.Start:f.End] != f.Text {
					t.Errorf("Found %+v: Text is not text[Start:End]", f)
				}
				if f.Date.Year == 0 {
					t.Errorf("Found %+v has no date: unresolved expressions are left out", f)
				}
			}
		})
	}
}

// Find returns its results leftmost first and never overlapping, whatever
// order its patterns match in.
func TestFindOrderedAndDisjoint(t *testing.T) {
	text := "Since 2003, and again on June 20 and 1 July 2019, then in May 2019, yesterday and last year, the sides met; March of 2003 too."
	fs := Find(text, Date{Year: 2019, Month: 7, Day: 15})
	if len(fs) < 6 {
		t.Fatalf("found only %s", found(fs))
	}
	for i := 1; i < len(fs); i++ {
		if fs[i].Start < fs[i-1].End {
			t.Errorf("results %d and %d overlap or are out of order: %s", i-1, i, found(fs))
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"On June 20, 2019", "since May 2019", "in 2003", "last week on Tuesday", "Sept. 30", "3 July 2019", "(1972)"} {
		f.Add(s, 2019, 7, 15)
	}
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		pub := Date{Year: y, Month: m, Day: d}
		if _, ok := valid(y, m, d); !ok {
			pub = Date{}
		}
		prev := 0
		for _, fd := range Find(text, pub) {
			if fd.Start < prev || fd.End > len(text) || fd.Start >= fd.End || text[fd.Start:fd.End] != fd.Text {
				t.Fatalf("bad result %+v in %q", fd, text)
			}
			prev = fd.End
			if _, ok := Parse(fd.Date.String()); !ok {
				t.Fatalf("result %+v has a date Parse rejects: %q", fd, fd.Date)
			}
		}
	})
}

func TestDateline(t *testing.T) {
	for _, tt := range []struct {
		in, rest, date string
	}{
		{"YEREVAN, May 14, 2024 — Armenian forces said", "Armenian forces said", "May 14, 2024"},
		{"WASHINGTON (Reuters) - The Pentagon said", "The Pentagon said", ""},
		{"SEOUL, Sept. 19 (Yonhap) -- The two Koreas", "- The two Koreas", "Sept. 19"},
		{"KYIV, 3 March 2022 – Shelling continued", "Shelling continued", "3 March 2022"},
		{"Iran seized a tanker on Monday - officials said", "Iran seized a tanker on Monday - officials said", ""},
		{"NATO, the alliance - said", "NATO, the alliance - said", ""},
	} {
		end, date := Dateline(tt.in)
		if rest := tt.in[end:]; rest != tt.rest || date != tt.date {
			t.Errorf("Dateline(%q) leaves %q with date %q, want %q and %q", tt.in, rest, date, tt.rest, tt.date)
		}
	}
}

func TestMayHaveDate(t *testing.T) {
	for s, want := range map[string]bool{
		"In 1962 the crisis began":        true,
		"On Tuesday the ships met":        true,
		"Last week, talks resumed.":       true,
		"The talks in Sept. were short":   true,
		"The navies agreed on a hotline.": false,
		"Maybe the monthly report helps":  false,
		"":                                false,
		"Today":                           true,
	} {
		if got := mayHaveDate(s); got != want {
			t.Errorf("mayHaveDate(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestAfter(t *testing.T) {
	for _, tt := range []struct {
		d, e string
		want bool
	}{
		{"2019-07", "2019-06-20", true},
		{"2019-06", "2019-06-20", false},
		{"2019-06-21", "2019-06-20", true},
		{"2019-06-20", "2019-06-20", false},
		{"2020", "2019-06-20", true},
		{"2019", "2019-06-20", false},
		{"2018-12-31", "2019", false},
	} {
		d, _ := Parse(tt.d)
		e, _ := Parse(tt.e)
		if got := d.After(e); got != tt.want {
			t.Errorf("%s.After(%s) = %v, want %v", tt.d, tt.e, got, tt.want)
		}
	}
}

// A year before a noun, after an article or a possessive, dates it: "a 1996
// agreement", "their 1985 accord", "Moscow's 2014 annexation".
func TestYearModifier(t *testing.T) {
	for _, text := range []string{"Under a 1996 agreement", "their 1985 accord held", "Moscow's 2014 annexation", "the 1963 memorandum"} {
		found := Find(text, Date{Year: 2024})
		if len(found) != 1 || found[0].Date.Precision() != "year" {
			t.Errorf("Find(%q) = %+v, want one year", text, found)
		}
	}
	if found := Find("a 2000 troops", Date{Year: 2024}); len(found) != 0 {
		t.Errorf("a count is not a year: %+v", found)
	}
}

// "Sixty years ago today" is that day sixty years before publication, not
// today.
func TestYearsAgoToday(t *testing.T) {
	pub, _ := Parse("2023-08-30")
	found := Find("Sixty years ago today, the line opened.", pub)
	if len(found) != 1 || found[0].Date.String() != "1963-08-30" {
		t.Fatalf("Find = %+v, want one date, 1963-08-30", found)
	}
}

func TestMonthRelativeYear(t *testing.T) {
	pub, _ := Parse("2025-07-10")
	for text, want := range map[string]string{"in March last year": "2024-03", "in May this year": "2025-05"} {
		found := Find(text, pub)
		if len(found) != 1 || found[0].Date.String() != want {
			t.Errorf("Find(%q) = %+v, want one date %s", text, found, want)
		}
	}
}
