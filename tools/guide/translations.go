package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/translations"
)

// cmdTranslations writes the translation worklist (every text that has one language and
// lacks the other) as CSV, or with -import writes a filled-in worklist back into the
// data files. The export exits 0, or 1 when a file could not be read. The import exits
// 0 when every translated row is in and the changed files validate, 1 when a row was
// refused (its source text changed since the export, say) or a changed file has errors,
// and 2 for usage and I/O errors, an unreadable CSV among them.
func cmdTranslations(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("translations", stderr)
	dataDir := fs.String("data", "data", "help_flag_data")
	out := fs.String("o", "", "help_flag_translations_o")
	imp := fs.String("import", "", "help_flag_translations_imp")
	lang := langFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	say := func(code string, args diag.A) {
		fmt.Fprintf(stderr, "guide translations: %s\n", diag.Text(*lang, code, args))
	}
	switch {
	case !slices.Contains(diag.Languages, *lang):
		say("usage_unknown_language", diag.A{"value": *lang, "languages": diag.Languages})
		return 0, errUsage
	case fs.NArg() > 0:
		say("usage_unexpected_argument", diag.A{"value": fs.Arg(0)})
		fmt.Fprintln(stderr, usageLine("translations", *lang))
		return 0, errUsage
	case *out != "" && *imp != "":
		say("usage_flags_conflict", diag.A{"a": "-o", "b": "-import"})
		fmt.Fprintln(stderr, usageLine("translations", *lang))
		return 0, errUsage
	case *imp != "":
		status, err := importTranslations(*dataDir, *imp, *lang, stdout)
		return status, diag.In(err, *lang)
	}

	rows, skipped, err := translations.Worklist(*dataDir)
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	for _, s := range skipped {
		say(s.Code, s.Args)
	}
	if *out == "" {
		if err := translations.WriteCSV(stdout, rows); err != nil {
			return 0, err
		}
	} else {
		if err := translations.WriteFile(*out, rows); err != nil {
			return 0, diag.In(err, *lang)
		}
		files := map[string]bool{}
		for _, r := range rows {
			files[r.File] = true
		}
		fmt.Fprintln(stdout, diag.Text(*lang, "translations_worklist_written", diag.A{"file": *out, "texts": len(rows), "files": len(files)}))
	}
	if len(skipped) > 0 {
		return 1, nil
	}
	return 0, nil
}

func importTranslations(dataDir, csvPath, lang string, stdout io.Writer) (int, error) {
	f, err := os.Open(csvPath)
	if err != nil {
		return 0, err
	}
	rows, err := translations.ReadCSV(f)
	f.Close()
	if err != nil {
		return 0, diag.Wrap(err, "file_error", diag.A{"file": csvPath, "error": diag.Cause(err)})
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
		code := "translations_imported"
		if c.PendingRemoved {
			code = "translations_imported_pending"
		}
		fmt.Fprintln(stdout, diag.Text(lang, code, diag.A{"file": c.Path, "count": c.Imported}))
	}
	for _, p := range res.Problems {
		fmt.Fprintf(stdout, "%s:%s\n", csvPath, p.In(lang))
		status = 1
	}
	fmt.Fprintln(stdout, diag.Text(lang, "translations_import_summary", diag.A{"imported": imported, "files": len(changed),
		"refused": len(res.Problems), "empty": res.Empty, "already": res.Already}))
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
			fmt.Fprintln(stdout, d.In(lang))
			status = 1
		}
	}
	return status, nil
}
