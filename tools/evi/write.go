package evi

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/internal/csvcell"
)

// LimitsNote is the caution the JSON output carries.
const LimitsNote = "Relative ranking among the loaded areas only: an index compares an area with the " +
	"other areas of the same file, not with a standard. Area scores do not describe individuals. " +
	"In the spirit of the federal e-vulnerability index (ESDC), not that index."

// Formats are the output formats Write accepts.
var Formats = []string{"csv", "json"}

// Write writes res in the given format ("csv" or "json").
func Write(w io.Writer, format string, res *Result) error {
	if format == "json" {
		return WriteJSON(w, res)
	}
	return WriteCSV(w, res)
}

// CSVHeader returns the columns WriteCSV writes: code, name_en, name_fr, population,
// excluded, missing, then pr_INDICATOR for each indicator, score_THEME and
// percentile_THEME for each theme, then overall, evi, quintile, flags and method.
func CSVHeader(cfg *Config) []string {
	h := []string{"code", "name_en", "name_fr", "population", "excluded", "missing"}
	for _, ind := range cfg.Indicators {
		h = append(h, "pr_"+ind.Column)
	}
	for _, t := range cfg.Themes {
		h = append(h, "score_"+t.ID)
	}
	for _, t := range cfg.Themes {
		h = append(h, "percentile_"+t.ID)
	}
	return append(h, "overall", "evi", "quintile", "flags", "method")
}

// WriteCSV writes one row per area, in input order. Scores that do not exist are empty
// cells; missing lists the indicators without a value, separated by semicolons; method
// says on every row whether theme weights departed from the method. Fields are quoted
// as encoding/csv would; lines end with LF.
func WriteCSV(w io.Writer, res *Result) error {
	rows := newCSVRows(w, CSVHeader(res.Config))
	b := rows.b
	var err error
	method := appendCSVField(nil, res.Method)
	for i := range res.Areas {
		a := &res.Areas[i]
		b = appendCSVField(b, a.Code)
		b = append(b, ',')
		b = appendCSVField(b, a.NameEN)
		b = append(b, ',')
		b = appendCSVField(b, a.NameFR)
		b = append(b, ',')
		b = appendNum(b, a.Population)
		b = append(b, ',')
		b = append(b, a.Excluded...)
		b = append(b, ',')
		if len(a.Missing) > 0 {
			b = appendCSVField(b, strings.Join(a.Missing, ";"))
		}
		for _, v := range a.PR {
			b = appendNum(append(b, ','), v)
		}
		for _, v := range a.ThemeScore {
			b = appendNum(append(b, ','), v)
		}
		for _, v := range a.ThemePercentile {
			b = appendNum(append(b, ','), v)
		}
		b = appendNum(append(b, ','), a.Overall)
		b = appendNum(append(b, ','), a.Index)
		b = append(b, ',')
		if a.Quintile > 0 {
			b = strconv.AppendInt(b, int64(a.Quintile), 10)
		}
		b = append(b, ',')
		if a.Excluded == "" {
			b = strconv.AppendInt(b, int64(a.Flags), 10)
		}
		b = append(b, ',')
		b = append(b, method...)
		if b, err = rows.end(b); err != nil {
			return err
		}
	}
	return rows.close(b)
}

// csvRows writes CSV rows built in a buffer, about 32 KiB at a time.
type csvRows struct {
	bw *bufio.Writer
	b  []byte // the header line, to begin the first row after
}

func newCSVRows(w io.Writer, header []string) *csvRows {
	r := &csvRows{bw: bufio.NewWriterSize(w, 64<<10)}
	for i, h := range header {
		if i > 0 {
			r.b = append(r.b, ',')
		}
		r.b = appendCSVField(r.b, h)
	}
	r.b = append(r.b, '\n')
	return r
}

// end ends the row at the end of b and returns the buffer for the next one.
func (r *csvRows) end(b []byte) ([]byte, error) {
	b = append(b, '\n')
	if len(b) <= 32<<10 {
		return b, nil
	}
	_, err := r.bw.Write(b)
	return b[:0], err
}

// close writes what b holds and flushes.
func (r *csvRows) close(b []byte) error {
	if _, err := r.bw.Write(b); err != nil {
		return err
	}
	return r.bw.Flush()
}

// appendNum appends a score: the shortest decimal that reads back the same ("0.25"),
// or nothing when it does not exist.
func appendNum(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// appendCSVField appends a text field, quoted when encoding/csv would quote it: when it
// holds a comma, a quote or a line break, starts with a space or is \. alone. A text a
// spreadsheet would run as a formula (codes and names come from the reader's file) gets
// a leading apostrophe, as in every CSV of the project (tools/internal/csvcell); scores
// are numbers, written by appendNum, and a negative one stays a number.
func appendCSVField(b []byte, s string) []byte {
	s = csvcell.Escape(s)
	if s == "" || (s != `\.` && !strings.ContainsAny(s, ",\"\r\n") && s[0] != ' ' && s[0] != '\t') {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// WriteJSON writes one JSON object: the method, the limits, the themes and indicators
// with their N, and the areas in input order. Scores that do not exist are null.
func WriteJSON(w io.Writer, res *Result) error {
	cfg := res.Config
	j := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	j.s("{\n  \"method\": ").str(res.Method)
	j.s(",\n  \"weighted\": ").boolean(res.Weighted)
	j.s(",\n  \"source\": ").str("CDC/ATSDR Social Vulnerability Index documentation: percentile rank = (rank − 1) / (N − 1), ties sharing the smallest rank; 1 − that rank for an indicator where a lower value is more vulnerable")
	j.s(",\n  \"limits\": ").str(LimitsNote)
	j.s(",\n  \"areas_total\": ").integer(len(res.Areas))
	j.s(",\n  \"areas_ranked\": ").integer(res.Ranked)
	j.s(",\n  \"areas_indexed\": ").integer(res.OverallN)
	j.s(",\n  \"themes\": [")
	for t, th := range cfg.Themes {
		j.sep(t).s("\n    {\"id\": ").str(th.ID)
		j.s(", \"label_en\": ").str(th.LabelEN)
		j.s(", \"label_fr\": ").str(th.LabelFR)
		j.s(", \"weight\": ").num(th.EffectiveWeight())
		j.s(", \"n\": ").integer(res.ThemeN[t])
		j.s(", \"indicators\": [")
		first := true
		for _, ind := range cfg.Indicators {
			if ind.Theme == th.ID {
				if !first {
					j.s(", ")
				}
				first = false
				j.str(ind.Column)
			}
		}
		j.s("]}")
	}
	j.s("\n  ],\n  \"indicators\": [")
	for k, ind := range cfg.Indicators {
		j.sep(k).s("\n    {\"column\": ").str(ind.Column)
		j.s(", \"theme\": ").str(ind.Theme)
		j.s(", \"direction\": ").integer(ind.Direction)
		j.s(", \"label_en\": ").str(ind.LabelEN)
		j.s(", \"label_fr\": ").str(ind.LabelFR)
		j.s(", \"n\": ").integer(res.IndicatorN[k])
		j.s("}")
	}
	j.s("\n  ],\n  \"areas\": [")
	// Keys repeated on every area are quoted once.
	indKeys := make([]string, len(cfg.Indicators))
	for k, ind := range cfg.Indicators {
		indKeys[k] = string(appendJSONString(nil, ind.Column)) + ": "
	}
	themeKeys := make([]string, len(cfg.Themes))
	for t, th := range cfg.Themes {
		themeKeys[t] = string(appendJSONString(nil, th.ID)) + ": {\"score\": "
	}
	for i := range res.Areas {
		a := &res.Areas[i]
		j.sep(i).s("\n    {\"code\": ").str(a.Code)
		j.s(", \"name_en\": ").str(a.NameEN)
		j.s(", \"name_fr\": ").str(a.NameFR)
		j.s(", \"population\": ").num(a.Population)
		j.s(", \"excluded\": ")
		if a.Excluded == "" {
			j.s("null")
		} else {
			j.str(a.Excluded)
		}
		j.s(", \"missing\": [")
		for m, col := range a.Missing {
			if m > 0 {
				j.s(", ")
			}
			j.str(col)
		}
		j.s("], \"indicators\": {")
		for k, v := range a.PR {
			if k > 0 {
				j.s(", ")
			}
			j.s(indKeys[k]).num(v)
		}
		j.s("}, \"themes\": {")
		for t := range a.ThemeScore {
			if t > 0 {
				j.s(", ")
			}
			j.s(themeKeys[t]).num(a.ThemeScore[t]).s(", \"percentile\": ").num(a.ThemePercentile[t]).s("}")
		}
		j.s("}, \"overall\": ").num(a.Overall)
		j.indexQuintileFlags(a)
		j.s("}")
	}
	j.s("\n  ]\n}\n")
	return j.flush()
}

// jsonWriter writes JSON by hand: faster than reflection on 60,000 areas, and in a
// fixed key order. The first write error sticks and is returned by flush.
type jsonWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (j *jsonWriter) s(s string) *jsonWriter {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
	return j
}

func (j *jsonWriter) bytes(b []byte) *jsonWriter {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
	return j
}

func (j *jsonWriter) sep(i int) *jsonWriter {
	if i > 0 {
		j.s(",")
	}
	return j
}

func (j *jsonWriter) str(s string) *jsonWriter {
	j.buf = appendJSONString(j.buf[:0], s)
	return j.bytes(j.buf)
}

func (j *jsonWriter) num(v float64) *jsonWriter {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return j.s("null")
	}
	j.buf = strconv.AppendFloat(j.buf[:0], v, 'f', -1, 64)
	return j.bytes(j.buf)
}

func (j *jsonWriter) integer(n int) *jsonWriter {
	j.buf = strconv.AppendInt(j.buf[:0], int64(n), 10)
	return j.bytes(j.buf)
}

func (j *jsonWriter) boolean(b bool) *jsonWriter {
	return j.s(strconv.FormatBool(b))
}

// indexQuintileFlags writes an area's "evi", "quintile" and "flags" keys (after others):
// null where the area has none.
func (j *jsonWriter) indexQuintileFlags(a *AreaResult) {
	j.s(", \"evi\": ").num(a.Index)
	j.s(", \"quintile\": ")
	if a.Quintile > 0 {
		j.integer(a.Quintile)
	} else {
		j.s("null")
	}
	j.s(", \"flags\": ")
	if a.Excluded == "" {
		j.integer(a.Flags)
	} else {
		j.s("null")
	}
}

func (j *jsonWriter) flush() error {
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// appendJSONString appends s as a JSON string: quotes, backslashes and control
// characters escaped, U+2028 and U+2029 too (so the output is also valid JavaScript),
// invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, "\ufffd"...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
