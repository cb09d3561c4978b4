//go:build !unix

package templates

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// lockDir creates path exclusively, waiting (and calling onWait once)
// while it exists, until ctx is done. Without flock a killed build leaves
// the file behind: the message names it, to be removed by hand.
func lockDir(ctx context.Context, path string, onWait func(string)) (unlock func(), err error) {
	waited := false
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !waited && onWait != nil {
			onWait(path + " (remove it if no build is running)")
		}
		waited = true
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
