package rules_test

// purposeTable is the table of the guard purpose (guard_purpose.go):
// a noun after an infinitive verb of purpose or a topic word is no event
// told.
var purposeTable = []guardCase{
	{"Envoys flew to Muscat to confirm the [release].", true, "to confirm"},
	{"The ministers met to discuss an [agreement].", true, "to discuss"},
	{"The admirals spent the evening talking about [war].", true, "about"},
	{"The ministry confirmed the [release] of the crew.", false, ""},
	{"The envoy flew to Doha and the [release] came a day later.", false, ""},
}
