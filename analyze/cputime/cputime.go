// Package cputime reads the CPU time the process has used, for benchmarks
// that report work per CPU-second: on a machine shared with other work the
// wall clock says how busy the machine was, the process's CPU time what the
// work cost.
package cputime

import "time"

// Used returns the user and system CPU time of the whole process (every
// thread, the garbage collector's included) so far, and false where the
// system does not say.
func Used() (time.Duration, bool) { return used() }
