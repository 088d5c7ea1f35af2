package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/pssdc/guide-iad/tools/edition"
	"github.com/pssdc/guide-iad/tools/pdf"
)

// cmdEdition: guide edition publish ID | build -public DIR -site-params FILE | list.
// See tools/edition and docs/publishing.md.
func cmdEdition(args []string, stdout, stderr io.Writer) (int, error) {
	usage := func() {
		fmt.Fprint(stderr, `usage: guide edition publish ID        check the data, then freeze edition ID as the git tag edition-ID
       guide edition list              the editions and how a release prints them
       guide edition build [-public DIR] [-site-params FILE] [-paper letter|a4]
                                       print every edition into the release: the draft from DIR's
                                       print pages, each published one rebuilt from its tag
`)
	}
	if len(args) == 0 {
		usage()
		return 0, errUsage
	}
	switch args[0] {
	case "publish":
		fs := newFlags("edition publish", stderr)
		dataDir := fs.String("data", "data", "the corpus `folder`")
		if err := parseFlags(fs, args[1:]); err != nil {
			return 0, err
		}
		if fs.NArg() != 1 {
			usage()
			return 0, errUsage
		}
		tag, err := edition.Publish(edition.PublishOptions{DataDir: *dataDir, ID: fs.Arg(0), Validate: func(dir string) error {
			var out bytes.Buffer
			status, err := cmdValidate([]string{"-data", dir}, &out, &out)
			if err != nil {
				return err
			}
			if status != 0 {
				return fmt.Errorf("guide validate found errors; correct them first:\n%s", strings.TrimSpace(out.String()))
			}
			return nil
		}})
		if err != nil {
			fmt.Fprintf(stderr, "guide edition publish: %v\n", err)
			return 1, nil
		}
		fmt.Fprintf(stdout, "edition %s published as tag %s; push it with: git push origin %s\n", fs.Arg(0), tag, tag)
		return 0, nil
	case "list", "build":
	default:
		fmt.Fprintf(stderr, "guide edition: unknown subcommand %q\n", args[0])
		usage()
		return 0, errUsage
	}
	fs := newFlags("edition "+args[0], stderr)
	dataDir := fs.String("data", "data", "the corpus `folder`")
	public := fs.String("public", "public", "the release `folder`, built with the print pages")
	siteParams := fs.String("site-params", "", "write the PDFs' facts of every edition to this Hugo config `file`")
	paper := fs.String("paper", pdf.Letter, "paper `size`: letter or a4")
	if err := parseNoArgs(fs, args[1:], stderr); err != nil {
		return 0, err
	}
	plan, err := editionPlan(*dataDir)
	if err != nil {
		fmt.Fprintf(stderr, "guide edition %s: %v\n", args[0], err)
		return 1, nil
	}
	if args[0] == "list" {
		for _, e := range plan.Frozen {
			fmt.Fprintf(stdout, "%s  %s  published (tag %s): rebuilt from its tag\n", e.ID, e.Date.Format("2006-01-02"), edition.Tag(e.ID))
		}
		if d := plan.Draft; d != nil {
			fmt.Fprintf(stdout, "%s  %s  draft (no tag yet): printed from the working tree\n", d.ID, d.Date.Format("2006-01-02"))
		}
		return 0, nil
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	var results []pdf.Result
	if d := plan.Draft; d != nil {
		rs, err := pdf.Run(ctx, pdf.Options{Public: *public, Edition: d.ID, Paper: *paper})
		if err != nil {
			fmt.Fprintf(stderr, "guide edition build: draft edition %s: %v\n", d.ID, err)
			return 1, nil
		}
		results = append(results, rs...)
	}
	for _, e := range plan.Frozen {
		rs, err := edition.BuildFrozen(ctx, edition.BuildOptions{ID: e.ID, Public: *public, Paper: *paper})
		if err != nil {
			fmt.Fprintf(stderr, "guide edition build: %v\n", err)
			return 1, nil
		}
		results = append(results, rs...)
	}
	if *siteParams != "" {
		if err := pdf.WriteSiteParams(*siteParams, results); err != nil {
			return 0, err
		}
	}
	for _, r := range results {
		fmt.Fprintf(stdout, "%s: %d pages, %s, edition %s\n", r.File, r.Pages, sizeText(r.Bytes), r.Edition)
	}
	fmt.Fprintf(stdout, "%d PDF(s) in %.1f s\n", len(results), time.Since(start).Seconds())
	return 0, nil
}

// editionPlan reads the editions and the tags of the repository in the current folder.
func editionPlan(dataDir string) (edition.Plan, error) {
	eds, err := edition.Load(dataDir)
	if err != nil {
		return edition.Plan{}, err
	}
	tags, err := edition.Tags(".")
	if errors.Is(err, edition.ErrNotGit) {
		tags = map[string]bool{} // a copy without history: only the draft can be printed
	} else if err != nil {
		return edition.Plan{}, err
	}
	return edition.MakePlan(eds, tags)
}
