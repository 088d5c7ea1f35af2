package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
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

// TestProgressWorded: guide pdf -v words the progress of the prints in the language of
// its messages; without -v there is none.
func TestProgressWorded(t *testing.T) {
	if logTo(false, io.Discard, "fr") != nil {
		t.Error("progress without -v")
	}
	step := diag.M("print_step", diag.A{"page": "/fr/edition.html", "ms": 1234,
		"step": diag.M("print_step_printed", diag.A{"pass": 2, "bytes": 1048576})})
	done := diag.M("print_done", diag.A{"file": "public/fr/guide.pdf", "pages": 1, "passes": 2, "ms": 5678})
	for lang, want := range map[string]string{
		"en": "/fr/edition.html: page printed (pass 2, 1048576 bytes) at 1234 ms\npublic/fr/guide.pdf: 1 page in 2 passes, 5678 ms\n",
		"fr": "/fr/edition.html\u00a0: page imprimée (impression 2, 1\u00a0048\u00a0576\u00a0octets) à 1\u00a0234\u00a0ms\n" +
			"public/fr/guide.pdf\u00a0: 1\u00a0page en 2\u00a0impressions, 5\u00a0678\u00a0ms\n",
	} {
		var b strings.Builder
		log := logTo(true, &b, lang)
		log(step)
		log(done)
		if b.String() != want {
			t.Errorf("%s:\n%q\nwant\n%q", lang, b.String(), want)
		}
	}
}
