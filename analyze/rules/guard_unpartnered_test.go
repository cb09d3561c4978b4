package rules_test

// unpartneredTable is the table of the guard unpartnered (guard_unpartnered.go):
// a verb of talking tells of contact only with a partner or two speakers.
var unpartneredTable = []guardCase{
	{"The minister [spoke] about small steps.", true, "no partner"},
	{"The admiral [talked] at length of restraint.", true, "no partner"},
	{"The minister [spoke] with his counterpart.", false, ""},
	{"The two ministers [talked] for an hour.", false, ""},
	{"The minister [spoke] by phone on Monday.", false, ""},
}
