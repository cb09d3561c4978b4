package rules

// undoMeasures are the classes of measures that a side keeps up with the
// other: ending one takes a channel away, it proposes nothing ("said it
// would end its cooperation under the accord", "will break off the river talks").
// Restraint and separation are left out: halting drills or ending patrols
// near the line is itself the measure.
var undoMeasures = []string{"measure.hotline", "measure.agreement", "measure.dialogue", "measure.notification", "measure.mediation", "measure.other"}

// undoes rejects a step whose verb ends or leaves a measure in place: the
// trigger's own verb, or the first verb within three tokens of it (the
// modal of "should suspend the talks"), when the head of its object, before
// the clause ends, is a channel, talks, an accord, notification,
// monitoring or cooperation. A measure word that modifies another noun is
// no head: "halt the ceasefire violations" proposes the halt.
func undoes(v *View, from, to int) string {
	verb := -1
	for i := from; i < v.Len() && i < from+4; i++ {
		if v.Is(i, "negation") {
			return "" // "should not break off the hotline" keeps it
		}
		if v.Is(i, "undo.verb") && v.tag(i) != "" && v.tag(i)[0] == 'V' {
			verb = i
			break
		}
	}
	if verb < 0 {
		return ""
	}
	for k := verb + 1; k < v.Len() && k < verb+8; k++ {
		if clauseMarks[v.word(k)] || v.word(k) == "." {
			return ""
		}
		for _, m := range undoMeasures {
			if !v.Is(k, m) {
				continue
			}
			// The last word of the measure must end the noun phrase.
			end := k
			for end+1 < v.Len() && v.Is(end+1, m) {
				end++
			}
			if t := v.tag(end + 1); len(t) >= 2 && t[:2] == "NN" {
				return ""
			}
			return "ends a measure in place: " + quote(v.Words(verb, end+1))
		}
	}
	return ""
}
