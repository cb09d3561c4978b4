//go:build !unix

package safefile

// nonBlock is 0 where opening a named pipe does not wait for a writer
// (there are none on Windows).
const nonBlock = 0
