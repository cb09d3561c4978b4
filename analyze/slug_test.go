package analyze

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"deconfliction-line", "deconfliction-line"},
		{"Deconfliction Line", "deconfliction-line"},
		{"  Hello,   World!  ", "hello-world"},
		{"US--China  MMCA", "us-china-mmca"},
		{"000_10d69e8ae03fa181", "000_10d69e8ae03fa181"},
		{"_leading_underscore_", "leading_underscore"},
		{"---", "doc"},
		{"", "doc"},
		{"2019.07.01 report", "2019-07-01-report"},
		{"../../etc/passwd", "etc-passwd"},
	} {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Slug's result is always safe as a file name.
func TestSlugSafe(t *testing.T) {
	for _, in := range []string{"a/b", `a\b`, "..", ".", "a b.c", "x\x00y", "🙂", "ÜBER straße", "日本語"} {
		s := Slug(in)
		if s == "" || s == "." || s == ".." || strings.ContainsAny(s, `/\ .`+"\x00") || s != strings.ToLower(s) {
			t.Errorf("Slug(%q) = %q is not a safe file name", in, s)
		}
	}
}
