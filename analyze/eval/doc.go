// Package eval scores an extraction against gold annotations, as `brief eval`
// reports it. The gold format and the scoring rules are those of
// shared/spec/gold-format.md; this comment records how they are read where
// the spec leaves room.
//
// Gold files are YAML, one per document (LoadGold, LoadGoldDir). They are
// decoded strictly: an unknown key, a value of the wrong type, an item with
// both or neither of quote and quotes, a blank quote, or a type, mechanism or
// kind outside the lists in package analyze is a *FileError carrying the
// file, line and column.
//
// Score compares one Analysis with one Gold:
//
//   - Only body items are scored. An actor counts when at least one of its
//     mentions has section "body"; an incident or proposal when its own
//     section or the section of one of its support entries is "body". Other
//     predictions are ignored: neither true nor false positives. Gold items
//     are always scored (annotators annotate the body only).
//   - A predicted actor matches a gold actor when its name or one of its
//     mention texts equals the gold name or an alias once both are
//     normalised (curly apostrophes made straight, case, dots, whitespace
//     runs, a leading "the " and a trailing possessive "'s" ignored), or when
//     both are states with the same country code (the predicted actor's
//     country, or its id, against the gold country).
//   - A predicted incident or proposal matches a gold item when its evidence,
//     or the evidence of one of its support entries, contains one of the gold
//     quotes once both are folded (whitespace runs to one space, curly quotes
//     to straight ones, the dashes U+2010 to U+2015 to "-", lower case).
//   - Matching is one-to-one between predictions and REQUIRED gold items and
//     is optimal, not greedy (a maximum-weight bipartite matching). In order
//     of priority it maximises: the number of required gold items matched;
//     then the number of matched predictions that match no optional item
//     (so a prediction that an optional item can absorb is left to it, and
//     false positives are as few as possible); then, for incidents and
//     proposals, the number of pairs of the same type or mechanism; then it
//     prefers earlier predictions, so the outcome is deterministic.
//   - Predictions left over count neither way when they match some optional
//     gold item (even one that another prediction also matches: optional
//     items never produce errors), and are false positives otherwise.
//     Required gold items left over are false negatives. A second prediction
//     of a required item is therefore a false positive unless an optional
//     item also covers it.
//   - The accuracies are computed over the matched pairs, which all have a
//     required gold item: incident type and proposal mechanism are correct
//     when equal to the gold value; incident agent accuracy counts only pairs
//     whose gold item lists agents, and a pair is correct when some gold
//     agent equals (normalised as names are) the id of one of the predicted
//     agents, or the country or name of the actor with that id.
//
// Counts and Accuracy define their values when the denominators are zero:
// see their methods. Aggregate sums documents (micro-average) and Report
// prints the result as text or JSON and checks it against Thresholds.
package eval
