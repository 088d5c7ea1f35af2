package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPdfErrors: guide pdf's messages and statuses when it cannot print. (The printing
// itself is tested in tools/pdf.)
func TestPdfErrors(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	for _, l := range []string{"en", "fr"} {
		os.MkdirAll(filepath.Join(public, l), 0o755)
		os.WriteFile(filepath.Join(public, l, "edition.html"), []byte(`<script type="application/json" id="print-meta">{"edition":"2026-1","date":"2026-11-30","pdf":"x.pdf"}</script>`), 0o644)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		usage  bool
		want   string
	}{
		{"no chromium", []string{"-public", public, "-chromium", "/nonexistent/chromium"}, 1, false, "apt-get install chromium"},
		{"no print page", []string{"-public", filepath.Join(public, "missing"), "-chromium", "/nonexistent/chromium"}, 1, false, "no print page"},
		{"other edition", []string{"-public", public, "-edition", "2027-1", "-chromium", "/nonexistent/chromium"}, 1, false, `holds edition "2026-1", not "2027-1"`},
		{"bad paper", []string{"-paper", "legal"}, 0, true, "want letter or a4"},
		{"no language", []string{"-lang", ","}, 0, true, "no language"},
		{"argument", []string{"public"}, 0, true, "unexpected argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status, err := cmdPdf(tc.args, &out, &errOut)
			if tc.usage != errors.Is(err, errUsage) || status != tc.status || (!tc.usage && err != nil) {
				t.Errorf("status %d, error %v; want %d, usage %v", status, err, tc.status, tc.usage)
			}
			if !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, errOut.String())
			}
			if out.Len() > 0 {
				t.Errorf("stdout: %s", out.String())
			}
		})
	}
}
