package nlp

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unsafe"
)

// lemmas is the English dictionary of github.com/aaaton/golem (v4,
// dicts/en): every word form with its lemma. golem builds a map of its
// 67,000 forms from a compressed text at every start (about 60 ms); brief
// embeds the same dictionary as sorted, fixed tables (lemmas.bin, written
// by go generate from golem's own pack) and looks words up by binary
// search, with nothing to build. TestLemmaTable checks every form against
// golem.
//
// lemmas.bin: the number of forms n, the length of the forms' text, the
// forms sorted bytewise and concatenated, n+1 offsets into it, and n
// indexes of each form's lemma among the forms; all numbers uint32, little
// endian.
//
//go:embed lemmas.bin
var lemmasBin []byte

type lemmaTable struct {
	n      int
	blob   string
	offs   []byte // (n+1) × uint32
	lemmas []byte // n × uint32
	// first[b] is the first form whose first two bytes are b or more:
	// the search for a word runs among the forms of its two bytes only.
	first []uint32
}

// bucket is what first indexes: a word's first two bytes.
func bucket(w string) int {
	switch len(w) {
	case 0:
		return 0
	case 1:
		return int(w[0]) << 8
	}
	return int(w[0])<<8 | int(w[1])
}

func loadLemmas(data []byte) (*lemmaTable, error) {
	if len(data) < 8 {
		return nil, errors.New("lemmas.bin: truncated (run go generate ./analyze/nlp)")
	}
	n := int(binary.LittleEndian.Uint32(data))
	blobLen := int(binary.LittleEndian.Uint32(data[4:]))
	if len(data) != 8+blobLen+4*(n+1)+4*n {
		return nil, fmt.Errorf("lemmas.bin: %d bytes, want %d (run go generate ./analyze/nlp)", len(data), 8+blobLen+4*(n+1)+4*n)
	}
	t := &lemmaTable{n: n}
	if blobLen > 0 {
		t.blob = unsafe.String(&data[8], blobLen)
	}
	t.offs = data[8+blobLen : 8+blobLen+4*(n+1)]
	t.lemmas = data[8+blobLen+4*(n+1):]
	if int(binary.LittleEndian.Uint32(t.offs[4*n:])) != blobLen {
		return nil, errors.New("lemmas.bin: offsets do not end at the text's end (run go generate ./analyze/nlp)")
	}
	t.first = make([]uint32, 1<<16+1)
	b := 0
	for i := 0; i < n; i++ {
		for k := bucket(t.form(i)); b <= k; b++ {
			t.first[b] = uint32(i)
		}
	}
	for ; b <= 1<<16; b++ {
		t.first[b] = uint32(n)
	}
	return t, nil
}

func (t *lemmaTable) form(i int) string {
	return t.blob[binary.LittleEndian.Uint32(t.offs[4*i:]):binary.LittleEndian.Uint32(t.offs[4*i+4:])]
}

// find returns the index of form w, or -1.
func (t *lemmaTable) find(w string) int {
	b := bucket(w)
	lo, hi := int(t.first[b]), int(t.first[b+1])
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if t.form(h) < w {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < int(t.first[b+1]) && t.form(lo) == w {
		return lo
	}
	return -1
}

// InDict is golem's Lemmatizer.InDict: whether the dictionary has the word
// in lower case.
func (t *lemmaTable) InDict(word string) bool { return t.find(strings.ToLower(word)) >= 0 }

// Lemma is golem's Lemmatizer.Lemma: the lemma of the word in lower case,
// or the word as given when the dictionary lacks it.
func (t *lemmaTable) Lemma(word string) string {
	i := t.find(strings.ToLower(word))
	if i < 0 {
		return word
	}
	return t.form(int(binary.LittleEndian.Uint32(t.lemmas[4*i:])))
}

// buildLemmas reads golem's pack (lines of tab-separated forms, the lemma
// first) as golem does: a form belongs to the lemma of the first line that
// has it. It returns lemmas.bin.
func buildLemmas(pack []byte) ([]byte, error) {
	first := map[string]string{}
	for _, line := range strings.Split(string(pack), "\n") {
		if line == "" {
			continue
		}
		words := strings.Split(line, "\t")
		if len(words) < 2 {
			return nil, fmt.Errorf("golem pack: line %q has one form", line)
		}
		for _, w := range words {
			if _, ok := first[w]; !ok {
				first[w] = words[0]
			}
		}
	}
	forms := sortedKeys(first)
	index := make(map[string]int, len(forms))
	for i, f := range forms {
		index[f] = i
	}
	var blob []byte
	offs := make([]byte, 0, 4*(len(forms)+1))
	lemmas := make([]byte, 0, 4*len(forms))
	for _, f := range forms {
		offs = binary.LittleEndian.AppendUint32(offs, uint32(len(blob)))
		blob = append(blob, f...)
		lemmas = binary.LittleEndian.AppendUint32(lemmas, uint32(index[first[f]]))
	}
	offs = binary.LittleEndian.AppendUint32(offs, uint32(len(blob)))
	out := binary.LittleEndian.AppendUint32(nil, uint32(len(forms)))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(blob)))
	out = append(out, blob...)
	out = append(out, offs...)
	return append(out, lemmas...), nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
