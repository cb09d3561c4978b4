package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// contract checks one decoded analysis against the JSON contract in
// shared/spec/analysis.md: every field it names is present with its JSON
// type, offsets index doc.text, and items point at real sentences.
type contract struct {
	t    *testing.T
	path string // the file the analysis is of, for messages
}

func (c contract) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("%s: "+format, append([]any{c.path}, args...)...)
}

func (c contract) obj(v any, where string) map[string]any {
	c.t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		c.errorf("%s is %T, want an object", where, v)
		return map[string]any{}
	}
	return m
}

func (c contract) arr(m map[string]any, key, where string) []any {
	c.t.Helper()
	v, ok := m[key]
	if !ok {
		c.errorf("%s.%s is missing", where, key)
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		c.errorf("%s.%s is %T (%v), want an array", where, key, v, v)
	}
	return a
}

func (c contract) str(m map[string]any, key, where string) string {
	c.t.Helper()
	v, ok := m[key]
	if !ok {
		c.errorf("%s.%s is missing", where, key)
		return ""
	}
	s, ok := v.(string)
	if !ok {
		c.errorf("%s.%s is %T (%v), want a string", where, key, v, v)
	}
	return s
}

func (c contract) strs(m map[string]any, key, where string) []string {
	c.t.Helper()
	var out []string
	for i, v := range c.arr(m, key, where) {
		s, ok := v.(string)
		if !ok {
			c.errorf("%s.%s[%d] is %T, want a string", where, key, i, v)
		}
		out = append(out, s)
	}
	return out
}

func (c contract) num(m map[string]any, key, where string) float64 {
	c.t.Helper()
	v, ok := m[key]
	if !ok {
		c.errorf("%s.%s is missing", where, key)
		return 0
	}
	f, ok := v.(float64)
	if !ok {
		c.errorf("%s.%s is %T (%v), want a number", where, key, v, v)
	}
	return f
}

func (c contract) int(m map[string]any, key, where string) int {
	c.t.Helper()
	f := c.num(m, key, where)
	if f != float64(int(f)) {
		c.errorf("%s.%s = %v, want an integer", where, key, f)
	}
	return int(f)
}

func (c contract) oneOf(s string, set []string, where string) {
	c.t.Helper()
	if !slices.Contains(set, s) {
		c.errorf("%s = %q, want one of %q", where, s, set)
	}
}

var (
	sectionKinds   = []string{"title", "byline", "caption", "body", "bio", "comments", "boilerplate"}
	actorKinds     = []string{"state", "person", "organization", "military", "group"}
	incidentTypes  = []string{"attack", "shootdown", "seizure", "interception", "strike", "clash", "collision", "deployment", "threat", "sanction", "cooperation", "communication", "other"}
	mechanisms     = []string{"hotline", "agreement", "notification", "separation", "mediation", "dialogue", "restraint", "other"}
	precisions     = []string{"day", "month", "year", ""}
	isoDateRe      = regexp.MustCompile(`^$|^\d{4}(-\d{2}(-\d{2})?)?$`)
	alpha3Re       = regexp.MustCompile(`^$|^[A-Z]{3}$`)
	actorIDRe      = regexp.MustCompile(`^([A-Z]{3}|[a-z0-9]+(-[a-z0-9]+)*)$`)
	fileSafeSlugRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
)

type sentence struct {
	start, end int
	section    string
	text       string
}

// checkAnalysis checks v, the decoded JSON of the analysis of input (the
// file's bytes, given on the command line as path).
func checkAnalysis(t *testing.T, v any, path string, input []byte) {
	t.Helper()
	c := contract{t: t, path: path}
	a := c.obj(v, "analysis")
	if s := c.str(a, "schema", "analysis"); s != "brief.analysis/v1" {
		c.errorf("schema = %q", s)
	}

	// doc
	doc := c.obj(a["doc"], "doc")
	if id := c.str(doc, "id", "doc"); !fileSafeSlugRe.MatchString(id) {
		c.errorf("doc.id = %q is not a file-safe slug", id)
	}
	if p := c.str(doc, "path", "doc"); p != path {
		c.errorf("doc.path = %q, want %q as given", p, path)
	}
	c.str(doc, "title", "doc")
	c.strs(doc, "authors", "doc")
	if p := c.str(doc, "published", "doc"); !isoDateRe.MatchString(p) {
		c.errorf("doc.published = %q is not YYYY[-MM[-DD]]", p)
	}
	sum := sha256.Sum256(input)
	if s := c.str(doc, "sha256", "doc"); s != hex.EncodeToString(sum[:]) {
		c.errorf("doc.sha256 = %q, want the input's %x", s, sum)
	}
	text := c.str(doc, "text", "doc")
	if strings.HasSuffix(path, ".txt") && text != string(input) {
		c.errorf("doc.text of a .txt is not the file itself")
	}
	span := func(m map[string]any, where string) (int, int) {
		c.t.Helper()
		s, e := c.int(m, "start", where), c.int(m, "end", where)
		if s < 0 || s > e || e > len(text) {
			c.errorf("%s [%d,%d) is not inside doc.text (%d bytes)", where, s, e, len(text))
			return 0, 0
		}
		return s, e
	}

	// sections: ordered, non-overlapping
	type section struct {
		start, end int
		kind       string
	}
	var secs []section
	for i, v := range c.arr(a, "sections", "analysis") {
		where := fmt.Sprintf("sections[%d]", i)
		m := c.obj(v, where)
		k := c.str(m, "kind", where)
		c.oneOf(k, sectionKinds, where+".kind")
		s, e := span(m, where)
		if len(secs) > 0 && s < secs[len(secs)-1].end {
			c.errorf("%s starts at %d, inside the previous section", where, s)
		}
		secs = append(secs, section{s, e, k})
	}
	if len(secs) == 0 {
		c.errorf("no sections")
	}

	// sentences: text == doc.text[start:end], within one section, no blank line
	var sents []sentence
	for i, v := range c.arr(a, "sentences", "analysis") {
		where := fmt.Sprintf("sentences[%d]", i)
		m := c.obj(v, where)
		if idx := c.int(m, "index", where); idx != i {
			c.errorf("%s.index = %d", where, idx)
		}
		s, e := span(m, where)
		sec := c.str(m, "section", where)
		c.oneOf(sec, sectionKinds, where+".section")
		st := c.str(m, "text", where)
		if st != text[s:e] {
			c.errorf("%s.text = %q, but doc.text[%d:%d] = %q", where, st, s, e, text[s:e])
		}
		if s == e {
			c.errorf("%s is empty", where)
		}
		if strings.Contains(st, "\n\n") || strings.Contains(st, "\r\n\r\n") {
			c.errorf("%s crosses a blank line: %q", where, st)
		}
		if len(sents) > 0 && s < sents[len(sents)-1].end {
			c.errorf("%s starts at %d, inside the previous sentence", where, s)
		}
		in := false
		for _, x := range secs {
			if x.start <= s && e <= x.end {
				in = true
				if x.kind != sec {
					c.errorf("%s.section = %q, but it lies in a %s section", where, sec, x.kind)
				}
			}
		}
		if !in {
			c.errorf("%s [%d,%d) %q crosses a section boundary or lies outside every section", where, s, e, st)
		}
		sents = append(sents, sentence{s, e, sec, st})
	}
	if len(sents) == 0 {
		c.errorf("no sentences")
	}
	sentenceAt := func(m map[string]any, where string) (sentence, bool) {
		c.t.Helper()
		i := c.int(m, "sentence", where)
		if i < 0 || i >= len(sents) {
			c.errorf("%s.sentence = %d, but there are %d sentences", where, i, len(sents))
			return sentence{}, false
		}
		return sents[i], true
	}
	mentions := func(m map[string]any, where string) {
		c.t.Helper()
		for j, v := range c.arr(m, "mentions", where) {
			mw := fmt.Sprintf("%s.mentions[%d]", where, j)
			mm := c.obj(v, mw)
			mt := c.str(mm, "text", mw)
			s, e := span(mm, mw)
			if mt != text[s:e] {
				c.errorf("%s.text = %q, but doc.text[%d:%d] = %q", mw, mt, s, e, text[s:e])
			}
			sec := c.str(mm, "section", mw)
			if se, ok := sentenceAt(mm, mw); ok {
				if s < se.start || e > se.end {
					c.errorf("%s [%d,%d) is not inside its sentence [%d,%d)", mw, s, e, se.start, se.end)
				}
				if sec != se.section {
					c.errorf("%s.section = %q, its sentence's is %q", mw, sec, se.section)
				}
			}
		}
	}
	evidence := func(m map[string]any, where string) {
		c.t.Helper()
		ev := c.str(m, "evidence", where)
		sec := c.str(m, "section", where)
		if se, ok := sentenceAt(m, where); ok {
			if ev != se.text {
				c.errorf("%s.evidence = %q, want its whole sentence %q", where, ev, se.text)
			}
			if sec != se.section {
				c.errorf("%s.section = %q, its sentence's is %q", where, sec, se.section)
			}
		}
	}
	confidence := func(m map[string]any, where string) {
		c.t.Helper()
		if f := c.num(m, "confidence", where); f < 0 || f > 1 {
			c.errorf("%s.confidence = %v, want 0..1", where, f)
		}
	}
	support := func(m map[string]any, where string) {
		c.t.Helper()
		for j, v := range c.arr(m, "support", where) {
			evidence(c.obj(v, fmt.Sprintf("%s.support[%d]", where, j)), fmt.Sprintf("%s.support[%d]", where, j))
		}
	}

	// actors
	ids := map[string]bool{}
	actors := c.arr(a, "actors", "analysis")
	for i, v := range actors {
		where := fmt.Sprintf("actors[%d]", i)
		m := c.obj(v, where)
		id := c.str(m, "id", where)
		if !actorIDRe.MatchString(id) || ids[id] {
			c.errorf("%s.id = %q is not an alpha-3 code or a slug, or repeats", where, id)
		}
		ids[id] = true
		c.str(m, "name", where)
		c.oneOf(c.str(m, "kind", where), actorKinds, where+".kind")
		if k := c.str(m, "country", where); !alpha3Re.MatchString(k) {
			c.errorf("%s.country = %q", where, k)
		}
		c.str(m, "role", where)
		if f := c.num(m, "salience", where); f < 0 || f > 1 {
			c.errorf("%s.salience = %v, want 0..1", where, f)
		}
		mentions(m, where)
	}
	actorIDs := func(m map[string]any, key, where string) {
		c.t.Helper()
		for _, id := range c.strs(m, key, where) {
			if !ids[id] {
				c.errorf("%s.%s names %q, which is not an actor", where, key, id)
			}
		}
	}

	// incidents
	incidents := c.arr(a, "incidents", "analysis")
	for i, v := range incidents {
		where := fmt.Sprintf("incidents[%d]", i)
		m := c.obj(v, where)
		c.oneOf(c.str(m, "type", where), incidentTypes, where+".type")
		c.str(m, "summary", where)
		date := c.str(m, "date", where)
		prec := c.str(m, "date_precision", where)
		dt := c.str(m, "date_text", where)
		c.oneOf(prec, precisions, where+".date_precision")
		if !isoDateRe.MatchString(date) {
			c.errorf("%s.date = %q is not YYYY[-MM[-DD]]", where, date)
		}
		if want := map[int]string{0: "", 4: "year", 7: "month", 10: "day"}[len(date)]; prec != want {
			c.errorf("%s.date_precision = %q for date %q", where, prec, date)
		}
		// A resolved date shows the words it was read from; words that
		// cannot be resolved (no publication date) keep an empty date.
		if date != "" && dt == "" {
			c.errorf("%s: date %q with date_text %q", where, date, dt)
		}
		actorIDs(m, "agents", where)
		actorIDs(m, "targets", where)
		c.str(m, "location", where)
		for j, q := range c.arr(m, "quantities", where) {
			qw := fmt.Sprintf("%s.quantities[%d]", where, j)
			qm := c.obj(q, qw)
			c.num(qm, "value", qw)
			c.str(qm, "unit", qw)
		}
		evidence(m, where)
		if dt != "" {
			// As written: in the evidence or in a sentence restating it.
			seen := strings.Contains(c.str(m, "evidence", where), dt)
			for _, v := range c.arr(m, "support", where) {
				if sm, ok := v.(map[string]any); ok {
					ev, _ := sm["evidence"].(string)
					seen = seen || strings.Contains(ev, dt)
				}
			}
			if !seen {
				c.errorf("%s.date_text %q is in neither its evidence nor its support", where, dt)
			}
		}
		support(m, where)
		confidence(m, where)
	}

	// proposals
	proposals := c.arr(a, "proposals", "analysis")
	for i, v := range proposals {
		where := fmt.Sprintf("proposals[%d]", i)
		m := c.obj(v, where)
		c.oneOf(c.str(m, "mechanism", where), mechanisms, where+".mechanism")
		c.str(m, "summary", where)
		actorIDs(m, "parties", where)
		if p := c.str(m, "proposer", where); p != "authors" && !ids[p] {
			c.errorf("%s.proposer = %q is neither \"authors\" nor an actor", where, p)
		}
		for _, k := range []string{"rationale", "caveats", "precedents", "cues"} {
			c.strs(m, k, where)
		}
		evidence(m, where)
		support(m, where)
		confidence(m, where)
	}

	// sources
	for i, v := range c.arr(a, "sources", "analysis") {
		where := fmt.Sprintf("sources[%d]", i)
		m := c.obj(v, where)
		if n := c.str(m, "name", where); n == "" || ids[n] {
			c.errorf("%s.name = %q", where, n)
		}
		mentions(m, where)
	}
}

// The three fixtures are written to the working folder under these names.
var analyzeFiles = []string{"gulf-hotline.md", "reef-patrols.txt", "radar-locks.html"}

func writeArticles(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		writeFile(t, filepath.Join(dir, n), string(article(t, n)))
	}
}

func TestAnalyzeJSON(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, filepath.Join(dir, "in"), analyzeFiles...)
	for _, name := range analyzeFiles {
		t.Run(name, func(t *testing.T) {
			path := "in/" + name
			out, stderr, err := run(t, nil, "analyze", "--format", "json", path)
			if err != nil {
				t.Fatalf("analyze: %v\n%s", err, stderr)
			}
			var v any
			dec := json.NewDecoder(strings.NewReader(out))
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if dec.More() {
				t.Error("more than one JSON value for one file")
			}
			checkAnalysis(t, v, path, article(t, name))
		})
	}
}

// The Markdown fixture states an incident, a proposal and a source plainly:
// its analysis must hold them, so the nested fields above are really checked.
func TestAnalyzeJSONFindings(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, dir, "gulf-hotline.md")
	out, _, err := run(t, nil, "analyze", "gulf-hotline.md")
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Doc struct {
			ID, Title, Published string
			Authors              []string
		}
		Actors []struct {
			ID string
		}
		Incidents []struct {
			Type, Date      string
			DateText        string `json:"date_text"`
			Agents, Targets []string
		}
		Proposals []struct {
			Mechanism string
			Parties   []string
		}
		Sources []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Doc.ID != "gulf-hotline" || a.Doc.Title != "A Line Across the Gulf" || a.Doc.Published != "2019-07" ||
		!slices.Equal(a.Doc.Authors, []string{"Leila Haddad"}) {
		t.Errorf("doc = %+v", a.Doc)
	}
	var actors []string
	for _, x := range a.Actors {
		actors = append(actors, x.ID)
	}
	for _, id := range []string{"IRN", "USA", "GBR"} {
		if !slices.Contains(actors, id) {
			t.Errorf("actors %v lack %s", actors, id)
		}
	}
	shootdown := false
	for _, in := range a.Incidents {
		if in.Type == "shootdown" {
			shootdown = true
			if in.Date != "2019-06-20" || in.DateText != "June 20" || !slices.Equal(in.Agents, []string{"IRN"}) || !slices.Equal(in.Targets, []string{"USA"}) {
				t.Errorf("shootdown = %+v, want Iran -> USA on 2019-06-20 (\"June 20\" against a July 2019 publication)", in)
			}
		}
	}
	if !shootdown {
		t.Errorf("no shootdown among incidents %+v", a.Incidents)
	}
	hotline := false
	for _, p := range a.Proposals {
		if p.Mechanism == "hotline" {
			hotline = true
			if !slices.Contains(p.Parties, "IRN") || !slices.Contains(p.Parties, "USA") {
				t.Errorf("hotline parties = %v, want IRN and USA", p.Parties)
			}
		}
	}
	if !hotline {
		t.Errorf("no hotline among proposals %+v", a.Proposals)
	}
	if len(a.Sources) == 0 || a.Sources[0].Name != "Reuters" {
		t.Errorf("sources = %+v, want Reuters", a.Sources)
	}
}

// Several files give a JSON array, in the order given.
func TestAnalyzeJSONArray(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, dir, analyzeFiles...)
	out, _, err := run(t, nil, append([]string{"analyze"}, analyzeFiles...)...)
	if err != nil {
		t.Fatal(err)
	}
	var arr []any
	if err := json.Unmarshal([]byte(out), &arr); err != nil {
		t.Fatalf("output is not a JSON array: %v", err)
	}
	if len(arr) != len(analyzeFiles) {
		t.Fatalf("%d analyses, want %d", len(arr), len(analyzeFiles))
	}
	for i, v := range arr {
		checkAnalysis(t, v, analyzeFiles[i], article(t, analyzeFiles[i]))
	}
}

func TestAnalyzeJSONL(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, dir, analyzeFiles...)
	out, _, err := run(t, nil, append([]string{"analyze", "--format", "jsonl"}, analyzeFiles...)...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out, "\n") {
		t.Error("jsonl output does not end with a newline")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(analyzeFiles) {
		t.Fatalf("%d lines, want one per file (%d)", len(lines), len(analyzeFiles))
	}
	for i, line := range lines {
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %d is not one JSON object: %v", i+1, err)
		}
		checkAnalysis(t, v, analyzeFiles[i], article(t, analyzeFiles[i]))
	}
	// One file is one line too, not a bare object spread over lines.
	out, _, err = run(t, nil, "analyze", "-f", "jsonl", analyzeFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") {
		t.Errorf("jsonl for one file is %d lines", strings.Count(out, "\n"))
	}
}

func TestAnalyzeMarkdown(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, dir, analyzeFiles[:2]...)
	out, _, err := run(t, nil, "analyze", "--format", "md", analyzeFiles[0], analyzeFiles[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"# A Line Across the Gulf", "# Patrol Boats Near the Reef", "Leila Haddad", "\n---\n"} {
		if !strings.Contains(out, s) {
			t.Errorf("md output lacks %q", s)
		}
	}
	if strings.HasPrefix(strings.TrimSpace(out), "{") {
		t.Error("md output looks like JSON")
	}
}

// A file that cannot be read is reported; the others are still printed and
// the command fails.
func TestAnalyzeMissingFile(t *testing.T) {
	for _, format := range []string{"json", "jsonl", "md"} {
		t.Run(format, func(t *testing.T) {
			dir := inTempDir(t)
			writeArticles(t, dir, "gulf-hotline.md")
			out, stderr, err := run(t, nil, "analyze", "--format", format, "missing.md", "gulf-hotline.md")
			var pe *partialError
			if !errors.As(err, &pe) || pe.failed != 1 || pe.total != 2 {
				t.Fatalf("err = %v, want a partialError for 1 of 2", err)
			}
			if exitCode(err) != 1 {
				t.Errorf("exit code %d, want 1", exitCode(err))
			}
			if !strings.Contains(stderr, "missing.md") {
				t.Errorf("stderr %q does not name missing.md", stderr)
			}
			switch format {
			case "json":
				var arr []any
				if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 1 {
					t.Fatalf("stdout is not an array of one analysis (%v):\n%.200s", err, out)
				}
				checkAnalysis(t, arr[0], "gulf-hotline.md", article(t, "gulf-hotline.md"))
			case "jsonl":
				if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"path":"gulf-hotline.md"`) {
					t.Errorf("stdout is not one line for the good file:\n%.200s", out)
				}
			case "md":
				if !strings.Contains(out, "# A Line Across the Gulf") {
					t.Errorf("stdout lacks the good file's pack:\n%.200s", out)
				}
			}
		})
	}
}

func TestAnalyzeAllFail(t *testing.T) {
	dir := inTempDir(t)
	writeFile(t, filepath.Join(dir, "empty.txt"), "")
	writeFile(t, filepath.Join(dir, "bad.md"), "ok\n\xff\n")
	out, stderr, err := run(t, nil, "analyze", "empty.txt", "bad.md", "notes.pdf")
	var pe *partialError
	if !errors.As(err, &pe) || pe.failed != 3 {
		t.Fatalf("err = %v, want a partialError for 3 of 3", err)
	}
	for _, s := range []string{"empty.txt", "bad.md:2:1", "notes.pdf"} {
		if !strings.Contains(stderr, s) {
			t.Errorf("stderr %q does not name %s", stderr, s)
		}
	}
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("stdout = %q, want an empty array", out)
	}
}

func TestAnalyzeBadArgs(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, dir, "gulf-hotline.md")
	out, _, err := run(t, nil, "analyze", "--format", "xml", "gulf-hotline.md")
	if err == nil || !strings.Contains(err.Error(), `"xml"`) || !strings.Contains(err.Error(), "json") {
		t.Errorf("--format xml: err = %v, want one naming the value and the choices", err)
	}
	if out != "" {
		t.Errorf("--format xml printed %q", out)
	}
	if _, _, err := run(t, nil, "analyze"); err == nil {
		t.Error("analyze with no file succeeded")
	}
}

// Output is deterministic: the same input gives the same bytes.
func TestAnalyzeDeterministic(t *testing.T) {
	dir := inTempDir(t)
	writeArticles(t, dir, analyzeFiles...)
	args := append([]string{"analyze", "--limits-workers", "4"}, analyzeFiles...)
	first, _, err := run(t, nil, args...)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		again, _, err := run(t, nil, args...)
		if err != nil {
			t.Fatal(err)
		}
		if again != first {
			t.Fatalf("run %d printed different bytes", i+2)
		}
	}
}

// The sample corpus keeps the contract too.
func TestAnalyzeCorpusContract(t *testing.T) {
	corpus := filepath.Join(testdataDir, "..", "..", "..", "corpus")
	var files []string
	for _, ext := range []string{"md", "txt", "html"} {
		m, _ := filepath.Glob(filepath.Join(corpus, "*."+ext))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no sample corpus")
	}
	inTempDir(t)
	out, stderr, err := run(t, nil, append([]string{"analyze", "-f", "jsonl"}, files...)...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines for %d files", len(lines), len(files))
	}
	for i, line := range lines {
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		checkAnalysis(t, v, files[i], data)
	}
}

// A user's rule file adds word classes and rules; a mistake in one is a
// configuration error naming the file, line and column.
func TestUserRules(t *testing.T) {
	dir := inTempDir(t)
	writeFile(t, filepath.Join(dir, "a.txt"), "Title\n\nOn May 3 the frigate scuttled the ferry near the pier.\n")
	writeFile(t, filepath.Join(dir, "mine.yaml"), `classes:
  - name: sinking
    doc: Sinking one's own or another's ship on purpose.
    example: "The crew scuttled the ferry."
    attrs: {type: attack}
    verbs: [scuttle]
kind: incident
rules:
  - name: scuttled
    pattern: "<sinking.verb [tag=VBD]>@trigger"
    priority: 20
    unless: [negated, modal]
    emit: {type: $trigger, roles: active}
    examples:
      yes: ["The crew scuttled the ferry."]
      no: ["The crew did not scuttle the ferry."]
`)
	out, _, err := run(t, nil, "analyze", "--rules", "mine.yaml", "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"rule": "scuttled"`) {
		t.Errorf("the user's rule read no incident:\n%s", out)
	}
	writeFile(t, filepath.Join(dir, "bad.yaml"), "kind: incident\nrules:\n  - name: x\n    pattern: \"<nope>\"\n    examples: {yes: [a], no: [b]}\n")
	_, _, err = run(t, nil, "analyze", "--rules", "bad.yaml", "a.txt")
	if exitCode(err) != exitUsage || err == nil || !strings.Contains(err.Error(), "bad.yaml:4:16") {
		t.Errorf("bad rule file: exit %d, err %v; want %d naming bad.yaml:4:16", exitCode(err), err, exitUsage)
	}
}
