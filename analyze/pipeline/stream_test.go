package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
	"testing"

	"github.com/brief-tool/brief/analyze/pipeline"
)

// Stream emits every result in input order, whatever order the workers
// finish in, and reads at most a bounded window ahead of what it emitted.
func TestStreamOrderAndWindow(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			p, err := pipeline.New(pipeline.Options{Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			const n = 300
			var mu sync.Mutex
			pulled, emitted, ahead := 0, 0, 0
			inputs := func(yield func(pipeline.Input) bool) {
				for i := 0; i < n; i++ {
					mu.Lock()
					pulled++
					ahead = max(ahead, pulled-emitted)
					mu.Unlock()
					in := pipeline.Input{Path: fmt.Sprintf("doc-%03d.txt", i)}
					if i%3 == 0 {
						in.Err = fmt.Errorf("input %d", i) // passed through at once
					} else {
						in.Data = []byte(fmt.Sprintf("Title %d\n\nThe navies of the two states met at sea on %d occasions.\n", i, i))
					}
					if !yield(in) {
						return
					}
				}
			}
			next := 0
			err = p.Stream(context.Background(), inputs, nil, func(o pipeline.Output) error {
				if o.Index != next || o.Input.Path != fmt.Sprintf("doc-%03d.txt", next) {
					t.Fatalf("emitted %d (%s), want %d", o.Index, o.Input.Path, next)
				}
				if (next%3 == 0) != (o.Err != nil) || (o.Err == nil && o.Analysis == nil) {
					t.Errorf("result %d: analysis %v, err %v", next, o.Analysis != nil, o.Err)
				}
				next++
				mu.Lock()
				emitted++
				mu.Unlock()
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if next != n {
				t.Errorf("emitted %d of %d", next, n)
			}
			// The window, plus the input waiting for a slot, plus the one
			// whose slot was freed as it is emitted.
			if limit := 4*workers + 2; ahead > limit {
				t.Errorf("read %d inputs ahead of the output, want at most %d", ahead, limit)
			}
		})
	}
}

// An error from emit stops the stream and is returned; so is a cancelled
// context.
func TestStreamStops(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	endless := iter.Seq[pipeline.Input](func(yield func(pipeline.Input) bool) {
		for i := 0; ; i++ {
			if !yield(pipeline.Input{Path: fmt.Sprint(i), Err: errors.New("x")}) {
				return
			}
		}
	})
	stop := errors.New("stop")
	n := 0
	err = p.Stream(context.Background(), endless, nil, func(pipeline.Output) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Errorf("err = %v after %d results, want stop after 10", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = p.Stream(ctx, endless, nil, func(pipeline.Output) error {
		if n++; n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
