package analyze

import "fmt"

// Warning is something brief noticed in an input and worked around: the
// document was still analysed, but not quite as written (an unknown
// front-matter key was ignored, a run of 20,000 brackets was cut before the
// tokenizer, the id was changed because another file had it). Warnings are
// part of the analysis (`warnings`, present only when there are some), so a
// cached analysis keeps them; the CLI prints them on stderr.
type Warning struct {
	Message string `json:"message"`
	// Line and Col place the warning in the input file (1-based), when it
	// is about a line of the file (front matter); 0 otherwise.
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`
	// Offset is the byte offset in Doc.Text the warning is about, or -1
	// when it is not about a place in the text.
	Offset int `json:"offset"`
}

// FileWarning is a warning about line and col of the input file.
func FileWarning(line, col int, format string, args ...any) Warning {
	return Warning{Message: fmt.Sprintf(format, args...), Line: line, Col: col, Offset: -1}
}

// TextWarning is a warning about byte offset off of Doc.Text.
func TextWarning(off int, format string, args ...any) Warning {
	return Warning{Message: fmt.Sprintf(format, args...), Offset: off}
}

// Warn records a warning on the analysis.
func (a *Analysis) Warn(w Warning) { a.Warnings = append(a.Warnings, w) }

// Format returns the warning as the CLI prints it, after the file's path:
// "path:line:col: message", "path: offset N: message" or "path: message".
func (w Warning) Format(path string) string {
	switch {
	case w.Line > 0 && w.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", path, w.Line, w.Col, w.Message)
	case w.Line > 0:
		return fmt.Sprintf("%s:%d: %s", path, w.Line, w.Message)
	case w.Offset >= 0:
		return fmt.Sprintf("%s: offset %d: %s", path, w.Offset, w.Message)
	}
	return fmt.Sprintf("%s: %s", path, w.Message)
}
