package rules_test

// commitsTable is the table of the guard commits (guard_commits.go):
// an agreement to a future act commits to it; a vow of force is a threat.
var commitsTable = []guardCase{
	{"The two navies [agreed] to halt drills.", true, "commits"},
	{"They signed an [agreement] to respect the median line.", true, "commits"},
	{"The two navies [agreed] not to fire.", false, ""},
	{"The admiral [vowed] to retaliate.", false, ""},
	{"The admiral [vowed] to \"respond forcefully\".", false, ""},
	{"The two navies [agreed] on a hotline.", false, ""},
}
