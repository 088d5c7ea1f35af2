package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"gopkg.in/yaml.v3"
)

// TestFmtBesideImportLosesNothing runs guide fmt and guide translations -import at the
// same time on the same files, round after round. Whatever the interleaving, every
// translation -import reports as imported is in the file afterwards: a writer that
// finds the file changed since it read it writes nothing and says so (exit 1), it never
// overwrites the other's work. (Before the compare-and-swap, 9 rounds in 60 lost the
// import.)
func TestFmtBesideImportLosesNothing(t *testing.T) {
	rounds := 60
	if testing.Short() {
		rounds = 10
	}
	imported := regexp.MustCompile(`(?m)^(.+\.yaml): (\d+) translations? imported`)
	conflicts := 0
	for round := range rounds {
		data := testutil.CopyTree(t, translationsCorpus)
		csvPath := filepath.Join(t.TempDir(), "todo.csv")
		if status, _, stderr := runCmd(cmdTranslations, "-data", data, "-o", csvPath); status > 1 {
			t.Fatalf("export: %s", stderr)
		}
		fillWorklist(t, csvPath, func(text string) string { return "Traduit-" + strconv.Itoa(round) })
		// Every file needs formatting too, so both commands rewrite the same files.
		filepath.WalkDir(data, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(path)
				os.WriteFile(path, append(b, "\n\n"...), 0o644)
			}
			return nil
		})

		var wg sync.WaitGroup
		var fmtStatus, importStatus int
		var fmtErr, importOut string
		wg.Add(2)
		go func() {
			defer wg.Done()
			fmtStatus, _, fmtErr = runCmd(cmdFmt, "-data", data)
		}()
		go func() {
			defer wg.Done()
			importStatus, importOut, _ = runCmd(cmdTranslations, "-data", data, "-import", csvPath)
		}()
		wg.Wait()
		if fmtStatus > 1 || importStatus > 1 {
			t.Fatalf("round %d: fmt exit %d (%s), import exit %d:\n%s", round, fmtStatus, fmtErr, importStatus, importOut)
		}
		if strings.Contains(fmtErr+importOut, "changed since it was read; run again") {
			conflicts++
		} else if fmtStatus != 0 {
			t.Fatalf("round %d: fmt failed for another reason:\n%s", round, fmtErr)
		}
		for _, m := range imported.FindAllStringSubmatch(importOut, -1) {
			want, _ := strconv.Atoi(m[2])
			b, err := os.ReadFile(m[1])
			if err != nil {
				t.Fatal(err)
			}
			var v any
			if err := yaml.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			if got := countValue(v, "Traduit-"+strconv.Itoa(round)); got < want {
				t.Errorf("round %d: %s holds %d of the %d translations imported: an update was lost", round, m[1], got, want)
			}
		}
	}
	t.Logf("%d rounds, %d with a conflict detected", rounds, conflicts)
}

// countValue counts the strings equal to s in a decoded YAML value.
func countValue(v any, s string) int {
	switch v := v.(type) {
	case string:
		if strings.TrimSpace(v) == s {
			return 1
		}
	case map[string]any:
		n := 0
		for _, x := range v {
			n += countValue(x, s)
		}
		return n
	case []any:
		n := 0
		for _, x := range v {
			n += countValue(x, s)
		}
		return n
	}
	return 0
}
