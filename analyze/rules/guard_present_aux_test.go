package rules_test

// presentAuxTable is the table of the guard present-aux (guard_present_aux.go):
// a present passive in a sentence with no date speaks of any such event.
var presentAuxTable = []guardCase{
	{"When a ship is [detained], its crew waits for weeks.", true, "present passive"},
	{"Fishing boats are often [seized] in these waters.", true, "present passive"},
	{"A trawler gets [seized] every spring.", true, "present passive"},
	{"A ship is [detained] on Monday, officials say.", false, ""},
	{"A ship was [detained] near the island.", false, ""},
}
