package rules_test

// presentOnlyTable is the table of the guard present-only (guard_present_only.go):
// a precedent tells of the past: a past tense or a year before the
// document's.
var presentOnlyTable = []guardCase{
	{"Both navies [share] a hotline.", true, "past"},
	{"The two navies [hold] talks on 2 June.", true, "past"},
	{"In 1998 the two navies [agreed] on a hotline.", false, ""},
	{"The hotline of 1987 [is] still in use.", false, ""},
	{"Both navies have [used] the hotline.", false, ""},
}
