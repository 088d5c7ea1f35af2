package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/pssdc/guide-iad/tools/diag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pssdc/guide-iad/tools/pdf/pdffile"
)

// The fixture corpus (tools/check/testdata/valid), built and printed once for the tests
// that only read the result.
var fx struct {
	once    sync.Once
	public  string
	results map[string]Result
	err     error
}

func printed(t *testing.T) (string, map[string]Result) {
	t.Helper()
	needTools(t)
	fx.once.Do(func() {
		public, err := buildSiteErr(fixture, filepath.Join(tmpRoot, "fixture"))
		if err != nil {
			fx.err = err
			return
		}
		// A temporary file left by a killed run: Run removes it.
		stale := filepath.Join(public, "en", ".ddi-playbook-2026-1.pdf.123456.tmp")
		if err := os.WriteFile(stale, []byte("%PDF-1.4 half"), 0o644); err != nil {
			fx.err = err
			return
		}
		res, err := Run(context.Background(), Options{Public: public})
		if err != nil {
			fx.err = err
			return
		}
		fx.public, fx.results = public, map[string]Result{}
		for _, r := range res {
			fx.results[r.Lang] = r
		}
	})
	if fx.err != nil {
		t.Fatal(fx.err)
	}
	return fx.public, fx.results
}

var langs = []struct {
	lang, locale, title, pageOf string
}{
	{"en", "en-CA", "DDI Playbook: First edition, November 2026", "Page %d of %d"},
	{"fr", "fr-CA", "Guide IAD\u00a0: Première édition, novembre 2026", "Page %d de %d"},
}

// TestMetadata: page count, tagging, page size, title, author, subject, language, and the
// edition's date as creation and modification dates.
func TestMetadata(t *testing.T) {
	_, res := printed(t)
	for _, l := range langs {
		r := res[l.lang]
		info := pdfinfo(t, r.File)
		pages, _ := strconv.Atoi(info["Pages"])
		if pages < 10 || pages != r.Pages {
			t.Errorf("%s: %d pages (result says %d)", r.File, pages, r.Pages)
		}
		for k, want := range map[string]string{
			"Tagged":       "yes",
			"Page size":    "612 x 792 pts (letter)",
			"Title":        l.title,
			"CreationDate": "2026-11-30T00:00:00-05",
			"ModDate":      "2026-11-30T00:00:00-05",
			"Encrypted":    "no",
		} {
			if norm(info[k]) != norm(want) {
				t.Errorf("%s: %s = %q, want %q", r.File, k, info[k], want)
			}
		}
		for _, k := range []string{"Author", "Subject", "Keywords"} {
			if info[k] == "" {
				t.Errorf("%s: no %s", r.File, k)
			}
		}
		if !strings.Contains(info["Author"], map[string]string{"en": "Working Group", "fr": "Groupe de travail"}[l.lang]) {
			t.Errorf("%s: author %q is not the working group", r.File, info["Author"])
		}
		data, err := os.ReadFile(r.File)
		if err != nil {
			t.Fatal(err)
		}
		f, err := pdffile.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if lang, _ := f.Lang(); lang != l.locale {
			t.Errorf("%s: /Lang %q, want %q", r.File, lang, l.locale)
		}
		if !bytes.Contains(data, []byte("/Lang ("+l.locale+")")) {
			t.Errorf("%s: no /Lang (%s) in the file", r.File, l.locale)
		}
	}
}

// TestFontsEmbedded: every font is embedded and subset, and all of them are the
// self-hosted Noto Sans (margin boxes included): nothing fell back to a system font.
func TestFontsEmbedded(t *testing.T) {
	_, res := printed(t)
	for _, l := range langs {
		file := res[l.lang].File
		out := run(t, "pdffonts", file)
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) < 3 {
			t.Fatalf("%s: no fonts:\n%s", file, out)
		}
		emb := strings.Index(lines[0], "emb")
		for _, line := range lines[2:] {
			if len(line) < emb+7 || line[emb:emb+3] != "yes" || line[emb+4:emb+7] != "yes" {
				t.Errorf("%s: font not embedded and subset: %s", file, line)
			}
			if !strings.Contains(strings.Fields(line)[0], "NotoSans") {
				t.Errorf("%s: font other than Noto Sans: %s", file, line)
			}
		}
		for _, face := range []string{"NotoSans-Regular", "NotoSans-Bold"} {
			if !strings.Contains(out, face) {
				t.Errorf("%s: %s not used", file, face)
			}
		}
	}
}

// TestOutline: the PDF has bookmarks for the parts and the case studies.
func TestOutline(t *testing.T) {
	_, res := printed(t)
	data, err := os.ReadFile(res["en"].File)
	if err != nil {
		t.Fatal(err)
	}
	f, err := pdffile.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if tagged, _ := f.Tagged(); !tagged {
		t.Error("catalog: not marked as tagged")
	}
	items, err := f.Outline()
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]int{}
	for _, it := range items {
		titles[norm(it.Title)] = it.Depth + 1
	}
	for _, want := range []string{"Contents", "Case studies", "Alpha outreach mapping", "Beta contact-centre forecasting", "Start small", "Index of case studies"} {
		if titles[want] == 0 {
			t.Errorf("outline lacks %q; it has %d items", want, len(items))
		}
	}
	if titles["Case studies"] >= titles["Alpha outreach mapping"] {
		t.Errorf("a case study is not below the part in the outline: %v", titles)
	}
}

// TestContentsPageNumbers: every entry of the table of contents gives the page where
// pdftotext finds its heading, which is also the page of its named destination.
func TestContentsPageNumbers(t *testing.T) {
	public, res := printed(t)
	for _, l := range langs {
		file := res[l.lang].File
		list := entries(t, filepath.Join(public, l.lang, PageName), hasID("contents"))
		if len(list) < 15 {
			t.Fatalf("%s: only %d entries in the contents", l.lang, len(list))
		}
		checkNumbers(t, file, list, "contents-h", "new")
	}
}

// TestIndexPageNumbers: the same for the index of case studies by theme and technique.
func TestIndexPageNumbers(t *testing.T) {
	public, res := printed(t)
	for _, l := range langs {
		file := res[l.lang].File
		list := entries(t, filepath.Join(public, l.lang, PageName), hasClass("index"))
		if len(list) < 6 {
			t.Fatalf("%s: only %d entries in the index", l.lang, len(list))
		}
		checkNumbers(t, file, list, "index", "pending")
	}
}

// checkNumbers reads the numbers printed after each entry's title between the pages of
// two destinations (from, to: the page of `to` excluded) in content order (pdftotext
// -raw), and checks each against the heading's page. The contents' heading is not a link
// target: for "contents-h", from is the first page that begins with that heading.
func checkNumbers(t *testing.T, file string, list []entry, from, to string) {
	t.Helper()
	dests := popplerDests(t, file)
	first, last := dests[from], dests[to]-1
	if from == "contents-h" {
		for n := 2; n <= last && first == 0; n++ {
			body := pageText(t, file, n)
			if strings.HasPrefix(body, "Contents") || strings.HasPrefix(body, "Table des matières") {
				first = n
			}
		}
	}
	if first == 0 || last < first {
		t.Fatalf("%s: bad page range %d–%d for %s…%s", file, first, last, from, to)
	}
	// A title may wrap after a hyphen ("non-" / "déclarants"): join such breaks.
	unbreak := strings.NewReplacer("- ", "-")
	text := unbreak.Replace(norm(run(t, "pdftotext", "-raw", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), file, "-")))
	pos := 0
	for _, e := range list {
		title := unbreak.Replace(e.title)
		i := strings.Index(text[pos:], title)
		if i < 0 {
			t.Errorf("%s: entry %q not found on pages %d–%d", file, e.title, first, last)
			continue
		}
		pos += i + len(title)
		m := regexp.MustCompile(`^ ?(\d+)`).FindStringSubmatch(text[pos:])
		if m == nil {
			t.Errorf("%s: entry %q has no page number (%q)", file, e.title, text[pos:min(len(text), pos+40)])
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if d := dests[e.anchor]; d != n {
			t.Errorf("%s: %q says page %d, its destination #%s is on page %d", file, e.title, n, e.anchor, d)
		}
		if body := unbreak.Replace(pageText(t, file, n)); !strings.Contains(body, title) {
			t.Errorf("%s: %q says page %d, but pdftotext -f %d -l %d does not find it there:\n%s", file, e.title, n, n, n, body)
		}
	}
}

// TestCrossReferences: "Title, p. N" references give the page of the entry.
func TestCrossReferences(t *testing.T) {
	_, res := printed(t)
	file := res["en"].File
	dests := popplerDests(t, file)
	text := norm(run(t, "pdftotext", "-raw", file, "-"))
	for title, anchor := range map[string]string{"Start small": "practice-start-small", "Index tool": "resource-index-tool", "Beta contact-centre forecasting": "case-beta-forecasting"} {
		ms := regexp.MustCompile(regexp.QuoteMeta(title)+`, p\. (\d+)`).FindAllStringSubmatch(text, -1)
		if len(ms) == 0 {
			t.Errorf("no cross reference to %q", title)
		}
		for _, m := range ms {
			if n, _ := strconv.Atoi(m[1]); n != dests[anchor] {
				t.Errorf("reference %q, p. %d: the entry is on page %d", title, n, dests[anchor])
			}
		}
	}
}

// TestFrenchText: accents, cedilla and guillemets come out of the French PDF intact, with
// French dates and the French footer.
func TestFrenchText(t *testing.T) {
	_, res := printed(t)
	r := res["fr"]
	text := norm(run(t, "pdftotext", r.File, "-"))
	for _, want := range []string{
		"Première édition", "30 novembre 2026", "Étude de cas", "Aperçu", "Commencez par la question de service.",
		"1er avril 2019", "« Exemple illustratif »", "Traductions en attente", "Dernière révision : 1er mars 2026",
		"Cartographie de la sensibilisation Alpha", "à jour", "Français",
		fmt.Sprintf(langs[1].pageOf, 2, r.Pages),
	} {
		if !strings.Contains(text, norm(want)) {
			t.Errorf("French PDF lacks %q", want)
		}
	}
	for _, c := range []string{"é", "è", "à", "ç", "«", "»", "É", "ê"} {
		if !strings.Contains(text, c) {
			t.Errorf("French PDF text lacks %q", c)
		}
	}
	if strings.Contains(text, "\ufffd") {
		t.Error("French PDF text has replacement characters")
	}
	// French typography: no-break spaces inside « » and before ":" in the page printed
	// (Chromium writes them as spaces in the PDF's text layer, so look at the source).
	public, _ := printed(t)
	page, err := os.ReadFile(filepath.Join(public, "fr", PageName))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"«\u00a0Exemple illustratif\u00a0»", "Guide IAD\u00a0: Première édition", "Techniques\u00a0:", "Page \" counter(page) \" de \" counter(pages)"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("French print page lacks %q", want)
		}
	}
}

// TestPrintAdaptations: external links show their address, internal ones do not; no
// site navigation; only consented contacts; running heads and "Page x of y"; every case
// study begins a page; no heading ends a page.
func TestPrintAdaptations(t *testing.T) {
	public, res := printed(t)
	r := res["en"]
	text := norm(run(t, "pdftotext", r.File, "-"))
	for _, want := range []string{
		"Census Program <https://www12.statcan.gc.ca/census-recensement/index-eng.cfm>",
		"see the beta page.", // an internal link: no address after it
		"Casey River", "casey.river@example.org",
		"CC BY 4.0", "How to cite", "Illustrative example",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("English PDF lacks %q", want)
		}
	}
	for _, bad := range []string{"Dana Lake", "dana.lake@example.org", "Skip to main content", "beta page <", "Français", "This page is the source"} {
		if strings.Contains(text, bad) {
			t.Errorf("English PDF shows %q", bad)
		}
	}
	dests := popplerDests(t, r.File)
	for i := 2; i <= r.Pages; i++ {
		raw := run(t, "pdftotext", "-layout", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), r.File, "-")
		if !strings.Contains(norm(raw), fmt.Sprintf("Page %d of %d", i, r.Pages)) {
			t.Errorf("page %d: no footer \"Page %d of %d\"", i, i, r.Pages)
		}
	}
	// The running head of a case study's second page is its title.
	second := dests["case-alpha-outreach"] + 1
	head := strings.SplitN(strings.TrimSpace(run(t, "pdftotext", "-layout", "-f", strconv.Itoa(second), "-l", strconv.Itoa(second), r.File, "-")), "\n", 2)[0]
	if !strings.Contains(head, "Alpha outreach mapping") || !strings.Contains(head, "DDI Playbook") {
		t.Errorf("page %d: running head %q", second, head)
	}
	// Each case study starts a page: before its title on that page there is only the
	// part and jurisdiction headings and the kicker.
	for _, c := range []struct{ anchor, title string }{
		{"case-alpha-outreach", "Alpha outreach mapping"},
		{"case-beta-forecasting", "Beta contact-centre forecasting"},
		{"case-gamma-inventory", "Gamma open service inventory"},
	} {
		body := pageText(t, r.File, dests[c.anchor])
		i := strings.Index(body, c.title)
		if i < 0 || !strings.Contains(body[:i], "CASE STUDY") || len(body[:i]) > 200 {
			t.Errorf("%s does not start its page %d: %q", c.title, dests[c.anchor], body[:min(len(body), 200)])
		}
	}
	// No heading is the last line of a page.
	noStrandedHeadings(t, r.File, r.Pages, headings(t, filepath.Join(public, "en", PageName)))
}

// noStrandedHeadings fails when the last line of text of a page (above the footer) is a
// heading.
func noStrandedHeadings(t *testing.T, file string, pages int, heads []string) {
	t.Helper()
	set := map[string]bool{}
	for _, h := range heads {
		set[strings.ToLower(h)] = true
	}
	for i := 2; i <= pages; i++ {
		raw := run(t, "pdftotext", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), file, "-")
		var lines []string
		for _, l := range strings.Split(raw, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, norm(l))
			}
		}
		if len(lines) < 3 {
			continue
		}
		last := strings.ToLower(lines[len(lines)-2]) // lines[len-1] is the footer
		if set[last] {
			t.Errorf("%s: page %d ends with the heading %q", file, i, lines[len(lines)-2])
		}
	}
}

// TestManifest: edition.json describes each PDF, and the stale temporary file of a
// killed run is gone.
func TestManifest(t *testing.T) {
	public, res := printed(t)
	for _, l := range langs {
		r := res[l.lang]
		b, err := os.ReadFile(filepath.Join(public, l.lang, ManifestName))
		if err != nil {
			t.Fatal(err)
		}
		var m Result
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(r.File)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if m.Bytes != int64(len(data)) || m.Pages != r.Pages || m.SHA256 != hex.EncodeToString(sum[:]) || m.Edition != "2026-1" || m.Locale != l.locale {
			t.Errorf("%s: manifest %+v does not match the PDF (%d bytes, %d pages)", l.lang, m, len(data), r.Pages)
		}
		if want := "/" + l.lang + "/" + filepath.Base(r.File); m.URL != want {
			t.Errorf("%s: manifest url %q, want %q", l.lang, m.URL, want)
		}
		left, _ := filepath.Glob(filepath.Join(public, l.lang, ".*.tmp"))
		if len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
	if filepath.Base(res["en"].File) != "ddi-playbook-2026-1.pdf" || filepath.Base(res["fr"].File) != "guide-iad-2026-1.pdf" {
		t.Errorf("PDF names: %s, %s", res["en"].File, res["fr"].File)
	}
	params := filepath.Join(t.TempDir(), "print-edition.toml")
	if err := WriteSiteParams(params, []Result{res["en"], res["fr"]}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(params)
	for _, want := range []string{`[params.editionpdfs."2026-1".en]`, `[params.editionpdfs."2026-1".fr]`, `url = "/fr/guide-iad-2026-1.pdf"`, fmt.Sprintf("pages = %d", res["fr"].Pages), fmt.Sprintf("new = %d", res["fr"].New)} {
		if !strings.Contains(string(b), want) {
			t.Errorf("site params lack %q:\n%s", want, b)
		}
	}
}

// TestReproducible: printing the same site again gives the same bytes.
func TestReproducible(t *testing.T) {
	public, res := printed(t)
	again := filepath.Join(t.TempDir(), "public")
	copyDir(t, public, again)
	os.Remove(filepath.Join(again, "en", filepath.Base(res["en"].File)))
	out, err := Run(context.Background(), Options{Public: again, Langs: []string{"en"}})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(res["en"].File)
	b, _ := os.ReadFile(out[0].File)
	if !bytes.Equal(a, b) {
		t.Errorf("two prints of the same site differ (%d and %d bytes, sha256 %s and %s)", len(a), len(b), res["en"].SHA256, out[0].SHA256)
	}
}

// TestPaperA4: -paper a4 prints on A4.
func TestPaperA4(t *testing.T) {
	public, _ := printed(t)
	dir := filepath.Join(t.TempDir(), "public")
	copyDir(t, public, dir)
	out, err := Run(context.Background(), Options{Public: dir, Langs: []string{"fr"}, Paper: A4})
	if err != nil {
		t.Fatal(err)
	}
	if size := pdfinfo(t, out[0].File)["Page size"]; !strings.Contains(size, "(A4)") {
		t.Errorf("page size %q, want A4", size)
	}
	// The page numbers still match on the other paper.
	checkNumbers(t, out[0].File, entries(t, filepath.Join(dir, "fr", PageName), hasID("contents")), "contents-h", "new")
}

// TestLongTableRepeatsHeader: a table longer than a page repeats its header row on each
// page; headings stay with what follows.
func TestLongTableRepeatsHeader(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyDir(t, fixture, data)
	src, err := os.ReadFile(filepath.Join(data, "projects", "beta-forecasting.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(strings.NewReplacer("id: beta-forecasting", "id: zeta-metrics", "Beta contact-centre forecasting", "Zeta metrics", "Prévision du centre d'appels Bêta", "Indicateurs Zêta").Replace(string(src)))
	b.WriteString("metrics:\n")
	for i := 1; i <= 90; i++ {
		fmt.Fprintf(&b, "  - label: {en: Indicator number %d, fr: Indicateur numéro %d}\n    value: {en: \"%d\", fr: \"%d\"}\n", i, i, i*7, i*7)
	}
	if err := os.WriteFile(filepath.Join(data, "projects", "zeta-metrics.yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	public := buildSite(t, data, dir)
	out, err := Run(context.Background(), Options{Public: public, Langs: []string{"en"}})
	if err != nil {
		t.Fatal(err)
	}
	file := out[0].File
	pagesWithRows := 0
	for i := 2; i <= out[0].Pages; i++ {
		body := pageText(t, file, i)
		if !regexp.MustCompile(`Indicator number \d+`).MatchString(body) {
			continue
		}
		pagesWithRows++
		if !strings.Contains(body, "Measure Value") {
			t.Errorf("page %d has rows of the table but no header row:\n%.300s", i, body)
		}
	}
	if pagesWithRows < 2 {
		t.Errorf("the table spans %d page(s); the test needs 2 or more", pagesWithRows)
	}
	noStrandedHeadings(t, file, out[0].Pages, headings(t, filepath.Join(public, "en", PageName)))
}

// TestEditionSelection: an edition holds the entries reviewed on or before its date; the
// latest is printed unless HUGO_PARAMS_PRINTEDITION names another; "new since the
// previous edition" lists the entries reviewed after the previous edition's date; and
// guide pdf -edition refuses a site built for another edition.
func TestEditionSelection(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyDir(t, fixture, data)
	editions := `editions:
  - id: "2026-0"
    date: 2026-03-01
    title: {en: "Preview edition, March 2026", fr: "Édition préliminaire, mars 2026"}
  - id: "2026-1"
    date: 2026-11-30
    title: {en: "First edition, November 2026", fr: "Première édition, novembre 2026"}
`
	if err := os.WriteFile(filepath.Join(data, "editions.yaml"), []byte(editions), 0o644); err != nil {
		t.Fatal(err)
	}
	latest := buildSite(t, data, filepath.Join(dir, "latest"))
	page := filepath.Join(latest, "en", PageName)
	var got []string
	for _, e := range entries(t, page, hasClass("new")) {
		got = append(got, e.anchor)
	}
	// Reviewed after 2026-03-01: alpha (2026-05-01) and the index tool (2026-04-01); not
	// the practice reviewed on that very day, nor beta or gamma.
	if strings.Join(got, " ") != "case-alpha-outreach resource-index-tool" {
		t.Errorf("new since the previous edition: %v", got)
	}
	b, _ := os.ReadFile(page)
	if !strings.Contains(string(b), "Preview edition, March 2026") {
		t.Error("the colophon does not name the previous edition")
	}

	older := buildSite(t, data, filepath.Join(dir, "older"), "HUGO_PARAMS_PRINTEDITION=2026-0")
	b, _ = os.ReadFile(filepath.Join(older, "fr", PageName))
	s := string(b)
	for _, want := range []string{`id="case-beta-forecasting"`, `id="case-gamma-inventory"`, `id="practice-start-small"`, "Édition préliminaire, mars 2026", "première édition du guide"} {
		if !strings.Contains(s, want) {
			t.Errorf("edition 2026-0 lacks %s", want)
		}
	}
	for _, bad := range []string{`id="case-alpha-outreach"`, `id="resource-index-tool"`} {
		if strings.Contains(s, bad) {
			t.Errorf("edition 2026-0 holds %s, reviewed after its date", bad)
		}
	}
	_, err := Run(context.Background(), Options{Public: older, Edition: "2026-1", Chromium: "/nonexistent"})
	if err == nil || !strings.Contains(err.Error(), `holds edition "2026-0", not "2026-1"`) {
		t.Errorf("-edition 2026-1 on a 2026-0 site: %v", err)
	}
}

// TestMissingChromium: a clear message saying how to install Chromium.
func TestMissingChromium(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	for _, l := range []string{"en", "fr"} {
		os.MkdirAll(filepath.Join(public, l), 0o755)
		os.WriteFile(filepath.Join(public, l, PageName), []byte(`<script type="application/json" id="print-meta">{"edition":"x","date":"2026-01-01","pdf":"x.pdf"}</script>`), 0o644)
	}
	for name, opts := range map[string]Options{
		"option": {Public: public, Chromium: "/nonexistent/chromium"},
		"env":    {Public: public},
	} {
		t.Run(name, func(t *testing.T) {
			if name == "env" {
				t.Setenv(ChromiumEnv, "/nonexistent/chromium")
			}
			_, err := Run(context.Background(), opts)
			if !errors.Is(err, ErrNoChromium) {
				t.Fatalf("want ErrNoChromium, got %v", err)
			}
			for _, want := range []string{"apt-get install chromium", "make site", "/nonexistent/chromium"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q lacks %q", err, want)
				}
			}
		})
	}
	// A program that exists but is not a browser.
	_, err := Run(context.Background(), Options{Public: public, Chromium: "/bin/false", Timeout: 20e9})
	if err == nil {
		t.Error("/bin/false as the browser: no error")
	}
}

// TestMissingPrintPage: a site built without the print pages names the missing page.
func TestMissingPrintPage(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(public, "en"), 0o755)
	_, err := Run(context.Background(), Options{Public: public, Langs: []string{"en"}})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(public, "en", PageName)) || !strings.Contains(err.Error(), "no print page") {
		t.Errorf("got %v", err)
	}
}

// TestPageThatFailsToLoad: a font missing from public/ stops the print, naming it.
func TestPageThatFailsToLoad(t *testing.T) {
	public, _ := printed(t)
	dir := filepath.Join(t.TempDir(), "public")
	copyDir(t, public, dir)
	clearOutput(t, dir)
	font := filepath.Join(dir, "fonts", "noto-sans", "noto-sans-latin-700-normal.woff2")
	if err := os.Remove(font); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), Options{Public: dir, Langs: []string{"en"}})
	if err == nil || !strings.Contains(err.Error(), "/fonts/noto-sans/noto-sans-latin-700-normal.woff2 (HTTP 404)") {
		t.Errorf("got %v", err)
	}
	// Worded from the catalogue (print_files_missing), in French too.
	if fr := diag.Words(err, "fr"); !strings.Contains(fr, "fichiers absents de "+dir+"\u00a0: ") {
		t.Errorf("in French: %s", fr)
	}
	assertNoOutput(t, dir)
}

// TestFailureLeavesNothing: a failure when the files are written (injected) leaves no
// PDF, no manifest and no temporary file.
func TestFailureLeavesNothing(t *testing.T) {
	public, _ := printed(t)
	dir := filepath.Join(t.TempDir(), "public")
	copyDir(t, public, dir)
	clearOutput(t, dir)
	testHookBeforeCommit = func() error {
		for _, l := range []string{"en", "fr"} {
			if tmp, _ := filepath.Glob(filepath.Join(dir, l, ".*.tmp")); len(tmp) != 2 {
				t.Errorf("%s: %d temporary files before the rename, want 2 (PDF and manifest)", l, len(tmp))
			}
		}
		return errors.New("no space left on device (injected)")
	}
	defer func() { testHookBeforeCommit = nil }()
	_, err := Run(context.Background(), Options{Public: dir})
	if err == nil || !strings.Contains(err.Error(), "injected") {
		t.Fatalf("got %v", err)
	}
	assertNoOutput(t, dir)
}

// TestCancelLeavesNothing: an interrupt (context cancelled) in the middle of printing
// stops both languages and leaves no file.
func TestCancelLeavesNothing(t *testing.T) {
	public, _ := printed(t)
	dir := filepath.Join(t.TempDir(), "public")
	copyDir(t, public, dir)
	clearOutput(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	testHookAfterPass = func(lang string, pass int) {
		if lang == "fr" && pass == 1 {
			cancel()
		}
	}
	defer func() { testHookAfterPass = nil }()
	_, err := Run(ctx, Options{Public: dir})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	assertNoOutput(t, dir)
}

func clearOutput(t *testing.T, public string) {
	for _, l := range []string{"en", "fr"} {
		for _, pat := range []string{"*.pdf", ManifestName} {
			m, _ := filepath.Glob(filepath.Join(public, l, pat))
			for _, f := range m {
				os.Remove(f)
			}
		}
	}
}

func assertNoOutput(t *testing.T, public string) {
	t.Helper()
	for _, l := range []string{"en", "fr"} {
		for _, pat := range []string{"*.pdf", ManifestName, ".*.tmp"} {
			if m, _ := filepath.Glob(filepath.Join(public, l, pat)); len(m) > 0 {
				t.Errorf("left behind: %v", m)
			}
		}
	}
}
