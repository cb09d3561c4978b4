package eval

import "math"

// pairing is the outcome of matching the predictions of one category with
// its gold items.
type pairing struct {
	// pred[g] is the prediction matched with gold item g, or -1. Only
	// required items are matched.
	pred []int
	// gold[p] is the gold item matched with prediction p, or -1.
	gold []int
	// neutral[p] reports that prediction p, left unmatched, matches an
	// optional gold item and so counts neither way.
	neutral []bool
}

// pairUp matches predictions with required gold items one-to-one.
// rel[g][p] reports that prediction p matches gold item g; required[g] that
// item g is required; same(g, p), which may be nil, that the pair agrees on
// type or mechanism. The matching maximises, in this order of priority, the
// number of pairs; the number of matched predictions that match no optional
// item; the number of pairs that agree; and a preference for earlier
// predictions. See the package comment for why.
func pairUp(rel [][]bool, required []bool, nPred int, same func(g, p int) bool) pairing {
	res := pairing{pred: make([]int, len(rel)), gold: make([]int, nPred), neutral: make([]bool, nPred)}
	for g := range res.pred {
		res.pred[g] = -1
	}
	for p := range res.gold {
		res.gold[p] = -1
	}
	for g, row := range rel {
		if !required[g] {
			for p, ok := range row {
				res.neutral[p] = res.neutral[p] || ok
			}
		}
	}

	// Only required items and predictions with at least one edge between
	// them take part: the rest cannot be matched.
	rows, cols := participants(rel, required, nPred)
	if len(rows) == 0 {
		return res
	}

	// Lexicographic priorities as one integer weight: each level's unit
	// exceeds the largest possible total of all the levels below it.
	k := int64(min(len(rows), len(cols)))
	agree := k*int64(len(cols)) + 1 // unit of "the pair agrees"
	noOpt := agree * (k + 1)        // unit of "the prediction has no optional match"
	pair := noOpt * (k + 1)         // unit of "a pair"
	w := make([][]int64, len(rows))
	for i, g := range rows {
		w[i] = make([]int64, len(cols))
		for j, p := range cols {
			if !rel[g][p] {
				continue
			}
			x := pair + int64(len(cols)-j) // earlier predictions first
			if !res.neutral[p] {
				x += noOpt
			}
			if same != nil && same(g, p) {
				x += agree
			}
			w[i][j] = x
		}
	}
	for i, j := range maxWeightAssignment(w, len(cols)) {
		if j >= 0 && w[i][j] > 0 {
			g, p := rows[i], cols[j]
			res.pred[g], res.gold[p] = p, g
		}
	}
	for p := range res.neutral {
		if res.gold[p] >= 0 {
			res.neutral[p] = false
		}
	}
	return res
}

// participants returns the required gold items with at least one
// matching prediction (rows) and the predictions that match one (cols).
func participants(rel [][]bool, required []bool, nPred int) (rows, cols []int) {
	hasEdge := make([]bool, nPred)
	for g, row := range rel {
		if !required[g] {
			continue
		}
		found := false
		for p, ok := range row {
			if ok {
				found, hasEdge[p] = true, true
			}
		}
		if found {
			rows = append(rows, g)
		}
	}
	for p, ok := range hasEdge {
		if ok {
			cols = append(cols, p)
		}
	}
	return rows, cols
}

// maxWeightAssignment returns, for each row of the n×m weight matrix w, the
// column assigned to it (or -1) so that the total weight is largest. It is
// the Hungarian algorithm (O(max(n,m)³)) on the matrix padded square with
// zeros; callers treat a row assigned a zero weight as unassigned.
func maxWeightAssignment(w [][]int64, m int) []int {
	n := max(len(w), m)
	cost := func(i, j int) int64 { // 1-based; minimise the negated weight
		if i-1 < len(w) && j-1 < m {
			return -w[i-1][j-1]
		}
		return 0
	}
	const inf = math.MaxInt64 / 4
	u := make([]int64, n+1)
	v := make([]int64, n+1)
	p := make([]int, n+1)   // p[j]: row assigned to column j (0: none)
	way := make([]int, n+1) // way[j]: previous column on the augmenting path
	minv := make([]int64, n+1)
	used := make([]bool, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j], used[j] = inf, false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], int64(inf), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				if cur := cost(i0, j) - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	assign := make([]int, len(w))
	for i := range assign {
		assign[i] = -1
	}
	for j := 1; j <= n; j++ {
		if i := p[j]; i >= 1 && i <= len(w) && j <= m {
			assign[i-1] = j - 1
		}
	}
	return assign
}
