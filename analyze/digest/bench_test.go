package digest

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/brief-tool/brief/analyze"
)

// article generates a body of about words words: sentences of 12 to 28
// words drawn from a vocabulary with a few frequent words, some of them
// quoting someone, with actors named throughout and an incident and a
// proposal every fifty sentences, as an analysis leaves them.
func article(words int, seed int64) *analyze.Analysis {
	r := rand.New(rand.NewSource(seed))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	names := []string{"Iran", "Britain", "Oman", "Frank McKenzie"}
	var sentences []string
	for n := 0; n < words; {
		k := 12 + r.Intn(17)
		var b []string
		for j := 0; j < k; j++ {
			// Zipf-like: small ids are much more frequent.
			b = append(b, vocab[int(float64(len(vocab))*r.Float64()*r.Float64()*r.Float64())])
		}
		b[r.Intn(k)] = names[r.Intn(len(names))]
		s := strings.Join(b, " ") + "."
		if r.Intn(10) == 0 {
			s = names[r.Intn(len(names))] + " said: “" + s + "”"
		}
		sentences = append(sentences, s)
		n += k
	}
	a := doc(sentences...)
	addActor(a, "IRN", "Iran", analyze.KindState, "Iran")
	addActor(a, "GBR", "United Kingdom", analyze.KindState, "Britain")
	addActor(a, "OMN", "Oman", analyze.KindState, "Oman")
	addActor(a, "kenneth-mckenzie", "Kenneth McKenzie", analyze.KindPerson, "Frank McKenzie")
	for i := 0; i < len(sentences); i += 50 {
		a.Incidents = append(a.Incidents, analyze.Incident{Type: "seizure", Date: "2019-07-19", DatePrecision: "day",
			Agents: []string{"IRN"}, Targets: []string{"GBR"}, Sentence: i, Section: analyze.SectionBody, Confidence: r.Float64()})
		a.Proposals = append(a.Proposals, analyze.Proposal{Mechanism: "hotline", Parties: []string{"IRN", "GBR"}, Proposer: "authors",
			Rationale: []string{sentences[i]}, Caveats: []string{sentences[min(i+1, len(sentences)-1)]},
			Sentence: i, Section: analyze.SectionBody, Confidence: r.Float64()})
	}
	return a
}

// addActorAll names an actor at every occurrence of its word.
func addActorAll(a *analyze.Analysis, id, name, kind, w string) {
	ac := analyze.Actor{ID: id, Name: name, Kind: kind}
	for _, s := range a.Sentences {
		for off := 0; ; {
			i := strings.Index(s.Text[off:], w)
			if i < 0 {
				break
			}
			start := s.Start + off + i
			ac.Mentions = append(ac.Mentions, analyze.Mention{Text: w, Sentence: s.Index, Start: start, End: start + len(w), Section: s.Section})
			off += i + len(w)
		}
	}
	a.Actors = append(a.Actors, ac)
}

// BenchmarkDigest composes the digest of articles of 1k, 10k and 40k
// words; ns/word stays flat as the article grows (TextRank's graph is
// capped, every other pass is linear).
func BenchmarkDigest(b *testing.B) {
	st := New()
	for _, words := range []int{1000, 10000, 40000} {
		a := article(words, 1)
		a.Actors = nil
		for _, x := range []struct{ id, name, kind, w string }{
			{"IRN", "Iran", analyze.KindState, "Iran"}, {"GBR", "United Kingdom", analyze.KindState, "Britain"},
			{"OMN", "Oman", analyze.KindState, "Oman"}, {"kenneth-mckenzie", "Kenneth McKenzie", analyze.KindPerson, "Frank McKenzie"},
		} {
			addActorAll(a, x.id, x.name, x.kind, x.w)
		}
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			for b.Loop() {
				st.Apply(a)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
		})
	}
}

// BenchmarkMerge merges the timelines of corpora of 250, 500 and 1,000
// articles of 20 incidents each, dated over thirty years as a corpus of
// commentary is; ns/article stays flat as the corpus grows (the merge
// compares an incident only with the events of the days around it).
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{250, 500, 1000} {
		docs := corpus(n, 20, 1)
		r := rand.New(rand.NewSource(2))
		for _, a := range docs {
			for i := range a.Incidents {
				in := &a.Incidents[i]
				if in.Date == "" {
					continue
				}
				t := dayTime(r.Intn(30 * 365))
				switch in.DatePrecision {
				case "day":
					in.Date = t.Format("2006-01-02")
				case "month":
					in.Date = t.Format("2006-01")
				default:
					in.Date = t.Format("2006")
				}
			}
		}
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for b.Loop() {
				Merge(docs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/article")
		})
	}
}
