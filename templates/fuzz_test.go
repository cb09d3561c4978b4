package templates

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/brief-tool/brief/analyze"
)

// active returns the first live thing in a parsed page: a script, a
// frame, an object, an event handler attribute, a link or source whose
// scheme is not http(s) or mailto (the site's own links have none).
func active(n *html.Node) string {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "script", "iframe", "object", "embed", "frame", "base":
			return "<" + n.Data + ">"
		}
		for _, at := range n.Attr {
			k := strings.ToLower(at.Key)
			if strings.HasPrefix(k, "on") {
				return "<" + n.Data + " " + at.Key + ">"
			}
			if k == "href" || k == "src" || k == "xlink:href" || k == "action" {
				v := strings.ToLower(strings.TrimSpace(at.Val))
				if scheme, _, ok := strings.Cut(v, ":"); ok && !strings.ContainsAny(scheme, "/?#") && scheme != "http" && scheme != "https" && scheme != "mailto" {
					return "<" + n.Data + " " + at.Key + "=" + at.Val + ">"
				}
				if strings.HasPrefix(v, "//") || strings.HasPrefix(v, "/\\") {
					return "<" + n.Data + " " + at.Key + "=" + at.Val + ">"
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if a := active(c); a != "" {
			return a
		}
	}
	return ""
}

// FuzzRender renders a site from an arbitrary analysis: the strings of
// every field a template shows (title, authors, source, url, tags, the
// sentences, actor names and roles, incident and proposal summaries, dates,
// places, mechanisms) come from the fuzzer, as do the numbers. Render must
// not fail or panic, every HTML page must parse, and nothing the fuzzer
// wrote may become active markup.
//
//	go test -run '^$' -fuzz FuzzRender -fuzztime 60s ./templates
func FuzzRender(f *testing.F) {
	f.Add("Tanker for Tanker", "Jane Roe", "On July 4, Iran seized a tanker.", "Iran", "seizure", "2019-07-04", "https://example.org/x", 0.9, uint8(3))
	f.Add(payload, payload, payload, payload, payload, payload, "javascript:alert(1)", -1.5, uint8(255))
	f.Add("</title><script>x</script>", "<img src=x onerror=y>", "[a](javascript:b) ![c](data:d)", "</style>", "\"><svg onload=1>", "2019-13-45", "//evil.example", 1e300, uint8(7))
	f.Add("", "", "", "", "", "", "", 0.0, uint8(0))
	f.Add("\x00\xff\xfe", "\u202e", "a\n\nb\r\nc", "|", "#", "9999", "mailto:x@y", 0.5, uint8(1))
	st, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, author, text, name, kind, date, url string, num float64, n uint8) {
		a := fuzzAnalysis(title, author, text, name, kind, date, url, num, int(n))
		files, err := st.Render(NewSite(title, "fuzz", []*analyze.Analysis{a, strait()}))
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		for p, b := range files {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s does not parse: %v", p, err)
			}
			if a := active(doc); a != "" {
				t.Fatalf("%s has active markup %s", p, a)
			}
		}
	})
}

// fuzzAnalysis puts the fuzzer's strings in every field of an analysis
// shaped like a real one.
func fuzzAnalysis(title, author, text, name, kind, date, url string, num float64, n int) *analyze.Analysis {
	body := []line{
		{analyze.SectionTitle, title},
		{analyze.SectionByline, "By " + author},
		{analyze.SectionBody, "First " + text},
		{analyze.SectionBody, name + " said “" + text + "” today."},
		{analyze.SectionBody, "Then " + kind + " and " + name + " again."},
		{analyze.SectionComments, text + " says a reader."},
	}
	a := newDoc("fuzz-"+analyze.Slug(title), title, date, body)
	a.Doc.Authors = []string{author, name}
	a.Doc.Source, a.Doc.URL, a.Doc.Tags, a.Doc.Kind = name, url, []string{kind, text}, kind
	s := func(i int) int { return (n + i) % len(a.Sentences) }
	id := analyze.Slug(name)
	a.Actors = append(a.Actors,
		analyze.Actor{ID: id, Name: name, Kind: kind, Country: kind, Role: text, Salience: num,
			Mentions: []analyze.Mention{{Text: name, Sentence: s(3), Start: a.Sentences[s(3)].Start, End: a.Sentences[s(3)].Start, Section: a.Sentences[s(3)].Section}}},
		analyze.Actor{ID: "IRN", Name: "Iran " + name, Kind: analyze.KindState, Country: "IRN", Salience: 1,
			Mentions: []analyze.Mention{{Text: "Iran", Sentence: s(2), Section: analyze.SectionBody}}},
	)
	in := analyze.Incident{Type: kind, Summary: text, Date: date, DateText: date, DatePrecision: kind, Agents: []string{id, "IRN"},
		Targets: []string{name}, Location: name, Quantities: []analyze.Quantity{{Value: num, Unit: kind}}, Sentence: s(2),
		Section: analyze.SectionBody, Evidence: a.Sentences[s(2)].Text, Confidence: num, Trigger: kind, Object: text,
		Support: []analyze.Support{{Sentence: s(4), Section: analyze.SectionBody, Evidence: text}}}
	a.Incidents = append(a.Incidents, in, analyze.Incident{Type: "seizure", Summary: name, Date: "2019-07-20", DatePrecision: "day",
		Agents: []string{"IRN"}, Sentence: s(3), Section: analyze.SectionBody, Evidence: a.Sentences[s(3)].Text})
	a.Proposals = append(a.Proposals, analyze.Proposal{Mechanism: kind, Summary: text, Parties: []string{id, "IRN", name},
		Mediators: []string{name}, Where: name, Proposer: name, Rationale: []string{text}, Caveats: []string{name},
		Precedents: []string{kind}, Cues: []string{text}, Sentence: s(4), Section: analyze.SectionBody,
		Evidence: a.Sentences[s(4)].Text, Confidence: num, Rule: kind, Guards: []string{name}})
	a.Sources = []analyze.Source{{Name: name, Mentions: []analyze.Mention{{Text: name, Sentence: s(1), Section: analyze.SectionBody}}}}
	a.Warnings = []analyze.Warning{analyze.TextWarning(n, "%s", text)}
	a.Normalize()
	return a
}
