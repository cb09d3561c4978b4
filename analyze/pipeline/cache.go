package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/brief-tool/brief/analyze"
)

// DirCache is a Cache in a folder on disk: one JSON file per analysis,
// named by a hash of the fingerprint, the path and the bytes. The
// fingerprint names everything else the analysis depends on (the program
// and its dictionaries), so a changed program never reads a stale entry.
type DirCache struct {
	Dir         string
	Fingerprint string
}

func (c *DirCache) file(path string, data []byte) string {
	h := sha256.New()
	h.Write([]byte(c.Fingerprint))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write(data)
	return filepath.Join(c.Dir, hex.EncodeToString(h.Sum(nil))+".json")
}

// Get implements Cache. A missing or unreadable entry is a miss.
func (c *DirCache) Get(path string, data []byte) (*analyze.Analysis, bool) {
	b, err := os.ReadFile(c.file(path, data))
	if err != nil {
		return nil, false
	}
	var a analyze.Analysis
	if err := json.Unmarshal(b, &a); err != nil || a.Schema == "" {
		return nil, false
	}
	return &a, true
}

// Put implements Cache. Failing to write is not an error: the next run
// analyses the file again.
func (c *DirCache) Put(path string, data []byte, a *analyze.Analysis) {
	b, err := json.Marshal(a)
	if err != nil || os.MkdirAll(c.Dir, 0o755) != nil {
		return
	}
	dst := c.file(path, data)
	tmp, err := os.CreateTemp(c.Dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), dst) != nil {
		os.Remove(tmp.Name())
	}
}

// ExecutableFingerprint hashes the running program, so that a rebuilt
// brief (new code, new embedded dictionaries) starts with an empty cache.
func ExecutableFingerprint() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(exe)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
