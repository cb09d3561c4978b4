package rules_test

// infinitiveTable is the table of the guard infinitive (guard_infinitive.go):
// a verb in an infinitive names an act; after a verb of attempt or aspect,
// or in a perfect, it tells one.
var infinitiveTable = []guardCase{
	{"Engineers were sent to [clear] the mines.", true, "infinitive"},
	{"The posts to be [withdrawn] lie on the ridge.", true, "infinitive"},
	{"Talks resume on a day to be [agreed] later.", true, "infinitive"},
	{"The trawler tried to [ram] the cutter.", false, ""},
	{"The army began to [shell] the ridge.", false, ""},
	{"The battery is said to have [fired] two missiles.", false, ""},
}
