package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSlugBytes keeps a slug, with the ".html" or "/index.html" the site adds,
// well under the 255 bytes file systems allow in a name.
const maxSlugBytes = 100

// Slug turns s into a lower-case id that is safe as a file name and as a
// URL path segment: the letters and digits of s, of any script ("東京" stays
// "東京", "Über" becomes "über"), with single hyphens between runs, at most
// 100 bytes. s is normalised first (NFC), so the same name typed on two
// systems gives the same slug. It returns "doc" when s has no letter or
// digit.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(norm.NFC.String(s)) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r):
			b.WriteRune(r)
			dash = false
		case unicode.In(r, unicode.Mn, unicode.Mc):
			// A combining mark belongs to the letter before it (Hindi
			// vowel signs, the dot of a lower-case İ).
			if b.Len() > 0 && !dash {
				b.WriteRune(r)
			}
		case r == '_':
			// keep ids like 000_10d6 readable
			if b.Len() > 0 && !dash {
				b.WriteRune(r)
			}
		default:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.Trim(b.String(), "-_")
	if len(out) > maxSlugBytes {
		cut := maxSlugBytes
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = strings.TrimRight(out[:cut], "-_")
	}
	if out == "" {
		return "doc"
	}
	return out
}
