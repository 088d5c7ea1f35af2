package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/sitetest"
)

// TestHugoDataDerived: -out and -derived write the copy, the derived data and OUT.toml
// mounting both (make site); -derived alone writes only the derived data and DIR.toml
// mounting the data folder beside it (make serve); without -derived the derived data go
// beside -out.
func TestHugoDataDerived(t *testing.T) {
	dir := t.TempDir()
	site, err := sitetest.Stage("../..", "../check/testdata/valid", dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(site)
	cases := []struct {
		name  string
		args  []string
		toml  string   // printed and written
		mount []string // its sources
		made  []string // files that must exist
		not   []string // files that must not
	}{
		{"serve", []string{"-derived", "tmp/d1"}, "tmp/d1.toml", []string{"data", "tmp/d1"},
			[]string{"tmp/d1/related.json", "tmp/d1/history.json"}, []string{"tmp/hugo-data"}},
		{"site", []string{"-out", "tmp/c2", "-derived", "tmp/d2"}, "tmp/c2.toml", []string{"tmp/c2", "tmp/d2"},
			[]string{"tmp/c2/projects/alpha-outreach.json", "tmp/d2/related.json"}, []string{"tmp/c2/related.json", "tmp/c2/history.json", "tmp/d2.toml"}},
		{"default derived", []string{"-out", "tmp/x/c3"}, "tmp/x/c3.toml", []string{"tmp/x/c3", "tmp/x/hugo-derived"},
			[]string{"tmp/x/hugo-derived/related.json"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, stdout, stderr := runCmd(cmdHugoData, c.args...)
			if status != 0 || strings.TrimSpace(stdout) != c.toml {
				t.Fatalf("status %d, stdout %q (want %s), stderr %s", status, stdout, c.toml, stderr)
			}
			b, err := os.ReadFile(c.toml)
			if err != nil {
				t.Fatal(err)
			}
			var sources []string
			for _, line := range strings.Split(string(b), "\n") {
				if s, ok := strings.CutPrefix(strings.TrimSpace(line), "source = "); ok {
					sources = append(sources, strings.Trim(s, `"`))
				}
			}
			if strings.Join(sources, " ") != strings.Join(c.mount, " ") {
				t.Errorf("%s mounts %v, want %v", c.toml, sources, c.mount)
			}
			for _, f := range c.made {
				if _, err := os.Stat(filepath.FromSlash(f)); err != nil {
					t.Errorf("no %s", f)
				}
			}
			for _, f := range c.not {
				if _, err := os.Stat(filepath.FromSlash(f)); err == nil {
					t.Errorf("%s written", f)
				}
			}
		})
	}
}
