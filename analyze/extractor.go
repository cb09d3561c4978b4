package analyze

import "context"

// Extractor finds one kind of item in an Analysis whose document has been
// ingested and segmented, and adds what it finds. Implementations run in
// the order they are registered (actors before the extractors that read
// them), must be deterministic, must keep every item's sentence and offsets
// from the Analysis rather than searching the text again, and must be safe
// for concurrent use on different Analyses.
type Extractor interface {
	Name() string
	Extract(ctx context.Context, a *Analysis) error
}
