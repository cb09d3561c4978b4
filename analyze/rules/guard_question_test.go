package rules_test

// questionTable is the table of the guard question (guard_question.go):
// a sentence that asks does not report.
var questionTable = []guardCase{
	{"Did the frigate [fire] first?", true, "question"},
	{"\"Who [fired] first?\"", true, "question"},
	{"The frigate [fired] first.", false, ""},
	{"Who fired first? The frigate [fired] first, officials said.", false, ""},
}
