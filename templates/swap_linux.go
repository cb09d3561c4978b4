package templates

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b atomically with renameat2
// RENAME_EXCHANGE. ok is false, with a nil error, when the kernel or the
// file system cannot (the caller falls back to two renames).
func exchange(a, b string) (ok bool, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOTSUP):
		return false, nil
	}
	return false, err
}
