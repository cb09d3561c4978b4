package rules_test

// headlineTable is the table of the guard headline (guard_headline.go):
// a match in the title is the headline's, not the article's.
var headlineTable = []guardCase{
	{"# Navy [seizes] tanker off Hormuz\n\nThe navy seized a tanker near Qeshm on Friday.", true, "title"},
	{"# Jets [intercept] patrol plane\n\nTwo jets intercepted a patrol plane.", true, "title"},
	{"# Navy seizes tanker off Hormuz\n\nThe navy [seized] a tanker near Qeshm on Friday.", false, ""},
	{"The navy [seized] a tanker on Friday.", false, ""},
}
