package browsertest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// What the project form says in each language for TestSubmitFormContributor.
var contribPages = []struct {
	lang, path string
	added      string // the status once a second lesson is added
	themes     string // the label of the themes
	badDate    string // the error next to a start date of month 13
	fewLessons string // the warning on one lesson, after the field's label
	emptyCount string // the counter of an empty box
}{
	{"en", "/en/submit-online/", "Lesson 2 added.", "Themes", `"2024-13-01" is not a day of the calendar`,
		"Lessons: 1 lesson; the guide asks for three to five", "0 of 300 characters"},
	{"fr", "/fr/soumettre-en-ligne/", "Leçon 2 ajoutée.", "Thèmes", "«\u00a02024-13-01\u00a0» n’est pas un jour du calendrier",
		"Leçons\u00a0: 1 leçon\u00a0; le guide en demande de trois à cinq", "0 caractère sur 300"},
}

// holdWASM keeps validate.wasm (published as validate.HASH.wasm) from arriving until the
// returned function is called, so that the test can act on the form before its program
// is ready.
func holdWASM(ctx context.Context) (release func(), err error) {
	ch := make(chan struct{})
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			go func() {
				<-ch
				_, _ = chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			}()
		}
	}()
	_, err = chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/validate.*wasm*"}}})
	return func() { close(ch) }, err
}

// TestSubmitFormContributor: the project form as a first-time contributor uses it, in
// each language (issue 20, items 1–6; issue 22, form errors). It takes typing before
// its program is ready; a list of its sections leads to the button; Enter in a box
// does not check the form; a field left untouched is not called empty; a new lesson's
// box is the page language's, and the status is worded for it; a group of checkboxes
// carries its own error; a date is typed as its hint says and a wrong one is an error
// at the field; warnings name the field's label (one lesson is fewer than asked); a new
// resource person's file goes with the project, is checked with it, and both files are
// offered for download and named in the email prepared for the working group, and
// guide validate accepts them together.
func TestSubmitFormContributor(t *testing.T) {
	b, srv, axe := formBrowser(t)
	for _, page := range contribPages {
		t.Run(page.lang, func(t *testing.T) {
			var release func()
			ctx, rec := openForm(t, b, srv.URL+page.path, func(ctx context.Context) (err error) {
				release, err = holdWASM(ctx)
				return err
			})
			beforeReady(t, ctx, release)
			if got, err := evalJS[string](ctx, `document.getElementById("sf-f-summary-fr-count").textContent`); err != nil || got != page.emptyCount {
				t.Errorf("the counter of an empty box: %q (%v), want %q", got, err, page.emptyCount)
			}
			skipList(t, ctx)
			typingErrors(t, ctx, page.added, page.themes, page.badDate)
			checkAxe(t, ctx, axe, page.path+" (errors at fields)")

			// One lesson: the warning names the field by its label, in the page's language.
			for _, v := range [][2]string{{"lessons[0].en", "Start with the library."}, {"lessons[0].fr", "Commencez par la bibliothèque."}} {
				if err := setField(ctx, v[0], v[1]); err != nil {
					t.Fatal(err)
				}
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sf-form button[type=submit]`))); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "the warnings", `!document.getElementById("sf-warnings").hidden`); err != nil {
				t.Fatal(err)
			}
			warn, err := evalJS[map[string]string](ctx, `({
				text: Array.from(document.querySelectorAll("#sf-warnings-list li")).map(li => li.textContent).join("\n"),
				codes: String(document.querySelectorAll("#sf-warnings-list code").length),
				// English words in the French summary: a message worded in the other language.
				english: document.documentElement.lang.startsWith("fr") ? (document.getElementById("sf-summary").innerText.match(/\b(the|is|not|and|must|should|expected)\b/gi) || []).join(" ") : "",
			})`)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(warn["text"], page.fewLessons) || warn["codes"] != "0" {
				t.Errorf("warnings %q (%s raw keys), want %q named by its label", warn["text"], warn["codes"], page.fewLessons)
			}
			if warn["english"] != "" {
				t.Errorf("the French summary holds English (%s)", warn["english"])
			}

			withContact(t, ctx, page.lang)
			checkAxe(t, ctx, axe, page.path+" (file with another)")
			checkQuiet(t, rec, srv.Host)
		})
	}
}

// beforeReady: the form is shown and takes typing while validate.wasm is held back;
// what was typed is kept and checked once the program is ready.
func beforeReady(t *testing.T, ctx context.Context, release func()) {
	t.Helper()
	if err := waitFor(ctx, "the form shown", `!document.getElementById("sf").hidden`); err != nil {
		release()
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys("#sf-f-title-en", "Laptop lending in public libraries")); err != nil {
		release()
		t.Fatal(err)
	}
	state, err := evalJS[string](ctx, `document.getElementById("sf").dataset.state || "loading"`)
	release()
	if err != nil {
		t.Fatal(err)
	}
	if state != "loading" {
		t.Errorf("the form is %s before its program arrived", state)
	}
	if _, err := submitReady(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := evalJS[[]string](ctx, `[document.getElementById("sf-f-title-en").value, document.getElementById("sf-f-id").value]`)
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != "Laptop lending in public libraries" || got[1] != "laptop-lending-in-public-libraries" {
		t.Errorf("typed before ready: title %q, id %q; want the title kept and the id made from it", got[0], got[1])
	}
}

// skipList: a link per section of the form; the last leads to the button that checks
// it, one Tab away.
func skipList(t *testing.T, ctx context.Context) {
	t.Helper()
	n, err := evalJS[[]int](ctx, `[document.querySelectorAll("#sf-sections a").length, document.querySelectorAll("#sf-form h2").length]`)
	if err != nil {
		t.Fatal(err)
	}
	if n[0] < 5 || n[0] != n[1] {
		t.Errorf("%d links to the form's %d sections", n[0], n[1])
	}
	if err := chromedp.Do(ctx, chromedp.Focus("#sf-sections li:last-child a")); err != nil {
		t.Fatal(err)
	}
	if err := press(ctx, kb.Enter); err != nil {
		t.Fatal(err)
	}
	if err := press(ctx, kb.Tab); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the focus on the check button", `document.activeElement.matches("#sf-form button[type=submit]")`); err != nil {
		t.Error(err)
	}
}

// typingErrors: Enter in a box and an untouched field draw nothing; an added lesson's
// box is the page's language; a group and a date carry their own errors.
func typingErrors(t *testing.T, ctx context.Context, added, themes, badDate string) {
	t.Helper()
	lang, err := evalJS[string](ctx, `document.getElementById("sf").dataset.lang`)
	if err != nil {
		t.Fatal(err)
	}
	// Into a required field and out of it, then Enter in another box.
	if err := chromedp.Do(ctx, chromedp.Focus("#sf-f-summary-en")); err != nil {
		t.Fatal(err)
	}
	if err := press(ctx, kb.Tab); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Focus("#sf-f-title-fr")); err != nil {
		t.Fatal(err)
	}
	if err := press(ctx, kb.Enter); err != nil {
		t.Fatal(err)
	}
	time.Sleep(800 * time.Millisecond) // more than the checks' delay (300 ms)
	quiet, err := evalJS[map[string]string](ctx, `({
		invalid: Array.from(document.querySelectorAll("#sf-form [aria-invalid]")).map(e => e.id).join(" "),
		summary: String(document.getElementById("sf-summary").hidden),
		result: String(document.getElementById("sf-result").hidden),
		focus: document.activeElement.id,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if quiet["invalid"] != "" || quiet["summary"] != "true" || quiet["result"] != "true" || quiet["focus"] != "sf-f-title-fr" {
		t.Errorf("after leaving an untouched field and Enter in a box: invalid %q, summary hidden %s, result hidden %s, focus %q; want no error, nothing checked, the focus kept",
			quiet["invalid"], quiet["summary"], quiet["result"], quiet["focus"])
	}

	// A second lesson: the focus in its box of the page's language, the status worded.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-add="lessons"]`))); err != nil {
		t.Fatal(err)
	}
	got, err := evalJS[[]string](ctx, `[document.activeElement.getAttribute("data-path") || document.activeElement.id, document.getElementById("sf-status").textContent]`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "lessons[1]." + lang; got[0] != want || got[1] != added {
		t.Errorf("add a lesson: focus on %q, status %q; want %q and %q", got[0], got[1], want, added)
	}

	// A group of checkboxes emptied: the group is invalid, described by its error, and
	// its legend keeps its own words.
	for i := 0; i < 2; i++ {
		if err := tick(ctx, "themes", "digital-inclusion"); err != nil {
			t.Fatal(err)
		}
	}
	if err := waitFor(ctx, "the error on the themes", `document.getElementById("sf-f-themes").getAttribute("aria-invalid") === "true"`); err != nil {
		t.Fatal(err)
	}
	group, err := evalJS[map[string]string](ctx, `(() => {
		const fs = document.getElementById("sf-f-themes"), legend = fs.querySelector("legend").cloneNode(true);
		legend.querySelectorAll(".sf-req").forEach(x => x.remove());
		const errs = (fs.getAttribute("aria-describedby") || "").split(/\s+/).map(id => document.getElementById(id)).filter(e => e && e.matches(".sf-error"));
		return {legend: legend.textContent.trim(), errors: String(errs.length), inLegend: String(errs.some(e => e.closest("legend"))), text: errs.map(e => e.textContent).join(" ")};
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if group["legend"] != themes || group["errors"] != "1" || group["inLegend"] != "false" {
		t.Errorf("the themes' group: legend %q, %s error(s) describing it (in the legend: %s): %q; want the legend %q and one error beside it",
			group["legend"], group["errors"], group["inLegend"], group["text"], themes)
	}

	// A date typed as the hint says; month 13 is an error at the field, never another day.
	kind, err := evalJS[string](ctx, `document.getElementById("sf-f-started").type`)
	if err != nil || kind != "text" {
		t.Errorf("the start date is an input of type %q (%v), want text", kind, err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys("#sf-f-started", "2024-13-01"+kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the error on the date", `(document.getElementById("sf-f-started-error1") || {}).textContent.includes("2024-13-01")`); err != nil {
		t.Fatal(err)
	}
	next, _, err := fieldErrors(ctx, "sf-f-started")
	if err != nil {
		t.Fatal(err)
	}
	if len(next) != 1 || !strings.Contains(next[0], badDate) {
		t.Errorf("next to the date: %q, want %q", next, badDate)
	}
	if err := setField(ctx, "started", "2024-03-01"); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the date in the file", `!document.getElementById("sf-f-started").hasAttribute("aria-invalid") && document.getElementById("sf-yaml").textContent.includes("started: 2024-03-01\n")`); err != nil {
		t.Error(err)
	}
}

// withContact: a new resource person's file goes with the project: ticked among the
// contacts, checked with it (no "not published" warning), offered for download, named
// in the email, and accepted by guide validate with the project's file.
func withContact(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	contact, err := filepath.Abs(filepath.Join(repo, "tools", "webform", "testdata", "with", "robin-new.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles("#sf-with-contacts", []string{contact})); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the new contact ticked", `!!document.querySelector("#sf-form input[name=contacts][value=robin-new]:checked")`); err != nil {
		t.Fatal(err)
	}
	if err := fillProject(ctx, "title.fr"); err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "id", "laptop-lending"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sf-form button[type=submit]`))); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the files", `!document.getElementById("sf-with").hidden && document.getElementById("sf-yaml").textContent.includes("id: laptop-lending\n")`); err != nil {
		t.Fatal(err)
	}
	state, err := evalJS[map[string]string](ctx, `({
		status: document.getElementById("sf-result-status").className,
		summary: document.getElementById("sf-summary").hidden ? "" : document.getElementById("sf-summary").innerText,
		label: document.querySelector("#sf-form input[value=robin-new] + label").textContent,
		yaml: document.getElementById("sf-yaml").textContent,
		mail: document.getElementById("sf-mail").href,
		files: document.getElementById("sf-mail-files").textContent,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(state["status"], "sf-ok") || state["summary"] != "" {
		t.Fatalf("the project with its new contact is not clean: %s\n%s\n%s", state["status"], state["summary"], state["yaml"])
	}
	if !strings.Contains(state["label"], "Robin New") || !strings.Contains(state["yaml"], "contacts: [robin-new, casey-river]") {
		t.Errorf("the new contact: label %q; the file:\n%s", state["label"], state["yaml"])
	}
	mail, err := url.Parse(state["mail"])
	if err != nil {
		t.Fatal(err)
	}
	q, _ := url.ParseQuery(strings.ReplaceAll(mail.RawQuery, "+", "%2B"))
	if mail.Scheme != "mailto" || mail.Opaque != "guide-iad@example.org" || !strings.Contains(q.Get("subject"), "laptop-lending") ||
		!strings.Contains(q.Get("body"), "- laptop-lending.yaml\n- robin-new.yaml") || state["files"] != "laptop-lending.yaml, robin-new.yaml" {
		t.Errorf("the email: %s (to %q, subject %q, body %q), files named %q", state["mail"], mail.Opaque, q.Get("subject"), q.Get("body"), state["files"])
	}
	if lang == "fr" && !strings.Contains(q.Get("body"), "Bonjour") {
		t.Errorf("the French email is not in French: %q", q.Get("body"))
	}
	dir := t.TempDir()
	name, data, err := clickDownload(ctx, dir, "sf-with-files button")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(contact)
	if name != "robin-new.yaml" || string(data) != string(want) {
		t.Errorf("downloaded %s:\n%s\nwant robin-new.yaml as loaded", name, data)
	}
	validateSetInCorpus(t, map[string][]byte{"projects/laptop-lending.yaml": []byte(state["yaml"]), "contacts/robin-new.yaml": data}, "")

	// Taken out, the file no longer goes with the project, nor its person with the file.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sf-with-list-contacts .sf-with-remove`))); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the file taken out", `document.getElementById("sf-with").hidden && !document.querySelector("#sf-form input[value=robin-new]") && document.getElementById("sf-yaml").textContent.includes("contacts: [casey-river]\n") && document.activeElement.id === "sf-with-contacts"`); err != nil {
		t.Error(err)
	}
}
