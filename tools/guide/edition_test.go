package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditionCommand: guide edition's usage errors, and list's plan and refusal (the
// repository has no edition tag: the latest edition is the draft, an older one stops it).
func TestEditionCommand(t *testing.T) {
	one := t.TempDir()
	os.WriteFile(filepath.Join(one, "editions.yaml"), []byte("editions:\n  - id: \"2026-1\"\n    date: 2026-11-30\n"), 0o644)
	two := t.TempDir()
	os.WriteFile(filepath.Join(two, "editions.yaml"), []byte("editions:\n  - id: \"2026-1\"\n    date: 2026-11-30\n  - id: \"2027-1\"\n    date: 2027-05-31\n"), 0o644)
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		usage  bool
		stdout string
		stderr string
	}{
		{"no subcommand", nil, 0, true, "", "usage: guide edition publish"},
		{"unknown subcommand", []string{"print"}, 0, true, "", `unknown subcommand "print"`},
		{"publish without id", []string{"publish"}, 0, true, "", "usage:"},
		{"list, one draft", []string{"list", "-data", one}, 0, false, "2026-1  2026-11-30  draft (no tag yet)", ""},
		{"list, a tag missing", []string{"list", "-data", two}, 1, false, "", "edition 2026-1 is older than the latest (2027-1), so it was published, but its tag edition-2026-1 is missing"},
		{"publish unknown", []string{"publish", "-data", one, "2099-1"}, 1, false, "", `no edition "2099-1"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status, err := cmdEdition(tc.args, &out, &errOut)
			if tc.usage != errors.Is(err, errUsage) || status != tc.status || (!tc.usage && err != nil) {
				t.Errorf("status %d, error %v; want %d, usage %v", status, err, tc.status, tc.usage)
			}
			if !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stdout %q, stderr %q; want %q and %q", out.String(), errOut.String(), tc.stdout, tc.stderr)
			}
		})
	}
}
