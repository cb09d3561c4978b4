package ingest

import (
	"net/url"
	"strings"

	"github.com/brief-tool/brief/analyze"
)

// Options bound what reading one file may cost and say how strict to be.
// The zero value has no limits; Default holds the ones brief ships with.
type Options struct {
	// Strict makes a front-matter key brief does not know, or a value of
	// the wrong type, an error; otherwise it is a warning and the key is
	// ignored.
	Strict bool
	// FrontMatterBytes is the largest front matter (0: no limit).
	FrontMatterBytes int64
	// YAMLDepth is the deepest nesting of front matter, aliases expanded
	// (0: no limit).
	YAMLDepth int
	// YAMLAliasNodes is how many nodes alias expansion may add to front
	// matter (0: no limit): nine levels of aliases in 600 bytes expand to
	// a billion.
	YAMLAliasNodes int64
	// HTMLDepth is the deepest element nesting of an HTML page (0: no
	// limit).
	HTMLDepth int
	// HTMLTokens is the most tags, texts and comments a page may hold (0:
	// no limit).
	HTMLTokens int
	// HTMLTokenBytes is the longest single tag (with its attributes) or
	// text between tags (0: no limit).
	HTMLTokenBytes int
}

// Default are the limits brief ships with: far above any real article.
var Default = Options{
	FrontMatterBytes: 64 << 10,
	YAMLDepth:        20,
	YAMLAliasNodes:   10_000,
	HTMLDepth:        512,
	HTMLTokens:       1_000_000,
	HTMLTokenBytes:   1 << 20,
}

// Read is Default.Read.
func Read(path string, data []byte) (*analyze.Analysis, error) { return Default.Read(path, data) }

// WebURL returns s trimmed when it is an absolute http:// or https:// address
// with a host, the only links an article may carry out of the site; ok is
// false for anything else ("//evil.example", "javascript:...", a path).
func WebURL(s string) (_ string, ok bool) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", false
	}
	if !strings.HasPrefix(strings.ToLower(s), u.Scheme+"://") || strings.ContainsAny(s, " \t\r\n\\") {
		return "", false
	}
	return s, true
}
