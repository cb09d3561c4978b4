package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// checkHTML measures a page with the HTML tokenizer before it is parsed:
// the parser looks through the open elements at each tag, so 100,000 nested
// <div>s cost it billions of steps, and a tag or text larger than a limit is
// refused before it is buffered whole. The depth counted is that of the
// elements that need an end tag; those the parser closes itself (<p>,
// <li>, <td>, ...) and void ones (<br>, <img>) do not nest.
func (r *reader) checkHTML(data []byte) error {
	o := r.opts
	z := html.NewTokenizer(bytes.NewReader(data))
	if o.HTMLTokenBytes > 0 {
		z.SetMaxBuf(o.HTMLTokenBytes)
	}
	var open []atom.Atom
	off, tokens := 0, 0
	fail := func(msg string, args ...any) error {
		line, col := position(data, min(off, len(data)))
		return &Error{Line: line, Col: col, Err: fmt.Errorf(msg, args...)}
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if errors.Is(z.Err(), html.ErrBufferExceeded) {
				return fail("HTML: a tag or text of more than %d bytes (limits.html_token_bytes)", o.HTMLTokenBytes)
			}
			if z.Err() != io.EOF {
				return fail("HTML: %v", z.Err())
			}
			return nil
		}
		if tokens++; o.HTMLTokens > 0 && tokens > o.HTMLTokens {
			return fail("HTML: more than %d tags and texts (limits.html_tokens)", o.HTMLTokens)
		}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if selfClosing[a] {
				break
			}
			open = append(open, a)
			if o.HTMLDepth > 0 && len(open) > o.HTMLDepth {
				return fail("HTML: elements nested more than %d deep (limits.html_depth)", o.HTMLDepth)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			// An end tag closes the nearest open element of its name and
			// everything opened after it; a stray one closes nothing.
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == a {
					open = open[:i]
					break
				}
			}
		}
		off += len(z.Raw())
	}
}

// selfClosing elements never hold others open: void elements, and those
// whose end tag HTML lets the parser imply.
var selfClosing = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true, atom.Optgroup: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Colgroup: true, atom.Rb: true, atom.Rt: true, atom.Rtc: true, atom.Rp: true,
	atom.Html: true, atom.Head: true, atom.Body: true,
}
