package rules_test

// unagreedTable is the table of the guard unagreed (guard_unagreed.go):
// a step needs an agreement, decision or pledge before it in its sentence,
// or in the sentence that announces its list.
var unagreedTable = []guardCase{
	{"The ministers met to discuss the [line].", true, "no agreement"},
	{"They agreed on a truce; the navies will [withdraw] the posts.", true, "no agreement"},
	{"The two sides agreed to halt drills and to [withdraw] posts.", false, ""},
	{"Both governments agreed on the following:\n\n- To [hold] talks every month.", false, ""},
	{"Both governments discussed the following:\n\n- To [hold] talks every month.", true, "no agreement"},
	{"The envoys signed an accord under which the posts are to [be] withdrawn.", false, ""},
	{"The envoys read a report in which the posts are to [be] withdrawn.", true, "no agreement"},
}
