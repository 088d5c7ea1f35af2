package pdf

// The Go rewrite of the final print: node ids, document information, PDF/UA.

import (
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/pdf/pdffile"
)

// finalPrint is Chromium's final print of a language's page, with what the rewrite
// needs to know of it.
type finalPrint struct {
	page  string // the page's path on the server, for messages
	pdf   []byte
	meta  meta
	date  time.Time         // the edition's date, midnight in TimeZone
	links map[string]string // anchor → the text of the link target (linkTargets)
}

// testHookFinalPrint receives each language's final print before its rewrite.
var testHookFinalPrint func(lang string, p finalPrint)

// rewrite returns the final PDF and its page count from Chromium's final print of the
// page: the structure elements' node ids renumbered, the document information set (the
// edition's date as creation and modification dates) and what PDF/UA-1 asks added
// (the link annotations' /Contents from p.links).
func rewrite(p finalPrint) ([]byte, int, error) {
	page, m, date, links := p.page, p.meta, p.date, p.links
	file, err := pdffile.Parse(p.pdf)
	if err != nil {
		return nil, 0, err
	}
	pages, err := file.Pages()
	if err != nil {
		return nil, 0, err
	}
	old, err := file.Info()
	if err != nil {
		return nil, 0, err
	}
	stamp := pdffile.PDFDate(date)
	info := map[string]string{
		"Title":        m.Title,
		"Author":       m.Author,
		"Subject":      m.Subject,
		"Keywords":     m.Keywords,
		"Creator":      Creator,
		"Producer":     old["Producer"],
		"CreationDate": stamp,
		"ModDate":      stamp,
	}
	if info["Producer"] == "" {
		delete(info, "Producer")
	}
	renumbered, err := file.RenumberNodeIDs()
	if err != nil {
		return nil, 0, err
	}
	if file, err = pdffile.Parse(renumbered); err != nil {
		return nil, 0, err
	}
	out, err := file.SetInfo(info)
	if err != nil {
		return nil, 0, err
	}
	if file, err = pdffile.Parse(out); err != nil {
		return nil, 0, diag.Wrap(err, "print_rewriting_info", diag.A{"page": page, "error": diag.Cause(err)})
	}
	if out, err = file.Accessible(pdffile.Meta{
		Title: m.Title, Lang: m.Lang, Author: m.Author, Subject: m.Subject, Keywords: m.Keywords,
		Creator: Creator, Producer: old["Producer"], Date: date,
		LinkText: func(dest string) string { return links[dest] },
	}); err != nil {
		return nil, 0, diag.Wrap(err, "print_accessibility", diag.A{"page": page, "error": diag.Cause(err)})
	}
	if _, err := pdffile.Parse(out); err != nil {
		return nil, 0, diag.Wrap(err, "print_accessibility", diag.A{"page": page, "error": diag.Cause(err)})
	}
	return out, len(pages), nil
}
