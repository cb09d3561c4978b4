// Package safefile reads the files users point brief at (articles,
// dictionaries, rule files) without trusting what they are: only regular
// files are read, never more than a limit, and opening one never blocks.
//
// A FIFO in the corpus used to hang a build forever (open waits for a
// writer, and SIGTERM cannot interrupt it), and a symlink to /dev/zero
// passed the size check (a device reports size 0) and ran out of memory.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Causes, for callers that tell them apart.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("over the size limit")
)

// Read returns the bytes of the regular file at path (links followed), or
// an error naming what the file is instead. max bounds the bytes read (0:
// no limit); a larger file is an error wrapping ErrTooLarge, its size
// checked both before and while reading, since a file may grow; limitName
// is the setting the message names. Errors do not repeat the path: callers
// name it.
func Read(path string, max int64, limitName string) ([]byte, error) {
	// Non-blocking, so that opening a FIFO returns at once; the mode is
	// then read from the open file, which cannot change under us.
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if err := Regular(fi.Mode()); err != nil {
		return nil, err
	}
	if max > 0 && fi.Size() > max {
		return nil, tooLarge(fi.Size(), max, limitName)
	}
	r := io.Reader(f)
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if max > 0 && int64(len(data)) > max {
		return nil, tooLarge(int64(len(data)), max, limitName)
	}
	return data, nil
}

func tooLarge(n, max int64, limitName string) error {
	return fmt.Errorf("file is %d bytes, %w of %d (%s)", n, ErrTooLarge, max, limitName)
}

// Regular returns nil for a regular file's mode, else an error wrapping
// ErrNotRegular that says what the file is.
func Regular(m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	what := "a special file"
	switch {
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	}
	return fmt.Errorf("is %s, %w", what, ErrNotRegular)
}

// unwrapPath drops the path from an *fs.PathError, which the caller names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
