package rules_test

// compoundTable is the table of the guard compound (guard_compound.go):
// a noun trigger before another noun names a kind of thing, unless an actor
// owns it.
var compoundTable = []guardCase{
	{"A carrier [strike] group sailed into the Arabian Sea.", true, "group"},
	{"The army drew up [attack] plans in 1979.", true, "plans"},
	{"The army marked a [contact] zone.", true, "zone"},
	{"Analysts studied Chinese [intercept] techniques.", false, ""},
	{"The [attack] killed two sailors.", false, ""},
	{"The [strike] on Tuesday hit a depot.", false, ""},
}
