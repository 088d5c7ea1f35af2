package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	valid   = "../check/testdata/valid"
	invalid = "../check/testdata/invalid/projects/themes-unknown-code.yaml"
	warns   = "../check/testdata/warnings/projects/reviewed-stale.yaml"
)

// TestExitCodes: 0 clean or warnings only, 1 errors, 2 usage or I/O — in every format.
func TestExitCodes(t *testing.T) {
	for _, format := range []string{"text", "json", "github"} {
		for _, tc := range []struct {
			name string
			args []string
			want int
		}{
			{"clean", []string{"validate", "-data", valid, valid + "/projects/alpha-outreach.yaml"}, 0},
			{"warnings", []string{"validate", "-data", valid, warns}, 0},
			{"errors", []string{"validate", "-data", valid, invalid}, 1},
			{"missing path", []string{"validate", "-data", valid, "no/such/file.yaml"}, 2},
			{"missing data folder", []string{"validate", "-data", "no/such/folder"}, 2},
			{"unknown flag", []string{"validate", "-bogus"}, 2},
		} {
			t.Run(format+"/"+tc.name, func(t *testing.T) {
				var out, errOut bytes.Buffer
				args := append([]string{tc.args[0], "-format", format}, tc.args[1:]...)
				if got := run(args, &out, &errOut); got != tc.want {
					t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tc.want, out.String(), errOut.String())
				}
				if tc.want == 2 && errOut.Len() == 0 {
					t.Error("usage or I/O error without a message on stderr")
				}
			})
		}
	}
	var out, errOut bytes.Buffer
	if got := run([]string{"validate", "-format", "xml"}, &out, &errOut); got != 2 {
		t.Errorf("unknown format: exit %d, want 2", got)
	}
	if got := run([]string{"frobnicate"}, &out, &errOut); got != 2 {
		t.Errorf("unknown command: exit %d, want 2", got)
	}
	if got := run(nil, &out, &errOut); got != 2 {
		t.Errorf("no command: exit %d, want 2", got)
	}
}

// TestFormats compares each output format with its golden file.
func TestFormats(t *testing.T) {
	for _, c := range []struct{ lang, format string }{
		{"en", "text"}, {"en", "json"}, {"en", "github"}, {"fr", "text"}, {"fr", "json"}, {"fr", "github"},
	} {
		format := c.format
		var out, errOut bytes.Buffer
		run([]string{"validate", "-data", valid, "-format", format, "-lang", c.lang, invalid, warns}, &out, &errOut)
		got := strings.ReplaceAll(out.String(), "../check/testdata/", "")
		golden := filepath.Join("testdata", "validate."+format+".golden")
		if c.lang == "fr" {
			golden = filepath.Join("testdata", "validate.fr."+format+".golden")
		}
		if os.Getenv("UPDATE_GOLDEN") != "" {
			os.WriteFile(golden, []byte(got), 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (set UPDATE_GOLDEN=1 to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s output differs from %s:\n%s", format, golden, got)
		}
		if format == "json" {
			var items []map[string]any
			if err := json.Unmarshal(out.Bytes(), &items); err != nil {
				t.Fatalf("json output does not parse: %v", err)
			}
			for _, k := range []string{"file", "line", "column", "severity", "key", "message", "code", "args"} {
				if _, ok := items[0][k]; !ok {
					t.Errorf("json item lacks %q", k)
				}
			}
		}
	}
}

// TestJSONCleanIsEmptyArray: a clean run prints [] (not null) for machines.
func TestJSONCleanIsEmptyArray(t *testing.T) {
	var out, errOut bytes.Buffer
	run([]string{"validate", "-data", valid, "-format", "json", valid + "/projects/alpha-outreach.yaml"}, &out, &errOut)
	if strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("got %q", out.String())
	}
}

// TestValidateLanguage: the locale chooses the language of the messages and of the
// summary, -lang overrides it, and an unknown language is a usage error.
func TestValidateLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "fr_CA.UTF-8")
	for _, c := range []struct {
		args []string
		want string
		code int
	}{
		{nil, "2 fichiers vérifiés\u00a0: ", 1},
		{[]string{"-lang", "en"}, "2 files checked: ", 1},
		{[]string{"-lang", "de"}, "", 2},
	} {
		var out, errOut bytes.Buffer
		args := append(append([]string{"validate", "-data", valid}, c.args...), invalid, warns)
		if got := run(args, &out, &errOut); got != c.code {
			t.Errorf("%v: exit %d, want %d", c.args, got, c.code)
		}
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%v: output lacks %q:\n%s", c.args, c.want, out.String())
		}
	}
}
