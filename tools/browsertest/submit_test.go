package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// The online submission form (layouts/submit-form, assets/js/submit-form.js,
// tools/wasm/validate) in each language, with a message the validator gives in it.
var submitPages = []struct {
	lang, path string
	badID      string // what the error next to the id says for "Laptop-Lending"
}{
	{"en", "/en/submit-online/", `"Laptop-Lending" is not a valid id`},
	{"fr", "/fr/soumettre-en-ligne/", "«\u00a0Laptop-Lending\u00a0» n’est pas un identifiant valide"},
}

// submitReady starts the form as entering it would (its program loads on first need:
// a focusin on #sf), waits until it has started: Go loaded, the corpus read, the first
// check made (data-state on #sf), and returns how long that took in the page.
func submitReady(ctx context.Context) (int, error) {
	if _, err := evalJS[bool](ctx, `document.getElementById("sf").dispatchEvent(new FocusEvent("focusin", {bubbles: true}))`); err != nil {
		return 0, err
	}
	if err := waitFor(ctx, "the form to start", `["ready", "failed"].includes(document.getElementById("sf").dataset.state)`); err != nil {
		return 0, err
	}
	state, err := evalJS[map[string]string](ctx, `(() => { const d = document.getElementById("sf").dataset; return {state: d.state, ms: d.readyMs || "", missing: d.missing || "", extra: d.extra || "", status: document.getElementById("sf-status").textContent}; })()`)
	if err != nil {
		return 0, err
	}
	if state["state"] != "ready" {
		return 0, fmt.Errorf("the form failed to start: %s", state["status"])
	}
	if state["missing"] != "" || state["extra"] != "" {
		return 0, fmt.Errorf("the form and the model differ: keys without an input %q, inputs for no key %q", state["missing"], state["extra"])
	}
	var ms int
	fmt.Sscan(state["ms"], &ms)
	return ms, nil
}

// setField gives a form control a value as typing would (input and change events);
// paths are the form's data-path ("title.fr", "lessons[0].en").
func setField(ctx context.Context, path, value string) error {
	p, _ := json.Marshal(path)
	v, _ := json.Marshal(value)
	ok, err := evalJS[bool](ctx, fmt.Sprintf(`(() => {
		const e = document.querySelector("#sf-form [data-path=" + JSON.stringify(%s) + "]:not(fieldset)");
		if (!e) return false;
		e.value = %s;
		e.dispatchEvent(new Event("input", {bubbles: true}));
		e.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, p, v))
	if err == nil && !ok {
		err = fmt.Errorf("no control with data-path %s", path)
	}
	return err
}

// tick checks the box of a code or id in a group of checkboxes.
func tick(ctx context.Context, key, value string) error {
	return chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#sf-form input[name=%q][value=%q]`, key, value))))
}

// fieldErrors returns the error messages shown next to a control and in the summary.
func fieldErrors(ctx context.Context, id string) (next []string, summary []string, err error) {
	out, err := evalJS[[][]string](ctx, fmt.Sprintf(`(() => {
		const id = %q;
		const c = document.getElementById(id);
		const described = (c.getAttribute("aria-describedby") || "").split(/\s+/).filter(x => /-error\d+$/.test(x));
		const next = described.map(x => document.getElementById(x)).filter(Boolean).map(e => e.textContent);
		if (c.getAttribute("aria-invalid") !== "true") next.length = 0;
		const sum = document.getElementById("sf-summary");
		const links = sum.hidden ? [] : Array.from(sum.querySelectorAll("a[href='#" + id + "']")).map(a => a.textContent);
		return [next, links];
	})()`, id))
	if err != nil {
		return nil, nil, err
	}
	return out[0], out[1], nil
}

// TestSubmitForm: each language's form starts (the WebAssembly validator and the
// corpus), passes axe-core, logs nothing and asks no other host. In English a
// contributor fills it in: a bad id draws the validator's error next to the field and
// in the summary; once fixed, and the rest filled in, the file shown and downloaded is
// one that guide validate accepts in the corpus. Loading files fills the form back.
func TestSubmitForm(t *testing.T) {
	b, srv, axe := formBrowser(t)
	for _, page := range submitPages {
		t.Run(page.lang, func(t *testing.T) {
			// An empty cache, as on a first visit.
			ctx, rec := openForm(t, b, srv.URL+page.path, func(ctx context.Context) error {
				_, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
				return err
			})
			ms, err := submitReady(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var sizes []string
			for _, q := range rec.Requests() {
				if strings.HasSuffix(q.URL, ".wasm") || strings.Contains(q.URL, "/submit-form/corpus.") {
					sizes = append(sizes, fmt.Sprintf("%s %d B", q.URL[strings.LastIndex(q.URL, "/")+1:], fileSize(q.URL, srv.URL)))
				}
			}
			t.Logf("%s, empty cache: validate.wasm fetched and compiled, corpus read, first check made in %d ms (%s)", page.path, ms, strings.Join(sizes, ", "))
			checkAxe(t, ctx, axe, page.path+" (ready)")

			// A bad id: the validator's message next to the field and in the summary.
			if err := chromedp.Do(ctx, chromedp.SendKeys("#sf-f-title-en", "Laptop lending in public libraries")); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "the id made from the title", `document.getElementById("sf-f-id").value === "laptop-lending-in-public-libraries"`); err != nil {
				t.Error(err)
			}
			if err := chromedp.Do(ctx, chromedp.Focus("#sf-f-id")); err != nil {
				t.Fatal(err)
			}
			if err := setField(ctx, "id", ""); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.SendKeys("#sf-f-id", "Laptop-Lending"+kb.Tab)); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "the error on the id", `document.getElementById("sf-f-id").getAttribute("aria-invalid") === "true"`); err != nil {
				t.Fatal(err)
			}
			next, summary, err := fieldErrors(ctx, "sf-f-id")
			if err != nil {
				t.Fatal(err)
			}
			if len(next) != 1 || !strings.Contains(next[0], page.badID) {
				t.Errorf("next to the id: %q, want one error with %q", next, page.badID)
			}
			// The summary answers "check and show the file": none before it is asked for.
			if len(summary) != 0 {
				t.Errorf("in the summary before the form is checked: %q, want nothing", summary)
			}
			checkAxe(t, ctx, axe, page.path+" (with an error)")
			if err := setField(ctx, "id", "laptop-lending"); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "the error on the id to go", `!document.getElementById("sf-f-id").hasAttribute("aria-invalid") && !document.querySelector("#sf-summary a[href='#sf-f-id']")`); err != nil {
				t.Error(err)
			}
			if page.lang == "en" {
				fillAndSubmit(t, ctx, axe)
				loadFiles(t, ctx)
			} else {
				keyboardPath(t, ctx)
			}
			checkQuiet(t, rec, srv.Host)
		})
	}
}

// formBrowser starts the browser, the site's server and axe-core for a form's test.
func formBrowser(t *testing.T) (*Browser, *Server, string) {
	t.Helper()
	tl := needTools(t, "chromium", AxePath)
	b, srv := startBrowser(t)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	return b, srv, axe
}

// openForm opens url in a tab of its own (closed at the end of the test) that records
// its console and requests; prepare, when given, runs before the page loads.
func openForm(t *testing.T, b *Browser, url string, prepare func(context.Context) error) (context.Context, *Recorder) {
	t.Helper()
	ctx, cancel := b.Tab(3 * time.Minute)
	t.Cleanup(cancel)
	rec, err := Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		if err := prepare(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

// checkQuiet: the page logged nothing to the console and asked no host but host.
func checkQuiet(t *testing.T, rec *Recorder, host string) {
	t.Helper()
	for _, c := range rec.Console() {
		t.Errorf("console: %s", c)
	}
	for _, q := range Foreign(rec.Requests(), host) {
		t.Errorf("request to another host: %s", q.URL)
	}
}

// checkAxe: axe-core finds no WCAG 2.1 A/AA violation on the page as it is now (what
// names the page and its state in the report).
func checkAxe(t *testing.T, ctx context.Context, axe, what string) {
	t.Helper()
	res, err := RunAxe(ctx, axe)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Violations {
		t.Error(v.Report(what))
	}
}

// projectValues fill in every required field of the project form but the id and the
// English title (which the tests type), with three lessons (as the guide asks).
var projectValues = [][2]string{
	{"title.en", "Laptop lending in public libraries"},
	{"title.fr", "Prêt d'ordinateurs portables dans les bibliothèques publiques"},
	{"summary.en", "A town lent laptops through its libraries to residents without a computer."},
	{"summary.fr", "Une ville a prêté des ordinateurs portables dans ses bibliothèques aux résidents sans ordinateur."},
	{"organization.en", "Town of Lakeview"},
	{"organization.fr", "Ville de Lakeview"},
	{"jurisdiction", "CA-NS"},
	{"level", "municipal"},
	{"stage", "pilot"},
	{"started", "2024-03-01"},
	{"reviewed", "2026-06-01"},
	{"challenge.en", "Many residents had no computer at home.\n\n### Who\n\n- seniors\n- newcomers"},
	{"challenge.fr", "Beaucoup de résidents n'avaient pas d'ordinateur.\n\n### Qui\n\n- aînés\n- nouveaux arrivants"},
	{"approach.en", "We used library card data, see [the census](https://www12.statcan.gc.ca/)."},
	{"approach.fr", "Nous avons utilisé les données des cartes de bibliothèque."},
	{"results.en", "300 loans in a year."},
	{"results.fr", "300 prêts en un an."},
	{"lessons[0].en", "Start with the library."},
	{"lessons[0].fr", "Commencez par la bibliothèque."},
	{"lessons[1].en", "Ask the branches."},
	{"lessons[1].fr", "Consultez les succursales."},
	{"lessons[2].en", "Count the loans."},
	{"lessons[2].fr", "Comptez les prêts."},
}

// fillProject gives the project form projectValues from the key from on (the earlier
// ones are the test's), adding lessons with their button, and ticks a theme, a
// technique, a data source and a published contact.
func fillProject(ctx context.Context, from string) error {
	on := false
	for _, v := range projectValues {
		on = on || v[0] == from
		if !on {
			continue
		}
		// A lesson's box that is not there yet is added with the list's button.
		if have, err := evalJS[bool](ctx, fmt.Sprintf(`!!document.querySelector('#sf-form [data-path=%q]')`, v[0])); err != nil {
			return err
		} else if !have && strings.HasPrefix(v[0], "lessons[") {
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-add="lessons"]`))); err != nil {
				return err
			}
		}
		if err := setField(ctx, v[0], v[1]); err != nil {
			return err
		}
	}
	for _, c := range [][2]string{{"themes", "digital-inclusion"}, {"techniques", "open-data"}, {"data_sources", "administrative"}, {"contacts", "casey-river"}} {
		if err := tick(ctx, c[0], c[1]); err != nil {
			return fmt.Errorf("%s %s: %w", c[0], c[1], err)
		}
	}
	return nil
}

// fillAndSubmit fills in every required field (and some optional ones), asks for the
// file and checks it with the validator in a copy of the corpus.
func fillAndSubmit(t *testing.T, ctx context.Context, axe string) {
	t.Helper()
	if err := fillProject(ctx, "title.fr"); err != nil {
		t.Fatal(err)
	}
	// A list item added with its button.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-add="metrics"]`))); err != nil {
		t.Fatal(err)
	}
	for _, v := range [][2]string{{"metrics[0].label.en", "Loans"}, {"metrics[0].label.fr", "Prêts"}, {"metrics[0].value.en", "300"}, {"metrics[0].value.fr", "300"}} {
		if err := setField(ctx, v[0], v[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sf-form button[type=submit]`))); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the file", `!document.getElementById("sf-result").hidden && document.getElementById("sf-yaml").textContent.includes("id: laptop-lending")`); err != nil {
		t.Fatal(err)
	}
	state, err := evalJS[map[string]string](ctx, `({
		status: document.getElementById("sf-result-status").className + " " + document.getElementById("sf-result-status").textContent,
		summary: document.getElementById("sf-summary").hidden ? "" : document.getElementById("sf-summary").innerText,
		yaml: document.getElementById("sf-yaml").textContent,
		open: document.getElementById("sf-open").hidden ? "" : document.getElementById("sf-open").href,
		focus: document.activeElement.id,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(state["status"], "sf-ok") || state["summary"] != "" {
		t.Fatalf("the form reports errors: %s\n%s\n%s", state["status"], state["summary"], state["yaml"])
	}
	if state["focus"] != "sf-result-heading" {
		t.Errorf("focus after the check is on %q, want the result's heading", state["focus"])
	}
	if want := "https://github.com/pssdc/guide-iad/new/main/data/projects?filename=laptop-lending.yaml&value="; !strings.HasPrefix(state["open"], want) {
		t.Errorf("editor link %q, want it to start with %q", state["open"], want)
	}
	checkAxe(t, ctx, axe, "/en/submit-online/ (file shown)")
	ms, err := evalJS[float64](ctx, `(() => {
		const text = document.getElementById("sf-yaml").textContent, t = performance.now();
		for (let i = 0; i < 10; i++) guideForm.validate("data/projects/laptop-lending.yaml", text, "en");
		return (performance.now() - t) / 10;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("one check of the whole file in the browser: %.1f ms", ms)

	dir := t.TempDir()
	name, data, err := clickDownload(ctx, dir, "sf-download")
	if err != nil {
		t.Fatal(err)
	}
	if name != "laptop-lending.yaml" || string(data) != state["yaml"] {
		t.Errorf("downloaded %s:\n%s\nwant laptop-lending.yaml with the text shown:\n%s", name, data, state["yaml"])
	}

	validateInCorpus(t, "projects", "laptop-lending.yaml", data, "")
	for _, want := range []string{"title:\n  en: Laptop lending in public libraries\n", "challenge:\n  en: |\n    Many residents had no computer at home.\n\n    ### Who\n", "contacts: [casey-river]\n", "metrics:\n  - label: {en: Loans, fr: Prêts}\n    value: {en: \"300\", fr: \"300\"}\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q:\n%s", want, data)
		}
	}
	t.Logf("the file the form made (%d bytes) passes guide validate", len(data))
}

// keyboardPath: with the keyboard only, asking for the file of an unfinished form moves
// the focus to the error summary; Tab reaches its first link, and Enter takes the focus
// to the field it names.
func keyboardPath(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Focus(`#sf-form button[type=submit]`)); err != nil {
		t.Fatal(err)
	}
	if err := press(ctx, kb.Enter); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the focus on the summary", `document.activeElement.id === "sf-summary"`); err != nil {
		t.Fatal(err)
	}
	if err := press(ctx, kb.Tab); err != nil {
		t.Fatal(err)
	}
	href, err := evalJS[string](ctx, `document.activeElement.matches("#sf-summary-list a") ? document.activeElement.getAttribute("href") : "not a link: " + document.activeElement.outerHTML.slice(0, 80)`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(href, "#sf-f-") {
		t.Fatalf("Tab from the summary reached %s", href)
	}
	if err := press(ctx, kb.Enter); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the focus on the field "+href, `"#" + document.activeElement.id === `+strconvQuote(href)+` || document.activeElement.closest(`+strconvQuote(href)+`) !== null`); err != nil {
		where, _ := evalJS[string](ctx, `document.activeElement.outerHTML.slice(0, 120) + " " + location.hash`)
		t.Errorf("%v; the focus is on %s", err, where)
	}
	if f, err := focusNow(ctx); err == nil {
		if p := f.indicatorProblem(); p != "" {
			t.Errorf("focus on %s: %s", f, p)
		}
	}
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// loadFiles loads project files into the form: a key it has no place for is named, a
// contact the site does not publish is kept (and not an error), the rest fills the form.
func loadFiles(t *testing.T, ctx context.Context) {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(fixture, "projects", "beta-forecasting.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "beta-forecasting.yaml")
	if err := os.WriteFile(path, append(src, []byte("colour: blue\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles("#sf-load-file", []string{path})); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the file to load", `document.getElementById("sf-load-result").textContent.includes("beta-forecasting.yaml")`); err != nil {
		t.Fatal(err)
	}
	got, err := evalJS[map[string]string](ctx, `({
		result: document.getElementById("sf-load-result").innerText,
		title: document.getElementById("sf-f-title-fr").value,
		dana: String(!!document.querySelector("#sf-form input[name=contacts][value=dana-lake]:checked")),
		danaLabel: (document.querySelector("#sf-form input[name=contacts][value=dana-lake] + label") || {}).textContent || "",
		warnings: document.getElementById("sf-warnings-list").textContent,
		status: document.getElementById("sf-result-status").className,
		yaml: document.getElementById("sf-yaml").textContent,
		open: document.getElementById("sf-open").href,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://github.com/pssdc/guide-iad/edit/main/data/projects/beta-forecasting.yaml"; got["open"] != want {
		t.Errorf("a published project opens in GitHub's editor at %q, want %q", got["open"], want)
	}
	if !strings.Contains(got["result"], "colour") || !strings.Contains(got["result"], `unknown key`) {
		t.Errorf("the load does not name the unknown key colour: %s", got["result"])
	}
	if got["title"] != "Prévision du centre d'appels Bêta" || got["dana"] != "true" {
		t.Errorf("the form is not filled from the file: title.fr %q, contact dana-lake ticked %s", got["title"], got["dana"])
	}
	// The page cannot know whether dana-lake is in the guide (the site publishes nothing
	// of contacts without consent): it says so, and leaves the reference to the review.
	if !strings.Contains(got["danaLabel"], "not among the published resource persons") || !strings.Contains(got["warnings"], `"dana-lake" is not among the published contacts`) {
		t.Errorf("an unpublished contact should be named as unchecked: label %q, warnings %q", got["danaLabel"], got["warnings"])
	}
	if !strings.Contains(got["status"], "sf-ok") || !strings.Contains(got["yaml"], "contacts: [casey-river, dana-lake]") {
		t.Errorf("the loaded project should be valid and keep its contacts: %s\n%s", got["status"], got["yaml"])
	}

	// A project with every key goes through the form unchanged: the file shown is the
	// one package webform writes for it (its golden file).
	alpha, err := filepath.Abs(filepath.Join(fixture, "projects", "alpha-outreach.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles("#sf-load-file", []string{alpha})); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the second file to load", `document.getElementById("sf-load-result").textContent.includes("alpha-outreach.yaml") && document.getElementById("sf-yaml").textContent.includes("id: alpha-outreach")`); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(repo, "tools", "webform", "testdata", "alpha-outreach.golden.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	yaml, err := evalJS[string](ctx, `document.getElementById("sf-yaml").textContent`)
	if err != nil {
		t.Fatal(err)
	}
	if yaml != string(want) {
		t.Errorf("alpha-outreach.yaml through the form:\n%s\nwant tools/webform/testdata/alpha-outreach.golden.yaml:\n%s", yaml, want)
	}
}

// validateInCorpus gives guide validate's verdict on a file the form made, added to a
// copy of the fixture corpus as data/DIR/NAME: no error anywhere, and no finding about
// the file but a warning containing allowed (when not "").
func validateInCorpus(t *testing.T, dir, name string, data []byte, allowed string) {
	t.Helper()
	validateSetInCorpus(t, map[string][]byte{dir + "/" + name: data}, allowed)
}

// validateSetInCorpus is validateInCorpus for several files given together, by their
// path under the data folder (DIR/NAME): guide validate judges them all at once.
func validateSetInCorpus(t *testing.T, files map[string][]byte, allowed string) {
	t.Helper()
	corpus := testutil.CopyTree(t, fixture)
	written := map[string]bool{}
	for p, data := range files {
		file := filepath.Join(corpus, filepath.FromSlash(p))
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		written[file] = true
	}
	res, err := check.Run(check.Options{DataDir: corpus, SiteConfig: filepath.Join(repo, "config.toml")})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		expected := allowed != "" && d.Severity != diag.Error && strings.Contains(d.Message, allowed)
		if d.Severity == diag.Error || (written[d.File] && !expected) {
			t.Errorf("guide validate: %s", d)
		}
	}
}
