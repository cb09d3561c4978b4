package rules_test

// hypotheticalTable is the table of the guard hypothetical (guard_hypothetical.go):
// a frame of possibility or prevention just before the trigger, or opening
// the sentence, rejects it; a frame in another clause does not.
var hypotheticalTable = []guardCase{
	{"Diplomats in Quito worried about the risk of a [skirmish] on the river.", true, "risk"},
	{"The captain turned hard to avoid a [collision] with the ferry.", true, "avoid"},
	{"Hanoi will answer any [attack] on its boats.", true, "any"},
	{"Both sides fear an accidental [exchange of fire] at the border.", true, "accidental"},
	{"The danger is that a [strike] on the depot ends the truce.", true, "danger"},
	{"The two armies [came close] to war in 1987.", true, "near miss"},
	{"The admiral warned that anyone who [attacked] the survey ship would pay.", true, "anyone"},
	{"The admiral named the captain who [attacked] the survey ship.", false, ""},
	{"The navy reported a [clash] near the reef on Monday.", false, ""},
	{"The risk grew after the [clash] near the reef.", false, ""},
	{"The destroyer [came close] to the frigate in the strait.", false, ""},
}
