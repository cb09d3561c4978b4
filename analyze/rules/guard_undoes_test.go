package rules_test

// undoesTable is the table of the guard undoes (guard_undoes.go): ending
// a channel, talks or an accord proposes nothing; ending drills or
// violations is the measure.
var undoesTable = []guardCase{
	{"The ministry said it would [end] its cooperation under the accord.", true, "ends"},
	{"The navy will [suspend] its monthly talks with the coast guard.", true, "ends"},
	{"Either side [should] not break off the hotline.", false, ""},
	{"Both sides [should] sever the direct line between the fleets.", true, "ends"},
	{"Both sides agreed [to] halt drills near the line.", false, ""},
	{"The patrols will [halt] the ceasefire violations.", false, ""},
	{"The two navies will [use] the hotline.", false, ""},
	{"The ministry will [end] the patrols, and the talks will resume.", false, ""},
}
