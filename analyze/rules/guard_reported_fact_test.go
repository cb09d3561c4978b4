package rules_test

// reportedFactTable is the table of the guard reported-fact (guard_reported_fact.go):
// a verb whose 'that' clause is past with no modal reports a fact.
var reportedFactTable = []guardCase{
	{"Reports [suggested] that contacts had prepared the ground.", true, "reports what was"},
	{"The ministry [insisted] that the jet had stayed above neutral waters.", true, "reports what was"},
	{"The envoy [suggested] that both sides should talk.", false, ""},
	{"The envoy [suggested] talks.", false, ""},
}
