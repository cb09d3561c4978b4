package analyze

// Trace is what `brief analyze --explain` prints: for each sentence, the
// rules that matched it, the guards that rejected a match and why, and the
// items kept.
type Trace struct {
	Events []TraceEvent
}

// TraceEvent is one rule's match on one sentence.
type TraceEvent struct {
	Sentence int
	Stage    string // incidents, proposals, ...
	Rule     string
	Match    string   // the words the pattern matched
	Captures []string // "name=words"
	// Guard names the guard that rejected the match and Why says what it
	// saw; both are empty for a match that was let through.
	Guard, Why string
	// Outcome says what became of a match that passed: "kept" as an item,
	// or why it was not ("restates ...", "lost to rule ...").
	Outcome string
}

// Record adds an event when tracing is on.
func (t *Trace) Record(e TraceEvent) {
	if t != nil {
		t.Events = append(t.Events, e)
	}
}
