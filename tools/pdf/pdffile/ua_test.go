package pdffile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// taggedPDF writes a one-page tagged PDF as Chromium does, before the accessibility
// rewrite: a running head and a footer painted outside marked content (the margin
// boxes), a heading, and a link annotation in a Link structure element without
// /Contents; change replaces objects by number, and a content stream given replaces the
// page's.
func taggedPDF(change map[int]string, content string) []byte {
	if content == "" {
		content = pageContent
	}
	objs := []string{
		1:  "<</Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R /MarkInfo <</Marked true>> /Lang (en-CA) /Outlines 12 0 R>>",
		2:  "<</Type /Pages /Kids [3 0 R] /Count 1>>",
		3:  "<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [7 0 R] /StructParents 0>>",
		4:  fmt.Sprintf("<</Length %d>> stream\n%s\nendstream", len(content), content),
		5:  "<</Type /StructTreeRoot /K 6 0 R /ParentTree 8 0 R>>",
		6:  "<</Type /StructElem /S /Document /P 5 0 R /K [9 0 R 10 0 R 11 0 R]>>",
		7:  "<</Type /Annot /Subtype /Link /Rect [72 580 200 620] /A <</S /URI /URI (mailto:a@example.org)>> /StructParent 1>>",
		8:  "<</Nums [0 [9 0 R] 1 10 0 R]>>",
		9:  "<</Type /StructElem /S /H1 /P 6 0 R /Pg 3 0 R /K 0>>",
		10: "<</Type /StructElem /S /Link /P 6 0 R /K <</Type /OBJR /Obj 7 0 R>>>>",
		11: "<</Type /StructElem /S /P /P 6 0 R>>",
		12: "<</Type /Outlines /First 13 0 R /Last 13 0 R /Count 1>>",
		13: "<</Title (Title) /Parent 12 0 R /SE 9 0 R /Dest [3 0 R /XYZ 0 600 0]>>",
	}
	for n, o := range change {
		for len(objs) <= n {
			objs = append(objs, "null")
		}
		objs[n] = o
	}
	return writePDF(objs, "/Root 1 0 R")
}

const pageContent = "q BT /F1 10 Tf 1 0 0 1 72 750 Tm (Guide) Tj ET BT 1 0 0 1 72 30 Tm (Page 1 of 1) Tj ET Q\n" +
	"q /H1 <</MCID 0>> BDC BT /F1 20 Tf 1 0 0 1 72 600 Tm (Title) Tj ET EMC\n0 500 100 1 re f\nQ"

var meta = Meta{Title: "Guide IAD\u00a0: édition", Lang: "fr-CA", Author: "A & B", Creator: "guide pdf",
	Date: time.Date(2026, 11, 30, 0, 0, 0, 0, time.FixedZone("", -5*3600))}

func codes(t *testing.T, data []byte) []string {
	t.Helper()
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	fails, err := f.CheckUA()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range fails {
		code, _, _ := strings.Cut(x, ":")
		out = append(out, code)
	}
	return slices.Compact(out)
}

// TestCheckUA: what Chromium leaves out is found, each condition on its own, and what
// the rewrite cannot make up for (a heading skipped, a figure without text, a header cell
// without scope, a link outside a Link element) is still found after it.
func TestCheckUA(t *testing.T) {
	tests := []struct {
		name          string
		change        map[int]string
		content       string
		before, after []string
	}{
		{"chromium", nil, "", []string{"06-001", "07-001", "01-005", "28-008", "28-012"}, nil},
		{"heading skipped", map[int]string{11: "<</Type /StructElem /S /H3 /P 6 0 R>>"}, "", nil, []string{"14-003", "outline"}},
		{"first heading not H1", map[int]string{9: "<</Type /StructElem /S /H2 /P 6 0 R /Pg 3 0 R /K 0>>"}, "", nil, []string{"14-002"}},
		{"outline item not a heading", map[int]string{13: "<</Title (Title) /Parent 12 0 R /SE 11 0 R>>"}, "", nil, []string{"outline"}},
		{"figure without alt", map[int]string{11: "<</Type /StructElem /S /Figure /P 6 0 R>>"}, "", nil, []string{"13-004"}},
		{"figure with alt", map[int]string{11: "<</Type /StructElem /S /Figure /Alt (A map) /P 6 0 R>>"}, "", nil, nil},
		{"header cell without scope", map[int]string{11: "<</Type /StructElem /S /TH /A [<</O /Table /RowSpan 1>>] /P 6 0 R>>"}, "", nil, []string{"15-003"}},
		{"header cell with scope", map[int]string{11: "<</Type /StructElem /S /TH /A [<</O /Table /Scope /Column>>] /P 6 0 R>>"}, "", nil, nil},
		{"link outside a Link element", map[int]string{10: "<</Type /StructElem /S /P /P 6 0 R /K <</Type /OBJR /Obj 7 0 R>>>>"}, "", nil, []string{"28-011"}},
		{"rule tagged with its heading", nil, "q /H1 <</MCID 0>> BDC 0 620 100 1 re f BT /F1 20 Tf 1 0 0 1 72 600 Tm (Title) Tj ET 0 590 100 1 re f EMC Q",
			[]string{"01-001"}, nil},
		{"bullet alone in its marked content", nil, "q /Lbl <</MCID 0>> BDC 0 620 5 5 re f EMC Q", nil, nil},
		{"rule alone in its marked content, the heading's text in another", map[int]string{
			8: "<</Nums [0 14 0 R 1 10 0 R]>>", 9: "<</Type /StructElem /S /H1 /P 6 0 R /Pg 3 0 R /K [0 1]>>", 14: "[9 0 R 9 0 R]"},
			"q /H1 <</MCID 0>> BDC 0 620 100 1 re f EMC /H1 <</MCID 1>> BDC BT /F1 20 Tf 1 0 0 1 72 600 Tm (Title) Tj ET EMC Q",
			[]string{"01-001"}, nil},
		{"rule alone in a heading that has nothing else", nil, "q /H1 <</MCID 0>> BDC 0 620 100 1 re f EMC Q", []string{"01-001"}, []string{"01-001"}},
		{"artifact in tagged content", nil, "q /H1 <</MCID 0>> BDC BT /F1 20 Tf 1 0 0 1 72 600 Tm (Title) Tj ET /Artifact BMC 0 590 100 1 re f EMC EMC Q",
			[]string{"01-003"}, []string{"01-003"}},
		{"tagged content in an artifact", nil, "q /Artifact BMC /H1 <</MCID 0>> BDC BT /F1 20 Tf 1 0 0 1 72 600 Tm (Title) Tj ET EMC EMC Q",
			[]string{"01-004"}, []string{"01-004"}},
		{"suspects", map[int]string{1: "<</Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R /MarkInfo <</Marked true /Suspects true>> /Lang (en-CA) /Outlines 12 0 R>>"}, "",
			[]string{"01-007"}, []string{"01-007"}},
		{"untagged", map[int]string{1: "<</Type /Catalog /Pages 2 0 R>>"}, "", []string{"06-001", "07-001", "11-006", "01-001"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := taggedPDF(tt.change, tt.content)
			before := codes(t, in)
			for _, c := range tt.before {
				if !slices.Contains(before, c) {
					t.Errorf("before the rewrite: %s not found in %v", c, before)
				}
			}
			f, err := Parse(in)
			if err != nil {
				t.Fatal(err)
			}
			out, err := f.Accessible(meta)
			if tt.name == "untagged" {
				// no structure tree: the rewrite still adds metadata; the check stops at 01-001
				if err != nil {
					t.Fatal(err)
				}
				if got := codes(t, out); !slices.Equal(got, []string{"01-001"}) {
					t.Errorf("after the rewrite: %v, want [01-001]", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(t, out); !slices.Equal(got, tt.after) {
				t.Errorf("after the rewrite: %v, want %v", got, tt.after)
			}
		})
	}
}

// TestAccessible: what the rewrite writes, and that it writes the same bytes twice.
func TestAccessible(t *testing.T) {
	f, err := Parse(taggedPDF(nil, ""))
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Accessible(meta)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := f.Accessible(meta)
	if !bytes.Equal(out, again) {
		t.Error("two rewrites of the same file differ")
	}
	g, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	x, err := g.Metadata()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<rdf:li xml:lang="x-default">Guide IAD` + "\u00a0" + `: édition</rdf:li>`,
		"<rdf:li>A &amp; B</rdf:li>", "<rdf:li>fr-CA</rdf:li>",
		"<xmp:CreateDate>2026-11-30T00:00:00-05:00</xmp:CreateDate>", "<pdfuaid:part>1</pdfuaid:part>",
	} {
		if !strings.Contains(x, want) {
			t.Errorf("metadata lacks %q:\n%s", want, x)
		}
	}
	_, content, err := g.streamData(4)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"/Artifact <</Type /Pagination /Subtype /Header>> BDC\nBT /F1 10 Tf 1 0 0 1 72 750 Tm (Guide) Tj ET\nEMC",
		"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT 1 0 0 1 72 30 Tm (Page 1 of 1) Tj ET\nEMC",
		"/Artifact <</Type /Layout>> BDC\n0 500 100 1 re f\nEMC",
	} {
		if !strings.Contains(string(content), want) {
			t.Errorf("content lacks %q:\n%s", want, content)
		}
	}
	a, err := g.dictAt(ref{7, 0})
	if err != nil || a["Contents"] != "a@example.org" {
		t.Errorf("link /Contents %q, %v; want the address", a["Contents"], err)
	}
}

// BenchmarkAccessible rewrites a 450-page PDF (the size of one language of the
// 200-project benchmark corpus in tools/pdf) whose pages are like Chromium's: margin
// boxes, 60 tagged lines with an underline each, 100 leader dots, compressed.
func BenchmarkAccessible(b *testing.B) {
	const pages = 450
	var page strings.Builder
	page.WriteString("q BT /F1 10 Tf 1 0 0 -1 120 64 Tm <0027> Tj 7.3 0 Td <0027> Tj ET BT 1 0 0 -1 600 1005 Tm <0033> Tj ET Q\nq 375 268 1800 2775 re W* n\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&page, "/P <</MCID %d >>BDC\n0 %d 200 1 re\nf\nBT\n/F1 10 Tf\n1 0 0 -1 0 %d Tm\n<0033> Tj\n6.4 0 Td <0044> Tj\n6.0 0 Td <004a> Tj\n6.5 0 Td <0048> Tj\nET\nEMC\n", i, 100+12*i, 110+12*i)
	}
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&page, "%d 900 1 1 re\nf\n", 300+3*i)
	}
	page.WriteString("Q\n")
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte(page.String()))
	w.Close()
	objs := []string{1: "<</Type /Catalog /Pages 2 0 R /StructTreeRoot 3 0 R /MarkInfo <</Marked true>> /Lang (en-CA)>>", 3: "<</Type /StructTreeRoot>>"}
	var kids strings.Builder
	for i := 0; i < pages; i++ {
		fmt.Fprintf(&kids, "%d 0 R ", 4+2*i)
		objs = append(objs,
			fmt.Sprintf("<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R>>", 5+2*i),
			fmt.Sprintf("<</Filter /FlateDecode /Length %d>> stream\n%s\nendstream", z.Len(), z.String()))
	}
	objs[2] = fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", kids.String(), pages)
	data := writePDF(objs, "/Root 1 0 R")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.Accessible(meta); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUntagRule: a rule alone in a heading's marked content becomes an artifact, and
// leaves the heading's /K and the parent tree.
func TestUntagRule(t *testing.T) {
	f, err := Parse(taggedPDF(map[int]string{
		8: "<</Nums [0 14 0 R 1 10 0 R]>>", 9: "<</Type /StructElem /S /H1 /P 6 0 R /Pg 3 0 R /K [0 1]>>", 14: "[9 0 R 9 0 R]"},
		"q /H1 <</MCID 0>> BDC 0 620 100 1 re f EMC /H1 <</MCID 1>> BDC BT /F1 20 Tf 1 0 0 1 72 600 Tm (Title) Tj ET EMC Q"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Accessible(meta)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	_, content, _ := g.streamData(4)
	if want := "q " + layout + " 0 620 100 1 re f EMC /H1 <</MCID 1>> BDC"; !strings.Contains(string(content), want) {
		t.Errorf("content %q lacks %q", content, want)
	}
	h1, _ := g.object(9)
	if k := h1.(dict)["K"]; fmt.Sprint(k) != "[1]" {
		t.Errorf("H1 /K %v, want [1]", k)
	}
	if arr, _ := g.object(14); fmt.Sprint(arr) != "[<nil> {9 0}]" {
		t.Errorf("parent tree entry %v, want [null 9 0 R]", arr)
	}
}
