package rules_test

// conditionalTable is the table of the guard conditional (guard_conditional.go):
// a condition before the trigger rejects it; one after it does not.
var conditionalTable = []guardCase{
	{"If the navy stops a ship, the guard will [seize] a tanker.", true, "if"},
	{"Unless talks resume, the army [shells] the ridge each night.", true, "unless"},
	{"Analysts asked whether the drones [crossed] the line.", true, "whether"},
	{"The cutter [rammed] the trawler near the Falklands.", false, ""},
	{"The guard [seized] a tanker, if the reports from Muscat are right.", false, ""},
}
