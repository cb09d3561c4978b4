package analyze

import (
	"strings"
	"testing"
	"unicode/utf8"
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
		// Letters of every script are kept, normalised and lower-cased.
		{"東京", "東京"},
		{"Über Straße", "uber-straße"},
		{"Cafe\u0301 Noir", "cafe-noir"}, // an accent, precomposed or not, goes
		{"Москва 2019", "москва-2019"},
		{"नमस्ते दुनिया", "नमस्ते-दुनिया"},
		{"Erdoğan", "erdogan"},
		{"Ramón Castañeda", "ramon-castaneda"},
		{"Йемен", "йемен"}, // the breve stays in Cyrillic
		{"🙂", "doc"},
		{"a\u202eb", "a-b"}, // a right-to-left override is not a letter
		{"...", "doc"},
	} {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Slug's result is always safe as a file name.
func TestSlugSafe(t *testing.T) {
	for _, in := range []string{"a/b", `a\b`, "..", ".", "a b.c", "x\x00y", "🙂", "ÜBER straße", "日本語", "a%2fb", "a?b#c", strings.Repeat("長い", 100)} {
		s := Slug(in)
		if s == "" || s == "." || s == ".." || strings.ContainsAny(s, `/\ .?#%`+"\x00") || s != strings.ToLower(s) || len(s) > 100 || !utf8.ValidString(s) {
			t.Errorf("Slug(%q) = %q is not a safe file name", in, s)
		}
	}
}
