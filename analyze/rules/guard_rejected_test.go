package rules_test

// rejectedTable is the table of the guard rejected (guard_rejected.go):
// a sentence that turns the measure down makes it no proposal.
var rejectedTable = []guardCase{
	{"The proposal for a [hotline] was rejected.", true, "rejected"},
	{"Moscow dismissed the idea of [talks].", true, "dismissed"},
	{"Ankara welcomed the [hotline].", false, ""},
	{"Both sides should [open] a hotline.", false, ""},
}
