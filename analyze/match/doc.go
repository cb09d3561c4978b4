// Package match is brief's token-pattern engine, in the spirit of spaCy's
// Matcher and of Odin grammars: a pattern is a sequence of constraints on
// the tokens of one sentence, compiled once into a small program and run
// against prepared sentences without allocating.
//
// # Tokens, labels and spans
//
// A Token carries its lower-case lemma, lower-case text and Penn Treebank
// tag. A Label names a kind of span: a word class defined in the Grammar
// ("event.seizure.verb": the words that report a seizure), or a layer the
// caller supplies ("actor", "date", "place"). A Span is a labelled run of
// tokens. Text.Reset prepares a sentence: it adds the caller's spans, finds
// the spans of every word class, and indexes them by first token.
//
// # Pattern syntax
//
//	seize                  a token whose lemma or text is "seize"
//	'"' ','                quoted: punctuation or any literal text
//	_                      any one token
//	[tag=VBD|VBN]          a token test; values end in * for a prefix: [tag=VB*]
//	[lemma=be & !text=been] tests combine with & and negate with !
//	[<actor>]              a token inside a span labelled actor
//	<actor>                a whole span labelled actor, starting here
//	<event.verb [tag=VBD]> a whole span whose first token passes a test
//	( a | b c )            grouping and alternation
//	x? x* x+ x{2} x{0,3}   repetition (greedy); {m,n} counts tokens for _
//	x@agent                capture what x matched under a name
//	^ $                    the start and end of the sentence
//
// Keys in token tests: lemma, text (the lower-case surface form), word
// (lemma or text), tag. Patterns are tried at every start token; the first
// alternative that matches wins, as in Perl-style regular expressions. A
// pattern runs under a step budget, so no pattern can stall on a long
// sentence.
package match
