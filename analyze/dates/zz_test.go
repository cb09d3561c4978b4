package dates

import (
	"fmt"
	"testing"
)

func TestZZ(t *testing.T) {
	for _, s := range []string{"2019-07-01T10:30:00Z", "2019-07-01 10:30", "July 1, 2019", "1 July 2019", "July 2019", "Sept. 30, 2018", "Sep 30 2018", "2019-02-30", "13/2019", "", "2019", "2019-13", "2019 was a year", "2019-07-01garbage", "Monday, July 1, 2019", "1st July, 2019", "July 1st, 2019", "Foo 1, 2019", "2020-02-29", "2019-02-29", "0999", "07/01/2019", "2019/07/01", "2019-7-1", "2019-07-00", "July 32, 2019", "may 2019", "2019-07-01T", "2019 ", "2019-00-05"} {
		d, ok := Parse(s)
		fmt.Printf("%-28q -> %q %v %s\n", s, d.String(), ok, d.Precision())
	}
	pubs := []Date{{2019, 7, 15}, {2020, 2, 0}, {2019, 7, 2}, {}, {2019, 0, 0}, {2019, 6, 10}}
	for _, tx := range []string{
		"On June 20, Iran shot down a drone.", "December 3 talks", "On June 20th, it happened.",
		"in 2003 the war began", "since May 2019 the ships", "last week the navy", "yesterday the navy", "on Tuesday the navy",
		"The army sent 2,500 soldiers.", "It sent 2500 troops.", "The force grew to 2000 troops.", "the 2000 troops arrived", "between 1999 and 2001 sailors", "about 1900 soldiers", "in 2019, 2,500 soldiers", "in the 1990s", "On July 1, 2019 and 3 July 2019.", "by 2,019 votes", "Flight 2019 landed", "in 1,999 cases", "last month", "last year", "this week", "today", "early 2019", "June 2019 and June 20", "(2003)", "page 2003", "on Sunday", "20 June", "June 31", "Sept. 30", "the 1990 war", "mid-2019", "On May 5, 2019, 2,000 troops", "route 2010",
	} {
		for _, p := range pubs {
			fmt.Printf("%-40q pub=%-10s:", tx, p)
			for _, f := range Find(tx, p) {
				fmt.Printf(" [%q %d-%d %s %s]", f.Text, f.Start, f.End, f.Date, f.Date.Precision())
			}
			fmt.Println()
		}
	}
}
