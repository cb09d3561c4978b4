package templates

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"io"
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
	h hash.Hash
	// buf gathers the small writes for h, whose Write costs more than an
	// append.
	buf []byte
}

const keyBuf = 16 << 10

func newKeyHash(parts ...string) *keyHash {
	k := &keyHash{h: sha256.New(), buf: make([]byte, 0, keyBuf)}
	k.str(parts...)
	return k
}

func (k *keyHash) num(v int) {
	k.buf = binary.LittleEndian.AppendUint64(k.buf, uint64(v))
	if len(k.buf) >= keyBuf/2 {
		k.h.Write(k.buf)
		k.buf = k.buf[:0]
	}
}

// flt writes a float's bits.
func (k *keyHash) flt(f float64) { k.num(int(math.Float64bits(f))) }

func (k *keyHash) flag(b bool) {
	if b {
		k.num(1)
	} else {
		k.num(0)
	}
}

func (k *keyHash) str(ss ...string) {
	for _, s := range ss {
		k.num(len(s))
		if len(s) > keyBuf/2 {
			k.h.Write(k.buf)
			k.buf = k.buf[:0]
			io.WriteString(k.h, s)
			continue
		}
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
	k.h.Write(k.buf)
	k.buf = k.buf[:0]
	return hex.EncodeToString(k.h.Sum(nil))
}
