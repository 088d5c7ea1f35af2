package main

import (
	"os"
	"strings"
	"testing"
)

const reviewCorpus = "../review/testdata/data"

// TestReviewGolden: with a fixed -now, the output is the review package's golden
// output, in both formats; the corpus holds an unreadable file, so the exit is 1 and
// stderr names it.
func TestReviewGolden(t *testing.T) {
	for _, format := range []string{"text", "csv"} {
		status, stdout, stderr := runCmd(cmdReview, "--older-than", "12m", "-data", reviewCorpus, "-format", format, "-now", "2026-11-30")
		ext := map[string]string{"text": "txt", "csv": "csv"}[format]
		want, err := os.ReadFile("../review/testdata/due-12m." + ext + ".golden")
		if err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(stdout, "../review/testdata/", "testdata/")
		if got != string(want) {
			t.Errorf("%s output:\n%s\nwant:\n%s", format, got, want)
		}
		if status != 1 || !strings.Contains(stderr, "broken.yaml: left out") {
			t.Errorf("%s: exit %d, stderr %q", format, status, stderr)
		}
	}
}

func TestReviewExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"-data", valid, "-now", "2026-11-30"}, 0, ""},
		{[]string{"-data", valid, "-older-than", "12x"}, 2, `-older-than: "12x" is not an age`},
		{[]string{"-data", valid, "-format", "json"}, 2, `unknown format "json"`},
		{[]string{"-data", valid, "-now", "30/11/2026"}, 2, "-now"},
		{[]string{"-data", valid, "extra"}, 2, "unexpected argument"},
		{[]string{"-data", "no/such/folder"}, 2, "data folder"},
		{[]string{"-data", valid, "-lang", "fr", "-older-than", "12x"}, 2, "-older-than\u00a0: «\u00a012x\u00a0» n’est pas une durée"},
		{[]string{"-data", valid, "-lang", "fr", "-format", "json"}, 2, "format inconnu «\u00a0json\u00a0»\u00a0; text ou csv attendu"},
		{[]string{"-data", "no/such/folder", "-lang", "fr"}, 2, "dossier des données\u00a0:"},
		{[]string{"-data", valid, "-lang", "de"}, 2, `unknown language "de"; expected en or fr`},
	} {
		status, _, stderr := runCmd(cmdReview, tc.args...)
		if status != tc.status || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, status, stderr, tc.status, tc.stderr)
		}
	}
	// The valid corpus, 2026-11-30: gamma-inventory (2025-12-01) is not yet 12 months old.
	_, stdout, _ := runCmd(cmdReview, "-data", valid, "-now", "2026-11-30")
	if stdout != "no entry to review (last reviewed before 2025-11-30: older than 12m on 2026-11-30)\n" {
		t.Errorf("stdout %q", stdout)
	}
	_, stdout, _ = runCmd(cmdReview, "-data", valid, "-now", "2026-11-30", "-lang", "fr")
	if stdout != "aucune fiche à revoir (dernière revue avant le 2025-11-30\u00a0: plus ancienne que 12m au 2026-11-30)\n" {
		t.Errorf("stdout in French %q", stdout)
	}
	_, stdout, _ = runCmd(cmdReview, "-data", valid, "-now", "2026-11-30", "-older-than", "6m")
	if !strings.HasPrefix(stdout, "5 entries to review") || !strings.Contains(stdout, "Casey River <casey.river@example.org>, Director of analytics / Directrice de l'analytique") {
		t.Errorf("6m:\n%s", stdout)
	}
}

// TestReviewLocale: without -lang, guide review and guide translations speak the
// locale's language.
func TestReviewLocale(t *testing.T) {
	t.Setenv("LANG", "fr_CA.UTF-8")
	_, stdout, _ := runCmd(cmdReview, "-data", valid, "-now", "2026-11-30")
	if !strings.HasPrefix(stdout, "aucune fiche à revoir") {
		t.Errorf("review: %q", stdout)
	}
	_, _, stderr := runCmd(cmdTranslations, "extra")
	if !strings.Contains(stderr, "argument inattendu «\u00a0extra\u00a0»") {
		t.Errorf("translations: %q", stderr)
	}
	_, stdout, _ = runCmd(cmdReview, "-data", valid, "-now", "2026-11-30", "-lang", "en")
	if !strings.HasPrefix(stdout, "no entry to review") {
		t.Errorf("review -lang en: %q", stdout)
	}
}
