package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/brief-tool/brief/analyze"
)

// Limits bound the work the NLP stage (and every stage after it, which works
// sentence by sentence) does on one sentence, whatever the text.
//
// prose's tokenizer is quadratic in the length of a run of text without
// white space when it peels punctuation off the run one character at a time
// (20,000 opening brackets take half a minute, 200 KB of them hours), and
// the extractors do more work on longer sentences. So, before the
// tokenizer, a sentence longer than MaxSentenceBytes is cut at white space
// into shorter ones, a run longer than MaxRunBytes is tokenized in pieces of
// at most that length, and a long run of the punctuation the tokenizer peels
// one by one is split into those one-character tokens here, as the tokenizer
// would have done. Each cut is recorded as a warning with its offset.
type Limits struct {
	// MaxRunBytes is the longest run of text without white space handed
	// to the tokenizer at once (0: DefaultLimits').
	MaxRunBytes int
	// MaxSentenceBytes is the longest sentence kept whole (0:
	// DefaultLimits').
	MaxSentenceBytes int
}

// DefaultLimits are far above what prose needs (a long URL is 200 bytes, a
// long sentence 1,000) and keep the worst case linear in the text.
var DefaultLimits = Limits{MaxRunBytes: 1024, MaxSentenceBytes: 8192}

func (l Limits) orDefault() Limits {
	if l.MaxRunBytes <= 0 {
		l.MaxRunBytes = DefaultLimits.MaxRunBytes
	}
	if l.MaxSentenceBytes <= 0 {
		l.MaxSentenceBytes = DefaultLimits.MaxSentenceBytes
	}
	return l
}

// maxPeel is the longest run of leading or trailing punctuation left to the
// tokenizer; longer runs are split here. It changes no token, so it is not a
// setting.
const maxPeel = 16

// The characters prose's tokenizer splits off the front and the back of a
// run, one token each (tokenize.defaultPrefixes and defaultSuffixes).
const (
	peelFront = "$(\"[“‘"
	peelBack  = ",)\"]!;.?:'”’"
)

// cutSentences splits the sentences of src (which starts at byte base of
// a.Doc.Text) that are longer than l.MaxSentenceBytes at white space, and
// records a warning for each one cut.
func (l Limits) cutSentences(a *analyze.Analysis, base int, src string, sents []segment.Sentence) []segment.Sentence {
	long := false
	for _, s := range sents {
		if len(s.Text) > l.MaxSentenceBytes {
			long = true
			break
		}
	}
	if !long {
		return sents
	}
	out := make([]segment.Sentence, 0, len(sents)+1)
	for _, s := range sents {
		if len(s.Text) <= l.MaxSentenceBytes {
			out = append(out, s)
			continue
		}
		n := 0
		for rest, off := s.Text, s.Start; rest != ""; {
			cut := len(rest)
			if cut > l.MaxSentenceBytes {
				cut = lastSpace(rest[:l.MaxSentenceBytes])
				if cut <= 0 {
					cut = runeCut(rest, l.MaxSentenceBytes)
				}
			}
			piece := strings.TrimRightFunc(rest[:cut], unicode.IsSpace)
			if piece != "" {
				out = append(out, segment.Sentence{Text: piece, Start: off})
				n++
			}
			skip := len(rest[cut:]) - len(strings.TrimLeftFunc(rest[cut:], unicode.IsSpace))
			rest, off = rest[cut+skip:], off+cut+skip
		}
		a.Warn(analyze.TextWarning(base+s.Start, "a sentence of %d bytes was cut into %d sentences of at most %d bytes (limits.max_sentence_bytes)", len(s.Text), n, l.MaxSentenceBytes))
	}
	return out
}

// lastSpace returns the index just after the last run of white space in s
// (where a cut leaves whole words on both sides), or 0.
func lastSpace(s string) int {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

// runeCut returns the largest index <= n that falls on a rune boundary of s
// and is above 0 (a first rune longer than n is kept whole).
func runeCut(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for i := n; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return i
		}
	}
	_, size := utf8.DecodeRuneInString(s)
	return size
}

// boundedTokenize tokenizes sentence s, whose first byte is at offset base
// of a.Doc.Text, with the runs of text without white space bounded as Limits
// says. Offsets in the tokens are relative to s, as tokenize returns them.
func (l Limits) boundedTokenize(a *analyze.Analysis, tok *tokenize.Tokenizer, s string, base int) []tokenize.Token {
	if !l.needsBound(s) {
		return tok.Tokenize(s)
	}
	var out []tokenize.Token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		run := s[i:j]
		if len(run) > l.MaxRunBytes {
			a.Warn(analyze.TextWarning(base+i, "a run of %d bytes without white space was tokenized in pieces of at most %d bytes (limits.max_run_bytes)", len(run), l.MaxRunBytes))
		}
		for len(run) > 0 {
			cut := runeCut(run, l.MaxRunBytes)
			out = peeled(tok, run[:cut], i, out)
			run, i = run[cut:], i+cut
		}
		i = j
	}
	return out
}

// needsBound reports whether s has a run too long for the tokenizer, or a
// run of punctuation it would peel one character at a time.
func (l Limits) needsBound(s string) bool {
	run, front := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			run, front = 0, 0
			continue
		}
		run += utf8.RuneLen(r)
		if strings.ContainsRune(peelFront, r) || strings.ContainsRune(peelBack, r) {
			front++
		} else {
			front = 0
		}
		if run > l.MaxRunBytes || front > maxPeel {
			return true
		}
	}
	return false
}

// peeled tokenizes run (at offset off of the sentence) and appends the
// tokens to out: leading and trailing punctuation beyond maxPeel
// characters becomes one token per character here, the rest goes to the
// tokenizer. The tokens are those the tokenizer would give for the whole
// run, without its quadratic cost.
func peeled(tok *tokenize.Tokenizer, run string, off int, out []tokenize.Token) []tokenize.Token {
	front := 0
	for front < len(run) {
		r, n := utf8.DecodeRuneInString(run[front:])
		if !strings.ContainsRune(peelFront, r) || front+n == len(run) {
			break // the tokenizer keeps a run's last character
		}
		front += n
	}
	if front <= maxPeel {
		front = 0
	}
	back := len(run)
	for back > front {
		r, n := utf8.DecodeLastRuneInString(run[:back])
		if !strings.ContainsRune(peelBack, r) || back-n == front {
			break
		}
		back -= n
	}
	if len(run)-back <= maxPeel {
		back = len(run)
	}
	out = oneEach(run[:front], off, out)
	for _, t := range tok.Tokenize(run[front:back]) {
		t.Start += off + front
		out = append(out, t)
	}
	return oneEach(run[back:], off+back, out)
}

// oneEach appends a token per character of s, which starts at off.
func oneEach(s string, off int, out []tokenize.Token) []tokenize.Token {
	for i, r := range s {
		out = append(out, tokenize.Token{Text: s[i : i+utf8.RuneLen(r)], Start: off + i})
	}
	return out
}
