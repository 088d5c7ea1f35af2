// The accessibility rewrite (PDF/UA-1): the XMP metadata stream, the catalog's viewer
// preferences, language and mark information, the /Contents of link annotations, /Tabs
// /S on pages with annotations, and /Artifact marked content around what Chromium paints
// untagged (the margin boxes).

package pdffile

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Meta is what the document says of itself: the XMP metadata, the catalog's language,
// and the text of links to named destinations.
type Meta struct {
	Title, Lang, Author, Subject, Keywords, Creator, Producer string
	Date                                                      time.Time // creation and modification
	// LinkText returns what a link to a named destination leads to (the text of its
	// target); "" falls back to the destination's name.
	LinkText func(dest string) string
}

// Accessible returns the PDF with what PDF/UA-1 asks of it and Chromium leaves out (see
// the package doc and docs/print.md). The bytes depend only on the input, m and the Go
// version (content streams with artifacts are compressed again by compress/zlib).
func (f *File) Accessible(m Meta) ([]byte, error) {
	e, err := f.edit()
	if err != nil {
		return nil, err
	}
	rootRef, ok := f.trailer["Root"].(ref)
	if !ok {
		return nil, diag.Errorf("pdffile_trailer_missing", diag.A{"key": "/Root"})
	}
	root, err := f.dictAt(rootRef)
	if err != nil {
		return nil, err
	}
	root = clone(root)
	root["Metadata"] = e.add(streamBody(dict{"Type": name("Metadata"), "Subtype": name("XML")}, XMP(m), false))
	vp, _ := f.dictAt(root["ViewerPreferences"])
	vp = clone(vp)
	vp["DisplayDocTitle"] = true
	root["ViewerPreferences"] = vp
	root["Lang"] = m.Lang
	mi, _ := f.dictAt(root["MarkInfo"])
	mi = clone(mi)
	mi["Marked"] = true
	root["MarkInfo"] = mi
	root["Version"] = name("1.7") // PDF/UA-1 is ISO 32000-1
	e.replace(rootRef.num, valueBytes(root))

	pages, err := f.Pages()
	if err != nil {
		return nil, err
	}
	fix := f.newStructFix()
	for i, pg := range pages {
		d, err := f.dictAt(pg)
		if err != nil {
			return nil, err
		}
		if err := f.fixAnnots(e, pg, d, m, pages); err != nil {
			return nil, diag.Wrap(err, "pdffile_page", diag.A{"page": i + 1, "error": diag.Cause(err)})
		}
		height := 792.0
		if mb, ok := d["MediaBox"].([]any); ok && len(mb) == 4 {
			if h, ok := num(mb[3]); ok {
				height = h
			}
		}
		for _, s := range contentRefs(d) {
			sd, data, err := f.streamData(s.num)
			if err != nil {
				return nil, diag.Wrap(err, "pdffile_page", diag.A{"page": i + 1, "error": diag.Cause(err)})
			}
			sp, hasSP := d["StructParents"].(int)
			nd, err := markArtifacts(data, height, func(mcid int) bool { return hasSP && fix.remove(pg, sp, mcid) })
			if err != nil {
				return nil, diag.Wrap(err, "pdffile_page", diag.A{"page": i + 1, "error": diag.Cause(err)})
			}
			if nd != nil {
				e.replace(s.num, streamBody(sd, nd, true))
			}
		}
	}
	fix.write(e)
	return e.bytes()
}

// fixAnnots gives every link annotation of the page a /Contents and the page /Tabs /S.
func (f *File) fixAnnots(e *editor, pg ref, d dict, m Meta, pages []ref) error {
	av, err := f.resolve(d["Annots"])
	if err != nil {
		return err
	}
	annots, _ := av.([]any)
	if len(annots) == 0 {
		return nil
	}
	if d["Tabs"] != name("S") {
		nd := clone(d)
		nd["Tabs"] = name("S")
		e.replace(pg.num, valueBytes(nd))
	}
	for _, a := range annots {
		r, ok := a.(ref)
		if !ok {
			return diag.Errorf("pdffile_direct_annotation", nil)
		}
		ad, err := f.dictAt(r)
		if err != nil {
			return err
		}
		if ad["Subtype"] != name("Link") {
			continue
		}
		if c, ok := ad["Contents"].(string); ok && c != "" {
			continue
		}
		text, err := f.linkContents(ad, m, pages)
		if err != nil {
			return err
		}
		nd := clone(ad)
		nd["Contents"] = textString(text)
		e.replace(r.num, valueBytes(nd))
	}
	return nil
}

// linkContents says where a link leads: the address of a URI (without mailto:), the text
// of a named destination's target, or the page of an explicit destination.
func (f *File) linkContents(ad dict, m Meta, pages []ref) (string, error) {
	dest := ad["Dest"]
	if a, err := f.dictAt(ad["A"]); err == nil {
		switch a["S"] {
		case name("URI"):
			u, _ := a["URI"].(string)
			return strings.TrimPrefix(u, "mailto:"), nil
		case name("GoTo"):
			dest = a["D"]
		}
	}
	dest, err := f.resolve(dest)
	if err != nil {
		return "", err
	}
	switch d := dest.(type) {
	case name:
		return m.linkText(string(d)), nil
	case string:
		return m.linkText(d), nil
	case []any:
		if len(d) > 0 {
			for i, p := range pages {
				if p == d[0] {
					return fmt.Sprint(i + 1), nil
				}
			}
		}
	}
	return "", diag.Errorf("pdffile_link_nowhere", nil)
}

func (m Meta) linkText(dest string) string {
	if m.LinkText != nil {
		if t := m.LinkText(dest); t != "" {
			return t
		}
	}
	return dest
}

func clone(d dict) dict {
	n := dict{}
	for k, v := range d {
		n[k] = v
	}
	return n
}

// textString is the bytes of a PDF text string: PDFDocEncoding for ASCII, else UTF-16BE
// with a byte order mark.
func textString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.WriteString("\xfe\xff")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.String()
}

// XMP returns the metadata packet: title, description, creator and language (Dublin
// Core), keywords and producer (pdf), creator tool and dates (xmp), and the PDF/UA
// identification (pdfuaid:part 1).
func XMP(m Meta) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := m.Date.Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(m.Title))
	fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(m.Subject))
	fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(m.Author))
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(m.Lang))
	fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(m.Keywords))
	if m.Producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", esc(m.Producer))
	}
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(m.Creator))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes()
}
