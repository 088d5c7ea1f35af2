package main

import (
	"fmt"
	"io"
	"time"

	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/review"
)

const reviewUsage = "usage: guide review [-older-than AGE] [-data DIR] [-format text|csv] [-now YYYY-MM-DD]\n"

// cmdReview lists the entries due for review (reviewed longer ago than -older-than, or
// without a valid date), oldest first, with the contacts who agreed to be listed. It
// exits 0 when the list is written (empty or not), 1 when a data file could not be read
// (the list then lacks it), 2 for usage and I/O errors.
func cmdReview(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("review", stderr)
	olderThan := fs.String("older-than", "12m", "list entries reviewed longer ago than this `age`: 30d (days), 12m (months), 2y (years)")
	dataDir := fs.String("data", "data", "the corpus `folder`")
	format := fs.String("format", "text", "output `format`: text or csv (one row per entry and contact)")
	nowFlag := fs.String("now", "", "measure ages from this `day` (YYYY-MM-DD) instead of today")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\nLists the entries to check again with their jurisdiction, oldest first, with the\nname, email and role of each contact who agreed to be listed.\n\n", reviewUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	age, err := review.ParseAge(*olderThan)
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "guide review: unexpected argument %q\n%s", fs.Arg(0), reviewUsage)
		return 0, errUsage
	case err != nil:
		fmt.Fprintf(stderr, "guide review: -older-than: %v\n", err)
		return 0, errUsage
	case *format != "text" && *format != "csv":
		fmt.Fprintf(stderr, "guide review: unknown format %q; expected text or csv\n", *format)
		return 0, errUsage
	}
	var now time.Time
	if *nowFlag != "" {
		if now, err = time.Parse(model.DateLayout, *nowFlag); err != nil {
			fmt.Fprintf(stderr, "guide review: -now: %q is not a date; expected YYYY-MM-DD\n", *nowFlag)
			return 0, errUsage
		}
	}
	res, err := review.Due(review.Options{DataDir: *dataDir, OlderThan: age, Now: now})
	if err != nil {
		return 0, err
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(stderr, "guide review: %s\n", s)
	}
	if *format == "csv" {
		err = review.WriteCSV(stdout, res)
	} else {
		err = review.WriteText(stdout, res, age)
	}
	if err != nil {
		return 0, err
	}
	if len(res.Skipped) > 0 {
		return 1, nil
	}
	return 0, nil
}
