package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"path/filepath"
	"sort"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdpio "github.com/chromedp/cdproto/io"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/chromium"
	"github.com/pssdc/guide-iad/tools/pdf/pdffile"
)

// startBrowser starts Chromium (package chromium: the project's flags, a fresh profile)
// and opens its first tab; a program that cannot be run is ErrNoChromium.
func startBrowser(ctx context.Context, exe string) (*chromium.Browser, error) {
	b, err := chromium.Start(ctx, exe)
	var nf *chromium.NotFoundError
	if errors.As(err, &nf) {
		return nil, noChromium(nf)
	}
	return b, err
}

// The scripts run in the page.
const (
	// Every face is loaded, also those that only the margin boxes use (Chromium does not
	// load them before printing); the result lists the faces that failed.
	loadFonts = `(async () => {
		const loads = [];
		document.fonts.forEach(f => loads.push(f.load().catch(() => null)));
		await Promise.all(loads);
		await document.fonts.ready;
		const bad = [];
		document.fonts.forEach(f => { if (f.status !== "loaded") bad.push(f.family + " " + f.weight + " " + f.style + " (" + f.status + ")"); });
		return bad;
	})()`

	listTargets = `Array.from(new Set(Array.from(document.querySelectorAll("[data-page-of]"), e => e.dataset.pageOf)))`

	// The first print only serves to find the pages of the anchors. Hidden content is
	// laid out the same (visibility does not change layout, nor do margin boxes the page
	// area) but not painted: that print is about a third faster. The second print checks
	// the result anyway.
	hideForPass1   = `(() => { const s = document.createElement("style"); s.id = "guide-pdf-pass1"; s.textContent = "html, html * { visibility: hidden !important; } @page { @top-left { content: none !important; } @top-right { content: none !important; } @bottom-right { content: none !important; } }"; document.head.appendChild(s); return true; })()`
	showAfterPass1 = `(() => { const s = document.getElementById("guide-pdf-pass1"); if (s) s.remove(); return true; })()`

	// What each link within the page leads to: the text of its target's heading (or of
	// the target), for the /Contents of the PDF's link annotations.
	linkTargets = `Array.from(new Set(Array.from(document.querySelectorAll('a[href^="#"]'), a => decodeURIComponent(a.getAttribute("href").slice(1))))).reduce((m, id) => {
		const e = document.getElementById(id);
		if (e) {
			const h = e.matches("h1, h2, h3, h4, h5, h6") ? e : e.querySelector("h1, h2, h3, h4, h5, h6");
			const t = ((h || e).textContent || "").replace(/\s+/g, " ").trim();
			if (t) m[id] = t.length > 200 ? t.slice(0, 199) + "…" : t;
		}
		return m;
	}, {})`

	// Before the page's first byte: nothing is laid out for the screen, which no print
	// needs. Chromium would otherwise lay the whole edition out at the window's width
	// while it loads, again when the fonts arrive, and again after each print (it lays the
	// page out anew for the paper, then back for the screen): as much work as a print's
	// own layout, each time. Printing uses the print media, which this rule leaves alone.
	// A <style> element, inserted as soon as the document has its root element (the
	// observer runs before the first rendering); the print page allows inline styles.
	noScreenLayout = `(() => {
		const add = () => { const s = document.createElement("style"); s.id = "guide-pdf-no-screen"; s.textContent = "@media screen { html { display: none !important; } }"; document.documentElement.appendChild(s); };
		if (document.documentElement) { add(); return; }
		new MutationObserver((_, o) => { if (document.documentElement) { o.disconnect(); add(); } }).observe(document, {childList: true});
	})()`

	useA4 = `(() => { const s = document.createElement("style"); s.textContent = "@page { size: A4; }"; document.head.appendChild(s); return true; })()`
)

// printPDF prints the page with the CSS page size and backgrounds; tagged, with an
// outline, when final (the first print, which only finds pages, is untagged: faster,
// same layout). The PDF comes as a stream read in large chunks.
func printPDF(final bool) chromedp.Action[[]byte] {
	return func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{
			PreferCSSPageSize:       ptr(true),
			PrintBackground:         ptr(true),
			GenerateTaggedPDF:       ptr(final),
			GenerateDocumentOutline: ptr(final),
			TransferMode:            page.PrintToPDFTransferModeReturnAsStream,
		})
		if err != nil {
			return nil, err
		}
		defer func() {
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			cdp.Call(cctx, t, cdpio.Close, cdpio.CloseParams{Handle: res.Stream})
		}()
		var buf bytes.Buffer
		for {
			r, err := cdp.Call(ctx, t, cdpio.Read, cdpio.ReadParams{Handle: res.Stream, Size: 16 << 20})
			if err != nil {
				return nil, diag.Wrap(err, "print_reading_pdf", diag.A{"error": diag.Cause(err)})
			}
			buf.Write(r.Data)
			if r.EOF {
				return buf.Bytes(), nil
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }

// beforeLoad runs a script in each document the tab loads, before the document's own.
func beforeLoad(script string) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err == nil, err
	}
}

// fillNumbers is the script that writes page numbers (a JSON object anchor → page).
func fillNumbers(pages map[string]int) string {
	j, _ := json.Marshal(pages)
	return `((pages) => {
		let n = 0;
		document.querySelectorAll("[data-page-of]").forEach(e => {
			const p = pages[e.dataset.pageOf];
			e.textContent = p === undefined ? "?" : String(p);
			n++;
		});
		return n;
	})(` + string(j) + `)`
}

// printLang prints the edition of one language; it returns the result (File, URL and
// metadata filled in) and the final PDF bytes.
func printLang(ctx context.Context, cancel context.CancelFunc, srv *chromium.Server, opts Options, lang string, m meta) (Result, []byte, error) {
	defer cancel()
	page := srv.Prefix + lang + "/" + PageName
	t0 := time.Now()
	step := func(what diag.Msg) {
		logMsg(opts.Log, diag.M("print_step", diag.A{"page": page, "step": what, "ms": int(time.Since(t0).Milliseconds())}))
	}
	if _, err := chromedp.Run(ctx, beforeLoad(noScreenLayout)); err != nil {
		return Result{}, nil, diag.Wrap(err, "print_preparing_tab", diag.A{"page": page, "error": diag.Cause(err)})
	}
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(srv.URL+page))
	if err != nil {
		return Result{}, nil, diag.Wrap(err, "print_loading_page", diag.A{"page": page, "error": diag.Cause(err)})
	}
	if resp.Status != 200 {
		return Result{}, nil, diag.Errorf("print_page_status", diag.A{"page": page, "status": int(resp.Status), "text": resp.StatusText})
	}
	step(diag.M("print_step_loaded", nil))
	loc, err := time.LoadLocation(TimeZone)
	if err != nil {
		return Result{}, nil, err
	}
	date, err := time.ParseInLocation("2006-01-02", m.Date, loc)
	if err != nil {
		return Result{}, nil, diag.Wrap(err, "print_edition_date", diag.A{"page": page, "date": m.Date, "error": diag.Cause(err)})
	}
	if opts.Paper == A4 {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](useA4)); err != nil {
			return Result{}, nil, err
		}
	}
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](loadFonts, chromedp.EvalAwaitPromise))
	if err != nil {
		return Result{}, nil, diag.Wrap(err, "print_loading_fonts", diag.A{"page": page, "error": diag.Cause(err)})
	}
	if f := srv.Failures(); len(f) > 0 {
		return Result{}, nil, diag.Errorf("print_files_missing", diag.A{"page": page, "public": opts.Public, "files": f})
	}
	if len(bad) > 0 {
		return Result{}, nil, diag.Errorf("print_fonts_failed", diag.A{"page": page, "fonts": bad})
	}
	step(diag.M("print_step_fonts", nil))
	targets, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](listTargets))
	if err != nil {
		return Result{}, nil, err
	}
	sort.Strings(targets)

	var (
		pdf     []byte
		file    *pdffile.File
		written map[string]int
		pass    int
	)
	for pass = 1; ; pass++ {
		final := pass > 1 || len(targets) == 0
		if !final {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](hideForPass1)); err != nil {
				return Result{}, nil, err
			}
		}
		pdf, err = chromedp.Run(ctx, printPDF(final))
		if !final {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](showAfterPass1)); err != nil {
				return Result{}, nil, err
			}
		}
		if err != nil {
			return Result{}, nil, diag.Wrap(err, "print_printing", diag.A{"page": page, "pass": pass, "error": diag.Cause(err)})
		}
		step(diag.M("print_step_printed", diag.A{"pass": pass, "bytes": len(pdf)}))
		if file, err = pdffile.Parse(pdf); err != nil {
			return Result{}, nil, err
		}
		dests, err := file.Dests()
		if err != nil {
			return Result{}, nil, err
		}
		step(diag.M("print_step_destinations", nil))
		if testHookAfterPass != nil {
			testHookAfterPass(lang, pass)
		}
		if err := ctx.Err(); err != nil {
			return Result{}, nil, err
		}
		var missing []string
		var moved []diag.Msg
		now := make(map[string]int, len(targets))
		for _, t := range targets {
			p, ok := dests[t]
			if !ok {
				missing = append(missing, "#"+t)
				continue
			}
			now[t] = p
			if written != nil && written[t] != p {
				moved = append(moved, diag.M("print_anchor_moved", diag.A{"anchor": t, "written": written[t], "now": p}))
			}
		}
		if len(missing) > 0 {
			return Result{}, nil, diag.Errorf("print_anchors_unreached", diag.A{"page": page, "anchors": missing})
		}
		if len(targets) == 0 || (written != nil && len(moved) == 0) {
			break
		}
		if pass >= opts.MaxPasses {
			return Result{}, nil, diag.Errorf("print_numbers_unsettled", diag.A{"page": page, "pass": pass, "moved": moved})
		}
		written = now
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](fillNumbers(written))); err != nil {
			return Result{}, nil, diag.Wrap(err, "print_writing_numbers", diag.A{"page": page, "error": diag.Cause(err)})
		}
		step(diag.M("print_step_numbers", nil))
	}

	links, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](linkTargets))
	if err != nil {
		return Result{}, nil, diag.Wrap(err, "print_link_targets", diag.A{"page": page, "error": diag.Cause(err)})
	}
	step(diag.M("print_step_targets", nil))
	final := finalPrint{page: page, pdf: pdf, meta: m, date: date, links: links}
	if testHookFinalPrint != nil {
		testHookFinalPrint(lang, final)
	}
	out, pages, err := rewrite(final)
	if err != nil {
		return Result{}, nil, err
	}
	step(diag.M("print_step_accessibility", nil))
	sum := sha256.Sum256(out)
	target := filepath.Join(opts.Public, lang, m.PDF)
	return Result{
		Lang:    lang,
		Locale:  m.Lang,
		Edition: m.Edition,
		Date:    m.Date,
		Title:   m.Title,
		File:    target,
		URL:     sitePath(opts.Public, target),
		Bytes:   int64(len(out)),
		Pages:   pages,
		Paper:   opts.Paper,
		SHA256:  hex.EncodeToString(sum[:]),
		New:     m.New,
		Passes:  pass,
	}, out, nil
}
