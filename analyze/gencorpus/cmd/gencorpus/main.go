// Command gencorpus writes a synthetic corpus for benchmarks:
//
//	go run ./analyze/gencorpus/cmd/gencorpus -n 1000 -out /tmp/corpus
//
// The same -n and -seed always give the same files (see package gencorpus).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/brief-tool/brief/analyze/gencorpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("out", "corpus-bench", "folder to write them to")
	seed := flag.Uint64("seed", 1, "seed of the generator")
	flag.Parse()
	if err := gencorpus.Write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
