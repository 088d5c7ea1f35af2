package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/sitetest"
)

// TestDownloadLink: with the parameters that guide pdf -site-params writes, the partial
// print/download.html links each language's PDF with its size and page count, and the
// editions page links both languages' PDFs of the edition; without them neither links
// a PDF.
func TestDownloadLink(t *testing.T) {
	dir := t.TempDir()
	site, err := sitetest.Stage(repo, fixture, dir)
	if err != nil {
		t.Fatal(err)
	}
	// The site's templates are not this package's: call the partial from the staged
	// copy of the home page.
	home := filepath.Join(site, "layouts", "home.html")
	b, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `{{ define "main" }}`) {
		t.Skip("home.html has no main block to call the partial from")
	}
	if err := os.WriteFile(home, []byte(strings.Replace(string(b), `{{ define "main" }}`, `{{ define "main" }}{{ partial "print/download.html" . }}`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	printConf := filepath.Join(dir, "print.toml")
	conf, err := HugoConfig(filepath.Join(site, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(printConf, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	params := filepath.Join(dir, "params.toml")
	if err := WriteSiteParams(params, []Result{
		{Lang: "en", Edition: "2026-1", URL: "/en/ddi-playbook-2026-1.pdf", Bytes: 2345678, Pages: 412, Paper: Letter, New: 3},
		{Lang: "fr", Edition: "2026-1", URL: "/fr/guide-iad-2026-1.pdf", Bytes: 234567, Pages: 1412, Paper: Letter, New: 3},
	}); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(site, "config.toml")

	without := filepath.Join(dir, "without")
	if _, err := sitetest.Build(repo, site, without, "--config", config+","+printConf); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"en/index.html", "en/editions/index.html", "fr/editions/index.html"} {
		b, err := os.ReadFile(filepath.Join(without, page))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), ".pdf") {
			t.Errorf("without the PDF's parameters, %s links a PDF", page)
		}
	}

	with := filepath.Join(dir, "with")
	if _, err := sitetest.Build(repo, site, with, "--config", config+","+printConf+","+params); err != nil {
		t.Fatal(err)
	}
	for file, wants := range map[string][]string{
		"en/index.html":          {`href="/en/ddi-playbook-2026-1.pdf"`, "Print edition (PDF): First edition, November 2026", "PDF, 2.3 MB, 412 pages", `href="/en/editions/"`},
		"fr/index.html":          {`href="/fr/guide-iad-2026-1.pdf"`, "Édition imprimée (PDF) : Première édition, novembre 2026", "PDF, 235 ko, 1 412 pages", `href="/fr/editions/"`},
		"en/editions/index.html": {`href="/en/ddi-playbook-2026-1.pdf" type="application/pdf" hreflang="en-CA">English edition (PDF)`, `href="/fr/guide-iad-2026-1.pdf" type="application/pdf" hreflang="fr-CA">French edition (PDF)`, "PDF, 2.3 MB, 412 pages", "First edition, November 2026", "This is the first edition"},
		"fr/editions/index.html": {`hreflang="en-CA">Édition anglaise (PDF)`, `hreflang="fr-CA">Édition française (PDF)`, "PDF, 235 ko, 1 412 pages", "Première édition, novembre 2026"},
	} {
		b, err := os.ReadFile(filepath.Join(with, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		page := norm(strings.ReplaceAll(string(b), "&nbsp;", " "))
		for _, want := range wants {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", file, want)
			}
		}
	}
	// The print pages are the same in both builds: the second build does not change the
	// PDFs' source.
	for _, lang := range []string{"en", "fr"} {
		a, _ := os.ReadFile(filepath.Join(without, lang, PageName))
		b, _ := os.ReadFile(filepath.Join(with, lang, PageName))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s: the print page differs between the builds with and without the PDF parameters", lang)
		}
	}
}
