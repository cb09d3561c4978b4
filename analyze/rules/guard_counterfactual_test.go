package rules_test

// counterfactualTable is the table of the guard counterfactual (guard_counterfactual.go):
// a modal with a perfect in the trigger's clause rejects it: it regrets
// what was not done.
var counterfactualTable = []guardCase{
	{"The two navies should have opened a [hotline] years ago.", true, "should have"},
	{"A warning could have [prevented] the crash.", true, "could have"},
	{"The gunners might not have [fired] at all.", true, "might not have"},
	{"The two navies have [opened] a hotline.", false, ""},
	{"The frigate could [fire] again.", false, ""},
	{"The crew should have waited, but the cutter [rammed] the boat.", false, ""},
}
