package rules_test

// afterPublicationTable is the table of the guard after-publication (guard_after_publication.go):
// a date after publication (2024-06-15) in the trigger's clause rejects it;
// an earlier date, or one in another clause, does not.
var afterPublicationTable = []guardCase{
	{"The two navies will hold [talks] on 30 June 2024.", true, "after publication"},
	{"The envoys [meet] again in March next year.", true, "2025"},
	{"The envoys [meet] in Oslo on 2 July 2024.", true, "2024-07-02"},
	{"The envoys [met] in Oslo on June 3.", false, ""},
	{"The frigates [collided] in the strait in March 2024.", false, ""},
	{"The frigates [collided] in the strait; talks follow on 30 June 2024.", false, ""},
}
