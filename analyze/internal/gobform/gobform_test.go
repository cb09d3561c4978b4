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
	m := Map[[]string]{}
	for i := 0; i < 50; i++ {
		m[string(rune('a'+i%26))+string(rune('a'+i/26))] = []string{"x"}
	}
	first, err := Encode(struct{ M Map[[]string] }{m})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		again, _ := Encode(struct{ M Map[[]string] }{m})
		if string(again) != string(first) {
			t.Fatal("the same map encoded to different bytes")
		}
	}
	var back struct{ M Map[[]string] }
	if err := Decode(first, &back); err != nil {
		t.Fatal(err)
	}
	if d := Diff(m, back.M); d != "" {
		t.Errorf("round trip: %s", d)
	}
}
