//go:build !linux

package templates

// exchange reports that no atomic exchange is available here: WriteDir
// falls back to two renames.
func exchange(a, b string) (ok bool, err error) { return false, nil }
