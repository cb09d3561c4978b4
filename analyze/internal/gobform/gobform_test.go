package gobform

import (
	"strings"
	"testing"
)

type item struct {
	Name    string
	Aliases []string
	Attrs   map[string]string
	Flag    *bool
}

func TestRoundTripAndDiff(t *testing.T) {
	no := false
	in := []item{{Name: "a", Aliases: []string{}, Attrs: map[string]string{}}, {Name: "b", Aliases: []string{"x"}, Attrs: map[string]string{"k": "v"}}}
	data, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	var out []item
	if err := Decode(data, &out); err != nil {
		t.Fatal(err)
	}
	if d := Diff(in, out); d != "" {
		t.Errorf("round trip differs: %s", d)
	}
	for _, tt := range []struct {
		a, b []item
		want string
	}{
		{[]item{{Name: "a"}}, []item{{Name: "b"}}, "[0].Name"},
		{[]item{{Aliases: []string{"x"}}}, []item{{Aliases: []string{"y"}}}, "[0].Aliases[0]"},
		{[]item{{Attrs: map[string]string{"k": "v"}}}, []item{{Attrs: map[string]string{"k": "w"}}}, "[0].Attrs[k]"},
		{[]item{{}}, []item{{}, {}}, "1 and 2 elements"},
		{[]item{{Flag: &no}}, []item{{}}, "[0].Flag: one side is nil"},
	} {
		if d := Diff(tt.a, tt.b); !strings.Contains(d, tt.want) {
			t.Errorf("Diff(%+v, %+v) = %q, want it to name %q", tt.a, tt.b, d, tt.want)
		}
	}
}

func TestMapIsDeterministic(t *testing.T) {
	m := Map{}
	for i := 0; i < 50; i++ {
		m[string(rune('a'+i%26))+string(rune('a'+i/26))] = strings.Repeat("x", i)
	}
	type holder struct{ M, Empty, Nil Map }
	first, err := Encode(holder{M: m, Empty: Map{}})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		again, _ := Encode(holder{M: m, Empty: Map{}})
		if string(again) != string(first) {
			t.Fatal("the same map encoded to different bytes")
		}
	}
	var back holder
	if err := Decode(first, &back); err != nil {
		t.Fatal(err)
	}
	if d := Diff(m, back.M); d != "" {
		t.Errorf("round trip: %s", d)
	}
	if len(back.Empty) != 0 || len(back.Nil) != 0 {
		t.Errorf("empty maps came back as %v and %v", back.Empty, back.Nil)
	}
	var bad Map
	for _, data := range []string{"", "\x02", "\x01\x05ab", "\x01\x01a\x01bEXTRA"} {
		if err := bad.GobDecode([]byte(data)); err == nil {
			t.Errorf("GobDecode(%q) = nil, want an error", data)
		}
	}
}
