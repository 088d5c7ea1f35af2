package evi

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Area is one row of the data file.
type Area struct {
	Line       int // line of the data file where the row starts; 0 when built in code
	Code       string
	NameEN     string
	NameFR     string
	Population float64   // NaN when missing
	Values     []float64 // one per Config.Indicators, in order; NaN when missing
	// Location is read from the data's lat and lon columns when it has both and the
	// row has both values (DataLocations).
	Location Location

	coordCols uint8  // which of lat and lon the data has (hasLat, hasLon)
	coordErr  *Error // a lat or lon value that is not a coordinate
}

var bom = []byte("\xef\xbb\xbf")

// limits are the bounds ReadCSV enforces; tests lower them.
type limits struct {
	rows, errors int
}

var defaultLimits = limits{rows: MaxRows, errors: MaxErrors}

// ReadCSV reads the areas of a CSV file: a header row naming the columns, then one row
// per area. It reads the columns cfg names and ignores the others.
//
// The file is UTF-8, with or without a byte order mark. The separator is the comma,
// or the semicolon or tab when the header row has more of those than commas (as
// spreadsheets set to French write); with a semicolon or tab, a decimal comma is
// accepted ("12,5"). A value is missing when its cell is empty or holds NA, N/A, NaN,
// "..", "...", "x" or "F" (Statistics Canada's symbols for not available, suppressed
// and too unreliable to publish).
//
// Rows whose every cell is empty are skipped. Errors are an ErrorList naming line and
// column, at most MaxErrors of them; set their file name with InFile. Any other error
// is an I/O error.
func ReadCSV(r io.Reader, cfg *Config) ([]Area, error) {
	return readCSV(r, cfg, defaultLimits)
}

// openCSV returns a reader of a CSV file as every file of the tool is read (UTF-8 with or
// without a byte order mark; comma, or the semicolon or tab its first line uses most;
// field counts left to the caller, who words the error) and its header row.
func openCSV(r io.Reader) (*csv.Reader, []string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(len(bom)); bytes.Equal(b, bom) {
		br.Discard(len(bom))
	}
	head, _ := br.Peek(64 << 10) // a short read is fine: the first line is what matters
	cr := csv.NewReader(br)
	cr.Comma = sniffComma(head)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, ErrorList{newError(0, "", CodeCSVEmpty)}
	}
	if err != nil {
		return nil, nil, csvError(err)
	}
	return cr, header, nil
}

func readCSV(r io.Reader, cfg *Config, lim limits) ([]Area, error) {
	cr, header, err := openCSV(r)
	if err != nil {
		return nil, err
	}
	cr.ReuseRecord = true
	headerLine, _ := cr.FieldPos(0)
	cols, list := resolveColumns(header, headerLine, cfg)
	if len(list) > 0 {
		return nil, list
	}
	cols.lat, cols.lon = slices.Index(header, "lat"), slices.Index(header, "lon")

	rd := rowReader{cfg: cfg, cols: cols, decimalComma: cr.Comma != ',', codes: map[string]int{}}
	var areas []Area
	var values []float64 // backing store for Area.Values, allocated in chunks
	k := len(cfg.Indicators)
	rows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			e := csvError(err)
			if _, ok := e.(ErrorList); !ok {
				return nil, e
			}
			rd.errs = append(rd.errs, e.(ErrorList)...)
			break // the reader cannot resynchronise after a quoting error
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue // spreadsheets export empty rows as separators alone
		}
		rows++
		if rows > lim.rows {
			rd.errs = append(rd.errs, newError(line, "", CodeCSVTooManyRows, "limit", lim.rows))
			break
		}
		if len(rec) != len(header) {
			rd.errs = append(rd.errs, newError(line, "", CodeCSVFieldCount, "fields", len(rec), "expected", len(header)))
		} else {
			if len(values) < k {
				values = make([]float64, k*1024)
			}
			a := Area{Line: line, Values: values[:k:k]}
			values = values[k:]
			if rd.row(rec, line, &a) {
				areas = append(areas, a)
			}
		}
		if len(rd.errs) >= lim.errors {
			rd.errs = append(rd.errs[:lim.errors], newError(line, "", CodeCSVTooManyErrors, "limit", lim.errors))
			break
		}
	}
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	if len(areas) == 0 {
		return nil, ErrorList{newError(0, "", CodeCSVNoRows)}
	}
	return areas, nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// sniffComma picks the separator the first line uses most: comma, semicolon or tab.
func sniffComma(head []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		if c == '"' {
			quoted = !quoted
		}
		if !quoted && (c == '\n' || c == '\r') {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// csvError turns a csv.ParseError into an ErrorList; other errors are I/O errors.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return ErrorList{newError(pe.Line, "", CodeCSVBareQuote)}
		case errors.Is(pe.Err, csv.ErrQuote):
			return ErrorList{newError(pe.Line, "", CodeCSVQuote)}
		}
		return ErrorList{detailError(pe.Line, CodeCSVSyntax, diag.Cause(pe.Err))}
	}
	return err
}

// columns holds the index in the header of each column cfg names; -1 when absent.
type columns struct {
	code, nameEN, nameFR, pop int
	ind                       []int
	lat, lon                  int // the service-area tools' columns (DataLocations)
}

func resolveColumns(header []string, line int, cfg *Config) (columns, ErrorList) {
	var errs ErrorList
	index := map[string]int{}
	folded := map[string]string{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		if h == "" {
			continue // spreadsheets leave unnamed columns; they are ignored
		}
		if first, dup := index[h]; dup {
			errs = append(errs, newError(line, "", CodeCSVDuplicateColumn, "name", h, "first", first+1, "second", i+1))
			continue
		}
		index[h] = i
		folded[strings.ToLower(h)] = h
	}
	// What the configuration uses each column for, in the messages (see terms).
	roles := map[string]string{
		"code":       "the area code column",
		"name_en":    "the English name column",
		"name_fr":    "the French name column",
		"population": "the population column",
		"indicator":  "an indicator",
	}
	find := func(name, role string) int {
		if name == "" {
			return -1
		}
		if i, ok := index[name]; ok {
			return i
		}
		msg := fmt.Sprintf("missing column %q (%s in the configuration)", name, roles[role])
		if near, ok := folded[strings.ToLower(name)]; ok {
			msg += fmt.Sprintf("; found %q, but names are case-sensitive", near)
			errs = append(errs, newError(line, "", CodeCSVMissingCase, "name", name, "role", role, "found", near))
		} else {
			errs = append(errs, newError(line, "", CodeCSVMissingColumn, "name", name, "role", role))
		}
		return -1
	}
	c := columns{
		code:   find(cfg.Columns.Code, "code"),
		nameEN: find(cfg.Columns.NameEN, "name_en"),
		nameFR: find(cfg.Columns.NameFR, "name_fr"),
		pop:    find(cfg.Columns.Population, "population"),
		ind:    make([]int, len(cfg.Indicators)),
	}
	for j, ind := range cfg.Indicators {
		c.ind[j] = find(ind.Column, "indicator")
	}
	return c, errs
}

type rowReader struct {
	cfg          *Config
	cols         columns
	decimalComma bool
	codes        map[string]int // area code → line
	errs         ErrorList
}

// report records an error of a row: its code and English message, then its Args as
// name, value pairs.
func (rd *rowReader) report(line int, column string, code Code, args ...any) {
	rd.errs = append(rd.errs, newError(line, column, code, args...))
}

// row fills a from one record and reports whether it is free of errors.
func (rd *rowReader) row(rec []string, line int, a *Area) bool {
	n := len(rd.errs)
	cfg := rd.cfg
	a.Code = rd.text(rec, rd.cols.code, cfg.Columns.Code, line)
	if a.Code == "" && len(rd.errs) == n {
		rd.report(line, cfg.Columns.Code, CodeCSVEmptyCode)
	} else if first, dup := rd.codes[a.Code]; dup {
		rd.report(line, cfg.Columns.Code, CodeCSVDuplicateCode,
			"value", a.Code, "first", first)
	} else if a.Code != "" {
		rd.codes[a.Code] = line
	}
	a.NameEN = rd.text(rec, rd.cols.nameEN, cfg.Columns.NameEN, line)
	a.NameFR = rd.text(rec, rd.cols.nameFR, cfg.Columns.NameFR, line)

	a.Population = rd.number(rec[rd.cols.pop], cfg.Columns.Population, line)
	if a.Population < 0 {
		v := strings.TrimSpace(rec[rd.cols.pop])
		rd.report(line, cfg.Columns.Population, CodeCSVNegative, "value", v)
	}
	for j, ind := range cfg.Indicators {
		a.Values[j] = rd.number(rec[rd.cols.ind[j]], ind.Column, line)
	}
	a.coordCols = hasLat*boolBit(rd.cols.lat >= 0) | hasLon*boolBit(rd.cols.lon >= 0)
	if a.coordCols == hasLat|hasLon {
		a.Location, a.coordErr = readLocation(rec[rd.cols.lat], rec[rd.cols.lon], line)
	}
	return len(rd.errs) == n
}

func (rd *rowReader) text(rec []string, i int, column string, line int) string {
	if i < 0 {
		return ""
	}
	s := strings.TrimSpace(rec[i])
	if !utf8.ValidString(s) {
		rd.report(line, column, CodeCSVInvalidUTF8)
		return ""
	}
	return s
}

// number parses a cell: NaN for a missing value; errors are recorded.
func (rd *rowReader) number(cell, column string, line int) float64 {
	s := strings.TrimSpace(cell)
	if isMissing(s) || rd.cfg.Missing.has(s) {
		return math.NaN()
	}
	t := s
	if rd.decimalComma && strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	ok := true
	for i := 0; i < len(t); i++ {
		if c := t[i]; !('0' <= c && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			ok = false // no hexadecimal, underscores, Inf…: only what spreadsheets write
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	switch {
	case ok && err == nil:
		return v
	case ok && errors.Is(err, strconv.ErrRange):
		rd.report(line, column, CodeCSVTooLarge, "value", s)
	case strings.ContainsAny(s, ", \u00a0\u202f") && !rd.decimalComma:
		rd.report(line, column, CodeCSVNotNumberComma, "value", s)
	case strings.ContainsAny(s, ", \u00a0\u202f"):
		rd.report(line, column, CodeCSVNotNumberSpace, "value", s)
	default:
		rd.report(line, column, CodeCSVNotNumber, "value", s)
	}
	return math.NaN()
}

// isMissing reports whether a trimmed cell marks a missing value.
func isMissing(s string) bool {
	switch s {
	case "", "..", "...", "x", "X", "F":
		return true
	}
	return strings.EqualFold(s, "NA") || strings.EqualFold(s, "N/A") || strings.EqualFold(s, "NaN")
}
