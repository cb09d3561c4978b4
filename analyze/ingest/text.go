package ingest

import (
	"strings"

	"github.com/brief-tool/brief/analyze"
)

// readText reads a plain-text file: the text is the file itself, and blocks
// are its runs of non-blank lines.
func readText(doc *analyze.Doc, data []byte) []block {
	doc.Text = string(data)
	var blocks []block
	s := doc.Text
	start := -1 // start of the current block's first non-space byte
	end := 0    // end of its last non-space byte
	flush := func() {
		if start >= 0 {
			blocks = append(blocks, block{start: start, end: end, text: s[start:end]})
		}
		start = -1
	}
	for off := 0; off < len(s); {
		nl := strings.IndexByte(s[off:], '\n')
		lineEnd := len(s)
		if nl >= 0 {
			lineEnd = off + nl
		}
		line := s[off:lineEnd]
		if trimmed := strings.TrimSpace(line); trimmed == "" {
			flush()
		} else {
			lead := strings.Index(line, trimmed)
			if start < 0 {
				start = off + lead
			}
			end = off + lead + len(trimmed)
		}
		off = lineEnd + 1
	}
	flush()
	for i := range blocks {
		blocks[i].item = listItem(blocks[i].text)
	}
	return blocks
}

// listItem reports whether a block starts like a numbered or bulleted item.
func listItem(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ") {
		return true
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}
