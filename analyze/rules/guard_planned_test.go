package rules_test

// plannedTable is the table of the guard planned (guard_planned.go):
// a plan, request or offer over the trigger rejects it; a finite verb of
// its own lets it through.
var plannedTable = []guardCase{
	{"The militia plans to [attack] the convoy.", true, "plans"},
	{"The council called for [talks] between Sudan and Chad.", true, "wanted or planned"},
	{"The assembly appealed on Tuesday for [monitors] along the border.", true, "appealed"},
	{"Minsk demanded the [release] of the pilots.", true, "demanded"},
	{"The envoys proposed a [meeting] in Geneva.", true, "proposed"},
	{"The study recommends that both capitals reopen [talks].", true, "recommends"},
	{"The militia planned and [attacked] the convoy at dawn.", false, ""},
	{"The militia planned and then [attacked] the convoy at dawn.", false, ""},
	{"The guard [boarded] the tanker off Fujairah.", false, ""},
}
