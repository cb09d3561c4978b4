package rules_test

// inPurposeTable is the table of the guard in-purpose (guard_in_purpose.go):
// a cue inside a purpose clause names what an act is for, not a
// recommendation.
var inPurposeTable = []guardCase{
	{"Open a channel so that pilots need not wait for [talks].", true, "purpose clause"},
	{"Both sides met in order to [resume] talks.", true, "purpose clause"},
	{"Both sides should hold [talks].", false, ""},
	{"Both sides should hold [talks] so that commanders can call.", false, ""},
}
