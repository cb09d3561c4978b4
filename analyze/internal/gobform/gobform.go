// Package gobform is the compact form brief embeds its shipped data in
// (the actor dictionaries, the rule files): the YAML decoded once by go
// generate and written with encoding/gob, so that a start decodes a few
// hundred kilobytes of gob instead of parsing YAML. Each package that
// ships data tests that its embedded form equals its YAML decoded now.
package gobform

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
)

// Encode writes v in the compact form.
func Encode(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteFile encodes v into the file at path, as go generate writes the
// shipped forms, and returns the bytes written.
func WriteFile(path string, v any) ([]byte, error) {
	data, err := Encode(v)
	if err != nil {
		return nil, err
	}
	return data, os.WriteFile(path, data, 0o644)
}

// Decode reads data, written by Encode, into v (a pointer).
func Decode(data []byte, v any) error {
	return gob.NewDecoder(bytes.NewReader(data)).Decode(v)
}

// Diff returns "" when a and b hold the same data, else where they first
// differ ("Entries[3].Aliases[1]: ..."). gob keeps no empty slice or map
// apart from a nil one, so Diff counts them equal; everything else must be
// equal as reflect.DeepEqual sees it.
func Diff(a, b any) string {
	return diff(reflect.ValueOf(a), reflect.ValueOf(b), "")
}

func diff(a, b reflect.Value, path string) string {
	if a.IsValid() != b.IsValid() {
		return fmt.Sprintf("%s: one side is missing", path)
	}
	if !a.IsValid() {
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: types %s and %s", path, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: one side is nil", path)
			}
			return ""
		}
		return diff(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if d := diff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d and %d elements", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := diff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d and %d keys", path, a.Len(), b.Len())
		}
		iter := a.MapRange()
		for iter.Next() {
			bv := b.MapIndex(iter.Key())
			if !bv.IsValid() {
				return fmt.Sprintf("%s[%v]: missing on one side", path, iter.Key())
			}
			if d := diff(iter.Value(), bv, fmt.Sprintf("%s[%v]", path, iter.Key())); d != "" {
				return d
			}
		}
		return ""
	}
	if a.CanInterface() && b.CanInterface() {
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %v and %v", path, a.Interface(), b.Interface())
		}
		return ""
	}
	// An unexported field of a basic kind.
	if fmt.Sprint(a) != fmt.Sprint(b) {
		return fmt.Sprintf("%s: %v and %v", path, a, b)
	}
	return ""
}

// Map is a map of strings gob writes in key order, so that the same data
// always gives the same bytes (gob writes a plain map in Go's random order,
// and go generate would change the embedded file at every run), and
// quickly: the count and every key and value, each length first.
type Map map[string]string

// GobEncode writes the pairs in key order.
func (m Map) GobEncode() ([]byte, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := binary.AppendUvarint(nil, uint64(len(keys)))
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
		b = binary.AppendUvarint(b, uint64(len(m[k])))
		b = append(b, m[k]...)
	}
	return b, nil
}

// GobDecode reads what GobEncode wrote.
func (m *Map) GobDecode(data []byte) error {
	bad := errors.New("gobform: malformed map")
	next := func() (string, error) {
		n, w := binary.Uvarint(data)
		if w <= 0 || n > uint64(len(data)-w) {
			return "", bad
		}
		s := string(data[w : w+int(n)])
		data = data[w+int(n):]
		return s, nil
	}
	n, w := binary.Uvarint(data)
	if w <= 0 || n > uint64(len(data)) {
		return bad
	}
	data = data[w:]
	*m = make(Map, n)
	for i := uint64(0); i < n; i++ {
		k, err := next()
		if err != nil {
			return err
		}
		v, err := next()
		if err != nil {
			return err
		}
		(*m)[k] = v
	}
	if len(data) != 0 {
		return bad
	}
	return nil
}
