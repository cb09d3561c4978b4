package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/brief-tool/brief/analyze"
	"github.com/brief-tool/brief/analyze/dates"
)

// The cues below describe how web pages lay out the parts around an article:
// a byline opens with "By", a photo caption ends with a credit in brackets,
// author bios follow the body and say who the author is, a comment thread
// opens with a header such as "12 thoughts on ..." or with numbered replies,
// and site furniture ("Share this", "Comments are closed.") is short.
var (
	bylineRe     = regexp.MustCompile(`^(?:[-•*]\s*)?(?i:by|written by|words by|story by|reporting by|text by|compiled by|reported by)\s+(\p{Lu})`)
	creditTailRe = regexp.MustCompile(`\(([^()]{2,80})\)\s*$`)
	captionPfxRe = regexp.MustCompile(`^(?i:photo|image|picture|pictured|file photo|caption|credit|above|top)\b\s*[:|—–-]?`)
	captionWords = regexp.MustCompile(`(?i)\b(photo|photograph|image|credit|courtesy|getty|ap photo|afp|reuters|file|handout|via)\b`)
	// Comment thread headers: "5 thoughts on “X”", "12 comments", "Comments",
	// "Leave a Reply", "Reader comments", "3 Responses to X".
	commentHeadRe = regexp.MustCompile(`^(?i:(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(thoughts?|comments?|responses?|replies|reactions?)\b.*|(reader\s+)?comments?:?|discussion|join the (discussion|conversation)|leave a (reply|comment)|add a comment|responses?|what (readers|you) (say|think))$`)
	// A reply that opens with its author: "Jane says:", "Tom wrote:".
	saysRe = regexp.MustCompile(`^\S[^.!?]{0,60}\s(says|said|wrote|writes|commented):`)
	// Site furniture, matched against a whole short block.
	// Site furniture, matched against a whole short block.
	boilerRe = regexp.MustCompile(`^(?i:(additional )?(reporting|writing|editing|compiled|research|graphics) by .*|comments are (closed|disabled)\.?|(leave|post) a (reply|comment)|share( this( article| story| page)?)?:?|related( (posts|articles|stories|reading))?:?|(tags|filed under|posted in|categories|topics):.*|advertisement|sponsored( content)?|follow us( on .*)?|print|email|copyright.*|©.*|all rights reserved\.?|.*\bguest (contributor|author|writer)s?\.?|articles by .*|more (from|by) .*|about the authors?|you (may|might) also like:?|\d+ min(ute)? read|recommended( for you)?:?|newsletter:?)$`)
	// Prompts to act ("Subscribe to our newsletter", "Read more"): furniture
	// only when very short, as body text may start with the same words.
	promptRe = regexp.MustCompile(`^(?i:share on|share|subscribe|sign up|read more|click here|log in|register|download)\b`)
	// Bio sentences: "<Name> is a senior fellow at ...", "She tweets at @x".
	bioVerbRe   = regexp.MustCompile(`^(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Sir|Gen|Col|Adm|Amb|Ambassador)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},?\s+(?:is|was|serves as|served as|has served|has been|teaches|leads|directs|heads|works)\b`)
	bioNounRe   = regexp.MustCompile(`(?i)\b(fellow|professor|director|researcher|analyst|scholar|editor|journalist|correspondent|author of|lecturer|student|candidate|consultant|advis[eo]r|expert|founder|chair|visiting|retired|former .{0,40}(officer|ambassador|official|diplomat)|contributor|writer|reporter|columnist|associate|research|institute|university|think tank|based in|-based)\b`)
	bioSocialRe = regexp.MustCompile(`(?i)(tweets? (at|as) @|follow (him|her|them) on|on (twitter|x|linkedin|mastodon|bluesky) at|@\w{2,}\.?$|can be reached at)`)
	authorsRe   = regexp.MustCompile(`^(?i:the authors?|both authors|all authors|about the authors?|the writers?)\b`)
)

// classify sets each block's section kind.
func classify(doc *analyze.Doc, blocks []block) {
	if len(blocks) == 0 {
		return
	}
	for i := range blocks {
		blocks[i].kind = analyze.SectionBody
		switch blocks[i].hint {
		case analyze.SectionCaption, analyze.SectionByline, analyze.SectionBio,
			analyze.SectionComments, analyze.SectionBoilerplate:
			blocks[i].kind = blocks[i].hint
		}
	}
	front := classifyTitle(doc, blocks)
	front = classifyFront(doc, blocks, front)
	if doc.Published == "" && front < len(blocks) {
		// A news dateline dates the piece: "WASHINGTON, March 16, 2023 — ".
		if _, when := dates.Dateline(blocks[front].text); when != "" {
			if d, ok := NormalizeDate(when); ok && len(d) == len("2006-01-02") {
				doc.Published = d
			}
		}
	}
	classifyTail(doc, blocks, front)
	for i := range blocks {
		if blocks[i].kind == analyze.SectionBody && boilerplate(blocks[i]) {
			blocks[i].kind = analyze.SectionBoilerplate
		}
		// The short items under a furniture label ("Share this:" then
		// "Twitter", "Facebook") are furniture too.
		if i > 0 && blocks[i].kind == analyze.SectionBody && blocks[i-1].kind == analyze.SectionBoilerplate &&
			wordCount(blocks[i].text) <= 3 && !sentenceEnd(blocks[i].text) && strings.HasSuffix(strings.TrimSpace(firstFurniture(blocks, i)), ":") {
			blocks[i].kind = analyze.SectionBoilerplate
		}
	}
}

// classifyTitle marks the title block and returns the index of the first
// block after it.
func classifyTitle(doc *analyze.Doc, blocks []block) int {
	for i, bl := range blocks {
		if bl.hint == analyze.SectionTitle {
			if doc.Title == "" || fold(doc.Title) == fold(bl.text) || i < 3 {
				blocks[i].kind = analyze.SectionTitle
				if doc.Title == "" {
					doc.Title = bl.text
				}
				for j := 0; j < i; j++ {
					if blocks[j].kind == analyze.SectionBody && wordCount(blocks[j].text) < 12 {
						blocks[j].kind = analyze.SectionBoilerplate
					}
				}
				return i + 1
			}
			break
		}
	}
	first := blocks[0]
	switch {
	case doc.Title != "" && fold(doc.Title) == fold(first.text):
	case doc.Title == "" && (first.heading || (doc.Format == "txt" && len(blocks) > 1 && titleLike(first.text))):
		doc.Title = first.text
	default:
		return 0
	}
	blocks[0].kind = analyze.SectionTitle
	return 1
}

// titleLike reports whether a block reads as a headline: one short line that
// does not end like a sentence.
func titleLike(s string) bool {
	if strings.ContainsRune(s, '\n') || wordCount(s) > 25 {
		return false
	}
	return !strings.HasSuffix(s, ".") || strings.HasSuffix(s, "...")
}

// classifyFront finds bylines, captions and datelines between the title and
// the first paragraph of prose; it returns the index of that paragraph.
func classifyFront(doc *analyze.Doc, blocks []block, from int) int {
	i := from
	for ; i < len(blocks) && i < from+5; i++ {
		bl := &blocks[i]
		if bl.kind != analyze.SectionBody {
			continue
		}
		switch {
		case bylineRe.MatchString(bl.text) && wordCount(bl.text) <= 20:
			bl.kind = analyze.SectionByline
			if len(doc.Authors) == 0 {
				doc.Authors = bylineAuthors(bl.text)
			}
		case dateLine(bl.text):
			bl.kind = analyze.SectionByline
			if d, ok := NormalizeDate(dateOf(bl.text)); ok && doc.Published == "" {
				doc.Published = d
			}
		case captionLike(bl.text):
			bl.kind = analyze.SectionCaption
		default:
			return i
		}
	}
	return i
}

// captionLike reports whether a short block reads as a photo caption.
func captionLike(s string) bool {
	if wordCount(s) > 40 {
		return false
	}
	if captionPfxRe.MatchString(s) {
		return true
	}
	if m := creditTailRe.FindStringSubmatch(s); m != nil {
		// "Destroyer in the Gulf (U.S. Navy)": a credit in brackets closes a
		// line that is not a sentence.
		before := strings.TrimSpace(s[:len(s)-len(m[0])])
		return !sentenceEnd(before) || captionWords.MatchString(m[1])
	}
	return captionWords.MatchString(s) && !sentenceEnd(s) && wordCount(s) <= 25
}

func dateLine(s string) bool {
	_, ok := NormalizeDate(dateOf(s))
	return ok
}

// dateOf strips the label of a date line ("Published: July 1, 2019").
func dateOf(s string) string {
	t := strings.TrimSpace(s)
	for _, p := range []string{"Published", "Updated", "Posted", "Date"} {
		t = strings.TrimPrefix(t, p+":")
		t = strings.TrimPrefix(t, p+" on")
		t = strings.TrimPrefix(t, p)
	}
	return strings.TrimSpace(t)
}

// classifyTail finds where the article ends: the author bios, the boxes and
// the reader comments after the body.
func classifyTail(doc *analyze.Doc, blocks []block, bodyStart int) {
	t := tail{doc: doc, blocks: blocks, bodyStart: bodyStart}
	commentsAt := t.commentHeader()
	if commentsAt == len(blocks) {
		commentsAt = t.unheadedComments()
	}
	t.labelBios(t.start(commentsAt), commentsAt)
	t.labelComments(commentsAt)
}

// tail reads the blocks after an article's body.
type tail struct {
	doc       *analyze.Doc
	blocks    []block
	bodyStart int
}

// commentHeader returns the first block of a comment thread marked as one
// or opened by a thread header ("12 Comments"), or len(blocks).
func (t *tail) commentHeader() int {
	for i := t.bodyStart + 1; i < len(t.blocks); i++ {
		bl := t.blocks[i]
		if bl.kind == analyze.SectionComments || commentHeadRe.MatchString(bl.text) && wordCount(bl.text) <= 12 {
			return i
		}
	}
	return len(t.blocks)
}

// start returns where the bios before block limit begin: at the earliest
// bio-like block after which only bio-like, short or boilerplate blocks
// come.
func (t *tail) start(limit int) int {
	start := limit
	for i := limit - 1; i > t.bodyStart; i-- {
		bl := t.blocks[i]
		switch {
		case bl.kind == analyze.SectionBio || bioLike(t.doc, bl.text):
			start = i
		case bl.kind == analyze.SectionBoilerplate || boilerplate(bl) || furniture(bl.text):
			// Furniture may sit among the bios and between them and the
			// comments.
		default:
			return start
		}
	}
	return start
}

// unheadedComments returns where a thread without a header begins: a run
// of numbered or signed replies that lasts to the end of the page (no
// heading after it) and follows the article's end (the bios, or a stretch
// of bios or furniture), or len(blocks).
func (t *tail) unheadedComments() int {
	n := len(t.blocks)
	bios := t.start(n)
	headingAfter := make([]bool, n+1)
	for i := n - 1; i >= 0; i-- {
		headingAfter[i] = headingAfter[i+1] || t.blocks[i].kind == analyze.SectionTitle || t.blocks[i].heading
	}
	afterEnd := false // the blocks just before i are a tail region
	for i := t.bodyStart + 1; i < n; i++ {
		bl := t.blocks[i]
		if (bl.item || commentStart(bl.text)) && (i >= bios || afterEnd) && !headingAfter[i] {
			return i
		}
		switch {
		case bl.kind == analyze.SectionBio || bl.kind == analyze.SectionBoilerplate || boilerplate(bl) || bioLike(t.doc, bl.text):
			afterEnd = true
		case furniture(bl.text):
		default:
			afterEnd = false
		}
	}
	return n
}

// labelBios marks the body blocks in [from, to) as bios, or as
// boilerplate when they are furniture that is not about an author.
func (t *tail) labelBios(from, to int) {
	for i := from; i < to; i++ {
		bl := &t.blocks[i]
		if bl.kind != analyze.SectionBody {
			continue
		}
		if boilerplate(*bl) || furniture(bl.text) && !bioLike(t.doc, bl.text) {
			bl.kind = analyze.SectionBoilerplate
		} else {
			bl.kind = analyze.SectionBio
		}
	}
}

// labelComments marks the blocks from at on as comments, except bios,
// bylines, the thread header and furniture.
func (t *tail) labelComments(at int) {
	for i := at; i < len(t.blocks); i++ {
		bl := &t.blocks[i]
		switch {
		case bl.kind == analyze.SectionBio || bl.kind == analyze.SectionByline:
		case i == at && commentHeadRe.MatchString(bl.text):
			bl.kind = analyze.SectionBoilerplate
		case bl.kind == analyze.SectionComments:
		case boilerplate(*bl) || !bl.item && boilerRe.MatchString(bl.text) && wordCount(bl.text) <= 12:
			bl.kind = analyze.SectionBoilerplate
		default:
			bl.kind = analyze.SectionComments
		}
	}
}

// firstFurniture returns the text of the furniture label that a run of
// furniture blocks ending just before i starts with.
func firstFurniture(blocks []block, i int) string {
	j := i - 1
	for j > 0 && blocks[j-1].kind == analyze.SectionBoilerplate {
		j--
	}
	return blocks[j].text
}

// boilerplate reports whether a block is page furniture by its words.
func boilerplate(bl block) bool {
	if bl.item {
		return false // a list item is content
	}
	n := wordCount(bl.text)
	return n <= 12 && boilerRe.MatchString(bl.text) || n <= 5 && promptRe.MatchString(bl.text)
}

// furniture reports whether a block is short enough to be a box or a
// label of the page ("Guest Contributor", "Views from contributors outside
// our editorial staff.") once the article has ended.
func furniture(s string) bool {
	n := wordCount(s)
	return n <= 8 && !sentenceEnd(s) || n <= 12 && !strings.Contains(strings.TrimSuffix(strings.TrimSpace(s), "."), ".")
}

// commentStart reports whether a block opens a reader comment: a numbered
// reply ("1. I disagree ...") or a signed one ("Jane says: ...").
func commentStart(s string) bool {
	return listItem(s) && !strings.HasPrefix(strings.TrimSpace(s), "-") || saysRe.MatchString(s)
}

// bioLike reports whether a block reads as a note about an author.
func bioLike(doc *analyze.Doc, s string) bool {
	if authorsRe.MatchString(s) || bioSocial(s) {
		return true
	}
	head := s
	if len(head) > 160 {
		head = head[:160]
	}
	if bioVerbRe.MatchString(head) && bioNounRe.MatchString(s) {
		return true
	}
	for _, a := range doc.Authors {
		f := strings.Fields(a)
		if len(f) == 0 {
			continue
		}
		if last := f[len(f)-1]; len(last) > 2 && strings.Contains(firstWords(s, 6), last) && bioNounRe.MatchString(s) {
			return true
		}
	}
	return false
}

// bioSocial is bioSocialRe.MatchString(s), which the tail of every page
// asks of every paragraph: the pattern runs only on a paragraph with what
// every match of it has (an @, "follow", "reached at", "on twitter" ...).
// The pattern folds "s" with "ſ" and "k" with the Kelvin sign: a
// paragraph with either is matched.
func bioSocial(s string) bool {
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212a") || strings.Contains(s, "@") {
		return bioSocialRe.MatchString(s)
	}
	for _, w := range bioSocialWords {
		if containsFold(s, w) {
			return bioSocialRe.MatchString(s)
		}
	}
	return false
}

// bioSocialWords are what bioSocialRe's matches without an @ contain.
var bioSocialWords = []string{"follow", "reached at", "on twitter", "on x", "on linkedin", "on mastodon", "on bluesky"}

// containsFold reports whether s contains sub (lower-case ASCII) in any
// ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && (s[i+j] == sub[j] || sub[j] >= 'a' && sub[j] <= 'z' && s[i+j] == sub[j]-'a'+'A') {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// bylineAuthors reads the names in "By Jane Doe and John Roe".
func bylineAuthors(s string) []string {
	if m := bylineRe.FindStringSubmatchIndex(s); m != nil {
		s = s[m[2]:]
	}
	if i := strings.IndexAny(s, "|•·—"); i > 0 {
		s = s[:i]
	}
	return splitNames(s)
}

// splitNames splits "A, B and C" into names.
func splitNames(s string) []string {
	s = strings.ReplaceAll(s, " & ", ", ")
	s = strings.ReplaceAll(s, " and ", ", ")
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func sentenceEnd(s string) bool {
	s = strings.TrimRight(s, "\"'”’) ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// wordCount is len(strings.Fields(s)), without the slice.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// fold lower-cases s and drops everything but letters and digits, for
// comparing a title with a heading.
func fold(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
