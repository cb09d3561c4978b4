package analyze

import "strings"

// Slug turns s into a lower-case file-name-safe id: letters and digits, with
// single hyphens between runs.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
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
	if out == "" {
		return "doc"
	}
	return out
}
