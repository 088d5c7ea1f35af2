package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// TestFirstTimeContributor plays what a first-time contributor runs (issue 20, items
// 7–9): guide validate, guide fmt, guide validate again, on files as they really come
// (CRLF line ends, tabs, a file named like a title, a copied sample), and compares the
// whole transcript with testdata/firsttime/NAME.golden (go test -update).
func TestFirstTimeContributor(t *testing.T) {
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join("../check/testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	crlfTabErrors := fixture("invalid/projects/tab-crlf-errors.yaml")
	for _, tc := range []struct {
		name  string
		file  string // under data/projects/
		src   string
		steps [][]string // commands, the file's path appended
	}{
		{"crlf-tab-errors", "tab-crlf-errors.yaml", crlfTabErrors, [][]string{
			{"validate"}, {"validate", "-lang", "fr"}, {"fmt", "-check"}, {"fmt"}, {"validate"}}},
		{"crlf-tab-syntax", "tab-crlf-errors.yaml",
			strings.Replace(crlfTabErrors, "reviewed: yesterday", "reviewed: [2026-02-10", 1), [][]string{
				{"validate"}, {"fmt"}, {"fmt", "-lang", "fr"}, {"validate"}}},
		{"file-named-like-a-title", "Sask Highway Permit Forecasting.yaml",
			fixture("invalid/projects/Sask Highway Permit Forecasting.yaml"), [][]string{{"validate"}, {"validate", "-lang", "fr"}}},
		{"copied-sample", "copied-sample.yaml",
			strings.NewReplacer("id: illustrative-comment", "id: copied-sample", "reviewed:", "practices: [start-small]\nreviewed:").
				Replace(fixture("warnings/projects/illustrative-comment.yaml")), [][]string{{"validate"}, {"validate", "-lang", "fr"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := copyValidCorpus(t)
			path := filepath.Join(data, "projects", tc.file)
			if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			var transcript bytes.Buffer
			for _, step := range tc.steps {
				var out, errOut bytes.Buffer
				status := run(append(append(step, "-data", data), path), &out, &errOut)
				fmt.Fprintf(&transcript, "$ guide %s FILE\n%s%sexit %d\n", strings.Join(step, " "), out.String(), errOut.String(), status)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&transcript, "--- the file afterwards: %d CR, %d tabs\n", bytes.Count(after, []byte("\r")), bytes.Count(after, []byte("\t")))
			got := strings.ReplaceAll(transcript.String(), data+string(filepath.Separator), "data/")
			testutil.Golden(t, "./tools/guide", filepath.Join("testdata", "firsttime", tc.name+".golden"), []byte(got))
		})
	}
}
