package rules_test

// relativeTable is the table of the guard relative (guard_relative.go):
// a recommending cue inside a relative clause describes; after a measure, a
// rule or a text it still puts a step forward.
var relativeTable = []guardCase{
	{"There are ideas that must be [offered] to Quito.", true, "that"},
	{"It needs officers who must [negotiate] with the other side.", true, "who"},
	{"The treaty that [calls for] ending hostile acts dates from 1991.", false, ""},
	{"Both sides should [offer] talks.", false, ""},
}
