package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	editions "github.com/pssdc/guide-iad/tools/edition"
	"github.com/pssdc/guide-iad/tools/pdf"
)

// cmdPdf prints the print edition of each language (public/<lang>/edition.html, built by
// Hugo) to public/<lang>/<name>.pdf with headless Chromium, and writes the manifest
// public/<lang>/edition.json. See tools/pdf.
func cmdPdf(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("pdf", stderr)
	public := fs.String("public", "public", "the built site `folder`")
	edition := fs.String("edition", "", "the edition `ID` to print: a published one (tag edition-ID) is rebuilt from its tag into the folder; otherwise the print pages must hold it (default: the one they hold, the latest unless the site was built with HUGO_PARAMS_PRINTEDITION)")
	paper := fs.String("paper", pdf.Letter, "paper `size`: letter or a4")
	langs := fs.String("lang", "en,fr", "`languages` to print, comma-separated")
	chromium := fs.String("chromium", "", "the browser `program` (default: $"+pdf.ChromiumEnv+", else chromium on the PATH)")
	siteParams := fs.String("site-params", "", "also write a Hugo config `file` with each PDF's address, size and page count (params.printpdf), for a second site build")
	timeout := fs.Duration("timeout", 10*time.Minute, "give up after this `duration`")
	quiet := fs.Bool("q", false, "print nothing on success")
	verbose := fs.Bool("v", false, "report each step, with times")
	hugoConfig := fs.Bool("hugo-config", false, "print the Hugo config that adds the print pages to the site's own output formats (for --config config.toml,FILE) and exit")
	siteConfig := fs.String("config", "config.toml", "the site's Hugo config `file`, whose output formats -hugo-config keeps")
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	if *hugoConfig {
		// The print pages are built only for the release (make site), so that make serve
		// stays fast; the config lives in one place, tools/pdf.
		conf, err := pdf.HugoConfig(*siteConfig)
		if err != nil {
			fmt.Fprintf(stderr, "guide pdf: %v\n", err)
			return 1, nil
		}
		_, err = io.WriteString(stdout, conf)
		return 0, err
	}
	*paper = strings.ToLower(*paper)
	if *paper != pdf.Letter && *paper != pdf.A4 {
		fmt.Fprintf(stderr, "guide pdf: -paper %q: want letter or a4\n", *paper)
		return 0, errUsage
	}
	var list []string
	for _, l := range strings.Split(*langs, ",") {
		if l = strings.TrimSpace(l); l != "" {
			list = append(list, l)
		}
	}
	if len(list) == 0 {
		fmt.Fprintln(stderr, "guide pdf: -lang: no language")
		return 0, errUsage
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	var results []pdf.Result
	var err error
	if tags, _ := editions.Tags("."); *edition != "" && tags[*edition] {
		// A published edition: rebuilt from its tag (its frozen data and sources).
		results, err = editions.BuildFrozen(ctx, editions.BuildOptions{ID: *edition, Public: *public, Paper: *paper, Langs: list, Timeout: *timeout, Log: logTo(*verbose, stderr)})
	} else {
		results, err = pdf.Run(ctx, pdf.Options{
			Public:   *public,
			Langs:    list,
			Edition:  *edition,
			Paper:    *paper,
			Chromium: *chromium,
			Timeout:  *timeout,
			Log:      logTo(*verbose, stderr),
		})
	}
	if err != nil {
		fmt.Fprintf(stderr, "guide pdf: %v\n", err)
		return 1, nil
	}
	if *siteParams != "" {
		if err := pdf.WriteSiteParams(*siteParams, results); err != nil {
			return 0, err
		}
	}
	if !*quiet {
		for _, r := range results {
			fmt.Fprintf(stdout, "%s: %d pages, %s, edition %s (%d prints, %.1f s)\n", r.File, r.Pages, sizeText(r.Bytes), r.Edition, r.Passes, r.Duration.Seconds())
		}
		fmt.Fprintf(stdout, "%d PDF(s) in %.1f s\n", len(results), time.Since(start).Seconds())
	}
	return 0, nil
}

func logTo(on bool, w io.Writer) io.Writer {
	if on {
		return w
	}
	return nil
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}
