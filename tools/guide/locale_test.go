package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestMain runs the tests under an English locale, whatever the machine's: the
// expected outputs are English unless a test asks for French.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "")
	os.Setenv("LC_MESSAGES", "")
	os.Setenv("LANG", "C.UTF-8")
	os.Exit(m.Run())
}

// TestFmtLanguage: guide fmt words its refusals in the language asked for.
func TestFmtLanguage(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/data/projects", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/data/projects/a.yaml", []byte("id: a\n---\nid: b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": "more than one YAML document",
		"fr": "plus d’un document YAML",
	} {
		var out, errOut bytes.Buffer
		if got := run([]string{"fmt", "-check", "-lang", lang, "-data", dir + "/data"}, &out, &errOut); got != 1 {
			t.Errorf("%s: exit %d, want 1", lang, got)
		}
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("%s: %q lacks %q", lang, errOut.String(), want)
		}
	}
}
