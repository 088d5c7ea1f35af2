// Package pdffile is a small reader of the PDF files that Chromium (Skia) writes: a
// classic cross-reference table, no object streams, no encryption. It reads what the
// print edition (tools/pdf) needs — the page count, the named destinations with their
// pages, the language, tags and outline its tests check — rewrites the document
// information dictionary in place (see SetInfo), adds what PDF/UA-1 asks and Chromium
// leaves out (see Accessible), and checks the machine-checkable conditions of the
// Matterhorn Protocol (see CheckUA; docs/print.md lists them). Other PDFs are refused with an error
// rather than misread.
package pdffile

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/pssdc/guide-iad/tools/diag"
)

// ref is an indirect reference "N G R".
type ref struct{ num, gen int }

// name is a PDF name (/Name), decoded.
type name string

// dict is a PDF dictionary.
type dict map[name]any

// File is a parsed PDF: the raw bytes, the offsets of its objects and its trailer.
type File struct {
	data      []byte
	offsets   map[int]int // object number → byte offset of "N G obj"
	trailer   dict
	xrefStart int // offset of the "xref" keyword
	sxStart   int // offset of the "startxref" keyword
}

// Parse reads the cross-reference table and the trailer of data.
func Parse(data []byte) (*File, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, diag.Errorf("pdffile_not_pdf", nil)
	}
	sx := bytes.LastIndex(data, []byte("startxref"))
	if sx < 0 {
		return nil, diag.Errorf("pdffile_no_startxref", nil)
	}
	p := &parser{data: data, pos: sx + len("startxref")}
	v, err := p.value()
	if err != nil {
		return nil, diag.Wrap(err, "pdffile_startxref", diag.A{"error": diag.Cause(err)})
	}
	xo, ok := v.(int)
	if !ok || xo < 0 || xo >= len(data) {
		return nil, diag.Errorf("pdffile_bad_startxref", nil)
	}
	if !bytes.HasPrefix(data[xo:], []byte("xref")) {
		return nil, diag.Errorf("pdffile_xref_stream", nil)
	}
	f := &File{data: data, offsets: map[int]int{}, xrefStart: xo, sxStart: sx}
	p = &parser{data: data, pos: xo + len("xref")}
	for {
		p.skipSpace()
		if bytes.HasPrefix(data[p.pos:], []byte("trailer")) {
			p.pos += len("trailer")
			break
		}
		first, err1 := p.value()
		count, err2 := p.value()
		fi, ok1 := first.(int)
		ci, ok2 := count.(int)
		if err1 != nil || err2 != nil || !ok1 || !ok2 || ci < 0 {
			return nil, diag.Errorf("pdffile_bad_xref_header", nil)
		}
		p.skipSpace()
		for i := 0; i < ci; i++ {
			if p.pos+20 > len(data) {
				return nil, diag.Errorf("pdffile_truncated_xref", nil)
			}
			entry := data[p.pos : p.pos+20]
			p.pos += 20
			off, err := strconv.Atoi(string(entry[0:10]))
			if err != nil {
				return nil, diag.Errorf("pdffile_bad_xref_entry", diag.A{"entry": string(entry)})
			}
			if entry[17] == 'n' {
				f.offsets[fi+i] = off
			}
		}
	}
	t, err := p.value()
	if err != nil {
		return nil, diag.Wrap(err, "pdffile_trailer", diag.A{"error": diag.Cause(err)})
	}
	td, ok := t.(dict)
	if !ok {
		return nil, diag.Errorf("pdffile_trailer_not_dict", nil)
	}
	if _, ok := td["Prev"]; ok {
		return nil, diag.Errorf("pdffile_incremental", nil)
	}
	if _, ok := td["Encrypt"]; ok {
		return nil, diag.Errorf("pdffile_encrypted", nil)
	}
	f.trailer = td
	return f, nil
}

// object returns the value of object num.
func (f *File) object(num int) (any, error) {
	off, ok := f.offsets[num]
	if !ok {
		return nil, diag.Errorf("pdffile_object_not_in_xref", diag.A{"num": num})
	}
	p := &parser{data: f.data, pos: off}
	n, err := p.value()
	if err != nil || n != num {
		return nil, diag.Errorf("pdffile_object_bad_header", diag.A{"num": num, "offset": off})
	}
	if _, err := p.value(); err != nil { // generation
		return nil, err
	}
	if !p.keyword("obj") {
		return nil, diag.Errorf("pdffile_object_no_obj", diag.A{"num": num})
	}
	return p.value()
}

// resolve follows references.
func (f *File) resolve(v any) (any, error) {
	for i := 0; i < 32; i++ {
		r, ok := v.(ref)
		if !ok {
			return v, nil
		}
		var err error
		if v, err = f.object(r.num); err != nil {
			return nil, err
		}
	}
	return nil, diag.Errorf("pdffile_reference_loop", nil)
}

func (f *File) dictAt(v any) (dict, error) {
	v, err := f.resolve(v)
	if err != nil {
		return nil, err
	}
	d, ok := v.(dict)
	if !ok {
		return nil, diag.Errorf("pdffile_not_dictionary_type", diag.A{"type": fmt.Sprintf("%T", v)})
	}
	return d, nil
}
