package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `brief analyze --format jsonl -` reads {"path","text"} and {"path"}
// lines and prints one analysis a line in input order, each the same as
// analysing the file directly; a bad line is reported with its number and
// the others are still printed.
func TestAnalyzeStdin(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, filepath.Join(dir, "in"), analyzeFiles...)
	var lines []string
	var want []string
	for i, name := range analyzeFiles {
		path := "in/" + name
		direct, stderr, err := run(t, nil, "analyze", "--format", "jsonl", path)
		if err != nil {
			t.Fatalf("analyze %s: %v\n%s", path, err, stderr)
		}
		want = append(want, direct)
		if i%2 == 0 {
			text, _ := json.Marshal(string(article(t, name)))
			lines = append(lines, fmt.Sprintf(`{"path": %q, "text": %s}`, path, text))
		} else {
			lines = append(lines, fmt.Sprintf(`{"path": %q}`, path))
		}
		if i == 0 {
			lines = append(lines, "", `{"path": "x.md", "txt": "typo"}`, `not json`, `{"text": "no path"}`)
		}
	}
	stdout, stderr, err := runStdin(t, strings.Join(lines, "\n")+"\n", "analyze", "--format", "jsonl", "-")
	var pe *partialError
	if !errors.As(err, &pe) || pe.failed != 3 || pe.total != 6 {
		t.Fatalf("err = %v, want 3 of 6 failed\n%s", err, stderr)
	}
	for _, w := range []string{`stdin:3: want {"path"`, `unknown field "txt"`, "stdin:4: ", `stdin:5: no "path"`} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if got := strings.Join(want, ""); stdout != got {
		t.Errorf("stdin analyses differ from analysing each file:\n got %.300s\nwant %.300s", stdout, got)
	}
	// Other formats read stdin too; - must be the only argument.
	one := fmt.Sprintf(`{"path": %q}`, "in/"+analyzeFiles[0])
	if out, _, err := runStdin(t, one+"\n"+one+"\n", "analyze", "-"); err != nil || !strings.HasPrefix(out, "[\n  {") {
		t.Errorf("analyze - as JSON: %v\n%.100s", err, out)
	}
	if _, _, err := runStdin(t, one, "analyze", "-", "in/"+analyzeFiles[0]); exitCode(err) != exitUsage {
		t.Errorf("- with a file: exit %d (%v), want %d", exitCode(err), err, exitUsage)
	}
	// A text over the size limit is refused like a file would be.
	big := fmt.Sprintf(`{"path": "big.txt", "text": %q}`, strings.Repeat("word ", 100))
	if _, stderr, err := runStdin(t, big, "analyze", "--format", "jsonl", "--limits-max-file-bytes", "100", "-"); err == nil || !strings.Contains(stderr, "big.txt: text is 500 bytes") {
		t.Errorf("a large text: %v\n%s", err, stderr)
	}
}

// Several files are printed as one array, the same however many workers
// analyse them.
func TestAnalyzeParallelArray(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, dir, analyzeFiles...)
	one, _, err := run(t, nil, append([]string{"analyze", "--limits-workers", "1"}, analyzeFiles...)...)
	if err != nil {
		t.Fatal(err)
	}
	many, _, err := run(t, nil, append([]string{"analyze", "--limits-workers", "3"}, analyzeFiles...)...)
	if err != nil {
		t.Fatal(err)
	}
	if one != many {
		t.Error("the array differs with 1 and 3 workers")
	}
	var arr []json.RawMessage
	if err := json.Unmarshal([]byte(one), &arr); err != nil || len(arr) != len(analyzeFiles) {
		t.Fatalf("not an array of %d: %v", len(analyzeFiles), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("analyze wrote out/")
	}
}

// analyze -> JSON lines -> build --from-jsonl gives the site a build of
// the corpus gives, byte for byte (the manifest aside, which records when
// files were written); from a file, from stdin and from a folder of part
// files in any order.
func TestFromJSONLRoundTrip(t *testing.T) {
	dir := inTempDir(t)
	newCorpus(t, dir)
	if _, stderr, err := run(t, nil, "build", "--out", "direct"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	args := []string{"analyze", "--format", "jsonl"}
	for _, name := range analyzeFiles {
		args = append(args, "corpus/"+name)
	}
	jsonl, stderr, err := run(t, nil, args...)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(jsonl, "\n", 2)[0]), &first); err != nil {
		t.Fatal(err)
	}
	if ps, _ := first["paragraphs"].([]any); len(ps) == 0 {
		t.Error("the analysis has no paragraphs, which the source view needs")
	}
	writeFile(t, filepath.Join(dir, "analyses.jsonl"), jsonl)
	// Spark writes part files in no particular order.
	parts := strings.SplitAfter(strings.TrimSuffix(jsonl, "\n"), "\n")
	for i, p := range parts {
		writeFile(t, filepath.Join(dir, "parts", fmt.Sprintf("part-%05d", len(parts)-1-i)), p)
	}
	writeFile(t, filepath.Join(dir, "parts", "_SUCCESS"), "")
	want := site(t, filepath.Join(dir, "direct"))
	for _, tt := range []struct{ name, from, stdin string }{
		{"file", "analyses.jsonl", ""},
		{"stdin", "-", jsonl},
		{"folder", "parts", ""},
	} {
		out := "from-" + tt.name
		if _, stderr, err := runStdin(t, tt.stdin, "build", "--from-jsonl", tt.from, "--out", out); err != nil {
			t.Fatalf("build --from-jsonl %s: %v\n%s", tt.from, err, stderr)
		}
		sameTree(t, site(t, filepath.Join(dir, out)), want, "build --from-jsonl "+tt.from)
	}
	// A line that is not an analysis is an error naming the file and line.
	writeFile(t, filepath.Join(dir, "bad.jsonl"), parts[0]+`{"schema": "other/v9"}`+"\n")
	if _, _, err := run(t, nil, "build", "--from-jsonl", "bad.jsonl", "--out", "bad"); err == nil || !strings.Contains(err.Error(), `bad.jsonl:2: schema "other/v9"`) {
		t.Errorf("a bad line: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad")); err == nil {
		t.Error("a failed --from-jsonl build wrote its out folder")
	}
}
