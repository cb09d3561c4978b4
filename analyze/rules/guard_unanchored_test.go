package rules_test

// unanchoredTable is the table of the guard unanchored (guard_unanchored.go):
// a noun trigger with nothing to tie it to a time or a side names a kind of
// act.
var unanchoredTable = []guardCase{
	{"A [blockade] is a serious matter.", true, "nothing anchors"},
	{"An [incursion] rarely stays small.", true, "nothing anchors"},
	{"The [blockade] lasted a week.", false, ""},
	{"Tehran's [seizure] of the tanker drew protests.", false, ""},
	{"Ghana and Togo reached an [agreement].", false, ""},
	{"Their 1985 [agreement] still holds.", false, ""},
	{"A [blockade] by Azerbaijan hurt trade.", false, ""},
	{"A [truce] between the two armies held for a month.", false, ""},
	{"A [clash] that killed two soldiers shook the valley.", false, ""},
	{"A [clash] on 4 March shook the valley.", false, ""},
}
