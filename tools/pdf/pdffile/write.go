// The rewrites: the information dictionary (and the text and date forms it holds) and
// the structure elements' node ids.

package pdffile

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Info returns the document information dictionary as text values (dates as written).
func (f *File) Info() (map[string]string, error) {
	d, err := f.dictAt(f.trailer["Info"])
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, v := range d {
		if s, ok := v.(string); ok {
			out[string(k)] = decodeText(s)
		}
	}
	return out, nil
}

// SetInfo returns the PDF with its information dictionary replaced by info (keys such as
// Title, Author, Subject, Keywords, Creator, Producer, CreationDate, ModDate; text is
// written as UTF-16BE when it is not ASCII). The new dictionary takes the place of the
// old object, the offsets of the objects after it are shifted in the xref table and
// startxref: the result is a single-revision file, and its bytes depend only on the
// input bytes and info.
func (f *File) SetInfo(info map[string]string) ([]byte, error) {
	r, ok := f.trailer["Info"].(ref)
	if !ok {
		return nil, diag.Errorf("pdffile_trailer_missing", diag.A{"key": "/Info"})
	}
	start, ok := f.offsets[r.num]
	if !ok {
		return nil, diag.Errorf("pdffile_info_not_in_xref", diag.A{"num": r.num})
	}
	endRel := bytes.Index(f.data[start:], []byte("endobj"))
	if endRel < 0 {
		return nil, diag.Errorf("pdffile_info_no_endobj", nil)
	}
	end := start + endRel + len("endobj")
	for num, off := range f.offsets {
		if num != r.num && off > start && off < end {
			return nil, diag.Errorf("pdffile_info_overlaps", nil)
		}
	}
	if f.xrefStart < end {
		return nil, diag.Errorf("pdffile_xref_before_info", nil)
	}
	keys := make([]string, 0, len(info))
	for k := range info {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var obj bytes.Buffer
	fmt.Fprintf(&obj, "%d %d obj\n<<", r.num, r.gen)
	for i, k := range keys {
		if i > 0 {
			obj.WriteByte('\n')
		}
		fmt.Fprintf(&obj, "/%s %s", k, encodeText(info[k]))
	}
	obj.WriteString(">>\nendobj")
	delta := obj.Len() - (end - start)

	var out bytes.Buffer
	out.Grow(len(f.data) + delta)
	out.Write(f.data[:start])
	out.Write(obj.Bytes())
	out.Write(f.data[end:f.xrefStart])
	// The xref table: same layout, shifted offsets.
	p := &parser{data: f.data, pos: f.xrefStart + len("xref")}
	out.WriteString("xref")
	last := f.xrefStart + len("xref")
	for {
		p.skipSpace()
		if bytes.HasPrefix(f.data[p.pos:], []byte("trailer")) {
			break
		}
		first, _ := p.value()
		count, _ := p.value()
		fi, ci := first.(int), count.(int)
		p.skipSpace()
		out.Write(f.data[last:p.pos])
		for i := 0; i < ci; i++ {
			entry := f.data[p.pos : p.pos+20]
			if entry[17] == 'n' && fi+i != 0 {
				off, _ := strconv.Atoi(string(entry[0:10]))
				if off > start {
					off += delta
				}
				fmt.Fprintf(&out, "%010d", off)
				out.Write(entry[10:])
			} else {
				out.Write(entry)
			}
			p.pos += 20
		}
		last = p.pos
	}
	out.Write(f.data[last:f.sxStart])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", f.xrefStart+delta)
	return out.Bytes(), nil
}

// PDFDate formats a date for the information dictionary: D:YYYYMMDDHHmmSS+HH'mm'.
func PDFDate(t interface {
	Format(string) string
}) string {
	s := t.Format("20060102150405-0700")
	return "D:" + s[:14] + s[14:17] + "'" + s[17:] + "'"
}

// encodeText writes a text string: a literal string when it is printable ASCII, else a
// hex string of UTF-16BE with a byte order mark (PDF 1.7, 7.9.2.2).
func encodeText(s string) string {
	t := textString(s)
	if t == s {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	return fmt.Sprintf("<%X>", t)
}

// decodeText reads a text string (the bytes of a parsed string object).
func decodeText(s string) string {
	if strings.HasPrefix(s, "\xfe\xff") {
		b := []byte(s[2:])
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
		return string(utf16.Decode(u))
	}
	return s // PDFDocEncoding; ASCII in practice
}

// nodeID is how Chromium names the structure elements of table header cells (/ID, and
// /Headers in data cells): from Blink's DOM node ids, which differ from one run to the
// next.
var nodeID = regexp.MustCompile(`\(node(\d+)\)`)

// RenumberNodeIDs returns the PDF with the structure elements' node ids renumbered in
// order of first appearance, keeping their width: the same page then gives the same
// bytes. Only dictionaries are changed, never stream data, and no offset moves.
func (f *File) RenumberNodeIDs() ([]byte, error) {
	out := bytes.Clone(f.data)
	// Stream data is skipped: find where each stream lies.
	type span struct{ from, to int }
	var streams []span
	for _, off := range f.offsets {
		p := &parser{data: f.data, pos: off}
		if _, err := p.value(); err != nil { // number
			return nil, err
		}
		p.value() // generation
		if !p.keyword("obj") {
			return nil, diag.Errorf("pdffile_no_object_at", diag.A{"offset": off})
		}
		start := p.pos
		if _, err := p.value(); err != nil {
			return nil, err
		}
		if i := bytes.Index(f.data[start:p.pos], []byte("stream")); i >= 0 && bytes.HasSuffix(f.data[start:p.pos], []byte("endstream")) {
			streams = append(streams, span{start + i, p.pos})
		}
	}
	// The parts of the file between the streams, in order.
	sort.Slice(streams, func(i, j int) bool { return streams[i].from < streams[j].from })
	streams = append(streams, span{len(f.data), len(f.data)})
	ids := map[string]string{}
	from := 0
	for _, s := range streams {
		part := f.data[from:s.from]
		for _, m := range nodeID.FindAllSubmatchIndex(part, -1) {
			old := string(part[m[2]:m[3]])
			nu, ok := ids[old]
			if !ok {
				nu = fmt.Sprintf("%0*d", len(old), len(ids)+1)
				if len(nu) != len(old) {
					return nil, diag.Errorf("pdffile_too_many_ids", nil)
				}
				ids[old] = nu
			}
			copy(out[from+m[2]:from+m[3]], nu)
		}
		from = max(from, s.to)
	}
	return out, nil
}
