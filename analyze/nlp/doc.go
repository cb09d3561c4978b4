// Package nlp is brief's only door to github.com/jdkato/prose/v3: sentence
// segmentation, tokens with byte offsets, part-of-speech tags and, on
// request, statistical named entities. It returns brief's own types, loads
// the models once per process and turns any panic in the library into an
// error.
package nlp

//go:generate go run ./internal/basicgen/cmd
//go:generate go test . -run TestLemmaTable -update
