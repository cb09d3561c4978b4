package templates

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file brief writes into every site it builds. brief
// replaces an existing output folder only when it holds this file, or is
// empty, or the caller forces it: a folder brief did not write (the corpus,
// a home folder, a project) is never replaced by mistake.
const Marker = ".brief-site"

// markerText is the marker's content: constant, so that builds stay
// byte-identical.
const markerText = `This folder is a site written by brief. The next "brief build" into it
replaces it whole: what you add here is lost. brief refuses to replace a
folder without this file (unless asked with --force-out).
`

// Place is a path the output folder must keep clear of, with what it is,
// as the message says it ("the corpus folder (corpus)").
type Place struct {
	Path string
	What string
}

// OutRules say where a site may be written; see CheckOut.
type OutRules struct {
	// Force allows replacing an existing folder that holds no Marker and
	// is not empty (--force-out). It never allows a place of Inputs or
	// Around, nor a root.
	Force bool
	// Inputs are what a build reads (the corpus, the templates folder,
	// the dictionaries, the cache): the output may not be one, contain one
	// or lie inside one.
	Inputs []Place
	// Around are folders the output may lie inside but may not be or
	// contain (the working directory, the configuration file's folder,
	// the home folder).
	Around []Place
}

// OutError is an output folder brief refuses to write: Out as given and
// why. Hint, when set, says how to go ahead anyway.
type OutError struct {
	Out    string
	Reason string
	Hint   string
}

func (e *OutError) Error() string {
	msg := fmt.Sprintf("refusing to write the site to %s: %s", e.Out, e.Reason)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

// CheckOut applies brief's rules for the output folder out before
// anything is built, so that a build (and `brief serve`) fails at once
// rather than after the analysis: out may not be a root of the file system,
// nor be, contain or lie inside any of rules.Inputs, nor be or contain any
// of rules.Around; and an existing out must be a folder that holds Marker
// or is empty, unless rules.Force. Paths are compared once made absolute
// with symbolic links resolved. The error is an *OutError.
//
// Update (and WriteDir) check the marker again, under their lock, when
// they replace the folder.
func CheckOut(out string, rules OutRules) error {
	fail := func(reason, hint string) error { return &OutError{Out: out, Reason: reason, Hint: hint} }
	o, err := resolve(out)
	if err != nil {
		return fail(err.Error(), "")
	}
	if filepath.Dir(o) == o {
		return fail("it is the root of a file system", "")
	}
	type place struct {
		Place
		abs   string
		input bool
	}
	var places []place
	for _, ps := range []struct {
		list  []Place
		input bool
	}{{rules.Inputs, true}, {rules.Around, false}} {
		for _, p := range ps.list {
			if r, err := resolve(p.Path); err == nil && p.Path != "" {
				places = append(places, place{p, r, ps.input})
			}
		}
	}
	// Being a place says the most, so it is reported first.
	for _, p := range places {
		if p.abs == o {
			return fail("it is "+p.What, "")
		}
	}
	for _, p := range places {
		switch {
		case inside(p.abs, o):
			return fail("it contains "+p.What, "")
		case p.input && inside(o, p.abs):
			return fail("it lies inside "+p.What, "")
		}
	}
	return replaceable(out, rules.Force)
}

// replaceable reports whether the folder out may be replaced by a new
// site: it does not exist, or is a folder that holds Marker (or a
// manifest) or is empty, or force is set.
func replaceable(out string, force bool) error {
	fi, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &OutError{Out: out, Reason: err.Error()}
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		if fi, err = os.Stat(out); err != nil {
			return &OutError{Out: out, Reason: "it is a symbolic link that cannot be followed"}
		}
	}
	if !fi.IsDir() {
		return &OutError{Out: out, Reason: "it exists and is not a folder"}
	}
	// A site brief wrote holds its marker, or at least its manifest (a
	// site written before markers existed).
	for _, mark := range []string{Marker, ManifestName} {
		if _, err := os.Lstat(filepath.Join(out, mark)); err == nil {
			return nil
		}
	}
	if force {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return &OutError{Out: out, Reason: err.Error()}
	}
	if len(entries) == 0 {
		return nil
	}
	return &OutError{Out: out,
		Reason: fmt.Sprintf("the folder exists, is not empty and was not written by brief (it has no %s file)", Marker),
		Hint:   "choose another --out, or replace it whole with --force-out"}
}

// resolve makes p absolute and resolves the symbolic links of its longest
// existing part, so that two names of one folder compare equal.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// inside reports whether path lies strictly inside dir (both clean and
// absolute).
func inside(path, dir string) bool {
	if dir == path {
		return false
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(path, dir)
}
