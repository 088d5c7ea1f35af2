package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestLifecycleBetweenEntries: the rules on archived, replaced_by and former_ids that
// need several entries, each case a few files added to a copy of the valid corpus.
func TestLifecycleBetweenEntries(t *testing.T) {
	project := func(id, extra string) string {
		src, err := os.ReadFile(filepath.Join(validCorpus, "projects", "alpha-outreach.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Replace(string(src), "id: alpha-outreach", "id: "+id, 1) + extra
	}
	archived := "archived: {date: 2026-03-01, reason: {en: Merged., fr: Fusionné.}}\n"
	cases := []struct {
		name  string
		files map[string]string // projects/ID.yaml → content
		want  []string          // codes, in the order reported
	}{
		{"replacement archived too", map[string]string{
			"old-a": project("old-a", archived+"replaced_by: old-b\n"),
			"old-b": project("old-b", archived+"replaced_by: alpha-outreach\n"),
		}, []string{"replaced_by_archived"}},
		{"replacements in a cycle", map[string]string{
			"old-a": project("old-a", archived+"replaced_by: old-b\n"),
			"old-b": project("old-b", archived+"replaced_by: old-a\n"),
		}, []string{"replaced_by_archived", "replaced_by_archived"}},
		{"former id in two entries", map[string]string{
			"new-a": project("new-a", "former_ids: [first-name]\n"),
			"new-b": project("new-b", "former_ids: [first-name]\n"),
		}, []string{"former_id_twice"}},
		{"a chain that ends in a current entry", map[string]string{
			"old-a": project("old-a", archived+"replaced_by: new-a\n"),
			"new-a": project("new-a", "former_ids: [old-name, older-name]\n"),
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(validCorpus)); err != nil {
				t.Fatal(err)
			}
			for id, src := range c.files {
				if err := os.WriteFile(filepath.Join(dir, "projects", id+".yaml"), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Run(Options{DataDir: dir, Now: today, SiteConfig: siteConfig})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range res.Diagnostics {
				if d.Severity == diag.Error {
					got = append(got, d.Code)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("error codes %v, want %v:\n%s", got, c.want, render(t, res.Diagnostics))
			}
			checkCodes(t, res.Diagnostics)
		})
	}
}
