package pdffile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/pssdc/guide-iad/tools/diag"
)

// minimalPDF writes a small PDF the way Skia does: info dictionary first, a page tree
// with a nested node, named destinations in the catalog, a classic xref table.
func minimalPDF() []byte {
	objs := []string{
		1:  "<</Title (Old title)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20260101120000+00'00')\n/ModDate (D:20260101120000+00'00')>>",
		2:  "<</Type /Catalog\n/Pages 3 0 R\n/Dests 8 0 R\n/Lang (fr-CA)\n/MarkInfo <</Marked true>>\n/StructTreeRoot 9 0 R\n/Outlines 10 0 R>>",
		3:  "<</Type /Pages\n/Count 3\n/Kids [4 0 R 5 0 R]>>",
		4:  "<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 612 792]\n/Contents 7 0 R>>",
		5:  "<</Type /Pages\n/Parent 3 0 R\n/Count 2\n/Kids [6 0 R 11 0 R]>>",
		6:  "<</Type /Page\n/Parent 5 0 R\n/MediaBox [0 0 612 792]\n/Contents 7 0 R>>",
		7:  "<</Length 44>> stream\nBT /F1 12 Tf 72 720 Td (endstream) Tj ET\n\nendstream",
		8:  "<</case-a [6 0 R /XYZ 0 792 0]\n/la#20b [11 0 R /XYZ 0 500 0]\n/top <</D [4 0 R /Fit]>>>>",
		9:  "<</Type /StructTreeRoot>>",
		10: "<</Type /Outlines\n/First 12 0 R\n/Last 12 0 R\n/Count 2>>",
		11: "<</Type /Page\n/Parent 5 0 R\n/MediaBox [0 0 612 792]\n/Contents 7 0 R>>",
		12: "<</Title <FEFF00C9007400750064006500730020006400650020006300610073>\n/Parent 10 0 R\n/First 13 0 R\n/Last 13 0 R>>",
		13: "<</Title (Alpha \\(A\\))\n/Parent 12 0 R>>",
	}
	return writePDF(objs, "/Root 2 0 R\n/Info 1 0 R")
}

// writePDF writes objects 1… with a classic xref table; trailer holds the entries of the
// trailer other than /Size.
func writePDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i := 1; i < len(objs); i++ {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i, objs[i])
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs))
	for i := 1; i < len(objs); i++ {
		fmt.Fprintf(&b, "%010d 00000 n \n", offsets[i])
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d\n%s>>\nstartxref\n%d\n%%%%EOF\n", len(objs), trailer, xref)
	return b.Bytes()
}

func TestParseMinimal(t *testing.T) {
	f, err := Parse(minimalPDF())
	if err != nil {
		t.Fatal(err)
	}
	pages, err := f.Pages()
	if err != nil || len(pages) != 3 {
		t.Fatalf("pages %v, %v", pages, err)
	}
	dests, err := f.Dests()
	if err != nil {
		t.Fatal(err)
	}
	if dests["case-a"] != 2 || dests["la b"] != 3 || dests["top"] != 1 || len(dests) != 3 {
		t.Errorf("dests %v", dests)
	}
	if l, _ := f.Lang(); l != "fr-CA" {
		t.Errorf("lang %q", l)
	}
	if tagged, _ := f.Tagged(); !tagged {
		t.Error("not tagged")
	}
	out, err := f.Outline()
	if err != nil || len(out) != 2 || out[0].Title != "Études de cas" || out[1].Title != "Alpha (A)" || out[1].Depth != 1 {
		t.Errorf("outline %+v, %v", out, err)
	}
}

func TestSetInfo(t *testing.T) {
	orig := minimalPDF()
	f, err := Parse(orig)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("America/Toronto") // the guide's time zone (tools/pdf.TimeZone)
	date := PDFDate(time.Date(2026, 11, 30, 0, 0, 0, 0, loc))
	if date != "D:20261130000000-05'00'" {
		t.Errorf("PDFDate: %s", date)
	}
	info := map[string]string{
		"Title":        "Guide IAD\u00a0: Première édition",
		"Author":       "Groupe de travail (IAD)",
		"CreationDate": date,
		"ModDate":      date,
	}
	out, err := f.SetInfo(info)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(out)
	if err != nil {
		t.Fatalf("the rewritten PDF does not parse: %v", err)
	}
	got, err := g.Info()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range info {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if _, ok := got["Producer"]; ok {
		t.Error("old keys kept")
	}
	// Every object is still where the xref table says.
	if d, err := g.Dests(); err != nil || d["case-a"] != 2 {
		t.Errorf("after the rewrite: dests %v, %v", d, err)
	}
	again, _ := f.SetInfo(info)
	if !bytes.Equal(out, again) {
		t.Error("SetInfo is not deterministic")
	}
	// Poppler reads it too, when it is installed.
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		file := filepath.Join(t.TempDir(), "x.pdf")
		os.WriteFile(file, out, 0o644)
		cmd := exec.Command("pdfinfo", "-isodates", file)
		o, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(o), "Guide IAD\u00a0: Première édition") || !strings.Contains(string(o), "2026-11-30T00:00:00-05") || strings.Contains(string(o), "Syntax Error") {
			t.Errorf("pdfinfo: %v\n%s", err, o)
		}
	}
}

// TestParseRefusesOthers: a file that is no PDF, or one this package does not read, is
// refused with a coded error (arguments as its template names them), worded in
// English and French.
func TestParseRefusesOthers(t *testing.T) {
	for name, tc := range map[string]struct {
		data   string
		en, fr string
	}{
		"not a PDF":   {"hello", "not a PDF file", "ce n’est pas un fichier PDF"},
		"no xref":     {"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "PDF: no startxref", "PDF\u00a0: aucun startxref"},
		"xref stream": {"%PDF-1.7\n1 0 obj\n<</Type /XRef>>\nendobj\nstartxref\n9\n%%EOF\n", "PDF: cross-reference stream or bad offset", "PDF\u00a0: flux de références croisées"},
		"xref entry":  {"%PDF-1.7\nxref\n0 1\nnot an entry at all\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n", "PDF: bad xref entry", "PDF\u00a0: entrée xref invalide «\u00a0"},
	} {
		_, err := Parse([]byte(tc.data))
		var coded *diag.CodedError
		if !errors.As(err, &coded) {
			t.Errorf("%s: %v, want a coded error", name, err)
			continue
		}
		if err := diag.CheckArgs(coded.Code, coded.Args); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if en, fr := diag.Words(err, "en"), diag.Words(err, "fr"); !strings.HasPrefix(en, tc.en) || !strings.HasPrefix(fr, tc.fr) {
			t.Errorf("%s: %q / %q, want %q… / %q…", name, en, fr, tc.en, tc.fr)
		}
	}
}
