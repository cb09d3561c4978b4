package templates

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/brief-tool/brief/analyze"
)

// Chart is the geometry of an SVG timeline, computed at build time so that
// _partials/timeline.html only places shapes: one row per event, the event
// drawn at its date on a shared axis (a dot for a day, a ring for a month,
// a square for a year, at the middle of the period), with its label beside
// it. Coordinates are in SVG user units. List is the same events laid out
// for narrow screens: a vertical list, time running down.
type Chart struct {
	ID            string // prefix for element ids, unique on the page
	Title, Desc   string
	Width, Height int
	AxisY         int
	Ticks         []Tick
	// Breaks mark where the axis skips a long quiet stretch of time.
	Breaks []Break
	Rows   []ChartRow
	// Types are the incident types drawn, in the contract's order, for a
	// legend.
	Types []string
	// Precisions are the date precisions drawn (day, month, year), for
	// the legend of marks.
	Precisions []string
	// List is the narrow layout.
	List *ListChart
}

// ListChart is a timeline as a vertical list: a mark per event on a line
// running down the left edge, the date and type on one line and the
// summary on the next.
type ListChart struct {
	ID            string
	Width, Height int
	LineX         int
	Rows          []ListRow
}

// ListRow is one event of a ListChart.
type ListRow struct {
	X, Y       int // the mark's centre (X is the list's line); the date line is on it
	Mark, Type string
	Date       string // the date in words, and the type
	Summary    string // the second line, shortened to fit
	TextX      int
	Tooltip    string
	Href       string
}

// Tick is a labelled mark on the time axis.
type Tick struct {
	X      int
	Label  string
	Anchor string // start, middle or end: ticks near an edge lean inwards
}

// Break is a gap in the time axis at X, drawn with the path D.
type Break struct {
	X int
	D string
}

// ChartRow is one event of a timeline.
type ChartRow struct {
	Y int
	// X to X2 is the date's extent, MidX its middle, where the mark is
	// drawn; Mark is the date's precision (day, month or year), which
	// the mark's shape shows. Bar is always false: periods are no longer
	// drawn as bars, which made a year dominate the chart.
	X, X2, W, MidX int
	Mark           string
	Bar            bool
	Type           string
	// Label is shown beside the mark, at LabelX, anchored start or end;
	// Tooltip is the full text.
	Label   string
	LabelX  int
	Anchor  string
	Tooltip string
	// Href links to the evidence (an HTML page: figures are not Markdown).
	Href string
}

const (
	chartWidth  = 1080
	chartMargin = 16
	chartTop    = 46
	chartRow    = 26
	charWidth   = 7.4 // average width of a 14px sans-serif character

	listWidth = 360
	listTop   = 16
	listRow   = 46
	listChar  = 6.6 // average width of a 12px sans-serif character
)

// newTimeline lays out tl's events; title names the chart.
func newTimeline(tl *Timeline, from, title string) *Timeline {
	if len(tl.Events) == 0 {
		return tl
	}
	c := &Chart{ID: "timeline", Title: title, Width: chartWidth, AxisY: chartTop - 14}
	types := map[string]bool{}
	for _, ev := range tl.Events {
		types[ev.Type] = true
	}
	scale := newTimeScale(tl.Events, chartMargin, chartWidth-chartMargin)
	x := scale.x
	for _, seg := range scale.segs {
		budget := max(1, int(seg.x1-seg.x0)/100)
		c.Ticks = append(c.Ticks, ticks(seg.d0, seg.d1, budget, x)...)
	}
	for i := range c.Ticks {
		switch t := &c.Ticks[i]; {
		case t.X < 40:
			t.Anchor = "start"
		case t.X > chartWidth-40:
			t.Anchor = "end"
		default:
			t.Anchor = "middle"
		}
	}
	for i := 1; i < len(scale.segs); i++ {
		bx := int(math.Round((scale.segs[i-1].x1 + scale.segs[i].x0) / 2))
		c.Breaks = append(c.Breaks, Break{X: bx,
			D: fmt.Sprintf("M%d %d l6 -12 M%d %d l6 -12", bx-6, c.AxisY+6, bx, c.AxisY+6)})
	}
	for _, t := range analyze.IncidentTypes {
		if types[t] {
			c.Types = append(c.Types, t)
			delete(types, t)
		}
	}
	var rest []string
	for t := range types {
		rest = append(rest, t)
	}
	sort.Strings(rest)
	c.Types = append(c.Types, rest...)
	precisions := map[string]bool{}
	list := &ListChart{ID: "timeline-list", Width: listWidth, LineX: 14}
	for i, ev := range tl.Events {
		r := ChartRow{Y: chartTop + i*chartRow, X: x(ev.start), X2: x(ev.end + 1), Type: ev.Type, Mark: mark(ev.DatePrecision)}
		precisions[r.Mark] = true
		r.X2 = max(r.X2, r.X+1)
		r.W = r.X2 - r.X
		r.MidX = (r.X + r.X2) / 2
		if r.Mark == "day" {
			r.MidX = r.X
		}
		when := ev.When
		if when == "" {
			when = ev.Date
		}
		// The summary ends on the date, which the row already opens with.
		summary := strings.TrimSuffix(ev.Summary, ", "+ev.When)
		text := when + " · " + ev.Type + " · " + summary
		if n := len(ev.Reports); n > 1 {
			text += fmt.Sprintf(" (%d reports)", n)
		}
		r.Tooltip = text
		if r.MidX < chartWidth/2 {
			r.Anchor, r.LabelX = "start", r.MidX+10
		} else {
			r.Anchor, r.LabelX = "end", r.MidX-10
		}
		room := r.LabelX - chartMargin
		if r.Anchor == "start" {
			room = chartWidth - chartMargin - r.LabelX
		}
		r.Label = trunc(max(int(float64(room)/charWidth), 12), text)
		r.Href = htmlHref(ev.Reports[0].Href)
		c.Rows = append(c.Rows, r)
		lr := ListRow{X: list.LineX, Y: listTop + i*listRow, Mark: r.Mark, Type: ev.Type, Date: when + " · " + ev.Type,
			TextX: list.LineX + 14, Tooltip: text, Href: r.Href}
		lr.Summary = trunc(int(float64(listWidth-lr.TextX-4)/listChar), summary)
		list.Rows = append(list.Rows, lr)
	}
	for _, p := range []string{"day", "month", "year"} {
		if precisions[p] {
			c.Precisions = append(c.Precisions, p)
		}
	}
	list.Height = listTop + len(tl.Events)*listRow - 8
	c.List = list
	c.Height = chartTop + len(tl.Events)*chartRow
	c.Desc = fmt.Sprintf("%d %s from %s to %s; each links to the sentence that reports it.",
		len(tl.Events), plural(len(tl.Events), "dated incident", "dated incidents"), tl.Events[0].Date, tl.Events[len(tl.Events)-1].Date)
	tl.Chart = c
	return tl
}

// mark is the shape that shows a date's precision.
func mark(precision string) string {
	switch precision {
	case "month", "year":
		return precision
	}
	return "day"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ticks chooses calendar ticks for the days [d0, d1]: at most budget of
// them (roughly), on whole weeks, months or years.
func ticks(d0, d1, budget int, x func(int) int) []Tick {
	t0, t1 := dayTime(d0), dayTime(d1)
	span := d1 - d0
	var out []Tick
	if span <= 70 {
		if budget <= 2 {
			// Too narrow for days: one tick naming the month.
			mid := dayTime((d0 + d1) / 2)
			first := int(time.Date(mid.Year(), mid.Month(), 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
			if first < d0 {
				first = (d0 + d1) / 2
			}
			return []Tick{{X: x(first), Label: mid.Format("Jan 2006")}}
		}
		step := 7
		if span <= 14 {
			step = 2
		}
		step = max(step, span/budget+1)
		for d := d0; d <= d1; d += step {
			label := dayTime(d).Format("2 Jan")
			if d == d0 {
				label = dayTime(d).Format("2 Jan 2006")
			}
			out = append(out, Tick{X: x(d), Label: label})
		}
		return out
	}
	months := []int{1, 2, 3, 6, 12, 24, 60, 120, 240, 600}
	step := months[len(months)-1]
	for _, m := range months {
		if span/(30*m) <= budget {
			step = m
			break
		}
	}
	t := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
	if step >= 12 {
		y := t0.Year() / (step / 12) * (step / 12)
		t = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		m := (int(t.Month()) - 1) / step * step
		t = time.Date(t.Year(), time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
	}
	for ; !t.After(t1); t = t.AddDate(0, step, 0) {
		if t.Before(t0) {
			continue
		}
		label := t.Format("Jan 2006")
		if step >= 12 {
			label = t.Format("2006")
		}
		out = append(out, Tick{X: x(int(t.Unix() / 86400)), Label: label})
	}
	return out
}

// timeScale maps days to x. Events far apart in time would crowd into the
// ends of a linear axis (one 1972 precedent in an article about 2023), so
// the axis is cut where nothing happens for a long while: each cluster of
// events gets a segment, wide in proportion to its span, and the segments
// are joined by breaks.
type timeScale struct{ segs []segment }

type segment struct {
	d0, d1 int // days, d1 exclusive
	x0, x1 float64
}

const (
	breakWidth = 28.0
	minSegment = 70.0
)

func newTimeScale(evs []*Event, left, right int) timeScale {
	type span struct{ s, e int }
	var spans []span
	for _, ev := range evs {
		spans = append(spans, span{ev.start, ev.end + 1})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].s < spans[j].s })
	last := 0
	for _, sp := range spans {
		last = max(last, sp.e)
	}
	total := last - spans[0].s
	// A gap longer than a sixth of the whole (and than a year) breaks the
	// axis.
	maxGap := max(total/6, 366)
	var segs []segment
	cur := segment{d0: spans[0].s, d1: spans[0].e}
	for _, sp := range spans[1:] {
		if sp.s-cur.d1 > maxGap {
			segs = append(segs, cur)
			cur = segment{d0: sp.s, d1: sp.e}
			continue
		}
		cur.d1 = max(cur.d1, sp.e)
	}
	segs = append(segs, cur)
	// Each segment gets room in proportion to its events (rows), so that a
	// lone precedent takes little of it.
	count := make([]int, len(segs))
	for _, sp := range spans {
		for i := range segs {
			if sp.s >= segs[i].d0 && sp.s < segs[i].d1 {
				count[i]++
				break
			}
		}
	}
	for i := range segs {
		pad := max((segs[i].d1-segs[i].d0)/25, 10)
		segs[i].d0 -= pad
		segs[i].d1 += pad
	}
	avail := float64(right-left) - breakWidth*float64(len(segs)-1) - minSegment*float64(len(segs))
	x := float64(left)
	for i := range segs {
		w := minSegment + avail*float64(count[i])/float64(len(spans))
		segs[i].x0, segs[i].x1 = x, x+w
		x += w + breakWidth
	}
	return timeScale{segs}
}

func (ts timeScale) x(d int) int {
	seg := ts.segs[len(ts.segs)-1]
	for _, s := range ts.segs {
		if d < s.d1 {
			seg = s
			break
		}
	}
	f := float64(d-seg.d0) / float64(seg.d1-seg.d0)
	return int(math.Round(seg.x0 + f*(seg.x1-seg.x0)))
}

func dayTime(d int) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// labelGap is the least vertical distance between two labels on the same
// side of the network, for 15px text; labelColumn how far outside the
// circle the columns of labels stand.
const (
	labelGap    = 19
	labelColumn = 24
)

// spreadLabels moves labels apart so that none overlaps another: labels in
// each column are taken from top to bottom and pushed down to keep
// labelGap between them, then back up if the last would leave the
// drawing. A label away from its node gets a leader line to it.
func spreadLabels(nodes []*Node, height int) {
	for _, anchor := range []string{"start", "end"} {
		var side []*Node
		for _, nd := range nodes {
			if nd.Anchor == anchor {
				side = append(side, nd)
			}
		}
		sort.SliceStable(side, func(i, j int) bool { return side[i].LabelY < side[j].LabelY })
		for i := 1; i < len(side); i++ {
			side[i].LabelY = max(side[i].LabelY, side[i-1].LabelY+labelGap)
		}
		if k := len(side) - 1; k >= 0 && side[k].LabelY > height-6 {
			side[k].LabelY = height - 6
			for i := k - 1; i >= 0; i-- {
				side[i].LabelY = min(side[i].LabelY, side[i+1].LabelY-labelGap)
			}
		}
		for _, nd := range side {
			if d := nd.LabelX - nd.X; d > nd.R+8 || d < -nd.R-8 || nd.LabelY-5-nd.Y > 3 || nd.LabelY-5-nd.Y < -3 {
				nd.Leader = true
				nd.LeaderX, nd.LeaderY = nd.LabelX-2, nd.LabelY-5
				if anchor == "end" {
					nd.LeaderX = nd.LabelX + 2
				}
			}
		}
	}
}

// Network is the actor network: actors named in the same body sentence
// are tied, the more sentences the heavier the tie. Its geometry is for
// _partials/network.html; Ties list every tie for the page's table.
type Network struct {
	Title, Desc   string
	Width, Height int
	Nodes         []*Node
	Edges         []*Edge // drawn, lightest first so heavy ties lie on top
	// Ties are all the ties, heaviest first; Omitted counts the actors
	// with ties that are not drawn (only the maxNodes most connected are).
	Ties    []*Edge
	Omitted int
	// Legend names the kinds of actor drawn, with the place of each key.
	Legend []LegendKey
}

// key writes what network.md and _partials/network.html show: all of it.
func (n *Network) key(k *keyHash) {
	k.str(n.Title, n.Desc)
	k.num(n.Width)
	k.num(n.Height)
	k.num(len(n.Nodes))
	for _, nd := range n.Nodes {
		nd.key(k)
	}
	for _, es := range [][]*Edge{n.Edges, n.Ties} {
		k.num(len(es))
		for _, e := range es {
			e.key(k)
		}
	}
	k.num(n.Omitted)
	k.num(len(n.Legend))
	for _, l := range n.Legend {
		l.key(k)
	}
}

// LegendKey is one entry of the network's legend.
type LegendKey struct {
	Kind, Label string
	X, Y        int
}

func (l LegendKey) key(k *keyHash) {
	k.str(l.Kind, l.Label)
	k.num(l.X)
	k.num(l.Y)
}

// Node is an actor of the network drawing.
type Node struct {
	ID, Name, Kind string
	Href           string // the actor page, relative to the site root (Markdown)
	HTMLHref       string // the same, for the SVG
	Degree         int    // sentences shared with any other actor
	X, Y, R        int
	LabelX, LabelY int
	Anchor         string
	// Leader is true when the label had to move away from the node to
	// keep clear of its neighbours' labels: a line joins them, from
	// (X, Y) to (LeaderX, LeaderY).
	Leader           bool
	LeaderX, LeaderY int
}

func (nd *Node) key(k *keyHash) {
	k.str(nd.ID, nd.Name, nd.Kind, nd.Href, nd.HTMLHref, nd.Anchor)
	for _, v := range []int{nd.Degree, nd.X, nd.Y, nd.R, nd.LabelX, nd.LabelY, nd.LeaderX, nd.LeaderY} {
		k.num(v)
	}
	k.flag(nd.Leader)
}

// Edge is a tie between two actors.
type Edge struct {
	A, B           Ref
	Weight         int
	Drawn          bool
	X1, Y1, X2, Y2 int
	Width          float64
}

func (e *Edge) key(k *keyHash) {
	e.A.key(k)
	e.B.key(k)
	for _, v := range []int{e.Weight, e.X1, e.Y1, e.X2, e.Y2} {
		k.num(v)
	}
	k.flag(e.Drawn)
	k.flt(e.Width)
}

const maxNodes = 28

func newNetwork(s *Site) *Network {
	n := &Network{Title: "Actors named in the same sentences", Width: 1080, Height: 640}
	type pair struct{ a, b string }
	weight := map[pair]int{}
	for _, art := range s.Articles {
		bySentence := map[int][]string{}
		for _, av := range art.Body {
			seen := map[int]bool{}
			for _, m := range av.Mentions {
				if m.Section == analyze.SectionBody && !seen[m.Sentence] {
					seen[m.Sentence] = true
					bySentence[m.Sentence] = append(bySentence[m.Sentence], av.ID)
				}
			}
		}
		for _, ids := range bySentence {
			sort.Strings(ids)
			for i := range ids {
				for j := i + 1; j < len(ids); j++ {
					if ids[i] != ids[j] {
						weight[pair{ids[i], ids[j]}]++
					}
				}
			}
		}
	}
	degree := map[string]int{}
	var pairs []pair
	for p, w := range weight {
		pairs = append(pairs, p)
		degree[p.a] += w
		degree[p.b] += w
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if weight[a] != weight[b] {
			return weight[a] > weight[b]
		}
		if a.a != b.a {
			return a.a < b.a
		}
		return a.b < b.b
	})
	ref := func(id string) Ref {
		ap := s.actors[id]
		return Ref{Name: ap.Name, Href: "actors/" + ap.Slug + ".md"}
	}
	for _, p := range pairs {
		n.Ties = append(n.Ties, &Edge{A: ref(p.a), B: ref(p.b), Weight: weight[p]})
		// pairs are heaviest first: each actor's page lists its ten
		// heaviest ties.
		for _, x := range [][2]string{{p.a, p.b}, {p.b, p.a}} {
			ap, other := s.actors[x[0]], s.actors[x[1]]
			if len(ap.Ties) < 10 {
				ap.Ties = append(ap.Ties, Tie{Actor: Ref{Name: other.Name, Href: other.Slug + ".md"}, Count: weight[p]})
			}
		}
	}
	var ids []string
	for id := range degree {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if degree[ids[i]] != degree[ids[j]] {
			return degree[ids[i]] > degree[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > maxNodes {
		n.Omitted = len(ids) - maxNodes
		ids = ids[:maxNodes]
	}
	if len(ids) == 0 {
		return n
	}
	// Around a circle, actors of one country side by side.
	sort.SliceStable(ids, func(i, j int) bool {
		ci, cj := s.actors[ids[i]].Country, s.actors[ids[j]].Country
		if (ci == "") != (cj == "") {
			return cj == ""
		}
		if ci != cj {
			return ci < cj
		}
		return ids[i] < ids[j]
	})
	maxDeg := 1
	for _, id := range ids {
		maxDeg = max(maxDeg, degree[id])
	}
	cx, cy, radius := float64(n.Width)/2, float64(n.Height)/2, 245.0
	nodes := map[string]*Node{}
	for i, id := range ids {
		ap := s.actors[id]
		angle := 2*math.Pi*float64(i)/float64(len(ids)) - math.Pi/2
		cos, sin := math.Cos(angle), math.Sin(angle)
		nd := &Node{ID: id, Name: ap.Name, Kind: ap.Kind, Href: "actors/" + ap.Slug + ".md", HTMLHref: "actors/" + ap.Slug + ".html",
			Degree: degree[id],
			X:      int(math.Round(cx + radius*cos)), Y: int(math.Round(cy + radius*sin)),
			R: 4 + int(math.Round(8*math.Sqrt(float64(degree[id])/float64(maxDeg)))),
		}
		// Labels stand in two columns outside the circle, so that none
		// lies across a node; a leader line joins each to its node.
		if nd.X >= int(cx) {
			nd.Anchor, nd.LabelX = "start", int(cx+radius)+labelColumn
		} else {
			nd.Anchor, nd.LabelX = "end", int(cx-radius)-labelColumn
		}
		nd.LabelY = nd.Y + 5
		nodes[id] = nd
		n.Nodes = append(n.Nodes, nd)
	}
	spreadLabels(n.Nodes, n.Height)
	kinds := map[string]bool{}
	for _, nd := range n.Nodes {
		kinds[nd.Kind] = true
	}
	for _, k := range []struct{ kind, label string }{
		{analyze.KindState, "state"}, {analyze.KindPerson, "person"}, {analyze.KindOrganization, "organisation"},
		{analyze.KindMilitary, "military"}, {analyze.KindGroup, "armed group"},
	} {
		if kinds[k.kind] {
			n.Legend = append(n.Legend, LegendKey{Kind: k.kind, Label: k.label, X: 16, Y: 24 + 22*len(n.Legend)})
		}
	}
	maxW := 1
	if len(pairs) > 0 {
		maxW = weight[pairs[0]]
	}
	for i, p := range pairs {
		a, b := nodes[p.a], nodes[p.b]
		if a == nil || b == nil {
			continue
		}
		e := n.Ties[i]
		e.Drawn = true
		e.X1, e.Y1, e.X2, e.Y2 = a.X, a.Y, b.X, b.Y
		e.Width = math.Round((0.75+4.25*float64(e.Weight)/float64(maxW))*10) / 10
		n.Edges = append(n.Edges, e)
	}
	for i, j := 0, len(n.Edges)-1; i < j; i, j = i+1, j-1 {
		n.Edges[i], n.Edges[j] = n.Edges[j], n.Edges[i]
	}
	n.Desc = fmt.Sprintf("%d actors around a circle, %s; a line joins two actors named in the same sentence, thicker for more sentences. The table below lists every tie.",
		len(n.Nodes), strings.TrimSpace(fmt.Sprintf("%d %s drawn", len(n.Edges), plural(len(n.Edges), "tie", "ties"))))
	return n
}
