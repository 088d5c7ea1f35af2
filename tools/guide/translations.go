package main

import (
	"fmt"
	"io"
	"os"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/translations"
)

const translationsUsage = `usage: guide translations [-data DIR] [-o FILE]
       guide translations [-data DIR] -import FILE
`

// cmdTranslations writes the translation worklist (every text that has one language and
// lacks the other) as CSV, or with -import writes a filled-in worklist back into the
// data files. The export exits 0, or 1 when a file could not be read. The import exits
// 0 when every translated row is in and the changed files validate, 1 when a row was
// refused (its source text changed since the export, say) or a changed file has errors,
// and 2 for usage and I/O errors, an unreadable CSV among them.
func cmdTranslations(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("translations", stderr)
	dataDir := fs.String("data", "data", "the corpus `folder`")
	out := fs.String("o", "", "write the worklist to `file` (atomically) instead of standard output")
	imp := fs.String("import", "", "write the translations of `file`, a filled-in worklist, into the data files")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\nThe worklist has one row per text to translate: file, id, key, source_language,\ntarget_language, source_text and an empty translation column to fill in. Rows left\nempty are skipped on import.\n\n", translationsUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "guide translations: unexpected argument %q\n%s", fs.Arg(0), translationsUsage)
		return 0, errUsage
	case *out != "" && *imp != "":
		fmt.Fprintf(stderr, "guide translations: -o and -import do not go together\n%s", translationsUsage)
		return 0, errUsage
	case *imp != "":
		return importTranslations(*dataDir, *imp, stdout)
	}

	rows, skipped, err := translations.Worklist(*dataDir)
	if err != nil {
		return 0, err
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "guide translations: %s\n", s)
	}
	if *out == "" {
		if err := translations.WriteCSV(stdout, rows); err != nil {
			return 0, err
		}
	} else {
		if err := translations.WriteFile(*out, rows); err != nil {
			return 0, err
		}
		files := map[string]bool{}
		for _, r := range rows {
			files[r.File] = true
		}
		fmt.Fprintf(stdout, "%s: %d %s to translate in %d %s\n", *out, len(rows), pluralOf(len(rows), "text", "texts"), len(files), pluralOf(len(files), "file", "files"))
	}
	if len(skipped) > 0 {
		return 1, nil
	}
	return 0, nil
}

func importTranslations(dataDir, csvPath string, stdout io.Writer) (int, error) {
	f, err := os.Open(csvPath)
	if err != nil {
		return 0, err
	}
	rows, err := translations.ReadCSV(f)
	f.Close()
	if err != nil {
		return 0, fmt.Errorf("%s: %w", csvPath, err)
	}
	res, err := translations.Import(dataDir, rows)
	if err != nil {
		return 0, err
	}
	status := 0
	var changed []string
	imported := 0
	for _, c := range res.Changed {
		changed = append(changed, c.Path)
		imported += c.Imported
		note := ""
		if c.PendingRemoved {
			note = "; translation_pending removed: every text has both languages"
		}
		fmt.Fprintf(stdout, "%s: %d %s imported%s\n", c.Path, c.Imported, pluralOf(c.Imported, "translation", "translations"), note)
	}
	for _, p := range res.Problems {
		fmt.Fprintf(stdout, "%s:%s\n", csvPath, p)
		status = 1
	}
	fmt.Fprintf(stdout, "%d %s imported into %d %s; %d %s refused, %d without translation, %d already in the files\n",
		imported, pluralOf(imported, "translation", "translations"), len(changed), pluralOf(len(changed), "file", "files"),
		len(res.Problems), pluralOf(len(res.Problems), "row", "rows"), res.Empty, res.Already)
	if len(changed) == 0 {
		return status, nil
	}
	// The translated texts follow the same rules as any other: check the files now.
	checked, err := check.Run(check.Options{DataDir: dataDir, Paths: changed})
	if err != nil {
		return 0, err
	}
	for _, d := range checked.Diagnostics {
		if d.Severity == diag.Error {
			fmt.Fprintln(stdout, d)
			status = 1
		}
	}
	return status, nil
}

func pluralOf(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
