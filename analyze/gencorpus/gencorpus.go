// Package gencorpus writes a synthetic corpus of policy articles for
// benchmarks: each article is assembled from sentence patterns written for
// this project, with rivals, places, dates, incidents and proposals drawn
// from a seeded generator, so the same seed always gives the same bytes.
// The articles read like the shipped corpus (front matter, headings,
// incidents with dates, recommendations with reasons and caveats) at about
// 2,000 words each, in Markdown, plain text and HTML.
package gencorpus

import (
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// pair is two rivals, the waters or frontier between them and their
// capitals.
type pair struct {
	a, b       string // state names as the text writes them
	capA, capB string
	demA, demB string
	places     []string
}

var pairs = []pair{
	{"the United States", "China", "Washington", "Beijing", "American", "Chinese", []string{"the South China Sea", "the Taiwan Strait", "the East China Sea"}},
	{"India", "Pakistan", "New Delhi", "Islamabad", "Indian", "Pakistani", []string{"the Line of Control", "Kashmir"}},
	{"Iran", "the United States", "Tehran", "Washington", "Iranian", "American", []string{"the Strait of Hormuz", "the Persian Gulf", "the Gulf of Oman"}},
	{"Russia", "the United States", "Moscow", "Washington", "Russian", "American", []string{"the Black Sea", "the Baltic Sea", "Syria"}},
	{"Greece", "Turkey", "Athens", "Ankara", "Greek", "Turkish", []string{"the Aegean Sea", "the Eastern Mediterranean"}},
	{"Japan", "China", "Tokyo", "Beijing", "Japanese", "Chinese", []string{"the East China Sea"}},
	{"North Korea", "South Korea", "Pyongyang", "Seoul", "North Korean", "South Korean", []string{"the Yellow Sea", "the Korean Peninsula"}},
	{"India", "China", "New Delhi", "Beijing", "Indian", "Chinese", []string{"the Galwan Valley", "Ladakh"}},
	{"Russia", "Ukraine", "Moscow", "Kyiv", "Russian", "Ukrainian", []string{"the Black Sea", "the Sea of Azov"}},
	{"Armenia", "Azerbaijan", "Yerevan", "Baku", "Armenian", "Azerbaijani", []string{"the South Caucasus"}},
}

var (
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	authors = []string{"Mara Ellison", "Tomas Vidal", "Priya Raman", "Jonah Weller", "Ines Costa", "Kenji Arai", "Lena Brandt", "Samuel Okafor", "Hana Sato", "Omar Farouk", "Clara Novak", "Daniel Reyes"}
	outlets = []string{"The Deterrence Quarterly", "Maritime Security Review", "Strategic Notes", "The Crisis Desk", "Frontier Policy Journal"}
	kinds   = []string{"commentary", "analysis", "report", "op-ed"}
	vessels = []string{"a patrol boat", "a destroyer", "a frigate", "a coast guard cutter", "a surveillance aircraft", "a reconnaissance drone", "a fishing trawler", "an oil tanker"}
	forces  = []string{"navy", "air force", "coast guard", "army"}
)

// Incident sentences: %[1]s agent, %[2]s target demonym, %[3]s place,
// %[4]s date, %[5]s vessel, %[6]s force.
var incidents = []string{
	"On %[4]s, %[1]s fighter jets intercepted %[2]s %[5]s over %[3]s, flying within a few dozen meters of it.",
	"On %[4]s, the %[1]s %[6]s seized %[2]s %[5]s in %[3]s and escorted it to port.",
	"%[1]s forces shot down %[2]s %[5]s over %[3]s on %[4]s, saying it had entered their airspace.",
	"On %[4]s, %[1]s and %[2]s patrols clashed in %[3]s, leaving several soldiers injured on both sides.",
	"%[1]s %[5]s collided with %[2]s %[5]s in %[3]s on %[4]s after a series of close passes.",
	"On %[4]s, the %[1]s %[6]s deployed 2,500 troops to the edge of %[3]s, within sight of %[2]s positions.",
	"The %[1]s %[6]s fired warning shots at %[2]s %[5]s in %[3]s on %[4]s.",
	"On %[4]s, %[1]s officials threatened to sink any %[2]s vessel that entered %[3]s without notice.",
}

// Proposal sentences: %[1]s and %[2]s the rivals, %[3]s place.
var proposals = []string{
	"%[1]s and %[2]s should establish a direct hotline between their military commanders in %[3]s, staffed around the clock.",
	"Both governments should agree on rules of the road for encounters at sea and in the air over %[3]s.",
	"%[1]s should give %[2]s advance notification of large exercises near %[3]s, as the Helsinki Final Act once required in Europe.",
	"The two sides need to agree on a buffer zone in %[3]s where neither deploys heavy weapons.",
	"A neutral third party should mediate talks between %[1]s and %[2]s on the incidents in %[3]s.",
	"%[1]s and %[2]s must resume regular dialogue between their defense ministries, whatever the state of wider relations.",
	"Both militaries should exercise restraint and keep their aircraft at a safe distance from each other's vessels in %[3]s.",
	"It is time for %[1]s and %[2]s to sign an incidents-at-sea agreement modelled on the 1972 accord between Washington and Moscow.",
}

var reasons = []string{
	"First, a channel that is tested daily is one that works on the worst day.",
	"Second, commanders on the spot rarely have the authority to stand down without orders from the capital.",
	"Third, every unexplained incident feeds a story of hostile intent that politicians at home find hard to resist.",
	"The record of earlier crises suggests that a few hours of delay can decide whether an accident becomes a war.",
	"Both navies already share most of the procedures such an arrangement would require.",
}

var caveats = []string{
	"The risk is that either side treats the arrangement as a favour to be withdrawn in the next dispute.",
	"A hotline nobody answers is worse than none, because it breeds false confidence.",
	"Critics argue that any agreement would freeze a status quo that one of the two sides rejects.",
	"None of this will survive a leadership that sees incidents as useful pressure.",
}

var precedents = []string{
	"The 1972 Incidents at Sea Agreement between the United States and the Soviet Union cut dangerous encounters sharply within a few years.",
	"The hotline set up in 1963 after the Cuban missile crisis carried messages in the wars of 1967 and 1973.",
	"In 2014, the navies of the western Pacific adopted the Code for Unplanned Encounters at Sea, a set of signals and manoeuvres.",
	"The deconfliction line set up over Syria in 2015 was used hundreds of times by American and Russian officers.",
}

// Background sentences: %[1]s, %[2]s the rivals, %[3]s place, %[4]s and %[5]s capitals, %[6]s year.
var background = []string{
	"Relations between %[1]s and %[2]s have rarely been worse than they are today.",
	"Officials in %[4]s describe the patrols in %[3]s as routine, while officials in %[5]s call them provocations.",
	"Since %[6]s, the number of close encounters in %[3]s has grown every year, according to figures both governments publish.",
	"Neither government wants a war, but both have built their strategies around showing resolve in %[3]s.",
	"Diplomats from %[4]s and %[5]s met twice last year without agreeing on anything beyond a joint statement.",
	"The military balance in %[3]s has shifted quickly, and doctrine on both sides has not kept pace.",
	"Much of the danger lies in the gap between what commanders at sea may do and what their capitals would approve.",
	"Analysts in %[5]s note that the %[3]s patrols began after a change of government in %[4]s.",
	"Public opinion in both countries rewards leaders who look tough, which narrows the room for quiet compromise.",
	"Each side keeps records of the other's manoeuvres, and each reads in them a pattern of deliberate escalation.",
	"The economic ties between the two countries, once a brake on confrontation, have thinned since %[6]s.",
	"Exercises near %[3]s now involve more ships and aircraft than at any time in the past decade.",
}

var headings = []string{"What happened", "Why it matters", "The risk of escalation", "What should be done", "The limits of restraint", "Lessons from earlier crises"}

// Article is one generated article: its file name and bytes.
type Article struct {
	Name string
	Data []byte
}

// Generate returns n articles drawn with seed: the same arguments always
// give the same articles.
func Generate(n int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Article, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, article(r, i))
	}
	return out
}

// Write generates n articles into dir, creating it.
func Write(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, a := range Generate(n, seed) {
		if err := os.WriteFile(filepath.Join(dir, a.Name), a.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func article(r *rand.Rand, i int) Article {
	p := pick(r, pairs)
	if r.IntN(2) == 0 {
		p.a, p.b, p.capA, p.capB, p.demA, p.demB = p.b, p.a, p.capB, p.capA, p.demB, p.demA
	}
	year := 2005 + r.IntN(20)
	month := r.IntN(12)
	published := fmt.Sprintf("%d-%02d-%02d", year, month+1, 1+r.IntN(28))
	place := pick(r, p.places)
	title := fmt.Sprintf("%s in %s: %s", pick(r, []string{"Close Calls", "Collision Course", "A Dangerous Sea", "Talking Before Shooting", "Lines That Hold"}), strings.TrimPrefix(place, "the "), pick(r, []string{"Why a Hotline Matters", "What Both Sides Owe Each Other", "Rules Before Accidents", "The Case for Restraint"}))
	title = fmt.Sprintf("%s (%d)", title, i+1)
	cap1 := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	date := func() string {
		m := r.IntN(month + 1)
		return fmt.Sprintf("%s %d, %d", months[m], 1+r.IntN(28), year)
	}
	var paras [][]string // paragraphs of sentences; a heading is a paragraph of one "## " line
	bg := func() string {
		return fmt.Sprintf(pick(r, background), cap1(p.a), p.b, place, p.capA, p.capB, year-1-r.IntN(10))
	}
	inc := func() string {
		agent, target := p.demA, p.demB
		if r.IntN(3) == 0 {
			agent, target = target, agent
		}
		return fmt.Sprintf(pick(r, incidents), agent, target, place, date(), pick(r, vessels), pick(r, forces))
	}
	prop := func() string { return fmt.Sprintf(pick(r, proposals), cap1(p.a), p.b, place) }
	words := 0
	count := func(ss []string) {
		for _, s := range ss {
			words += len(strings.Fields(s))
		}
	}
	for h := 0; words < 1950; h++ {
		if h > 0 {
			paras = append(paras, []string{"## " + headings[(h-1)%len(headings)]})
		}
		for k := 0; k < 3 && words < 1950; k++ {
			var ps []string
			switch r.IntN(4) {
			case 0:
				ps = []string{bg(), inc(), bg(), inc(), bg()}
			case 1:
				ps = []string{bg(), bg(), bg(), pick(r, precedents), bg()}
			case 2:
				ps = []string{prop(), pick(r, reasons), pick(r, reasons), pick(r, caveats), bg()}
			default:
				ps = []string{bg(), prop(), pick(r, precedents), bg(), pick(r, caveats)}
			}
			count(ps)
			paras = append(paras, ps)
		}
	}
	author := pick(r, authors)
	name := fmt.Sprintf("article-%04d", i+1)
	switch i % 10 {
	case 7:
		return Article{Name: name + ".txt", Data: txt(title, author, date(), paras)}
	case 9:
		return Article{Name: name + ".html", Data: htmlDoc(title, author, published, paras)}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nauthors:\n  - %s\npublished: %q\nsource: %q\nkind: %s\ntags: [%s]\n---\n",
		title, author, published, pick(r, outlets), pick(r, kinds), strings.TrimPrefix(place, "the "))
	for j, ps := range paras {
		if j > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.Join(ps, " "))
		b.WriteString("\n")
	}
	return Article{Name: name + ".md", Data: []byte(b.String())}
}

func txt(title, author, date string, paras [][]string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nBy %s\n\n", title, author)
	for _, ps := range paras {
		line := strings.Join(ps, " ")
		line = strings.TrimPrefix(line, "## ")
		b.WriteString(line + "\n\n")
	}
	return []byte(b.String())
}

func htmlDoc(title, author, published string, paras [][]string) []byte {
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<meta name=\"author\" content=\"%s\">\n<meta property=\"article:published_time\" content=\"%sT08:00:00Z\">\n</head>\n<body>\n<article>\n<h1>%s</h1>\n",
		esc(title), esc(author), published, esc(title))
	for _, ps := range paras {
		if len(ps) == 1 && strings.HasPrefix(ps[0], "## ") {
			fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(strings.TrimPrefix(ps[0], "## ")))
			continue
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(strings.Join(ps, " ")))
	}
	b.WriteString("</article>\n</body>\n</html>\n")
	return []byte(b.String())
}
