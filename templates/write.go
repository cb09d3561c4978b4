package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
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
}

// Update makes out the site that jobs describe, with opts.Inputs and
// opts.Extra in its manifest. A job is run only when the manifest of the site in out
// records another key for one of its files, or the file is not there as
// recorded; when no job needs to run and no file is to go, nothing is
// written (only a changed manifest is replaced). Otherwise the next site
// is built in a fresh folder beside out, the unchanged files hard-linked
// (or copied) from out and the others rendered into it, and swapped in
// only once complete: on any error, or when ctx is cancelled, out is left
// exactly as it was.
func (st *Store) Update(ctx context.Context, out string, jobs []*Job, opts UpdateOptions) (Stats, error) {
	out = filepath.Clean(out)
	if err := CheckOut(out); err != nil {
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
			if !clean(p) || p == ManifestName {
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
		for p, e := range keep {
			if err := ctx.Err(); err != nil {
				return err
			}
			fi, err := linkOrCopy(filepath.Join(out, filepath.FromSlash(p)), filepath.Join(tmp, filepath.FromSlash(p)))
			if err != nil {
				return fmt.Errorf("keep %s: %w", p, err)
			}
			next.Files[p] = Entry{Key: e.Key, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
		}
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
			j.run = func(emit func(File) error) error {
				err := run(emit)
				step()
				return err
			}
		}
		err := st.RenderJobs(ctx, stale, opts.Workers, func(f File) error {
			dst := filepath.Join(tmp, filepath.FromSlash(f.Path))
			fi, err := writeFile(dst, f.Data)
			if err != nil {
				return fmt.Errorf("write %s: %w", f.Path, err)
			}
			mu.Lock()
			next.Files[f.Path] = Entry{Key: keys[f.Path], Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
			mu.Unlock()
			return nil
		})
		if err != nil {
			return err
		}
		return writeManifest(tmp, next, false)
	})
}

// WriteDir replaces the folder out with files, as Update does: the files
// whose bytes are those of the site already there are carried over, the
// others written, and the result swapped in whole.
func WriteDir(ctx context.Context, out string, files map[string][]byte) error {
	jobs := make([]*Job, 0, len(files))
	for _, p := range Paths(files) {
		data := files[p]
		jobs = append(jobs, &Job{Paths: []string{p}, Key: hashOf("bytes", string(data)), run: func(emit func(File) error) error {
			return emit(File{p, data})
		}})
	}
	_, err := (&Store{}).Update(ctx, out, jobs, UpdateOptions{})
	return err
}

// CheckOut applies the policy on the folders brief may replace: out must
// be a folder or not exist. Every command that writes a site (build,
// serve) goes through it.
func CheckOut(out string) error {
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", out)
	}
	return nil
}

// replace builds the next site in a fresh folder beside out with fill and
// swaps it in; on any error the folder is removed and out left as it was.
func replace(ctx context.Context, out string, fill func(tmp string) error) (err error) {
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
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
	if err := ctx.Err(); err != nil {
		return err
	}
	return swap(tmp, out)
}

// swap moves the complete site tmp into out: the old out aside, the new
// one in, the old one removed. If the new one cannot be moved in, the old
// one is put back.
func swap(tmp, out string) error {
	parent, base := filepath.Split(out)
	old := ""
	if fi, statErr := os.Stat(out); statErr == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s exists and is not a folder", out)
		}
		old = filepath.Join(parent, "."+base+".old-"+filepath.Base(tmp)[len(base)+6:])
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("move old %s aside: %w", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out) // put the previous site back
		}
		return fmt.Errorf("move new site into %s: %w", out, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove previous site %s: %w", old, err)
		}
	}
	return nil
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
