package rules_test

// undatedPresentTable is the table of the guard undated-present (guard_undated_present.go):
// a present tense in a sentence with no date and no habit or report states
// a pattern.
var undatedPresentTable = []guardCase{
	{"Iran [seizes] tankers when it is sanctioned.", true, "present tense"},
	{"Russian jets [patrol] the Barents Sea.", true, "present tense"},
	{"Their jets routinely [intercept] our patrols.", false, ""},
	{"A spokesman said Beijing [reserves] the right to respond.", false, ""},
	{"Iran [seizes] a tanker on 12 June.", false, ""},
	{"Iran [seized] a tanker near Bandar Abbas.", false, ""},
}
