package templates

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// WriteDir replaces the folder out with files, atomically as far as the
// file system allows: everything is written into a fresh folder beside out,
// which is swapped in (old out aside, new in, old removed) only once
// complete. On any error, or when ctx is cancelled, the previous out is left
// exactly as it was.
func WriteDir(ctx context.Context, out string, files map[string][]byte) (err error) {
	out = filepath.Clean(out)
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
	for _, p := range Paths(files) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !clean(p) {
			return fmt.Errorf("refusing to write %q outside the site", p)
		}
		dst := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
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
