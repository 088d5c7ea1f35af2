package hugodata

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/sitetest"
)

// TestDerive: the derived data of the fixture corpus (related.json, history.json) and the
// mount of a data folder beside it; the refusals of Write hold for the derived folder.
func TestDerive(t *testing.T) {
	dir := t.TempDir()
	site, err := sitetest.Stage("../..", "../check/testdata/valid", dir)
	if err != nil {
		t.Fatal(err)
	}
	data, derived := filepath.Join(site, "data"), filepath.Join(site, "tmp", DerivedDir)
	notes, err := Derive(data, derived, site, derived+".toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || notes[0].Code != "history_unavailable" {
		t.Errorf("notes %v, want history_unavailable (no git repository)", notes)
	}
	var rel struct {
		Projects map[string][]struct{ ID string }
	}
	b, err := os.ReadFile(filepath.Join(derived, RelatedFile))
	if err != nil || json.Unmarshal(b, &rel) != nil {
		t.Fatalf("related.json: %v\n%s", err, b)
	}
	if got := rel.Projects["alpha-outreach"]; len(got) != 1 || got[0].ID != "gamma-inventory" {
		t.Errorf("related of alpha-outreach %v, want gamma-inventory", got)
	}
	if _, err := os.Stat(filepath.Join(derived, HistoryFile)); err != nil {
		t.Error(err)
	}
	toml, err := os.ReadFile(derived + ".toml")
	if err != nil {
		t.Fatal(err)
	}
	if want := "source = \"data\"\n    target = \"data\"\n  [[module.mounts]]\n    source = \"tmp/hugo-derived\"\n    target = \"data\""; !strings.Contains(string(toml), want) {
		t.Errorf("mount:\n%s\nwant:\n%s", toml, want)
	}

	foreign := filepath.Join(dir, "foreign")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	for name, out := range map[string]string{"a folder it did not make": foreign, "inside data/": filepath.Join(data, "projects", "x")} {
		if _, err := WriteDerived(data, out, site); !errors.Is(err, ErrOutRefused) {
			t.Errorf("%s: err %v, want a refusal", name, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(foreign, "notes.txt")); err != nil || string(b) != "mine" {
		t.Errorf("the foreign folder was touched: %q %v", b, err)
	}
}
