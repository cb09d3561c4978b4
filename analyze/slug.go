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
// "東京"), Latin letters without their accents ("Erdoğan" becomes
// "erdogan", "Über" "uber"), with single hyphens between runs, at most 100
// bytes. s is decomposed first (NFD) and the result recomposed (NFC), so
// the same name typed on two systems gives the same slug. It returns "doc"
// when s has no letter or digit.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	var last rune
	for _, r := range strings.ToLower(norm.NFD.String(s)) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r):
			b.WriteRune(r)
			dash = false
			last = r
		case unicode.In(r, unicode.Mn, unicode.Mc):
			// An accent on a Latin letter goes; in other scripts a
			// combining mark is part of the letter (Hindi vowel signs,
			// the breve of a Cyrillic й).
			if b.Len() > 0 && !dash && !unicode.Is(unicode.Latin, last) {
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
	out := norm.NFC.String(strings.Trim(b.String(), "-_"))
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
