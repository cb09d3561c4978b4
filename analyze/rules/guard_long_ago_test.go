package rules_test

// longAgoTable is the table of the guard long-ago (guard_long_ago.go):
// a step agreed in a year before the document's has been carried out since;
// one agreed this year, or undated, has not.
var longAgoTable = []guardCase{
	{"The two sides agreed in June 1963 to set up a [link].", true, "1963"},
	{"In 2019 the two sides agreed to [open] a hotline.", true, "2019"},
	{"In March the two sides agreed to [open] a hotline.", false, ""},
	{"The two sides agreed to [open] a hotline.", false, ""},
}
