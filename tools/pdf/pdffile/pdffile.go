// Package pdffile is a small reader of the PDF files that Chromium (Skia) writes: a
// classic cross-reference table, no object streams, no encryption. It reads what the
// print edition (tools/pdf) needs — the page count, the named destinations with their
// pages, the language, tags and outline its tests check — and rewrites the document
// information dictionary in place (see SetInfo). Other PDFs are refused with an error
// rather than misread.
package pdffile

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
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
		return nil, errors.New("not a PDF file")
	}
	sx := bytes.LastIndex(data, []byte("startxref"))
	if sx < 0 {
		return nil, errors.New("PDF: no startxref")
	}
	p := &parser{data: data, pos: sx + len("startxref")}
	v, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("PDF: startxref: %w", err)
	}
	xo, ok := v.(int)
	if !ok || xo < 0 || xo >= len(data) {
		return nil, errors.New("PDF: bad startxref offset")
	}
	if !bytes.HasPrefix(data[xo:], []byte("xref")) {
		return nil, errors.New("PDF: cross-reference stream or bad offset (only classic xref tables are supported)")
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
			return nil, errors.New("PDF: bad xref subsection header")
		}
		p.skipSpace()
		for i := 0; i < ci; i++ {
			if p.pos+20 > len(data) {
				return nil, errors.New("PDF: truncated xref table")
			}
			entry := data[p.pos : p.pos+20]
			p.pos += 20
			off, err := strconv.Atoi(string(entry[0:10]))
			if err != nil {
				return nil, fmt.Errorf("PDF: bad xref entry %q", entry)
			}
			if entry[17] == 'n' {
				f.offsets[fi+i] = off
			}
		}
	}
	t, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("PDF: trailer: %w", err)
	}
	td, ok := t.(dict)
	if !ok {
		return nil, errors.New("PDF: trailer is not a dictionary")
	}
	if _, ok := td["Prev"]; ok {
		return nil, errors.New("PDF: incremental updates are not supported")
	}
	if _, ok := td["Encrypt"]; ok {
		return nil, errors.New("PDF: encrypted files are not supported")
	}
	f.trailer = td
	return f, nil
}

// object returns the value of object num.
func (f *File) object(num int) (any, error) {
	off, ok := f.offsets[num]
	if !ok {
		return nil, fmt.Errorf("PDF: object %d not in the xref table", num)
	}
	p := &parser{data: f.data, pos: off}
	n, err := p.value()
	if err != nil || n != num {
		return nil, fmt.Errorf("PDF: object %d: bad header at offset %d", num, off)
	}
	if _, err := p.value(); err != nil { // generation
		return nil, err
	}
	if !p.keyword("obj") {
		return nil, fmt.Errorf("PDF: object %d: no obj keyword", num)
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
	return nil, errors.New("PDF: reference loop")
}

func (f *File) dictAt(v any) (dict, error) {
	v, err := f.resolve(v)
	if err != nil {
		return nil, err
	}
	d, ok := v.(dict)
	if !ok {
		return nil, fmt.Errorf("PDF: expected a dictionary, got %T", v)
	}
	return d, nil
}

// Pages returns the page objects in order.
func (f *File) Pages() ([]ref, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	var pages []ref
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		if depth > 64 {
			return errors.New("PDF: page tree too deep")
		}
		r, ok := v.(ref)
		if !ok {
			return errors.New("PDF: page tree node is not a reference")
		}
		d, err := f.dictAt(r)
		if err != nil {
			return err
		}
		if d["Type"] == name("Page") {
			pages = append(pages, r)
			return nil
		}
		kids, err := f.resolve(d["Kids"])
		if err != nil {
			return err
		}
		arr, ok := kids.([]any)
		if !ok {
			return errors.New("PDF: page tree node without Kids")
		}
		for _, k := range arr {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root["Pages"], 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// Dests returns the named destinations (Chromium writes one for every element id that a
// link of the document targets) with their 1-based page numbers.
func (f *File) Dests() (map[string]int, error) {
	pages, err := f.Pages()
	if err != nil {
		return nil, err
	}
	pageNum := make(map[int]int, len(pages))
	for i, p := range pages {
		pageNum[p.num] = i + 1
	}
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	add := func(key string, v any) error {
		v, err := f.resolve(v)
		if err != nil {
			return err
		}
		if d, ok := v.(dict); ok {
			if v, err = f.resolve(d["D"]); err != nil {
				return err
			}
		}
		arr, ok := v.([]any)
		if !ok || len(arr) == 0 {
			return fmt.Errorf("PDF: destination %q is not an array", key)
		}
		r, ok := arr[0].(ref)
		if !ok {
			return fmt.Errorf("PDF: destination %q does not name a page object", key)
		}
		n, ok := pageNum[r.num]
		if !ok {
			return fmt.Errorf("PDF: destination %q points at object %d, not a page", key, r.num)
		}
		out[key] = n
		return nil
	}
	// PDF 1.1 style: a dictionary in the catalog (what Skia writes).
	if v, ok := root["Dests"]; ok {
		d, err := f.dictAt(v)
		if err != nil {
			return nil, err
		}
		for k, v := range d {
			if err := add(string(k), v); err != nil {
				return nil, err
			}
		}
	}
	// PDF 1.2 style: a name tree under /Names /Dests.
	if v, ok := root["Names"]; ok {
		names, err := f.dictAt(v)
		if err != nil {
			return nil, err
		}
		if tree, ok := names["Dests"]; ok {
			var walk func(v any, depth int) error
			walk = func(v any, depth int) error {
				if depth > 64 {
					return errors.New("PDF: name tree too deep")
				}
				node, err := f.dictAt(v)
				if err != nil {
					return err
				}
				if ns, ok := node["Names"]; ok {
					arr, _ := ns.([]any)
					for i := 0; i+1 < len(arr); i += 2 {
						k, _ := arr[i].(string)
						if err := add(k, arr[i+1]); err != nil {
							return err
						}
					}
				}
				if ks, ok := node["Kids"]; ok {
					arr, _ := ks.([]any)
					for _, k := range arr {
						if err := walk(k, depth+1); err != nil {
							return err
						}
					}
				}
				return nil
			}
			if err := walk(tree, 0); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

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
		return nil, errors.New("PDF: the trailer has no /Info reference")
	}
	start, ok := f.offsets[r.num]
	if !ok {
		return nil, fmt.Errorf("PDF: info object %d not in the xref table", r.num)
	}
	endRel := bytes.Index(f.data[start:], []byte("endobj"))
	if endRel < 0 {
		return nil, errors.New("PDF: info object has no endobj")
	}
	end := start + endRel + len("endobj")
	for num, off := range f.offsets {
		if num != r.num && off > start && off < end {
			return nil, errors.New("PDF: info object overlaps another object")
		}
	}
	if f.xrefStart < end {
		return nil, errors.New("PDF: xref table before the info object")
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
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
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

// parser reads PDF objects from data at pos.
type parser struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if isSpace(c) {
			p.pos++
		} else if c == '%' {
			for p.pos < len(p.data) && p.data[p.pos] != '\n' && p.data[p.pos] != '\r' {
				p.pos++
			}
		} else {
			return
		}
	}
}

func (p *parser) keyword(k string) bool {
	p.skipSpace()
	if bytes.HasPrefix(p.data[p.pos:], []byte(k)) {
		p.pos += len(k)
		return true
	}
	return false
}

func (p *parser) token() string {
	p.skipSpace()
	s := p.pos
	for p.pos < len(p.data) && !isSpace(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
		p.pos++
	}
	return string(p.data[s:p.pos])
}

// value parses one object; "N G R" becomes a ref.
func (p *parser) value() (any, error) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, errors.New("unexpected end of file")
	}
	switch c := p.data[p.pos]; {
	case c == '/':
		p.pos++
		s := p.pos
		for p.pos < len(p.data) && !isSpace(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
			p.pos++
		}
		return name(unescapeName(string(p.data[s:p.pos]))), nil
	case c == '(':
		return p.literal()
	case c == '<' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '<':
		p.pos += 2
		d := dict{}
		for {
			p.skipSpace()
			if p.pos+1 < len(p.data) && p.data[p.pos] == '>' && p.data[p.pos+1] == '>' {
				p.pos += 2
				break
			}
			k, err := p.value()
			if err != nil {
				return nil, err
			}
			kn, ok := k.(name)
			if !ok {
				return nil, fmt.Errorf("dictionary key %v is not a name", k)
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			d[kn] = v
		}
		// A stream follows some dictionaries; its content is not needed here.
		save := p.pos
		if p.keyword("stream") {
			if n, ok := d["Length"].(int); ok && n >= 0 && p.pos+n <= len(p.data) {
				if p.pos < len(p.data) && p.data[p.pos] == '\r' {
					p.pos++
				}
				if p.pos < len(p.data) && p.data[p.pos] == '\n' {
					p.pos++
				}
				p.pos += n
				if p.keyword("endstream") {
					return d, nil
				}
				return nil, errors.New("stream: no endstream after /Length bytes")
			}
			end := bytes.Index(p.data[p.pos:], []byte("endstream"))
			if end < 0 {
				return nil, errors.New("stream without endstream")
			}
			p.pos += end + len("endstream")
		} else {
			p.pos = save
		}
		return d, nil
	case c == '<':
		p.pos++
		e := bytes.IndexByte(p.data[p.pos:], '>')
		if e < 0 {
			return nil, errors.New("unterminated hex string")
		}
		hex := strings.Map(func(r rune) rune {
			if r < 128 && isSpace(byte(r)) {
				return -1
			}
			return r
		}, string(p.data[p.pos:p.pos+e]))
		p.pos += e + 1
		if len(hex)%2 == 1 {
			hex += "0"
		}
		b := make([]byte, len(hex)/2)
		for i := range b {
			v, err := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
			if err != nil {
				return nil, fmt.Errorf("bad hex string: %w", err)
			}
			b[i] = byte(v)
		}
		return string(b), nil
	case c == '[':
		p.pos++
		var arr []any
		for {
			p.skipSpace()
			if p.pos < len(p.data) && p.data[p.pos] == ']' {
				p.pos++
				return arr, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
	default:
		t := p.token()
		if t == "" {
			return nil, fmt.Errorf("unexpected %q at offset %d", c, p.pos)
		}
		switch t {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		if n, err := strconv.Atoi(t); err == nil {
			// Look ahead for "G R".
			save := p.pos
			g := p.token()
			if gn, err := strconv.Atoi(g); err == nil {
				if p.token() == "R" {
					return ref{n, gn}, nil
				}
			}
			p.pos = save
			return n, nil
		}
		if f, err := strconv.ParseFloat(t, 64); err == nil {
			return f, nil
		}
		return keywordValue(t), nil
	}
}

// keywordValue is a bare keyword (obj, endobj, R …) met where a value was expected.
type keywordValue string

func (p *parser) literal() (string, error) {
	p.pos++ // (
	var b []byte
	depth := 1
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		p.pos++
		switch c {
		case '\\':
			if p.pos >= len(p.data) {
				return "", errors.New("unterminated string")
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '\r':
				if p.pos < len(p.data) && p.data[p.pos] == '\n' {
					p.pos++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '7'; i++ {
						v = v*8 + int(p.data[p.pos]-'0')
						p.pos++
					}
					b = append(b, byte(v))
				} else {
					b = append(b, e)
				}
			}
		case '(':
			depth++
			b = append(b, c)
		case ')':
			depth--
			if depth == 0 {
				return string(b), nil
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return "", errors.New("unterminated string")
}

func unescapeName(s string) string {
	if !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Lang returns the document's language (the catalog's /Lang; Chromium copies the
// <html lang> of the page).
func (f *File) Lang() (string, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return "", err
	}
	v, err := f.resolve(root["Lang"])
	if err != nil {
		return "", err
	}
	s, _ := v.(string)
	return decodeText(s), nil
}

// Tagged reports whether the catalog marks the document as tagged (a structure tree
// and /MarkInfo /Marked true).
func (f *File) Tagged() (bool, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return false, err
	}
	mi, err := f.dictAt(root["MarkInfo"])
	if err != nil {
		return false, nil
	}
	_, hasTree := root["StructTreeRoot"]
	return mi["Marked"] == true && hasTree, nil
}

// OutlineItem is one bookmark of the document outline.
type OutlineItem struct {
	Title string
	Depth int // 0 for the top level
}

// Outline returns the document outline (bookmarks) in order, depth first.
func (f *File) Outline() ([]OutlineItem, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	if _, ok := root["Outlines"]; !ok {
		return nil, nil
	}
	top, err := f.dictAt(root["Outlines"])
	if err != nil {
		return nil, err
	}
	var out []OutlineItem
	var walk func(first any, depth int) error
	walk = func(first any, depth int) error {
		if depth > 64 {
			return errors.New("PDF: outline too deep")
		}
		for v, n := first, 0; v != nil; n++ {
			if n > 1_000_000 {
				return errors.New("PDF: outline loop")
			}
			item, err := f.dictAt(v)
			if err != nil {
				return err
			}
			t, _ := item["Title"].(string)
			out = append(out, OutlineItem{Title: decodeText(t), Depth: depth})
			if c, ok := item["First"]; ok {
				if err := walk(c, depth+1); err != nil {
					return err
				}
			}
			v = item["Next"]
		}
		return nil
	}
	if first, ok := top["First"]; ok {
		if err := walk(first, 0); err != nil {
			return nil, err
		}
	}
	return out, nil
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
			return nil, fmt.Errorf("PDF: no object at offset %d", off)
		}
		start := p.pos
		if _, err := p.value(); err != nil {
			return nil, err
		}
		if i := bytes.Index(f.data[start:p.pos], []byte("stream")); i >= 0 && bytes.HasSuffix(f.data[start:p.pos], []byte("endstream")) {
			streams = append(streams, span{start + i, p.pos})
		}
	}
	inStream := func(i int) bool {
		for _, s := range streams {
			if i >= s.from && i < s.to {
				return true
			}
		}
		return false
	}
	ids := map[string]string{}
	for _, m := range nodeID.FindAllSubmatchIndex(f.data, -1) {
		if len(streams) > 0 && inStream(m[0]) {
			continue
		}
		old := string(f.data[m[2]:m[3]])
		nu, ok := ids[old]
		if !ok {
			nu = fmt.Sprintf("%0*d", len(old), len(ids)+1)
			if len(nu) != len(old) {
				return nil, errors.New("PDF: too many node ids to renumber")
			}
			ids[old] = nu
		}
		copy(out[m[2]:m[3]], nu)
	}
	return out, nil
}
