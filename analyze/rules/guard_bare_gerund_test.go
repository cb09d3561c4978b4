package rules_test

// bareGerundTable is the table of the guard bare-gerund (guard_bare_gerund.go):
// an -ing form needs a tense: a progressive, a verb of aspect, a past verb
// before 'by', or its actor right before it.
var bareGerundTable = []guardCase{
	{"[Suspending] talks, the ministry recalled its envoy.", true, "-ing"},
	{"By [downgrading] ties, the ministry angered Quito.", true, "-ing"},
	{"The frigate was [escorting] a tanker.", false, ""},
	{"The navy began [escorting] tankers.", false, ""},
	{"Bogotá responded by [downgrading] ties.", false, ""},
	{"Satellite images show Vietnam [building] airstrips on the reef.", false, ""},
}
