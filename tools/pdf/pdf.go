// Package pdf prints the print edition of the guide — the page that Hugo renders for
// each language with the "print" output format (public/<lang>/edition.html, from
// layouts/home.print.html) — to PDF with headless Chromium, driven through chromedp.
//
// For each language it:
//
//  1. serves the built site (public/) on a loopback port and opens the page in a tab of
//     one headless Chromium (a fresh profile, removed afterwards), both languages at once,
//     with nothing laid out for the screen (only prints need a layout: browser.go,
//     noScreenLayout);
//  2. loads every @font-face of the page (fonts used only in the margin boxes would
//     otherwise be missing) and waits for document.fonts.ready;
//  3. prints (CSS page size: Letter, or A4 with Options.Paper; tagged PDF with an
//     outline), reads the named destinations of the PDF — Chromium writes one, with its
//     page, for every element that a link targets — and writes those page numbers into
//     the contents, the index and the cross references (elements with data-page-of);
//  4. prints again and checks that every destination is still on the page written;
//     if one moved, it writes the numbers again and prints once more, and fails if they
//     still differ; then reads what each link within the page leads to (the text of its
//     target's heading);
//  5. sets the document information (title, author, subject, keywords, creator, and the
//     edition's date as creation and modification dates), adds what PDF/UA-1 asks and
//     Chromium leaves out (pdffile.File.Accessible: XMP metadata, link /Contents from the
//     targets' headings read in step 4, running heads and footers as artifacts; see
//     docs/print.md) and writes
//     public/<lang>/<name>.pdf and the manifest public/<lang>/edition.json, each to a
//     temporary file renamed into place once every language has succeeded.
//
// The same input, the same Chromium and the same Go give the same bytes: Chromium's output varies
// only by its dates, which are replaced, and the PDF has no /ID.
package pdf

import (
	"context"
	"encoding/json"
	"errors"
	"github.com/pssdc/guide-iad/tools/diag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the edition's date in the guide's time zone, on any machine

	"github.com/pssdc/guide-iad/tools/internal/chromium"
)

// PageName is the print page of each language under public/<lang>/ (the base name of the
// "print" output format in config.toml).
const PageName = "edition.html"

// ManifestName is the manifest written next to each PDF.
const ManifestName = "edition.json"

// TimeZone is the guide's time zone (config.toml: timeZone): the edition's date is
// midnight there.
const TimeZone = "America/Toronto"

// ChromiumEnv names the environment variable that gives the browser's path.
const ChromiumEnv = chromium.Env

// Creator is written as the PDF's /Creator.
const Creator = "Guide IAD print edition (guide pdf, headless Chromium)"

// Paper sizes.
const (
	Letter = "letter"
	A4     = "a4"
)

// Options of Run.
type Options struct {
	Public   string   // the built site; default "public"
	Langs    []string // default en, fr
	Edition  string   // if set, the edition that the print pages must hold
	Paper    string   // Letter (default) or A4
	Chromium string   // the browser; default $GUIDE_CHROMIUM, else chromium on the PATH
	// MaxPasses bounds the prints per language (≥ 2); default 3.
	MaxPasses int
	// Timeout bounds the whole run; default 10 minutes.
	Timeout time.Duration
	// Log receives progress messages (print_step, print_done), worded by the caller;
	// nil for none.
	Log func(diag.Msg)
}

// Result describes one PDF written.
type Result struct {
	Lang    string `json:"lang"`
	Locale  string `json:"locale"`
	Edition string `json:"edition"`
	Date    string `json:"date"`
	Title   string `json:"title"`
	File    string `json:"-"`   // path on disk
	URL     string `json:"url"` // site path, e.g. /en/ddi-playbook-2026-1.pdf
	Bytes   int64  `json:"bytes"`
	Pages   int    `json:"pages"`
	Paper   string `json:"paper"`
	SHA256  string `json:"sha256"`
	// New counts the entries of the chapter "New since the previous edition" (every
	// entry, for the first edition): what the editions page says was new.
	New      int           `json:"new"`
	Passes   int           `json:"-"`
	Duration time.Duration `json:"-"`
}

// ErrNoChromium is returned when the browser cannot be found or started.
var ErrNoChromium = diag.Errorf("pdf_no_chromium", diag.A{"env": ChromiumEnv})

// meta is the JSON of <script id="print-meta"> in the print page.
type meta struct {
	Edition  string `json:"edition"`
	Date     string `json:"date"`
	Title    string `json:"title"`
	Author   string `json:"author"`
	Subject  string `json:"subject"`
	Keywords string `json:"keywords"`
	Lang     string `json:"lang"`
	PDF      string `json:"pdf"`
	Site     string `json:"site"`
	New      int    `json:"-"` // counted in the page: see Result.New
}

var (
	pdfName    = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*\.pdf$`)
	metaScript = regexp.MustCompile(`(?s)<script type="application/json" id="print-meta">(.*?)</script>`)
	// The chapter "New since the previous edition" (print/new.html) and its entries.
	newChapter = regexp.MustCompile(`(?s)<section class="new[ "][^>]*>(.*?)</section>`)
	listItem   = regexp.MustCompile(`<li[ >]`)
)

// readMeta reads the print page's metadata (<script id="print-meta">).
func readMeta(page string) (meta, error) {
	var m meta
	b, err := os.ReadFile(page)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return m, diag.Errorf("pdf_no_print_page", diag.A{"page": page})
		}
		return m, err
	}
	sm := metaScript.FindSubmatch(b)
	if sm == nil {
		return m, diag.Errorf("pdf_not_print_page", diag.A{"page": page})
	}
	if err := json.Unmarshal(sm[1], &m); err != nil {
		return m, diag.Wrap(err, "pdf_bad_meta", diag.A{"page": page, "error": diag.Cause(err)})
	}
	if !pdfName.MatchString(m.PDF) {
		return m, diag.Errorf("pdf_bad_meta_file", diag.A{"page": page, "name": m.PDF})
	}
	if _, err := time.Parse("2006-01-02", m.Date); err != nil {
		return m, diag.Wrap(err, "pdf_bad_meta_date", diag.A{"page": page, "date": m.Date, "error": diag.Cause(err)})
	}
	if sm := newChapter.FindSubmatch(b); sm != nil {
		m.New = len(listItem.FindAll(sm[1], -1))
	}
	return m, nil
}

// test hooks: called after each print of a language, and before the files are renamed
// into place (an error there aborts the run as a write failure would).
var (
	testHookAfterPass    func(lang string, pass int)
	testHookBeforeCommit func() error
)

// Run prints the edition of every language and returns what it wrote, in the order of
// opts.Langs. On error nothing is written (files of an earlier run stay as they were).
func Run(ctx context.Context, opts Options) ([]Result, error) {
	if opts.Public == "" {
		opts.Public = "public"
	}
	if len(opts.Langs) == 0 {
		opts.Langs = []string{"en", "fr"}
	}
	if opts.Paper == "" {
		opts.Paper = Letter
	}
	if opts.Paper != Letter && opts.Paper != A4 {
		return nil, diag.Errorf("pdf_bad_paper", diag.A{"value": opts.Paper})
	}
	if opts.MaxPasses < 2 {
		opts.MaxPasses = 3
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Minute
	}
	var metas []meta
	for _, l := range opts.Langs {
		if l == "" || strings.ContainsAny(l, `/\.`) {
			return nil, diag.Errorf("pdf_bad_language", diag.A{"value": l})
		}
		page := filepath.Join(opts.Public, l, PageName)
		m, err := readMeta(page)
		if err != nil {
			return nil, err
		}
		if opts.Edition != "" && m.Edition != opts.Edition {
			return nil, diag.Errorf("pdf_other_edition", diag.A{"page": page, "held": m.Edition, "edition": opts.Edition})
		}
		metas = append(metas, m)
	}
	exe, err := findChromium(opts.Chromium)
	if err != nil {
		return nil, err
	}
	for _, l := range opts.Langs {
		removeStale(filepath.Join(opts.Public, l))
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	// A failure in one language stops the other.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()

	prefix, err := basePath(metas, opts.Langs)
	if err != nil {
		return nil, err
	}
	srv, err := chromium.Serve(opts.Public, chromium.ServeOptions{Prefix: prefix, Ignore: []string{"/favicon.ico"}})
	if err != nil {
		return nil, err
	}
	defer srv.Close()

	b, err := startBrowser(runCtx, exe)
	if err != nil {
		return nil, err
	}
	defer b.Close()

	results := make([]Result, len(opts.Langs))
	outputs := make([][]byte, len(opts.Langs))
	errs := make([]error, len(opts.Langs))
	var wg sync.WaitGroup
	// One tab per language, in parallel: on 2 cores, about 10 % faster than one after
	// the other (the browser, the renderers and the print compositor overlap).
	for i, lang := range opts.Langs {
		wg.Go(func() {
			start := time.Now()
			tctx, tcancel := b.Tab()
			res, pdf, err := printLang(tctx, tcancel, srv, opts, lang, metas[i])
			if err != nil {
				errs[i] = diag.Wrap(err, "pdf_in_language", diag.A{"lang": lang, "error": diag.Cause(err)})
				stop()
				return
			}
			res.Duration = time.Since(start)
			results[i], outputs[i] = res, pdf
			logMsg(opts.Log, diag.M("print_done", diag.A{"file": res.File, "pages": res.Pages, "passes": res.Passes, "ms": int(res.Duration.Milliseconds())}))
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, diag.Wrap(err, "pdf_timed_out", diag.A{"timeout": opts.Timeout.String(), "error": diag.Cause(err)})
		}
		return nil, err
	}
	if err := firstReal(errs); err != nil {
		return nil, err
	}
	if err := commit(opts.Public, results, outputs); err != nil {
		return nil, err
	}
	return results, nil
}

func logMsg(log func(diag.Msg), m diag.Msg) {
	if log != nil {
		log(m)
	}
}

// firstReal returns the errors that are not the cancellation caused by another one.
func firstReal(errs []error) error {
	var real []error
	for _, e := range errs {
		if e != nil && !errors.Is(e, context.Canceled) {
			real = append(real, e)
		}
	}
	switch len(real) {
	case 0:
		return errors.Join(errs...)
	case 1:
		return real[0]
	}
	return errList(real)
}

// errList is several errors, one a line, each worded in the language asked for
// (errors.Join would say them in English only).
type errList []error

func (l errList) Error() string   { return l.Words("en") }
func (l errList) Unwrap() []error { return l }

func (l errList) Words(lang string) string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = diag.Words(e, lang)
	}
	return strings.Join(lines, "\n")
}

// FindChromium returns the browser guide pdf would run: explicit, $GUIDE_CHROMIUM, or
// the first of the usual names on the PATH.
func FindChromium(explicit string) (string, error) { return findChromium(explicit) }

// findChromium returns the browser to run: explicit, from the environment, or the first
// of the usual names on the PATH (package chromium); not found is ErrNoChromium.
func findChromium(explicit string) (string, error) {
	exe, err := chromium.Find(explicit)
	var nf *chromium.NotFoundError
	if errors.As(err, &nf) {
		return "", noChromium(nf)
	}
	return exe, err
}

// noChromium is ErrNoChromium with what package chromium says of the search.
func noChromium(nf *chromium.NotFoundError) error {
	return diag.Wrap(ErrNoChromium, "pdf_no_chromium_detail", diag.A{"error": ErrNoChromium.Msg(), "detail": nf.Detail})
}

// basePath returns the path of the site's base URL ("/", or "/sub/" for
// https://host/sub/), which the print pages give as their language's home page
// (print-meta "site": https://host/sub/en/): the server must serve the site there for
// the pages' stylesheets and fonts to load.
func basePath(metas []meta, langs []string) (string, error) {
	prefix := ""
	for i, m := range metas {
		u, err := url.Parse(m.Site)
		if err != nil || !strings.HasSuffix(u.Path, "/"+langs[i]+"/") {
			return "", diag.Errorf("pdf_bad_site", diag.A{"lang": langs[i], "page": PageName, "site": m.Site})
		}
		p := strings.TrimSuffix(u.Path, langs[i]+"/")
		if prefix != "" && p != prefix {
			return "", diag.Errorf("pdf_two_base_paths", diag.A{"first": prefix, "second": p})
		}
		prefix = p
	}
	if prefix == "" {
		prefix = "/"
	}
	return prefix, nil
}
