package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ByteSize is a number of bytes in the configuration: a whole number, or a
// whole number with a unit, powers of 1000 (kB, MB, GB) or of 1024 (KiB,
// MiB, GiB), in any case and with or without a space: 5242880, 5MiB, 5 MB.
type ByteSize int64

var byteUnits = map[string]int64{
	"": 1, "b": 1,
	"kb": 1000, "mb": 1000 * 1000, "gb": 1000 * 1000 * 1000,
	"k": 1024, "kib": 1024, "mib": 1 << 20, "gib": 1 << 30,
}

// parseByteSize reads s as a ByteSize; anything else ("5 x", "1e3", "1.5MB")
// is an error.
func parseByteSize(s string) (ByteSize, error) {
	t := strings.TrimSpace(s)
	i := 0
	if i < len(t) && (t[i] == '-' || t[i] == '+') {
		i++
	}
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	n, err := strconv.ParseInt(num, 10, 64)
	mult, ok := byteUnits[unit]
	if err != nil || !ok {
		return 0, fmt.Errorf("cannot read %q as a size in bytes (a whole number, optionally with kB, MB, GB, KiB, MiB or GiB)", s)
	}
	if n > math.MaxInt64/mult || n < math.MinInt64/mult {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return ByteSize(n * mult), nil
}

// String prints the size the way the configuration reads it.
func (b ByteSize) String() string { return strconv.FormatInt(int64(b), 10) }

// Set and Type make ByteSize a flag value (pflag.Value).
func (b *ByteSize) Set(s string) error {
	v, err := parseByteSize(s)
	if err != nil {
		return err
	}
	*b = v
	return nil
}

func (b *ByteSize) Type() string { return "bytes" }

// parseInt reads a whole number, strictly ("5 x", "1e3" and "1.5" are
// errors).
func parseInt(s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cannot read %q as a whole number", s)
	}
	return n, nil
}

// parseDuration reads a duration with its unit: 90s, 2m, 1h30m; 0 alone
// means none.
func parseDuration(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	if t == "0" {
		return 0, nil
	}
	d, err := time.ParseDuration(t)
	if err != nil {
		return 0, fmt.Errorf("cannot read %q as a duration (a number with a unit: 90s, 2m, 1h)", s)
	}
	return d, nil
}
