package rules_test

// speechTable is the table of the guard speech (guard_speech.go):
// a warning that names no use of force is speech; one of force is a threat.
var speechTable = []guardCase{
	{"Oslo [warned] that the line would not replace a treaty.", true, "no use of force"},
	{"The ministry [warned] fishermen about rough seas.", true, "no use of force"},
	{"Seoul [warned] that it would respond.", false, ""},
	{"The frigate [warned] the ships to leave or be targeted.", false, ""},
}
