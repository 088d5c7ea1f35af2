package main

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"

	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/review"
)

// cmdReview lists the entries due for review (reviewed longer ago than -older-than, or
// without a valid date), oldest first, with the contacts who agreed to be listed. It
// exits 0 when the list is written (empty or not), 1 when a data file could not be read
// (the list then lacks it), 2 for usage and I/O errors.
func cmdReview(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("review", stderr)
	olderThan := fs.String("older-than", "12m", "help_flag_review_older")
	dataDir := fs.String("data", "data", "help_flag_data")
	format := fs.String("format", "text", "help_flag_review_format")
	nowFlag := fs.String("now", "", "help_flag_review_now")
	lang := langFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	say := newSayer(stderr, "review", *lang).text
	if !slices.Contains(diag.Languages, *lang) {
		say("usage_unknown_language", diag.A{"value": *lang, "languages": diag.Languages})
		return 0, errUsage
	}
	age, err := review.ParseAge(*olderThan)
	switch {
	case fs.NArg() > 0:
		say("usage_unexpected_argument", diag.A{"value": fs.Arg(0)})
		fmt.Fprintln(stderr, usageLine("review", *lang))
		return 0, errUsage
	case err != nil:
		say("flag_error", diag.A{"flag": "-older-than", "error": diag.Cause(err)})
		return 0, errUsage
	case *format != "text" && *format != "csv":
		say("usage_unknown_format", diag.A{"value": *format, "formats": []string{"text", "csv"}})
		return 0, errUsage
	}
	var now time.Time
	if *nowFlag != "" {
		if now, err = time.Parse(model.DateLayout, *nowFlag); err != nil {
			say("flag_error", diag.A{"flag": "-now", "error": diag.M("review_bad_now", diag.A{"value": *nowFlag})})
			return 0, errUsage
		}
	}
	res, err := review.Due(review.Options{DataDir: *dataDir, OlderThan: age, Now: now})
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(stderr, "guide review: %s\n", s.Text(*lang))
	}
	if *format == "csv" {
		err = review.WriteCSV(stdout, res)
	} else {
		err = review.WriteTextIn(stdout, *lang, res, age)
	}
	if err != nil {
		return 0, err
	}
	if len(res.Skipped) > 0 {
		return 1, nil
	}
	return 0, nil
}
