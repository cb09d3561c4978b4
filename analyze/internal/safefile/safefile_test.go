//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.md")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(write("target.md", "hello"), link); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path string
		max        int64
		want       error
		msg        string
	}{
		{"regular", write("a.md", "text"), 10, nil, ""},
		{"no limit", write("b.md", "text"), 0, nil, ""},
		{"through a link", link, 10, nil, ""},
		{"too large", write("c.md", "0123456789x"), 10, ErrTooLarge, "file is 11 bytes, over the size limit of 10 (limits.x)"},
		{"a FIFO", fifo, 10, ErrNotRegular, "is a named pipe (FIFO), not a regular file"},
		{"a device", zero, 10, ErrNotRegular, "is a character device"},
		{"a device, no limit", zero, 0, ErrNotRegular, "is a character device"},
		{"a directory", dir, 10, ErrNotRegular, "is a directory"},
		{"missing", filepath.Join(dir, "nope.md"), 10, os.ErrNotExist, "no such file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var err error
			go func() {
				defer close(done)
				_, err = Read(tt.path, tt.max, "limits.x")
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Read blocked")
			}
			if tt.want == nil {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) || strings.Contains(err.Error(), dir) {
				t.Errorf("err = %v, want %v saying %q without the path", err, tt.want, tt.msg)
			}
		})
	}
}
