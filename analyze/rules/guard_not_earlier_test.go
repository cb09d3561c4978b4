package rules_test

// notEarlierTable is the table of the guard not-earlier (guard_not_earlier.go):
// a precedent needs a date before publication (2024-06-15); one dated
// today or later tells the present.
var notEarlierTable = []guardCase{
	{"Today, when the old [line] is quiet, both navies patrol less.", true, "no date before publication"},
	{"On 15 June 2024 the two navies opened a [hotline].", true, "the present"},
	{"In 1972 the two navies signed an incidents-at-sea [agreement].", false, ""},
	{"In May 2024 the two navies opened a [hotline].", false, ""},
}
