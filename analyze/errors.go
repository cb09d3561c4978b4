package analyze

import "fmt"

// FileError is a problem in a file a user wrote or supplied (an article, a
// dictionary, a gold annotation): the file, the 1-based line and column when
// known (zero otherwise), and what is wrong. Only the program's edge prints
// it; callers test for it with errors.As.
type FileError struct {
	Path      string
	Line, Col int
	Err       error
}

// Error returns "path:line:col: message", "path:line: message" or
// "path: message", as much as is known.
func (e *FileError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }
