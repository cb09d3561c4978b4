package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// ManifestName is the file in a built site that records, for every other
// file, the key of the job that made it, its size and its modification
// time, so that the next build renders and writes only what changed.
const ManifestName = ".brief-manifest.json"

// Manifest describes a built site.
type Manifest struct {
	// Inputs sums up everything the build read (the caller's key): a
	// build whose inputs are the same, over an intact site, has nothing
	// to do and need not even analyse.
	Inputs string `json:"inputs"`
	// Files maps every file of the site but the manifest to its entry.
	Files map[string]Entry `json:"files"`
	// Extra is the caller's: a build keeps its summary here, so that a
	// build with nothing to do can report it.
	Extra json.RawMessage `json:"extra,omitempty"`
}

// Entry is one file of a built site.
type Entry struct {
	Key     string `json:"key"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // nanoseconds since 1970
}

// ReadManifest returns the manifest of the site in out, or nil when there
// is none or it cannot be read (the next build then writes every file).
func ReadManifest(out string) *Manifest {
	b, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		return nil
	}
	var m Manifest
	if json.Unmarshal(b, &m) != nil || m.Files == nil {
		return nil
	}
	return &m
}

// Intact reports whether every file m lists is in out as a regular file
// of the recorded size and modification time: nobody changed the site
// since it was built.
func (m *Manifest) Intact(out string) bool {
	for p, e := range m.Files {
		if !e.on(filepath.Join(out, filepath.FromSlash(p))) {
			return false
		}
	}
	return true
}

func (e Entry) on(file string) bool {
	fi, err := os.Lstat(file)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == e.Size && fi.ModTime().UnixNano() == e.ModTime
}

// Stats says what an Update did.
type Stats struct {
	// Files is the number of files of the site; Rendered how many were
	// rendered and written, Kept how many were carried over unchanged and
	// Removed how many of the previous site are gone.
	Files, Rendered, Kept, Removed int
	// Wrote is false when out was already the site asked for and nothing
	// was written.
	Wrote bool
}

// UpdateOptions configure an Update.
type UpdateOptions struct {
	// Workers is as for RenderJobs.
	Workers int
	// Inputs and Extra go into the manifest (see Manifest).
	Inputs string
	Extra  json.RawMessage
	// Progress, when set, is called with the number of jobs to run before
	// they start, and returns what to call after each.
	Progress func(jobs int) func()
	// Force replaces an out that holds neither Marker nor a manifest and
	// is not empty (--force-out); see CheckOut for the places no option
	// allows.
	Force bool
	// OnWait, when set, is called once with the lock file's path when
	// another build holds the lock on out and Update waits for it.
	OnWait func(lock string)
}

// Update makes out the site that jobs describe, with opts.Inputs and
// opts.Extra in its manifest. A job is run only when the manifest of the site in out
// records another key for one of its files, or the file is not there as
// recorded; when no job needs to run and no file is to go, nothing is
// written (only a changed manifest is replaced). Otherwise, in three steps:
//
//  1. prepare: the next site is built in a fresh folder beside out,
//     .<out>.new-*, the unchanged files hard-linked (or copied) from out,
//     the others rendered into it, and Marker written;
//  2. swap in: that folder and out are exchanged in one atomic step
//     (renameat2 RENAME_EXCHANGE on Linux; elsewhere, or on a file system
//     without it, out is moved aside to .<out>.old-* and the new folder
//     moved in);
//  3. clean up: the previous site, now beside out, is removed.
//
// Until step 2 the previous out is untouched, so an error, a cancelled ctx
// or a killed process leaves it exactly as it was; after it, out is the
// complete new site. The whole runs under a lock file beside out
// (.<out>.lock), so that two builds into one folder take turns (the second
// waits, see UpdateOptions.OnWait, or stops when ctx is done), and first
// removes the .<out>.new-* and .<out>.old-* folders a killed build left. An
// existing out is replaced only when brief wrote it (it holds Marker or a
// manifest) or it is empty, unless opts.Force; otherwise the error is an
// *OutError.
func (st *Store) Update(ctx context.Context, out string, jobs []*Job, opts UpdateOptions) (_ Stats, err error) {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Stats{}, fmt.Errorf("create %s: %w", parent, err)
	}
	unlock, err := lockDir(ctx, filepath.Join(parent, "."+base+".lock"), opts.OnWait)
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	cleanLeftovers(parent, base)
	if err := replaceable(out, opts.Force); err != nil {
		return Stats{}, err
	}
	old := ReadManifest(out)
	next := &Manifest{Inputs: opts.Inputs, Files: map[string]Entry{}, Extra: opts.Extra}
	var stats Stats
	var stale []*Job
	keep := map[string]Entry{}
	seen := map[string]bool{}
	for _, j := range jobs {
		fresh := old != nil
		for _, p := range j.Paths {
			if seen[p] {
				return Stats{}, fmt.Errorf("two pages would be written to %s", p)
			}
			seen[p] = true
			if !clean(p) || p == ManifestName || p == Marker {
				return Stats{}, fmt.Errorf("refusing to write %q outside the site", p)
			}
			if fresh {
				e, ok := old.Files[p]
				fresh = ok && e.Key == j.Key && e.on(filepath.Join(out, filepath.FromSlash(p)))
			}
		}
		stats.Files += len(j.Paths)
		if !fresh {
			stale = append(stale, j)
			stats.Rendered += len(j.Paths)
			continue
		}
		for _, p := range j.Paths {
			keep[p] = old.Files[p]
		}
	}
	stats.Kept = len(keep)
	if old != nil {
		for p := range old.Files {
			if !seen[p] {
				stats.Removed++
			}
		}
	}
	if ctx.Err() != nil {
		return Stats{}, ctx.Err()
	}
	if old != nil && len(stale) == 0 && stats.Removed == 0 {
		next.Files = old.Files
		if old.Inputs == next.Inputs && bytes.Equal(old.Extra, next.Extra) {
			return stats, nil
		}
		// Same files from other inputs (a file that fails to read, say):
		// only the manifest changes, replaced whole.
		stats.Wrote = true
		return stats, writeManifest(out, next, true)
	}
	stats.Wrote = true
	return stats, replace(ctx, out, func(tmp string) error {
		var mu sync.Mutex
		record := func(p string, e Entry) {
			mu.Lock()
			next.Files[p] = e
			mu.Unlock()
		}
		// The kept files are linked while the stale ones render: the
		// one waits on the file system, the other on the CPU.
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		kept := make(chan error, 1)
		go func() {
			err := keepFiles(ctx, out, tmp, keep, record)
			if err != nil {
				cancel()
			}
			kept <- err
		}()
		err := st.renderStale(ctx, tmp, stale, opts, record)
		if err != nil {
			cancel()
		}
		kerr := <-kept
		// The first failure stopped the other, which then reports the
		// cancellation.
		switch {
		case err != nil && !errors.Is(err, context.Canceled):
			return err
		case kerr != nil:
			return kerr
		case err != nil:
			return err
		}
		return writeManifest(tmp, next, false)
	})
}

// renderStale renders the stale jobs into tmp and records each file.
func (st *Store) renderStale(ctx context.Context, tmp string, stale []*Job, opts UpdateOptions, record func(string, Entry)) error {
	keys := map[string]string{}
	for _, j := range stale {
		for _, p := range j.Paths {
			keys[p] = j.Key
		}
	}
	step := func() {}
	if opts.Progress != nil {
		step = opts.Progress(len(stale))
	}
	for _, j := range stale {
		run := j.run
		j.run = func(ctx context.Context, emit func(File) error) error {
			err := run(ctx, emit)
			step()
			return err
		}
	}
	return st.RenderJobs(ctx, stale, opts.Workers, func(f File) error {
		dst := filepath.Join(tmp, filepath.FromSlash(f.Path))
		fi, err := writeFile(dst, f.Data)
		if err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		record(f.Path, Entry{Key: keys[f.Path], Size: fi.Size(), ModTime: fi.ModTime().UnixNano()})
		return nil
	})
}

// keepFiles carries the files of keep over from out into tmp, linked (or
// copied), and records each.
func keepFiles(ctx context.Context, out, tmp string, keep map[string]Entry, record func(string, Entry)) error {
	dirs := map[string]bool{}
	for p, e := range keep {
		if err := ctx.Err(); err != nil {
			return err
		}
		src, dst := filepath.Join(out, filepath.FromSlash(p)), filepath.Join(tmp, filepath.FromSlash(p))
		if d := filepath.Dir(dst); !dirs[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("keep %s: %w", p, err)
			}
			dirs[d] = true
		}
		// A hard link is the file itself: its size and modification
		// time are those Update has just checked against e.
		if os.Link(src, dst) == nil {
			record(p, e)
			continue
		}
		fi, err := linkOrCopy(src, dst)
		if err != nil {
			return fmt.Errorf("keep %s: %w", p, err)
		}
		record(p, Entry{Key: e.Key, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()})
	}
	return nil
}

// WriteOption changes how WriteDir replaces the folder.
type WriteOption func(*UpdateOptions)

// ForceOut lets WriteDir replace a folder brief did not write (see
// UpdateOptions.Force).
func ForceOut(force bool) WriteOption { return func(o *UpdateOptions) { o.Force = force } }

// OnWait is UpdateOptions.OnWait for WriteDir.
func OnWait(f func(lock string)) WriteOption { return func(o *UpdateOptions) { o.OnWait = f } }

// WriteDir replaces the folder out with files, as Update does: the files
// whose bytes are those of the site already there are carried over, the
// others written, and the result swapped in whole.
func WriteDir(ctx context.Context, out string, files map[string][]byte, opts ...WriteOption) error {
	jobs := make([]*Job, 0, len(files))
	for _, p := range Paths(files) {
		data := files[p]
		jobs = append(jobs, &Job{Paths: []string{p}, Key: hashOf("bytes", string(data)), run: func(_ context.Context, emit func(File) error) error {
			return emit(File{p, data})
		}})
	}
	var o UpdateOptions
	for _, opt := range opts {
		opt(&o)
	}
	_, err := (&Store{}).Update(ctx, out, jobs, o)
	return err
}

// replace is steps 1 to 3 of Update: it builds the next site in a fresh
// folder beside out with fill, adds Marker, swaps it in and removes the
// previous site; on any error the new folder is removed and out left as it
// was.
func replace(ctx context.Context, out string, fill func(tmp string) error) (err error) {
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("create build folder: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := writeMarker(out, tmp); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	old, err := swap(tmp, out)
	if err != nil {
		return err
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove previous site %s: %w", old, err)
		}
	}
	return nil
}

// writeMarker puts Marker into tmp: linked from out when out has it as
// it should be (an incremental build writes only what changed), else
// written.
func writeMarker(out, tmp string) error {
	src, dst := filepath.Join(out, Marker), filepath.Join(tmp, Marker)
	if b, err := os.ReadFile(src); err == nil && string(b) == markerText {
		if _, err := linkOrCopy(src, dst); err == nil {
			return nil
		}
	}
	if err := os.WriteFile(dst, []byte(markerText), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", Marker, err)
	}
	return nil
}

// swap puts the complete site tmp in place of out and returns where the
// previous site now is ("" when there was none), to be removed.
func swap(tmp, out string) (old string, err error) {
	fi, statErr := os.Lstat(out)
	if errors.Is(statErr, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			return "", fmt.Errorf("move new site into %s: %w", out, err)
		}
		return "", nil
	}
	if statErr != nil {
		return "", statErr
	}
	if fi.Mode()&fs.ModeSymlink == 0 && !fi.IsDir() {
		return "", fmt.Errorf("%s exists and is not a folder", out)
	}
	if ok, err := exchange(tmp, out); ok {
		return tmp, nil // tmp now holds the previous site
	} else if err != nil {
		return "", fmt.Errorf("swap the new site into %s: %w", out, err)
	}
	// No atomic exchange here: move the old site aside, then the new in.
	// A crash between the two leaves no out, but both folders beside it.
	parent, base := filepath.Split(out)
	old = filepath.Join(parent, "."+base+".old-"+strings.TrimPrefix(filepath.Base(tmp), "."+base+".new-"))
	if err := os.Rename(out, old); err != nil {
		return "", fmt.Errorf("move old %s aside: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out) // put the previous site back
		return "", fmt.Errorf("move new site into %s: %w", out, err)
	}
	return old, nil
}

// TidyOut removes the .<out>.new-* and .<out>.old-* folders a killed build
// left beside out, under the lock (waiting for a build under way), as
// Update does first: for a build that finds nothing to write.
func TidyOut(ctx context.Context, out string) error {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	newer, _ := filepath.Glob(filepath.Join(parent, "."+base+".new-*"))
	older, _ := filepath.Glob(filepath.Join(parent, "."+base+".old-*"))
	if len(newer)+len(older) == 0 {
		return nil // nothing to tidy: no lock taken
	}
	unlock, err := lockDir(ctx, filepath.Join(parent, "."+base+".lock"), nil)
	if err != nil {
		return err
	}
	defer unlock()
	cleanLeftovers(parent, base)
	return nil
}

// cleanLeftovers removes the folders a killed build left beside out. The
// caller holds the lock, so no build is using them.
func cleanLeftovers(parent, base string) {
	for _, pattern := range []string{"." + base + ".new-*", "." + base + ".old-*"} {
		m, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, p := range m {
			os.RemoveAll(p)
		}
	}
}

// writeFile writes data to a new file dst, creating its folder, and
// returns what the file system records of it.
func writeFile(dst string, data []byte) (os.FileInfo, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return nil, err
	}
	return os.Lstat(dst)
}

// linkOrCopy makes dst the same file as src: a hard link where the file
// system allows one, else a copy.
func linkOrCopy(src, dst string) (os.FileInfo, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if err := os.Link(src, dst); err == nil {
		return os.Lstat(dst)
	}
	in, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	o, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(o, in)
	if cerr := o.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return os.Lstat(dst)
}

// writeManifest writes m into dir; inPlace replaces an existing one
// through a temporary file, so it is never half-written.
func writeManifest(dir string, m *Manifest, inPlace bool) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	dst := filepath.Join(dir, ManifestName)
	if !inPlace {
		return os.WriteFile(dst, b, 0o644)
	}
	tmp, err := os.CreateTemp(dir, ".manifest-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

// Paths lists the files of m, sorted.
func (m *Manifest) Paths() []string {
	out := make([]string, 0, len(m.Files))
	for p := range m.Files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
