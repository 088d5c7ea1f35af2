package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"github.com/pssdc/guide-iad/tools/sitetest"
)

// TestHugoDataOpenData: hugo-data -opendata writes, from one read of data/ and git,
// exactly the files of hugo-data then opendata -history (make site and make serve before
// they were one step), with the entries' dates of change; an -opendata folder inside
// data/ is refused as guide opendata refuses it.
func TestHugoDataOpenData(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	site, err := sitetest.Stage("../..", "../check/testdata/valid", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(site)
	for _, args := range [][]string{{"init", "-q"}, {"add", "data"}, {"commit", "-q", "-m", "first"}} {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2025-03-01T12:00:00Z", "GIT_COMMITTER_DATE=2025-03-01T12:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	cases := []struct {
		name       string
		copyArgs   []string // before: hugo-data with these, then opendata -history
		oneArgs    []string // after: hugo-data with these and -opendata
		derivedOld string
	}{
		{"site", []string{"-out", "tmp/a/copy", "-derived", "tmp/a/derived"}, []string{"-out", "tmp/b/copy", "-derived", "tmp/b/derived"}, "tmp/a/derived"},
		{"serve", []string{"-derived", "tmp/c/derived"}, []string{"-derived", "tmp/d/derived"}, "tmp/c/derived"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oldDir, newDir := filepath.Dir(c.copyArgs[len(c.copyArgs)-1]), filepath.Dir(c.oneArgs[len(c.oneArgs)-1])
			if status, _, stderr := runCmd(cmdHugoData, c.copyArgs...); status != 0 {
				t.Fatalf("hugo-data: status %d: %s", status, stderr)
			}
			if status, _, stderr := runCmd(cmdOpenData, "-history", c.derivedOld+"/history.json", "-out", oldDir+"/opendata"); status != 0 {
				t.Fatalf("opendata: status %d: %s", status, stderr)
			}
			status, stdout, stderr := runCmd(cmdHugoData, append(c.oneArgs, "-opendata", newDir+"/opendata")...)
			if status != 0 || !strings.HasSuffix(stdout, newDir+"/opendata.toml\n") {
				t.Fatalf("hugo-data -opendata: status %d, stdout %q, stderr %s", status, stdout, stderr)
			}
			oldFiles, newFiles := testutil.ReadTree(t, oldDir), testutil.ReadTree(t, newDir) // the mounts, NAME.toml, among them
			if len(oldFiles) != len(newFiles) || len(newFiles) < 10 {
				t.Errorf("%d files before, %d after", len(oldFiles), len(newFiles))
			}
			for name, b := range oldFiles {
				// The mounts name their own folders.
				want := bytes.ReplaceAll(b, []byte(oldDir+"/"), []byte(newDir+"/"))
				if got, ok := newFiles[name]; !ok || !bytes.Equal(got, want) {
					t.Errorf("%s differs (or is missing) after", name)
				}
			}
			csv := newFiles["opendata/static/en/projects.csv"]
			if !bytes.Contains(csv, []byte(`"2025-03-01"`)) {
				t.Errorf("en/projects.csv has no date of change from git:\n%.300s", csv)
			}
		})
	}
	t.Run("opendata into data", func(t *testing.T) {
		status, _, stderr := runCmd(cmdHugoData, "-out", "tmp/e/copy", "-opendata", "data/open")
		if status == 0 || !strings.Contains(stderr, "data/open") {
			t.Errorf("status %d, stderr %q: want a refusal naming data/open", status, stderr)
		}
		if _, err := os.Stat("data/open"); err == nil {
			t.Error("data/open written")
		}
	})
}
