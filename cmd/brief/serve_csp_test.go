package main

import "testing"

// In serve mode the pages' policy lets through the server's nonce alone:
// each directive is replaced, never given twice (the second would not
// count).
func TestServePolicy(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'",
			"default-src 'none'; style-src 'self' 'nonce-N'; img-src 'self'; base-uri 'none'; form-action 'none'; script-src 'nonce-N'; connect-src 'self'"},
		{"default-src 'none'", "default-src 'none'; script-src 'nonce-N'; style-src 'self' 'nonce-N'; connect-src 'self'"},
		{"script-src 'self'; connect-src 'none'", "script-src 'nonce-N'; connect-src 'self'; style-src 'self' 'nonce-N'"},
	} {
		if got := servePolicy(tt.in, "N"); got != tt.want {
			t.Errorf("servePolicy(%q) =\n %q\nwant\n %q", tt.in, got, tt.want)
		}
	}
}
