package main

import (
	"bytes"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyValidCorpus copies the validator's valid corpus into a folder the test may write to.
func copyValidCorpus(t *testing.T) string {
	t.Helper()
	return testutil.CopyTree(t, valid)
}

// fakeStdin makes guide new see a pipe, not a terminal, for the test's duration;
// with answers, a terminal that types them.
func fakeStdin(t *testing.T, terminal bool, answers string) {
	t.Helper()
	oldIn, oldTerm := newStdin, stdinIsTerminal
	newStdin = strings.NewReader(answers)
	stdinIsTerminal = func() bool { return terminal }
	t.Cleanup(func() { newStdin, stdinIsTerminal = oldIn, oldTerm })
}

func runNew(args ...string) (int, string, string) {
	return runCmd(cmdNew, args...)
}

func TestNewExitCodes(t *testing.T) {
	fakeStdin(t, false, "")
	data := copyValidCorpus(t)
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stderr string // in the message
	}{
		{"created", []string{"project", "-data", data, "-id", "delta-pilot", "-jurisdiction", "CA-ON", "-themes", "benefits,housing"}, 0, ""},
		{"id from the title", []string{"practice", "-data", data, "-title-en", "Share the code", "-title-fr", "Publier le code"}, 0, ""},
		{"exists", []string{"project", "-data", data, "-id", "alpha-outreach"}, 1, "already exists"},
		{"exists (derived id)", []string{"practice", "-data", data, "-title-en", "Start small"}, 1, "start-small.yaml already exists"},
		{"unknown code", []string{"project", "-data", data, "-id", "x", "-jurisdiction", "ON"}, 2, `-jurisdiction: unknown code "ON" in jurisdictions (did you mean "CA-ON"?)`},
		{"unknown list code", []string{"contact", "-data", data, "-id", "x", "-expertise", "forcasting"}, 2, `-expertise: unknown code "forcasting" in themes or techniques (did you mean "forecasting"?)`},
		{"bad email", []string{"contact", "-data", data, "-id", "x", "-email", "x at example.org"}, 2, "-email: "},
		{"bad id", []string{"resource", "-data", data, "-id", "My_Tool"}, 2, `-id: "My_Tool" is not a valid id`},
		{"no id", []string{"project", "-data", data}, 2, "no id"},
		{"unknown kind", []string{"projet", "-data", data}, 2, `unknown kind "projet"`},
		{"no kind", nil, 2, "usage: guide new"},
		{"argument", []string{"project", "-data", data, "-id", "y", "extra"}, 2, "unexpected argument"},
		{"unknown flag", []string{"project", "-data", data, "-colour", "red"}, 2, "-colour"},
		{"help", []string{"-h"}, 0, ""},
		{"kind help", []string{"contact", "-h"}, 0, "-expertise"},
		{"missing data folder", []string{"project", "-data", filepath.Join(data, "nope"), "-id", "x"}, 2, "data folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, stdout, stderr := runNew(tc.args...)
			if status != tc.status {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tc.status, stdout, stderr)
			}
			if tc.stderr != "" && !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
		})
	}
	src, err := os.ReadFile(filepath.Join(data, "projects", "delta-pilot.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"id: delta-pilot\n", "jurisdiction: CA-ON\n", "themes: [benefits, housing]\n", "level: \"\"\n"} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("delta-pilot.yaml lacks %q:\n%s", want, src)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "practices", "share-the-code.yaml")); err != nil {
		t.Error(err)
	}
	// Nothing was written for the refused commands.
	for _, name := range []string{"projects/x.yaml", "contacts/x.yaml", "resources/My_Tool.yaml", "projects/y.yaml"} {
		if _, err := os.Stat(filepath.Join(data, name)); err == nil {
			t.Errorf("%s was written", name)
		}
	}
}

// TestNewMessage: the success message names the file and the values left to fill in,
// and the file then fails validation until they are.
func TestNewMessage(t *testing.T) {
	fakeStdin(t, false, "")
	data := copyValidCorpus(t)
	status, stdout, stderr := runNew("resource", "-data", data, "-id", "open-tool", "-kind", "tool")
	path := filepath.Join(data, "resources", "open-tool.yaml")
	want := "created " + path + ": 9 values to fill in; `go run ./tools/guide validate " + path + "` lists them\n"
	if status != 0 || stdout != want {
		t.Errorf("exit %d, stdout %q, want %q; stderr:\n%s", status, stdout, want, stderr)
	}
	var out bytes.Buffer
	if got := run([]string{"validate", "-data", data, path}, &out, io.Discard); got != 1 {
		t.Errorf("validate exit %d, want 1:\n%s", got, out.String())
	}
	if !strings.Contains(out.String(), "9 errors") {
		t.Errorf("validate output:\n%s", out.String())
	}
}

// TestNewInteractive answers the questions on a (fake) terminal.
func TestNewInteractive(t *testing.T) {
	data := copyValidCorpus(t)
	answers := strings.Join([]string{
		"en",                       // translation_pending: French written, English pending
		"Prêt d'ordinateurs",       // title.fr
		"Des portables prêtés.",    // summary.fr
		"ON",                       // jurisdiction: rejected (did you mean CA-ON?)
		"10",                       // …then CA-ON by number
		"municipal",                // level
		"Bibliothèque de Hamilton", // organization.fr
		"", "", "",                 // stage, started, themes: skipped
		"4,open-data",    // techniques: geospatial-analysis by number, open-data by code
		"",               // data_sources
		"",               // reviewed
		"pret-portables", // id
	}, "\n") + "\n"
	fakeStdin(t, true, answers)
	status, stdout, stderr := runNew("project", "-data", data)
	if status != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	if !strings.Contains(stdout, `not accepted: unknown code "ON" in jurisdictions (did you mean "CA-ON"?)`) {
		t.Errorf("rejection not shown:\n%s", stdout)
	}
	src, err := os.ReadFile(filepath.Join(data, "projects", "pret-portables.yaml"))
	if err != nil {
		t.Fatalf("%v\nstdout:\n%s", err, stdout)
	}
	for _, want := range []string{"translation_pending: en\n", "title:\n  fr: Prêt d'ordinateurs\n", "jurisdiction: CA-ON\n", "level: municipal\n", "stage: \"\"\n"} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("file lacks %q:\n%s", want, src)
		}
	}
	if !bytes.Contains(src, []byte("techniques: [")) || bytes.Contains(src, []byte("techniques: []")) {
		t.Errorf("techniques not written:\n%s", src)
	}
}
