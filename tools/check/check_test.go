package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// today is fixed so that "in the future" and review-age rules give stable results.
var today = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

const (
	validCorpus = "testdata/valid"
	// siteConfig names the site sections, so that links between pages are checked.
	siteConfig = "../../config.toml"
)

func render(t *testing.T, l diag.List) string {
	t.Helper()
	var b bytes.Buffer
	for _, d := range l {
		b.WriteString(filepath.ToSlash(d.String()))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestValidCorpus: the valid corpus has no errors; its warnings are the expected ones.
func TestValidCorpus(t *testing.T) {
	res, err := Run(Options{DataDir: validCorpus, Now: today, SiteConfig: siteConfig})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("valid corpus has errors:\n%s", render(t, res.Diagnostics))
	}
	testutil.Golden(t, "./tools/check", filepath.Join("testdata", "valid.golden"), []byte(render(t, res.Diagnostics)))
	if res.Files != 9 {
		t.Errorf("files checked = %d, want 9", res.Files)
	}
}

// TestInvalid checks each fixture of testdata/invalid/KIND/ against the valid corpus:
// it must produce at least one error and exactly its golden output. Every fixture
// needs a golden file and a first-line comment saying why it fails; every golden file
// needs its fixture.
func TestInvalid(t *testing.T) {
	fixtures, _ := filepath.Glob("testdata/invalid/*/*.yaml")
	goldens, _ := filepath.Glob("testdata/invalid/*/*.golden")
	more, _ := filepath.Glob("testdata/warnings/*/*.golden")
	goldens = append(goldens, more...)
	if len(fixtures) < 60 {
		t.Errorf("%d invalid fixtures; keep at least 60", len(fixtures))
	}
	for _, g := range goldens {
		if _, err := os.Stat(strings.TrimSuffix(strings.TrimSuffix(g, ".golden"), ".fr") + ".yaml"); err != nil {
			t.Errorf("%s has no fixture", g)
		}
	}
	for _, f := range fixtures {
		t.Run(strings.TrimPrefix(f, "testdata/invalid/"), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !hasReason(src) {
				t.Errorf("fixture must start with a comment saying why it fails")
			}
			res, err := Run(Options{DataDir: validCorpus, Paths: []string{f}, Now: today, SiteConfig: siteConfig})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Diagnostics.HasErrors() {
				t.Errorf("no error reported:\n%s", render(t, res.Diagnostics))
			}
			for _, d := range res.Diagnostics {
				if d.File != f {
					t.Errorf("diagnostic about another file: %s", d)
				}
			}
			testutil.Golden(t, "./tools/check", strings.TrimSuffix(f, ".yaml")+".golden", []byte(render(t, res.Diagnostics)))
			checkCodes(t, res.Diagnostics)
			testutil.Golden(t, "./tools/check", strings.TrimSuffix(f, ".yaml")+".fr.golden", []byte(render(t, res.Diagnostics.In("fr"))))
		})
	}
}

// TestWarnings checks the fixtures of testdata/warnings/KIND/: valid files that draw
// warnings, and exactly their golden output.
func TestWarnings(t *testing.T) {
	fixtures, _ := filepath.Glob("testdata/warnings/*/*.yaml")
	if len(fixtures) == 0 {
		t.Fatal("no warning fixtures")
	}
	for _, f := range fixtures {
		t.Run(strings.TrimPrefix(f, "testdata/warnings/"), func(t *testing.T) {
			src, _ := os.ReadFile(f)
			if !hasReason(src) {
				t.Errorf("fixture must start with a comment saying why it warns")
			}
			res, err := Run(Options{DataDir: validCorpus, Paths: []string{f}, Now: today, SiteConfig: siteConfig})
			if err != nil {
				t.Fatal(err)
			}
			e, w := res.Diagnostics.Count()
			if e > 0 || w == 0 {
				t.Errorf("want warnings only, got %d errors and %d warnings:\n%s", e, w, render(t, res.Diagnostics))
			}
			testutil.Golden(t, "./tools/check", strings.TrimSuffix(f, ".yaml")+".golden", []byte(render(t, res.Diagnostics)))
			checkCodes(t, res.Diagnostics)
			testutil.Golden(t, "./tools/check", strings.TrimSuffix(f, ".yaml")+".fr.golden", []byte(render(t, res.Diagnostics.In("fr"))))
		})
	}
}

// hasReason accepts a leading comment, after a BOM for the fixture that tests BOMs;
// fixtures about the file as a whole (empty, invalid encoding) are named for it.
func hasReason(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(src, []byte("# ")) || len(src) == 0
}

// checkCodes fails for a diagnostic made without a code, or whose arguments are not
// exactly those its message names (in it and in every piece).
func checkCodes(t *testing.T, l diag.List) {
	t.Helper()
	for _, d := range l {
		if d.Code == "" {
			t.Errorf("diagnostic without a code: %s", d)
			continue
		}
		if err := diag.CheckArgs(d.Code, d.Args); err != nil {
			t.Errorf("%s: %v", d, err)
		}
		if fr := d.In("fr").Message; fr == d.Message && d.Code != "bad_path" {
			t.Errorf("%s: French wording is the English one", d)
		}
	}
}
