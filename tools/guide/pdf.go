package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	editions "github.com/pssdc/guide-iad/tools/edition"
	"github.com/pssdc/guide-iad/tools/pdf"
)

// cmdPdf prints the print edition of each language (public/<lang>/edition.html, built by
// Hugo) to public/<lang>/<name>.pdf with headless Chromium, and writes the manifest
// public/<lang>/edition.json. See tools/pdf.
func cmdPdf(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("pdf", stderr)
	public := fs.String("public", "public", "help_flag_site")
	edition := fs.String("edition", "", "help_flag_pdf_edition")
	paper := fs.String("paper", pdf.Letter, "help_flag_paper")
	langs := fs.String("lang", "en,fr", "help_flag_pdf_lang")
	chromium := fs.String("chromium", "", "help_flag_pdf_chromium")
	siteParams := fs.String("site-params", "", "help_flag_pdf_site_params")
	timeout := fs.Duration("timeout", 10*time.Minute, "help_flag_pdf_timeout")
	quiet := fs.Bool("q", false, "help_flag_pdf_quiet")
	verbose := fs.Bool("v", false, "help_flag_pdf_verbose")
	hugoConfig := fs.Bool("hugo-config", false, "help_flag_pdf_hugo_config")
	siteConfig := fs.String("config", "config.toml", "help_flag_pdf_config")
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	// -lang names the languages to print: the messages' language is the locale's.
	say := newSayer(stderr, "pdf", diag.LangFromEnv(os.Getenv))
	if *hugoConfig {
		// The print pages are built only for the release (make site), so that make serve
		// stays fast; the config lives in one place, tools/pdf.
		conf, err := pdf.HugoConfig(*siteConfig)
		if err != nil {
			say.err(err)
			return 1, nil
		}
		_, err = io.WriteString(stdout, conf)
		return 0, err
	}
	*paper = strings.ToLower(*paper)
	if *paper != pdf.Letter && *paper != pdf.A4 {
		say.text("pdf_unknown_paper", diag.A{"value": *paper})
		return 0, errUsage
	}
	var list []string
	for _, l := range strings.Split(*langs, ",") {
		if l = strings.TrimSpace(l); l != "" {
			list = append(list, l)
		}
	}
	if len(list) == 0 {
		say.text("usage_no_language", diag.A{"flag": "-lang"})
		return 0, errUsage
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	var results []pdf.Result
	var err error
	if tags, _ := editions.Tags("."); *edition != "" && tags[*edition] {
		// A published edition: rebuilt from its tag (its frozen data and sources).
		results, err = editions.BuildFrozen(ctx, editions.BuildOptions{ID: *edition, Public: *public, Paper: *paper, Langs: list, Timeout: *timeout, Log: logTo(*verbose, stderr, say.lang)})
	} else {
		results, err = pdf.Run(ctx, pdf.Options{
			Public:   *public,
			Langs:    list,
			Edition:  *edition,
			Paper:    *paper,
			Chromium: *chromium,
			Timeout:  *timeout,
			Log:      logTo(*verbose, stderr, say.lang),
		})
	}
	if err != nil {
		say.err(err)
		return 1, nil
	}
	if *quiet {
		stdout = io.Discard
	}
	return 0, reportPDFs(stdout, say.lang, results, *siteParams, start, "pdf_printed")
}

// reportPDFs writes the PDFs' facts to the Hugo config file siteParams (if any), then
// one line a PDF (worded by code) and their count, worded in lang.
func reportPDFs(stdout io.Writer, lang string, results []pdf.Result, siteParams string, start time.Time, code string) error {
	if siteParams != "" {
		if err := pdf.WriteSiteParams(siteParams, results); err != nil {
			return err
		}
	}
	for _, r := range results {
		fmt.Fprintln(stdout, diag.Text(lang, code, diag.A{"file": r.File, "pages": r.Pages, "size": sizeMsg(r.Bytes),
			"edition": r.Edition, "passes": r.Passes, "duration": durationMsg(r.Duration)}))
	}
	_, err := fmt.Fprintln(stdout, diag.Text(lang, "pdf_total", diag.A{"count": len(results), "duration": durationMsg(time.Since(start))}))
	return err
}

// logTo words the progress messages of the prints on w in lang when on (-v).
func logTo(on bool, w io.Writer, lang string) func(diag.Msg) {
	if !on {
		return nil
	}
	return func(m diag.Msg) { fmt.Fprintln(w, m.Text(lang)) }
}

// sizeMsg is a file size in KiB, or in MiB to a tenth from 1 MiB.
func sizeMsg(n int64) diag.Msg {
	if n >= 1<<20 {
		tenths := int(math.Round(float64(n) / (1 << 20) * 10))
		return diag.M("size_mib", diag.A{"mib": tenths / 10, "tenths": tenths % 10})
	}
	return diag.M("size_kib", diag.A{"kib": int((n + 1023) / 1024)})
}

// durationMsg is d in seconds, to a tenth.
func durationMsg(d time.Duration) diag.Msg {
	tenths := int(d.Round(100*time.Millisecond) / (100 * time.Millisecond))
	return diag.M("duration_seconds", diag.A{"seconds": tenths / 10, "tenths": tenths % 10})
}

// sayer prints a command's messages, worded in lang, on stderr: "guide NAME: message".
type sayer struct {
	w          io.Writer
	name, lang string
}

func newSayer(stderr io.Writer, name, lang string) sayer { return sayer{stderr, name, lang} }

func (s sayer) text(code string, args diag.A) {
	fmt.Fprintf(s.w, "guide %s: %s\n", s.name, diag.Text(s.lang, code, args))
}

func (s sayer) err(err error) {
	fmt.Fprintf(s.w, "guide %s: %s\n", s.name, diag.Words(err, s.lang))
}
