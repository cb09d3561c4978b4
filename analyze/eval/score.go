package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/brief-tool/brief/analyze"
)

// Counts are the outcomes of matching one category of items.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP). It is 1 when there is nothing to score at all
// (TP, FP and FN all 0) and 0 when only false negatives were found.
func (c Counts) Precision() float64 { return c.ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN). It is 1 when there is nothing to score at all
// (TP, FP and FN all 0) and 0 when only false positives were found.
func (c Counts) Recall() float64 { return c.ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, 2TP/(2TP+FP+FN); 1 when
// there is nothing to score at all.
func (c Counts) F1() float64 { return c.ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

// ratio returns num/den, 1 when there is nothing to score and 0 when den is
// 0 otherwise.
func (c Counts) ratio(num, den int) float64 {
	switch {
	case c.TP+c.FP+c.FN == 0:
		return 1
	case den == 0:
		return 0
	}
	return float64(num) / float64(den)
}

func (c *Counts) add(d Counts) { c.TP += d.TP; c.FP += d.FP; c.FN += d.FN }

// MarshalJSON writes the counts with their precision, recall and F1, rounded
// to four decimals.
func (c Counts) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		TP        int     `json:"tp"`
		FP        int     `json:"fp"`
		FN        int     `json:"fn"`
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
	}{c.TP, c.FP, c.FN, round4(c.Precision()), round4(c.Recall()), round4(c.F1())})
}

// Accuracy is the share of matched pairs that agree on an attribute.
type Accuracy struct {
	Correct, Total int
}

// Value is Correct/Total, and 1 when Total is 0 (no pair to judge).
func (a Accuracy) Value() float64 {
	if a.Total == 0 {
		return 1
	}
	return float64(a.Correct) / float64(a.Total)
}

func (a *Accuracy) add(b Accuracy) { a.Correct += b.Correct; a.Total += b.Total }

// MarshalJSON writes the accuracy with its value, rounded to four decimals.
func (a Accuracy) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Correct int     `json:"correct"`
		Total   int     `json:"total"`
		Value   float64 `json:"value"`
	}{a.Correct, a.Total, round4(a.Value())})
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// The values of Miss.Category.
const (
	catActor    = "actor"
	catIncident = "incident"
	catProposal = "proposal"
)

// The values of Miss.Kind.
const (
	falsePositive  = "false-positive"
	falseNegative  = "false-negative"
	wrongType      = "wrong-type"
	wrongAgent     = "wrong-agent"
	wrongMechanism = "wrong-mechanism"
)

// Miss is one error of an extraction: an item wrongly predicted or missed, or
// a matched pair that disagrees on type, agents or mechanism.
type Miss struct {
	// Category is actor, incident or proposal.
	Category string `json:"category"`
	// Kind is false-positive, false-negative, wrong-type, wrong-agent or
	// wrong-mechanism.
	Kind string `json:"kind"`
	// Text locates the item: the predicted actor's name or item's evidence
	// for a false positive, the gold actor's name or the item's first quote
	// for a false negative, the gold quote the prediction contains for a
	// wrong attribute.
	Text string `json:"text"`
	// Detail says what was expected or found.
	Detail string `json:"detail,omitempty"`
}

// DocScore is the score of one document, or the sum of several.
type DocScore struct {
	// Doc is the document's file name, as the gold names it.
	Doc       string `json:"doc"`
	Actors    Counts `json:"actors"`
	Incidents Counts `json:"incidents"`
	Proposals Counts `json:"proposals"`
	// IncidentType, IncidentAgent and Mechanism are judged over the matched
	// pairs (all of which have a required gold item); IncidentAgent only
	// over those whose gold item lists agents.
	IncidentType  Accuracy `json:"incident_type"`
	IncidentAgent Accuracy `json:"incident_agent"`
	Mechanism     Accuracy `json:"mechanism"`
	// Errors lists the misses: actors, then incidents, then proposals; in
	// each, gold items in file order (false negatives and wrong attributes),
	// then false positives in prediction order.
	Errors []Miss `json:"errors,omitempty"`
}

func (d *DocScore) add(e DocScore) {
	d.Actors.add(e.Actors)
	d.Incidents.add(e.Incidents)
	d.Proposals.add(e.Proposals)
	d.IncidentType.add(e.IncidentType)
	d.IncidentAgent.add(e.IncidentAgent)
	d.Mechanism.add(e.Mechanism)
}

// Score scores the analysis of one document against its gold annotation
// (which must not be nil; a nil analysis scores as one that found nothing).
// The rules are in the package comment.
func Score(a *analyze.Analysis, g *Gold) DocScore {
	if a == nil {
		a = &analyze.Analysis{}
	}
	s := DocScore{Doc: g.Doc}
	s.scoreActors(a, g)
	s.scoreIncidents(a, g)
	s.scoreProposals(a, g)
	return s
}

func (s *DocScore) miss(cat, kind, text, detail string) {
	s.Errors = append(s.Errors, Miss{Category: cat, Kind: kind, Text: text, Detail: detail})
}

func (s *DocScore) scoreActors(a *analyze.Analysis, g *Gold) {
	var preds []*analyze.Actor
	for i := range a.Actors {
		if slices.ContainsFunc(a.Actors[i].Mentions, func(m analyze.Mention) bool { return m.Section == analyze.SectionBody }) {
			preds = append(preds, &a.Actors[i])
		}
	}
	predNames := make([]map[string]bool, len(preds))
	for j, p := range preds {
		predNames[j] = map[string]bool{normName(p.Name): true}
		for _, m := range p.Mentions {
			predNames[j][normName(m.Text)] = true
		}
	}
	rel := make([][]bool, len(g.Actors))
	required := make([]bool, len(g.Actors))
	for i, ga := range g.Actors {
		required[i] = !ga.Optional
		rel[i] = make([]bool, len(preds))
		names := append([]string{ga.Name}, ga.Aliases...)
		for j, p := range preds {
			rel[i][j] = sameState(p, ga) || slices.ContainsFunc(names, func(n string) bool { return predNames[j][normName(n)] })
		}
	}
	m := pairUp(rel, required, len(preds), nil)
	for i, ga := range g.Actors {
		if required[i] && m.pred[i] < 0 {
			s.Actors.FN++
			detail := "kind " + ga.Kind
			if ga.Country != "" {
				detail += ", country " + ga.Country
			}
			s.miss(catActor, falseNegative, ga.Name, detail)
		}
	}
	for j, p := range preds {
		switch {
		case m.gold[j] >= 0:
			s.Actors.TP++
		case !m.neutral[j]:
			s.Actors.FP++
			s.miss(catActor, falsePositive, p.Name, fmt.Sprintf("id %s, kind %s", p.ID, p.Kind))
		}
	}
}

// sameState reports that a predicted and a gold actor are both states with
// the same country code.
func sameState(p *analyze.Actor, g GoldActor) bool {
	if p.Kind != analyze.KindState || g.Kind != analyze.KindState || g.Country == "" {
		return false
	}
	return strings.EqualFold(p.Country, g.Country) || (p.Country == "" && strings.EqualFold(p.ID, g.Country))
}

// item is what incidents and proposals share for matching.
type item struct {
	evidence []string // folded: the item's evidence, then its support's
	body     bool
	kind     string // type or mechanism
}

func newItem(section analyze.SectionKind, evidence string, support []analyze.Support, kind string) item {
	it := item{evidence: []string{foldText(evidence)}, body: section == analyze.SectionBody, kind: kind}
	for _, s := range support {
		it.evidence = append(it.evidence, foldText(s.Evidence))
		it.body = it.body || s.Section == analyze.SectionBody
	}
	return it
}

// matchedQuote returns the first of quotes that one of the item's evidence
// sentences contains, and whether there is one.
func (it item) matchedQuote(quotes []string) (string, bool) {
	for _, q := range quotes {
		fq := foldText(q)
		if fq == "" {
			continue
		}
		for _, e := range it.evidence {
			if strings.Contains(e, fq) {
				return q, true
			}
		}
	}
	return "", false
}

func firstQuote(qs []string) string {
	if len(qs) == 0 {
		return ""
	}
	return qs[0]
}

// goldItem is what gold incidents and proposals share for matching.
type goldItem struct {
	quotes   []string
	kind     string
	optional bool
}

// pairItems matches the body items among preds with gold; it returns the
// pairing and, for each prediction index of the pairing, its index in preds.
func pairItems(preds []item, gold []goldItem) (pairing, []int) {
	var body []int
	for j, p := range preds {
		if p.body {
			body = append(body, j)
		}
	}
	rel := make([][]bool, len(gold))
	required := make([]bool, len(gold))
	for i, gi := range gold {
		required[i] = !gi.optional
		rel[i] = make([]bool, len(body))
		for k, j := range body {
			_, rel[i][k] = preds[j].matchedQuote(gi.quotes)
		}
	}
	same := func(i, k int) bool { return gold[i].kind == preds[body[k]].kind }
	return pairUp(rel, required, len(body), same), body
}

func (s *DocScore) scoreIncidents(a *analyze.Analysis, g *Gold) {
	preds := make([]item, len(a.Incidents))
	for j, in := range a.Incidents {
		preds[j] = newItem(in.Section, in.Evidence, in.Support, in.Type)
	}
	gold := make([]goldItem, len(g.Incidents))
	for i, gi := range g.Incidents {
		gold[i] = goldItem{quotes: allQuotes(gi.Quote, gi.Quotes), kind: gi.Type, optional: gi.Optional}
	}
	m, body := pairItems(preds, gold)
	actors := map[string]*analyze.Actor{}
	for i := range a.Actors {
		actors[a.Actors[i].ID] = &a.Actors[i]
	}
	for i, gi := range g.Incidents {
		if gi.Optional {
			continue
		}
		if m.pred[i] < 0 {
			s.Incidents.FN++
			s.miss(catIncident, falseNegative, firstQuote(gold[i].quotes), "type "+gi.Type)
			continue
		}
		s.Incidents.TP++
		j := body[m.pred[i]]
		p := a.Incidents[j]
		quote, _ := preds[j].matchedQuote(gold[i].quotes)
		s.IncidentType.Total++
		if p.Type == gi.Type {
			s.IncidentType.Correct++
		} else {
			s.miss(catIncident, wrongType, quote, fmt.Sprintf("predicted %s, gold %s", p.Type, gi.Type))
		}
		if len(gi.Agents) == 0 {
			continue
		}
		s.IncidentAgent.Total++
		if agentsAgree(gi.Agents, p.Agents, actors) {
			s.IncidentAgent.Correct++
		} else {
			s.miss(catIncident, wrongAgent, quote, fmt.Sprintf("predicted [%s], gold [%s]",
				strings.Join(p.Agents, ", "), strings.Join(gi.Agents, ", ")))
		}
	}
	for k, j := range body {
		if m.gold[k] < 0 && !m.neutral[k] {
			s.Incidents.FP++
			s.miss(catIncident, falsePositive, a.Incidents[j].Evidence, "type "+a.Incidents[j].Type)
		}
	}
}

// agentsAgree reports that some gold agent names one of the predicted
// agents: its id, or the country or name of the actor with that id.
func agentsAgree(gold, pred []string, actors map[string]*analyze.Actor) bool {
	names := map[string]bool{}
	for _, id := range pred {
		names[normName(id)] = true
		if act := actors[id]; act != nil {
			names[normName(act.Country)] = true
			names[normName(act.Name)] = true
		}
	}
	delete(names, "")
	return slices.ContainsFunc(gold, func(g string) bool { return names[normName(g)] })
}

func (s *DocScore) scoreProposals(a *analyze.Analysis, g *Gold) {
	preds := make([]item, len(a.Proposals))
	for j, p := range a.Proposals {
		preds[j] = newItem(p.Section, p.Evidence, p.Support, p.Mechanism)
	}
	gold := make([]goldItem, len(g.Proposals))
	for i, gp := range g.Proposals {
		gold[i] = goldItem{quotes: allQuotes(gp.Quote, gp.Quotes), kind: gp.Mechanism, optional: gp.Optional}
	}
	m, body := pairItems(preds, gold)
	for i, gp := range g.Proposals {
		if gp.Optional {
			continue
		}
		if m.pred[i] < 0 {
			s.Proposals.FN++
			s.miss(catProposal, falseNegative, firstQuote(gold[i].quotes), "mechanism "+gp.Mechanism)
			continue
		}
		s.Proposals.TP++
		j := body[m.pred[i]]
		s.Mechanism.Total++
		if p := a.Proposals[j]; p.Mechanism == gp.Mechanism {
			s.Mechanism.Correct++
		} else {
			quote, _ := preds[j].matchedQuote(gold[i].quotes)
			s.miss(catProposal, wrongMechanism, quote, fmt.Sprintf("predicted %s, gold %s", p.Mechanism, gp.Mechanism))
		}
	}
	for k, j := range body {
		if m.gold[k] < 0 && !m.neutral[k] {
			s.Proposals.FP++
			s.miss(catProposal, falsePositive, a.Proposals[j].Evidence, "mechanism "+a.Proposals[j].Mechanism)
		}
	}
}
