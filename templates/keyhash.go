package templates

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
)

// keyHash sums up what a built-in page shows, value by value, into a job's
// key: the views of a rebuilt site are compared with the last build's
// without encoding them (JSON would cost more than the rest of planning).
// Each string is written with its length and each number as eight bytes,
// so that two different sequences of values never write the same bytes.
//
// The view structs each have a key method beside them that writes the
// fields the built-in templates read (TestViewKeyFields lists them); a
// page's key is what its template and the layout read of its data.
type keyHash struct {
	buf []byte
}

func newKeyHash(parts ...string) *keyHash {
	k := &keyHash{buf: make([]byte, 0, 4096)}
	k.str(parts...)
	return k
}

func (k *keyHash) num(v int) { k.buf = binary.LittleEndian.AppendUint64(k.buf, uint64(v)) }

// flt writes a float's bits: equal floats print alike.
func (k *keyHash) flt(f float64) {
	k.buf = binary.LittleEndian.AppendUint64(k.buf, math.Float64bits(f))
}

func (k *keyHash) flag(b bool) {
	if b {
		k.buf = append(k.buf, 1)
	} else {
		k.buf = append(k.buf, 0)
	}
}

func (k *keyHash) str(ss ...string) {
	for _, s := range ss {
		k.num(len(s))
		k.buf = append(k.buf, s...)
	}
}

// strs writes a list with its length, so that ["a b"] and ["a", "b"] differ.
func (k *keyHash) strs(ss []string) {
	k.num(len(ss))
	k.str(ss...)
}

func (k *keyHash) refs(rs []Ref) {
	k.num(len(rs))
	for _, r := range rs {
		r.key(k)
	}
}

func (k *keyHash) sum() string {
	s := sha256.Sum256(k.buf)
	return hex.EncodeToString(s[:])
}
