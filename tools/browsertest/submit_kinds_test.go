package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/pssdc/guide-iad/tools/webform"
)

// The forms of the other kinds of entry: the same page and script as the project's
// (TestSubmitForm), with the kind's fields (layouts/_partials/submit-form/fields/).
var kindForms = []struct {
	kind, en, fr string
	fixture      string // a file of the kind in the fixture corpus
}{
	{"contacts", "/en/submit-online-contact/", "/fr/soumettre-en-ligne-personne-ressource/", "casey-river.yaml"},
	{"practices", "/en/submit-online-practice/", "/fr/soumettre-en-ligne-pratique/", "start-small.yaml"},
	{"resources", "/en/submit-online-resource/", "/fr/soumettre-en-ligne-ressource/", "index-tool.yaml"},
}

// TestSubmitFormKinds: the practice, resource and resource-person forms start in both
// languages with an input for every key of their kind and none other (submitReady),
// pass axe-core, log nothing and ask no other host. A fixture file of the kind loaded
// into the English form comes out as package webform writes it (every key has its
// place, the ids typed in one box included); in French, an error is shown in French.
// A resource person filled in from scratch gives a file guide validate accepts.
func TestSubmitFormKinds(t *testing.T) {
	tl := needTools(t, "chromium", AxePath)
	b, srv := startBrowser(t)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range kindForms {
		for _, lang := range []string{"en", "fr"} {
			path := map[string]string{"en": f.en, "fr": f.fr}[lang]
			t.Run(f.kind+"/"+lang, func(t *testing.T) {
				ctx, cancel := b.Tab(2 * time.Minute)
				defer cancel()
				rec, err := Record(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
					t.Fatal(err)
				}
				if _, err := submitReady(ctx); err != nil {
					t.Fatal(err)
				}
				checkAxe(t, ctx, axe, path+" (ready)")
				// The page's own words name its kind, never a project.
				words, err := evalJS[string](ctx, `[document.getElementById("sf-load-hint"), document.querySelector("label[for=sf-load-file]"), document.getElementById("sf-open-hint"), document.querySelector("noscript")].map(e => e.textContent).join(" ") + " " + JSON.parse(document.getElementById("sf").dataset.i18n).exists`)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(strings.ToLower(words), map[string]string{"en": "project", "fr": "projet"}[lang]) {
					t.Errorf("the %s form speaks of a project: %s", f.kind, words)
				}
				if lang == "en" {
					roundTrip(t, ctx, f.kind, f.fixture)
					if f.kind == "contacts" {
						fillContact(t, ctx)
					}
					if f.kind == "practices" {
						// Several case studies in the one box, separated by commas and spaces.
						if err := setField(ctx, "projects", " alpha-outreach,beta-forecasting  gamma-inventory"); err != nil {
							t.Fatal(err)
						}
						if err := waitFor(ctx, "the typed ids in the file", `document.getElementById("sf-yaml").textContent.includes("projects: [alpha-outreach, beta-forecasting, gamma-inventory]")`); err != nil {
							t.Error(err)
						}
					}
				} else {
					frenchError(t, ctx, f.kind)
				}
				checkAxe(t, ctx, axe, path+" (used)")
				checkQuiet(t, rec, srv.Host)
			})
		}
	}
}

// roundTrip loads a fixture file of the kind into the form: the file shown must be the
// one webform writes from what it reads in that file, and valid.
func roundTrip(t *testing.T, ctx context.Context, kind, name string) {
	t.Helper()
	file, err := filepath.Abs(filepath.Join(fixture, kind, name))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	k, err := webform.Kind(kind)
	if err != nil {
		t.Fatal(err)
	}
	values, dropped, err := webform.FromYAML(k, src)
	if err != nil || len(dropped) > 0 {
		t.Fatalf("webform.FromYAML(%s): %v, dropped %v", name, err, dropped)
	}
	want, err := webform.ToYAML(k, values)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles("#sf-load-file", []string{file})); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSuffix(name, ".yaml")
	if err := waitFor(ctx, "the file to load", `document.getElementById("sf-load-result").textContent.includes(`+strconvQuote(name)+`) && document.getElementById("sf-yaml").textContent.includes("id: `+id+`")`); err != nil {
		t.Fatal(err)
	}
	got, err := evalJS[map[string]string](ctx, `({
		yaml: document.getElementById("sf-yaml").textContent,
		status: document.getElementById("sf-result-status").className,
		result: document.getElementById("sf-load-result").innerText,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if got["yaml"] != string(want) {
		t.Errorf("%s through the form:\n%s\nwant:\n%s", name, got["yaml"], want)
	}
	if !strings.Contains(got["status"], "sf-ok") {
		t.Errorf("%s loaded: not valid (%s): %s", name, got["status"], got["result"])
	}
}

// frenchError: a wrong value draws the validator's message, in French, next to the field.
func frenchError(t *testing.T, ctx context.Context, kind string) {
	t.Helper()
	path, value, id, want := "id", "Mauvais-Id", "sf-f-id", "n’est pas un identifiant valide"
	switch kind {
	case "contacts":
		path, value, id, want = "email", "personne.example.org", "sf-f-email", "n’est pas une adresse courriel"
	case "resources":
		path, value, id, want = "url", "http://example.org/outil", "sf-f-url", "utilise http\u00a0; utilisez https://"
	}
	if err := chromedp.Do(ctx, chromedp.Focus("#"+id)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys("#"+id, value+kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the error on "+path, `document.getElementById(`+strconvQuote(id)+`).getAttribute("aria-invalid") === "true"`); err != nil {
		t.Fatal(err)
	}
	next, _, err := fieldErrors(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(next) != 1 || !strings.Contains(next[0], want) {
		t.Errorf("next to %s: %q, want one error with %q", path, next, want)
	}
}

// fillContact fills the resource-person form from scratch (after a fixture was loaded:
// the form is reset by loading, so this also starts from a filled form) and checks the
// file with the validator in a copy of the corpus.
func fillContact(t *testing.T, ctx context.Context) {
	t.Helper()
	// Loading an almost empty file clears the form.
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.yaml")
	os.WriteFile(blank, []byte("id: blank\n"), 0o644)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles("#sf-load-file", []string{blank})); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the blank file", `document.getElementById("sf-yaml").textContent.includes("id: blank")`); err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "id", ""); err != nil {
		t.Fatal(err)
	}
	// The id is made from the name.
	if err := chromedp.Do(ctx, chromedp.SendKeys("#sf-f-name", "Léa Tremblay-Roy")); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the id made from the name", `document.getElementById("sf-f-id").value === "lea-tremblay-roy"`); err != nil {
		t.Error(err)
	}
	for _, v := range [][2]string{
		{"role.en", "Manager, service analytics"}, {"role.fr", "Gestionnaire, analytique des services"},
		{"organization.en", "Fictional Quebec Agency"}, {"organization.fr", "Agence québécoise fictive"},
		{"jurisdiction", "CA-QC"}, {"email", "lea.tremblay-roy@example.org"}, {"phone", "+1 418 555 0199"},
		{"consent", "2026-05-04"},
	} {
		if err := setField(ctx, v[0], v[1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range [][2]string{{"languages", "fr"}, {"languages", "en"}, {"expertise", "digital-inclusion"}, {"expertise", "geospatial-analysis"}} {
		if err := tick(ctx, c[0], c[1]); err != nil {
			t.Fatalf("%s %s: %v", c[0], c[1], err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sf-form button[type=submit]`))); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the file", `!document.getElementById("sf-result").hidden && document.getElementById("sf-yaml").textContent.includes("id: lea-tremblay-roy")`); err != nil {
		t.Fatal(err)
	}
	state, err := evalJS[map[string]string](ctx, `({
		status: document.getElementById("sf-result-status").className,
		// A new person is not yet cited by any project: a warning, listed apart.
		summary: document.getElementById("sf-summary").hidden ? "" : document.getElementById("sf-summary-list").innerText,
		warnings: document.getElementById("sf-warnings").hidden ? "" : document.getElementById("sf-warnings-list").innerText,
		open: document.getElementById("sf-open").hidden ? "" : document.getElementById("sf-open").href,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(state["status"], "sf-ok") || state["summary"] != "" {
		t.Fatalf("the form reports errors: %s\n%s", state["status"], state["summary"])
	}
	if !strings.Contains(state["warnings"], "no project lists this contact") {
		t.Errorf("warnings %q, want the one about a contact no project lists", state["warnings"])
	}
	if want := "https://github.com/pssdc/guide-iad/new/main/data/contacts?filename=lea-tremblay-roy.yaml&value="; !strings.HasPrefix(state["open"], want) {
		t.Errorf("editor link %q, want it to start with %q", state["open"], want)
	}
	name, data, err := clickDownload(ctx, dir, "sf-download")
	if err != nil {
		t.Fatal(err)
	}
	if name != "lea-tremblay-roy.yaml" {
		t.Errorf("downloaded %s, want lea-tremblay-roy.yaml", name)
	}
	for _, want := range []string{"languages: [fr, en]\n", "expertise: [digital-inclusion, geospatial-analysis]\n", "consent: 2026-05-04\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q:\n%s", want, data)
		}
	}
	validateInCorpus(t, "contacts", name, data, "no project lists this contact")
}
