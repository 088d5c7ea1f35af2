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
	// English unless the test says otherwise, whatever the machine's locale.
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C")
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
		{"unknown code, in French", []string{"project", "-data", data, "-lang", "fr", "-id", "x", "-jurisdiction", "ON"}, 2, "-jurisdiction: code «\u00a0ON\u00a0» inconnu dans jurisdictions (vouliez-vous dire «\u00a0CA-ON\u00a0»\u00a0?)"},
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
	want := "created " + path + ": 9 values to fill in (title.en, title.fr, summary.en, summary.fr, publisher.en, publisher.fr, description.en, description.fr, reviewed); `go run ./tools/guide validate " + path + "` says what each needs\n"
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

// TestNewInteractive plays terminal sessions of guide new, in English and in French:
// questions in the contributor's language, answers never thrown away.
func TestNewInteractive(t *testing.T) {
	lines := func(l ...string) string { return strings.Join(l, "\n") + "\n" }
	for _, tc := range []struct {
		name    string
		env     string // LANG
		args    []string
		answers string
		status  int
		file    string   // created, under data/
		has     []string // in the file
		says    []string // in stdout + stderr
		notSays []string
	}{
		{
			name: "every question answered in French, the id left empty", env: "fr_CA.UTF-8", args: []string{"project"},
			answers: lines("en", "Équipe de données", "Une équipe prête ses données.", "ON", "10", "4", "Ville de Hamilton",
				"3", "2024-02-30", "2024-02-01", "1", "4,open-data", "1",
				"Un défi,", "sur deux lignes.", "", "Un paragraphe de plus.", ".", "-", "-",
				"Commencer petit.", ".", "Nommer un responsable.", ".", "", "2026-01-15", ""),
			file: "projects/equipe-de-donnees.yaml",
			has: []string{"id: equipe-de-donnees\n", "translation_pending: en\n", "title:\n  fr: Équipe de données\n", "jurisdiction: CA-ON\n", "level: municipal\n", "started: 2024-02-01\n", "reviewed: 2026-01-15\n",
				"challenge:\n  fr: |-\n    Un défi,\n    sur deux lignes.\n\n    Un paragraphe de plus.\n", "approach:\n  fr: \"\"\n",
				"lessons:\n  - fr: Commencer petit.\n  - fr: Nommer un responsable.\n"},
			says: []string{"Nouvelle fiche de projet", "title.fr\u00a0: du texte en français", "Fédéral (Canada)", "refusé\u00a0: code «\u00a0ON\u00a0» inconnu dans jurisdictions", "refusé\u00a0: «\u00a02024-02-30\u00a0» n’est pas un jour du calendrier",
				"Proposition\u00a0: equipe-de-donnees.", "projects/equipe-de-donnees.yaml créé"},
			notSays: []string{"Federal (Canada)", "usage:"},
		},
		{
			name: "-lang en over a French locale; a required answer left empty is asked again", env: "fr_CA.UTF-8", args: []string{"project", "-lang", "en"},
			answers: lines("", "", "Lending laptops", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", ""),
			file:    "projects/lending-laptops.yaml",
			has:     []string{"title:\n  en: Lending laptops\n  fr: \"\"\n", "stage: \"\"\n"},
			says:    []string{"New project (case study).", "  title.en is required: type a value, or - to fill it in later", "Proposed: lending-laptops.", "values to fill in"},
			notSays: []string{"Nouvelle"},
		},
		{
			name: "Ctrl-D mid-way: the answers so far are written", env: "en_CA.UTF-8", args: []string{"project"},
			answers: "\nLending laptops\nPrêt d'ordinateurs",
			file:    "projects/lending-laptops.yaml",
			has:     []string{"  en: Lending laptops\n  fr: Prêt d'ordinateurs\n"},
			says:    []string{"the input ended before the last question; your answers so far are saved in ", "lending-laptops.yaml: fill in the rest there ("},
		},
		{
			name: "Ctrl-D mid-way in French, no title yet: new-project", env: "fr_CA.UTF-8", args: []string{"project"},
			answers: lines("fr", "-"),
			file:    "projects/new-project.yaml",
			has:     []string{"translation_pending: fr\n"},
			says:    []string{"l’entrée s’est terminée avant la dernière question. Vos réponses sont enregistrées dans "},
		},
		{
			name: "Ctrl-D before any answer: nothing to keep", env: "en_CA.UTF-8", args: []string{"project"},
			answers: "",
			status:  1,
			says:    []string{"the input ended before the first answer; nothing was written"},
		},
		{
			name: "value flags: nothing is asked", env: "fr_CA.UTF-8", args: []string{"practice", "-title-en", "Share the code"},
			answers: lines("these lines", "are never read"),
			file:    "practices/share-the-code.yaml",
			has:     []string{"  en: Share the code\n"},
			notSays: []string{"title.fr\u00a0:", "Nouvelle fiche"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := copyValidCorpus(t)
			fakeStdin(t, true, tc.answers)
			t.Setenv("LANG", tc.env)
			status, stdout, stderr := runNew(append(tc.args, "-data", data)...)
			all := stdout + stderr
			if status != tc.status {
				t.Errorf("exit %d, want %d\n%s", status, tc.status, all)
			}
			for _, s := range tc.says {
				if !strings.Contains(all, s) {
					t.Errorf("does not say %q:\n%s", s, all)
				}
			}
			for _, s := range tc.notSays {
				if strings.Contains(all, s) {
					t.Errorf("says %q:\n%s", s, all)
				}
			}
			written, _ := filepath.Glob(filepath.Join(data, "*", "*.yaml"))
			before, _ := filepath.Glob(filepath.Join(valid, "*", "*.yaml"))
			if want := len(before) + min(len(tc.file), 1); len(written) != want {
				t.Errorf("%d files in data/, want %d", len(written), want)
			}
			if tc.file == "" {
				return
			}
			src, err := os.ReadFile(filepath.Join(data, tc.file))
			if err != nil {
				t.Fatalf("%v\n%s", err, all)
			}
			for _, want := range tc.has {
				if !bytes.Contains(src, []byte(want)) {
					t.Errorf("the file lacks %q:\n%s", want, src)
				}
			}
		})
	}
}

// TestNewMapsWithoutDoubt: values given as labels, in either language and any case,
// become their codes; a long title gives an id of at most 40 characters; the message
// ends with the keys still to fill in and guide validate.
func TestNewMapsWithoutDoubt(t *testing.T) {
	fakeStdin(t, false, "")
	data := copyValidCorpus(t)
	status, stdout, stderr := runNew("project", "-data", data,
		"-title-en", "Saskatchewan highway permit forecasting with seasonal models",
		"-jurisdiction", "Saskatchewan", "-level", "Provincial", "-translation-pending", "français",
		"-themes", "Digital inclusion, client-experience", "-stage", "PILOT")
	path := filepath.Join(data, "projects", "saskatchewan-highway-permit-forecasting.yaml")
	if status != 0 || !strings.HasPrefix(stdout, "created "+path+": ") || !strings.Contains(stdout, "(summary.en, ") ||
		!strings.Contains(stdout, "`go run ./tools/guide validate "+path+"`") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", status, stdout, stderr)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"translation_pending: fr\n", "jurisdiction: CA-SK\n", "level: provincial\n", "stage: pilot\n", "themes: [digital-inclusion, client-experience]\n"} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("the file lacks %q:\n%s", want, src)
		}
	}
}
