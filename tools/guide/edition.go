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

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/edition"
	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/pdf"
)

// cmdEdition: guide edition publish ID | build -public DIR -site-params FILE | list.
// See tools/edition and docs/publishing.md.
func cmdEdition(args []string, stdout, stderr io.Writer) (int, error) {
	usage := func() { writeForms(stderr, "edition", diag.LangFromEnv(os.Getenv)) }
	if len(args) == 0 {
		usage()
		return 0, errUsage
	}
	say := newSayer(stderr, "edition "+args[0], diag.LangFromEnv(os.Getenv))
	switch args[0] {
	case "publish":
		fs := newFlags("edition publish", stderr)
		dataDir := fs.String("data", "data", "help_flag_data")
		lang := langFlag(fs)
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
				return diag.Errorf("edition_validate_errors", diag.A{"output": strings.TrimSpace(out.String())})
			}
			return nil
		}})
		say.lang = *lang
		if err != nil {
			say.err(err)
			return 1, nil
		}
		fmt.Fprintln(stdout, diag.Text(*lang, "edition_published", diag.A{"id": fs.Arg(0), "tag": tag}))
		return 0, nil
	case "list", "build":
	default:
		say.name = "edition"
		say.text("usage_unknown_subcommand", diag.A{"value": args[0]})
		usage()
		return 0, errUsage
	}
	fs := newFlags("edition "+args[0], stderr)
	dataDir := fs.String("data", "data", "help_flag_data")
	public := fs.String("public", "public", "help_flag_edition_public")
	siteParams := fs.String("site-params", "", "help_flag_edition_params")
	paper := fs.String("paper", pdf.Letter, "help_flag_paper")
	lang := langFlag(fs)
	if err := parseNoArgs(fs, args[1:], stderr); err != nil {
		return 0, err
	}
	say.lang = *lang
	plan, err := editionPlan(*dataDir)
	if err != nil {
		say.err(err)
		return 1, nil
	}
	if args[0] == "list" {
		for _, e := range plan.Frozen {
			fmt.Fprintln(stdout, diag.Text(*lang, "edition_list_published", diag.A{"id": e.ID, "date": e.Date.Format(model.DateLayout), "tag": edition.Tag(e.ID)}))
		}
		if d := plan.Draft; d != nil {
			fmt.Fprintln(stdout, diag.Text(*lang, "edition_list_draft", diag.A{"id": d.ID, "date": d.Date.Format(model.DateLayout)}))
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
			say.text("edition_draft_failed", diag.A{"id": d.ID, "error": diag.Cause(err)})
			return 1, nil
		}
		results = append(results, rs...)
	}
	for _, e := range plan.Frozen {
		rs, err := edition.BuildFrozen(ctx, edition.BuildOptions{ID: e.ID, Public: *public, Paper: *paper})
		if err != nil {
			say.err(err)
			return 1, nil
		}
		results = append(results, rs...)
	}
	return 0, reportPDFs(stdout, *lang, results, *siteParams, start, "edition_built")
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
