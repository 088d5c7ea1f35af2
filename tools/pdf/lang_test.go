package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/pssdc/guide-iad/tools/pdf/pdffile"
	"github.com/pssdc/guide-iad/tools/sitetest"
)

// TestLanguageOfParts: WCAG 3.1.2 in the PDF — every element of the French print page
// marked lang="en" (an entry written in English only: its title in the contents, the
// index and its own heading, its summary, text and lessons) is a structure element of
// the French PDF with /Lang (en). Chromium drops the lang of an element that gets no
// structure element of its own (a span, a plain div), so the templates put it on the
// link or on each block (print/toc-entry.html, print/md.html).
func TestLanguageOfParts(t *testing.T) {
	public, res := printed(t)
	page := filepath.Join(public, "fr", PageName)
	raw, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	marked := len(sitetest.Find(doc, func(n *html.Node) bool {
		return n.Type == html.ElementNode && n.Data != "html" && sitetest.Attr(n, "lang") == "en"
	}))
	if marked == 0 {
		t.Fatalf("%s: no element with lang=\"en\": the fixture needs an entry written in English only", page)
	}
	data, err := os.ReadFile(res["fr"].File)
	if err != nil {
		t.Fatal(err)
	}
	f, err := pdffile.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	langs, err := f.StructLangs()
	if err != nil {
		t.Fatal(err)
	}
	if langs["en"] != marked {
		t.Errorf("%s: %d structure elements with /Lang (en), want %d, one per element marked lang=\"en\" in %s", res["fr"].File, langs["en"], marked, page)
	}
}
