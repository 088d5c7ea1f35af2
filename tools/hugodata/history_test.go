package hugodata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/gitrepo"
)

// TestWriteHistory: guide hugo-data writes history.json beside the copy and says when the
// history is missing or cut short (a shallow clone), with the date it starts at.
func TestWriteHistory(t *testing.T) {
	full := gitrepo.New(t, t.TempDir())
	full.Commit("2026-01-10", "one", map[string]string{"data/projects/alpha.yaml": "id: alpha\n"})
	full.Commit("2026-02-20", "two", map[string]string{"data/projects/alpha.yaml": "id: alpha\nreviewed: 2026-02-20\n"})
	shallow := filepath.Join(t.TempDir(), "clone")
	full.Git("", "clone", "-q", "--depth", "1", "file://"+full.Dir, shallow)
	cases := []struct {
		name, data, code string
		available        bool
	}{
		{"no git", t.TempDir(), "history_unavailable", false},
		{"whole history", filepath.Join(full.Dir, "data"), "", true},
		{"shallow clone", filepath.Join(shallow, "data"), "history_shallow", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			notes, err := WriteHistory(c.data, out)
			if err != nil {
				t.Fatal(err)
			}
			code := ""
			if len(notes) > 0 {
				code = notes[0].Code
			}
			if len(notes) > 1 || code != c.code {
				t.Errorf("notes %v, want %q", notes, c.code)
			}
			if c.code == "history_shallow" && notes[0].Args["since"] != "2026-02-20" {
				t.Errorf("shallow since %v, want 2026-02-20", notes[0].Args["since"])
			}
			b, err := os.ReadFile(filepath.Join(out, HistoryFile))
			if err != nil {
				t.Fatal(err)
			}
			var h struct{ Available bool }
			if err := json.Unmarshal(b, &h); err != nil || h.Available != c.available {
				t.Errorf("history.json available %v (%v), want %v", h.Available, err, c.available)
			}
		})
	}
}
