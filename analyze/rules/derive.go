package rules

import "strings"

// Nominalizations returns the nouns English derives from a verb phrase
// ("intercept" -> interception, intercepting; "shoot down" -> shootdown,
// shoot-down, shooting down), keeping only the forms known reports are
// words. The verb itself is among them: many event verbs are also their
// own noun ("attack", "raid", "clash"); a noun form only ever matches a
// token the tagger reads as a noun.
func Nominalizations(verb string, known func(string) bool) []string {
	words := strings.Fields(strings.ToLower(verb))
	if len(words) == 0 {
		return nil
	}
	head := words[0]
	var tail []string
	for _, w := range words[1:] {
		if w != "~" {
			tail = append(tail, w)
		}
	}
	rest := strings.Join(tail, " ")
	var out []string
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	if rest == "" {
		add(head)
		for _, n := range suffixed(head) {
			if known(n) {
				add(n)
			}
		}
		return out
	}
	// A verb with a particle: "shoot down" gives "shootdown", "shoot-down"
	// and "shooting down"; "build up" gives "buildup".
	if len(tail) == 1 {
		add(head + rest)
		add(head + "-" + rest)
	}
	add(gerund(head) + " " + rest)
	return out
}

// suffixed returns the candidate nouns of a one-word verb, before the
// dictionary check.
func suffixed(v string) []string {
	out := []string{gerund(v)}
	stem := strings.TrimSuffix(v, "e")
	switch {
	case strings.HasSuffix(v, "ate"):
		out = append(out, stem+"ion") // violate -> violation
	case strings.HasSuffix(v, "ize"), strings.HasSuffix(v, "ise"):
		out = append(out, stem+"ation") // mobilize -> mobilization
	case strings.HasSuffix(v, "ide"):
		out = append(out, v[:len(v)-2]+"sion") // collide -> collision
	case strings.HasSuffix(v, "ade"):
		out = append(out, v[:len(v)-2]+"sion") // invade -> invasion
	case strings.HasSuffix(v, "nd"):
		out = append(out, v[:len(v)-1]+"sion") // suspend -> suspension
	case strings.HasSuffix(v, "fy"):
		out = append(out, v[:len(v)-1]+"ication") // notify -> notification
	case strings.HasSuffix(v, "mit"):
		out = append(out, v[:len(v)-1]+"ssion") // transmit -> transmission
	case strings.HasSuffix(v, "ss"), strings.HasSuffix(v, "t"):
		out = append(out, v+"ion") // intercept -> interception, discuss -> discussion
	case strings.HasSuffix(v, "ain"):
		out = append(out, v[:len(v)-3]+"ention") // detain -> detention
	}
	out = append(out,
		v+"ment", stem+"ment", // deploy -> deployment, engage -> engagement
		v+"al", stem+"al", // withdraw -> withdrawal, arrive -> arrival
		stem+"ure",                         // seize -> seizure
		v+"ance", stem+"ance", stem+"ence", // assist -> assistance
		stem+"ation", // consult -> consultation
	)
	return out
}

// gerund returns the -ing form of a verb.
func gerund(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "ee"), len(v) <= 2:
		return v + "ing"
	case strings.HasSuffix(v, "e"):
		return v[:len(v)-1] + "ing"
	case doublesFinal(v):
		return v + v[len(v)-1:] + "ing"
	}
	return v + "ing"
}

// doublesFinal reports whether a one-syllable verb ending in one vowel and
// one consonant doubles it ("ram" -> ramming, "stop" -> stopping).
func doublesFinal(v string) bool {
	n := len(v)
	if n < 3 || strings.ContainsRune("wxy", rune(v[n-1])) {
		return false
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	if vowel(v[n-1]) || !vowel(v[n-2]) || vowel(v[n-3]) {
		return false
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if vowel(v[i]) && (i == 0 || !vowel(v[i-1])) {
			vowels++
		}
	}
	return vowels == 1
}
