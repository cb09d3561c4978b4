package rules_test

// modifierTable is the table of the guard modifier (guard_modifier.go):
// a participle before a noun modifies it.
var modifierTable = []guardCase{
	{"Lima demanded the return of the [detained] crew.", true, "crew"},
	{"The talks produced an [agreed] vocabulary.", true, "vocabulary"},
	{"Manila condemned the [state-sanctioned] piracy.", true, "piracy"},
	{"The guard [detained] sailors from two trawlers.", false, ""},
	{"The sailors were [detained] on Friday.", false, ""},
}
