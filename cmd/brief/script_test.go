package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run brief as a program ("exec brief build"):
// testscript re-runs this test binary under that name. The status is
// printed last on stderr ("[brief exit 2]"), so that a script can assert
// it: testscript's own "! exec" only says it was not 0.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"brief": func() {
			code := runMain()
			fmt.Fprintf(os.Stderr, "[brief exit %d]\n", code)
			os.Exit(code)
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the
// bad-input matrix of the hostile-input issues (each case asserting the exit
// status, a message naming the file and the problem, that the other
// articles were built and that nothing outside out/ changed) and more.
// Run one with go test ./cmd/brief -run TestScripts/NAME.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"snapshot":  cmdSnapshot,
			"unchanged": cmdUnchanged,
			"repeat":    cmdRepeat,
			"mkfifo":    cmdMkfifo,
			"waitfor":   cmdWaitfor,
			"nofiles":   cmdNofiles,
			"sleep":     cmdSleep,
			"corrupt":   cmdCorrupt,
		},
		RequireExplicitExec: true,
	})
}

// snapshots holds each script's snapshot of $WORK.
var snapshots sync.Map // *testscript.TestScript -> map[string]string

// cmdSnapshot records every file and folder under $WORK but out/ (and the
// paths given), with a hash of each file's bytes and its mode; with
// -with-out, out/ too (a build that fails must leave it as it was).
//
//	snapshot [-with-out] [path...]
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! snapshot")
	}
	snapshots.Store(ts, workTree(ts, args))
}

// cmdUnchanged fails when anything under $WORK but out/ (and the paths
// given) differs from the snapshot: nothing outside out/ changed. With
// -with-out, out/ is compared too.
//
//	unchanged [-with-out] [path...]
func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	v, ok := snapshots.Load(ts)
	if !ok {
		ts.Fatalf("unchanged: no snapshot taken")
	}
	before, after := v.(map[string]string), workTree(ts, args)
	var diffs []string
	for p, h := range before {
		switch a, ok := after[p]; {
		case !ok:
			diffs = append(diffs, "removed "+p)
		case a != h:
			diffs = append(diffs, "changed "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "added "+p)
		}
	}
	sort.Strings(diffs)
	if (len(diffs) > 0) != neg {
		if neg {
			ts.Fatalf("nothing changed outside out/")
		}
		ts.Fatalf("outside out/:\n%s", strings.Join(diffs, "\n"))
	}
}

// workTree hashes $WORK, leaving out out/, the test's own .tmp and the
// paths given (relative to $WORK).
func workTree(ts *testscript.TestScript, skip []string) map[string]string {
	work := ts.Getenv("WORK")
	skipped := map[string]bool{"out": true, ".tmp": true}
	for _, s := range skip {
		if s == "-with-out" {
			delete(skipped, "out")
			continue
		}
		skipped[filepath.Clean(s)] = true
	}
	tree := map[string]string{}
	err := filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(work, p)
		if skipped[rel] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h := info.Mode().String()
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h += fmt.Sprintf(" %x", sha256.Sum256(b))
		} else if info.Mode()&fs.ModeSymlink != 0 {
			t, _ := os.Readlink(p)
			h += " -> " + t
		}
		tree[rel] = h
		return nil
	})
	if err != nil {
		ts.Fatalf("snapshot: %v", err)
	}
	return tree
}

// cmdRepeat writes a file of the pieces given, a piece "N*TEXT" being
// TEXT N times, and \n a newline: for inputs too large to keep in a
// script (20,000 brackets, 100,000 nested <div>s).
//
//	repeat FILE PIECE...
func cmdRepeat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: repeat file piece...")
	}
	var b strings.Builder
	for _, piece := range args[1:] {
		n := 1
		if count, text, ok := strings.Cut(piece, "*"); ok {
			if c, err := strconv.Atoi(count); err == nil {
				n, piece = c, text
			}
		}
		b.WriteString(strings.Repeat(strings.ReplaceAll(piece, `\n`, "\n"), n))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}

// cmdWaitfor waits until a file matching the glob exists, for at most a
// minute: a signal is sent to a build once it is under way.
//
//	waitfor GLOB
func cmdWaitfor(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfor glob")
	}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(ts.MkAbs(args[0])); len(m) > 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	ts.Fatalf("waitfor %s: nothing after a minute", args[0])
}

// cmdNofiles fails when a file matching one of the globs exists.
//
//	nofiles GLOB...
func cmdNofiles(ts *testscript.TestScript, neg bool, args []string) {
	for _, g := range args {
		if m, _ := filepath.Glob(ts.MkAbs(g)); len(m) > 0 {
			ts.Fatalf("found %s", strings.Join(m, ", "))
		}
	}
}

// cmdSleep waits for a duration, so that a background build gets under way.
//
//	sleep DURATION
func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sleep duration")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

// cmdCorrupt flips one byte in the middle of each file matching the glob.
//
//	corrupt GLOB
func cmdCorrupt(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: corrupt glob")
	}
	m, _ := filepath.Glob(ts.MkAbs(args[0]))
	if len(m) == 0 {
		ts.Fatalf("corrupt: no file matches %s", args[0])
	}
	for _, p := range m {
		b, err := os.ReadFile(p)
		ts.Check(err)
		b[len(b)/2] ^= 0x20
		ts.Check(os.WriteFile(p, b, 0o644))
	}
}
