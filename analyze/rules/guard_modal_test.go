package rules_test

// modalTable is the table of the guard modal (guard_modal.go):
// a modal over the trigger, or over the verb a noun trigger is the object
// of, rejects it; a perfect after a noun tells of what happened.
var modalTable = []guardCase{
	{"The last word a modal, no verb after it: a [collision] would", true, "modal"},
	{"Officials fear the guard could [seize] another tanker.", true, "could"},
	{"The battery may have [fired] on the drone.", true, "may"},
	{"The two navies will hold [talks] in Lisbon.", true, "will"},
	{"A [collision] in the strait could escalate into war.", true, "could"},
	{"Both navies should seek a binding, written [agreement].", true, "should"},
	{"The rules should be extended and updated for [encounters] at sea.", true, "should"},
	{"The [collision] could have been avoided by either captain.", false, ""},
	{"The frigate [fired] warning shots near the Spratlys.", false, ""},
	{"In May the destroyer [fired] flares at the boats.", false, ""},
	{"Both navies say the ships wo not [collide].", true, "wo"},
}
