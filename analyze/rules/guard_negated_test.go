package rules_test

// negatedTable is the table of the guard negated (guard_negated.go):
// a negation that governs the trigger rejects it: one in another clause
// does not.
var negatedTable = []guardCase{
	{"Iran did not [seize] the tanker.", true, "not"},
	{"Venezuelan jets never [intercepted] the patrol plane over the Caribbean.", true, "never"},
	{"There was no [collision] in the Baltic last week.", true, "no"},
	{"The corvette shadowed the trawler without [firing] a shot.", true, "without"},
	{"The tanker has not been [seized].", true, "not"},
	{"Neither navy [fired] a shot.", true, "neither"},
	{"Venezuela not only [seized] the boat but also detained its crew.", false, ""},
	{"The coast guard [seized] the trawler off Sakhalin.", false, ""},
	{"Chile did not protest, and Peru [seized] the fishing boat.", false, ""},
	{"The ministry denied that its frigate [rammed] the cutter.", false, ""},
}
