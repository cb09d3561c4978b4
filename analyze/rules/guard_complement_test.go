package rules_test

// complementTable is the table of the guard complement (guard_complement.go):
// a noun that completes a noun of rules, bans or talks names a kind of
// event or a topic.
var complementTable = []guardCase{
	{"The navies drafted rules for [encounters] at sea.", true, "rules for"},
	{"They signed a ban on simulated [attacks].", true, "ban on"},
	{"The ministers held talks on the [collision].", true, "talks on"},
	{"The [collision] on Friday sank a trawler.", false, ""},
	{"The rules were ignored during the [encounter].", false, ""},
}
