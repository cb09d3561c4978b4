package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/ingest"
	"github.com/brief-tool/brief/analyze/pipeline"
)

// jsonlInput is one line `brief analyze --format jsonl -` reads: a path,
// and the text of the article or, without it, the file at path is read.
type jsonlInput struct {
	Path string  `json:"path"`
	Text *string `json:"text"`
}

// lines yields the lines of r (without the newline) and their numbers,
// one at a time, never holding more than one line: a line longer than max
// bytes is yielded as nil. Empty lines are skipped. A read error stops the
// lines and is stored in *errp.
func lines(r io.Reader, max int, errp *error) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		var line []byte
		n, long := 0, false
		for {
			chunk, err := br.ReadSlice('\n')
			line = append(line, chunk...)
			if len(line) > max {
				long, line = true, line[:0]
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if len(line) > 0 || long || err == nil {
				n++
				line = bytes.TrimRight(line, "\r\n")
				switch {
				case long:
					if !yield(n, nil) {
						return
					}
				case len(bytes.TrimSpace(line)) > 0:
					if !yield(n, line) {
						return
					}
				}
			}
			line, long = line[:0], false
			if err != nil {
				if !errors.Is(err, io.EOF) {
					*errp = err
				}
				return
			}
		}
	}
}

// jsonlInputs reads the inputs of `brief analyze -` from r, named name in
// errors. A line that is not a valid input becomes an input carrying its
// error, so it is reported in its place and the others still run.
func jsonlInputs(r io.Reader, name string, maxBytes int64, errp *error) iter.Seq[pipeline.Input] {
	max := 64 << 20
	if maxBytes > 0 {
		max = int(2*maxBytes) + 4096 // JSON escapes at most double the text, roughly
	}
	return func(yield func(pipeline.Input) bool) {
		for n, line := range lines(r, max, errp) {
			in := pipeline.Input{Path: fmt.Sprintf("%s:%d", name, n)}
			if line == nil {
				in.Err = &analyze.FileError{Path: name, Line: n, Err: fmt.Errorf("line longer than %d bytes", max)}
			} else if err := decodeInput(line, &in); err != nil {
				in.Err = &analyze.FileError{Path: name, Line: n, Err: err}
			}
			if !yield(in) {
				return
			}
		}
	}
}

func decodeInput(line []byte, in *pipeline.Input) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	var j jsonlInput
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf(`want {"path": ..., "text": ...} or {"path": ...}: %w`, err)
	}
	if dec.More() {
		return errors.New("more than one JSON value on the line")
	}
	if j.Path == "" {
		return errors.New(`no "path"`)
	}
	in.Path = filepath.ToSlash(j.Path)
	if j.Text != nil {
		in.Data = []byte(*j.Text)
		if in.Data == nil {
			in.Data = []byte{}
		}
		return nil
	}
	in.File = j.Path
	return nil
}

// jsonlDocs reads the analyses `brief build --from-jsonl` renders: one
// brief.analysis/v1 object a line, from a file, from standard input ("-"),
// or from every file of a folder (the part files an engine such as Spark
// writes). They are sorted by path and given unique ids, as a build from
// the corpus would. digests maps each analysis to a hash of its line.
func jsonlDocs(source string, stdin io.Reader) (docs []*analyze.Analysis, digests map[*analyze.Analysis]string, err error) {
	var files []string
	switch fi, statErr := os.Stat(source); {
	case source == "-":
		files = []string{"-"}
	case statErr != nil:
		return nil, nil, fmt.Errorf("--from-jsonl: %w", statErr)
	case fi.IsDir():
		entries, err := os.ReadDir(source)
		if err != nil {
			return nil, nil, fmt.Errorf("--from-jsonl: %w", err)
		}
		for _, e := range entries {
			if n := e.Name(); !e.IsDir() && !strings.HasPrefix(n, ".") && !strings.HasPrefix(n, "_") {
				files = append(files, filepath.Join(source, n))
			}
		}
	default:
		files = []string{source}
	}
	digests = map[*analyze.Analysis]string{}
	for _, f := range files {
		r, name := stdin, "stdin"
		if f != "-" {
			fh, err := os.Open(f)
			if err != nil {
				return nil, nil, err
			}
			r, name = fh, f
			defer fh.Close()
		}
		var readErr error
		for n, line := range lines(r, 1<<30, &readErr) {
			a := &analyze.Analysis{}
			if err := json.Unmarshal(line, a); err != nil {
				return nil, nil, &analyze.FileError{Path: name, Line: n, Err: fmt.Errorf("not an analysis: %w", err)}
			}
			if a.Schema != analyze.Schema {
				return nil, nil, &analyze.FileError{Path: name, Line: n, Err: fmt.Errorf("schema %q, want %q", a.Schema, analyze.Schema)}
			}
			if a.Doc.Path == "" {
				return nil, nil, &analyze.FileError{Path: name, Line: n, Err: errors.New("no doc.path")}
			}
			a.Normalize()
			sum := sha256.Sum256(line)
			digests[a] = hex.EncodeToString(sum[:])
			docs = append(docs, a)
		}
		if readErr != nil {
			return nil, nil, fmt.Errorf("read %s: %w", name, readErr)
		}
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Doc.Path < docs[j].Doc.Path })
	ingest.UniqueIDs(docs)
	return docs, digests, nil
}
