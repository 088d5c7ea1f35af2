package opendatatest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/csvcell"
)

// TestCSVCellAgrees: the Hugo partial that neutralises the open-data CSV cells
// (layouts/_partials/opendata/csv-cell.html) and the Go package every Go writer uses
// (tools/internal/csvcell) give the same cell for each of csvcell.Cases: a site of one
// page runs the partial on them.
func TestCSVCellAgrees(t *testing.T) {
	dir := t.TempDir()
	partial, err := os.ReadFile(filepath.Join(repo, "layouts", "_partials", "opendata", "csv-cell.html"))
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, c := range csvcell.Cases {
		in = append(in, c.In)
	}
	cases, _ := json.Marshal(in)
	files := map[string]string{
		"hugo.toml": `disableKinds = ["page", "section", "taxonomy", "term", "sitemap", "robotsTXT", "404", "rss"]
[outputs]
home = ["json"]
`,
		"data/cases.json":                          string(cases),
		"layouts/_partials/opendata/csv-cell.html": string(partial),
		"layouts/home.json": `{{- $out := slice -}}
{{- range hugo.Data.cases }}{{ $out = $out | append (partial "opendata/csv-cell.html" .) }}{{ end -}}
{{- jsonify $out -}}`,
	}
	for name, text := range files {
		p := filepath.Join(dir, "site", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "tool", "hugo", "--source", filepath.Join(dir, "site"), "--destination", filepath.Join(dir, "public"), "--panicOnWarning")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if len(got) != len(csvcell.Cases) {
		t.Fatalf("the partial gave %d cells for %d cases: %q", len(got), len(csvcell.Cases), got)
	}
	for i, c := range csvcell.Cases {
		if got[i] != c.Out || csvcell.Escape(c.In) != c.Out {
			t.Errorf("%q: the partial writes %q, csvcell %q, want %q", c.In, got[i], csvcell.Escape(c.In), c.Out)
		}
	}
}
