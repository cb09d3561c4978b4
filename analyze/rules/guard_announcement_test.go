package rules_test

// announcementTable is the table of the guard announcement (guard_announcement.go):
// a sentence that announces a list, by a colon or by a counted head, makes
// no recommendation itself.
var announcementTable = []guardCase{
	{"We [recommend] four steps:", true, "announces"},
	{"The following measures should be [considered].", true, "following measures"},
	{"We [recommend] a hotline.", false, ""},
	{"These [talks] should resume in the autumn.", false, ""},
}
