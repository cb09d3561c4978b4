package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
)

// TestSeedSections analyses the project's seed article, when the shared
// folder is there, and checks the page's parts are told apart: the photo
// caption, the author bios and the five reader comments.
func TestSeedSections(t *testing.T) {
	const seed = "../../../shared/seed/000_10d69e8ae03fa181.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skip("the shared seed article is not here")
	}
	var out, errb bytes.Buffer
	if err := executeEnv(context.Background(), []string{"analyze", "--format", "json", seed}, &out, &errb, func(string) string { return "" }); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	var a struct {
		Doc struct {
			Text string `json:"text"`
		} `json:"doc"`
		Sections []struct {
			Kind       string `json:"kind"`
			Start, End int
		} `json:"sections"`
		Actors []struct {
			ID       string `json:"id"`
			Salience float64
		} `json:"actors"`
	}
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, s := range a.Sections {
		count[s.Kind]++
	}
	if count["caption"] != 1 || count["bio"] != 1 || count["comments"] != 5 || count["body"] != 1 || count["title"] != 1 {
		t.Errorf("sections by kind = %v, want a title, a caption, a body, the bios and five comments", count)
	}
	// The bios' institutions and the commenters' countries are not the
	// article's actors.
	for _, ac := range a.Actors {
		if ac.ID == "BHR" && ac.Salience != 0 {
			t.Errorf("Bahrain, named only in a reader comment, has salience %v", ac.Salience)
		}
	}
}
