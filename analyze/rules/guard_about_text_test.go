package rules_test

// aboutTextTable is the table of the guard about-text (guard_about_text.go):
// a sentence about the text itself describes the text; a text that is the
// subject of the cue recommends.
var aboutTextTable = []guardCase{
	{"This paper examines how a [hotline] could work.", true, "this paper"},
	{"This report looks at what [should] follow.", true, "this report"},
	{"The report [recommends] that both navies talk.", false, ""},
	{"The report strongly [recommends] a hotline.", false, ""},
	{"Both sides should open a [hotline].", false, ""},
}
