package rules_test

// circumstanceTable is the table of the guard circumstance (guard_circumstance.go):
// an idiom, a breach that qualifies another act, a label and a body set up
// are no event of their own.
var circumstanceTable = []guardCase{
	{"Both provinces won a great [deal] of autonomy.", true, "idiom"},
	{"The guard boarded the tanker in [breach] of sanctions.", true, "circumstance"},
	{"Jets struck the camp, in what the ministry called a [raid].", true, "label"},
	{"The ministry called it an [attack].", true, "label"},
	{"The pact created annual [meetings] of the defence chiefs.", true, "set up"},
	{"The [breach] of the truce angered Ankara.", false, ""},
	{"The two navies held annual [meetings] in Oslo.", false, ""},
	{"The [deal] was signed in Lima.", false, ""},
}
