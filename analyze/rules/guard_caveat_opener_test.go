package rules_test

// caveatOpenerTable is the table of the guard caveat-opener (guard_caveat_opener.go):
// a sentence that opens with a risk, a problem or a doubt states a caveat.
var caveatOpenerTable = []guardCase{
	{"The trouble is that nobody would answer the [hotline].", true, "trouble"},
	{"Critics say a [channel] would change nothing.", true, "critics"},
	{"A [hotline] carries some risk.", false, ""},
	{"Both navies should open a [hotline], despite the danger.", false, ""},
}
