package rules_test

// genericTable is the table of the guard generic (guard_generic.go):
// a bare plural or a superlative speaks of events in general; a determiner,
// a number, an owner, an ordinal superlative, a date or two sides anchor
// it.
var genericTable = []guardCase{
	{"[Seizures] breed more seizures.", true, "bare plural"},
	{"[Intercepts] over the Baltic are common.", true, "bare plural"},
	{"Pilots dread the most dangerous [encounters].", true, "superlative"},
	{"[Talks] between the militaries rarely settle anything.", true, "bare plural"},
	{"The latest [war] between Peru and Ecuador ended in 1995.", false, ""},
	{"Two [seizures] followed in August.", false, ""},
	{"[Talks] between Serbia and Kosovo resumed.", false, ""},
	{"[Talks] between the two navies resumed.", false, ""},
	{"[Clashes] erupted on 3 May.", false, ""},
	{"Iran's [seizures] angered London.", false, ""},
}
