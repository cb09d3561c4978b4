package actors

import "testing"

// BenchmarkNew measures building the resolver's indexes over the shipped
// dictionaries: part of every start.
func BenchmarkNew(b *testing.B) {
	d, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		New(d, nil)
	}
}

// BenchmarkLoadDefault measures decoding the shipped dictionaries.
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}
