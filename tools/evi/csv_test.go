package evi

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

const csvConfig = `
columns:
  code: code
  name_en: name_en
  name_fr: name_fr
  population: population
indicators:
  pct_no_internet: {theme: access, direction: 1}
  speed: {theme: access, direction: -1}
`

const csvHeader = "code,name_en,name_fr,population,pct_no_internet,speed\n"

// TestReadCSVErrors asserts the exact message of each kind of data error.
func TestReadCSVErrors(t *testing.T) {
	cfg := mustConfig(t, csvConfig)
	for _, tc := range []struct {
		name string
		data string
		lim  limits
		want string
	}{
		{"not a number", csvHeader + "A,a,a,10,1,2\nB,b,b,10,abc,2\n", defaultLimits,
			`data.csv:3: column "pct_no_internet": "abc" is not a number`},
		{"thousands separator", csvHeader + "A,a,a,\"1,234\",1,2\n", defaultLimits,
			`data.csv:2: column "population": "1,234" is not a number; write numbers with a decimal point and no thousands separator`},
		{"infinity", csvHeader + "A,a,a,10,Inf,2\n", defaultLimits,
			`data.csv:2: column "pct_no_internet": "Inf" is not a number`},
		{"hexadecimal", csvHeader + "A,a,a,10,0x10,2\n", defaultLimits,
			`data.csv:2: column "pct_no_internet": "0x10" is not a number`},
		{"too large", csvHeader + "A,a,a,10,1e999,2\n", defaultLimits,
			`data.csv:2: column "pct_no_internet": "1e999" is too large a number`},
		{"negative population", csvHeader + "A,a,a,-5,1,2\n", defaultLimits,
			`data.csv:2: column "population": "-5" is negative; a population is 0 or more`},
		{"missing column", "code,name_en,name_fr,population,pct_no_internet\nA,a,a,1,2\n", defaultLimits,
			`data.csv:1: missing column "speed" (an indicator in the configuration)`},
		{"missing column, other case", "code,name_en,name_fr,population,pct_no_internet,Speed\nA,a,a,1,2,3\n", defaultLimits,
			`data.csv:1: missing column "speed" (an indicator in the configuration); found "Speed", but names are case-sensitive`},
		{"missing code column", "name_en,name_fr,population,pct_no_internet,speed\na,a,1,2,3\n", defaultLimits,
			`data.csv:1: missing column "code" (the area code column in the configuration)`},
		{"duplicate column", "code,name_en,name_fr,population,speed,pct_no_internet,speed\nA,a,a,1,2,3,4\n", defaultLimits,
			`data.csv:1: column "speed" appears twice (columns 5 and 7)`},
		{"field count", csvHeader + "A,a,a,10,1,2\nB,b,b,10\n", defaultLimits,
			`data.csv:3: row has 4 fields; the header has 6`},
		{"duplicate code", csvHeader + "A,a,a,10,1,2\nA,b,b,10,1,2\n", defaultLimits,
			`data.csv:3: column "code": area code "A" already appears on line 2`},
		{"empty code", csvHeader + " ,a,a,10,1,2\n", defaultLimits,
			`data.csv:2: column "code": empty area code`},
		{"empty file", "", defaultLimits,
			`data.csv: the file is empty; expected a header row naming the columns`},
		{"header only", csvHeader, defaultLimits,
			`data.csv: no data rows after the header`},
		{"bare quote", csvHeader + "A,a\"b,a,10,1,2\n", defaultLimits,
			`data.csv:2: bare " in non-quoted-field`},
		{"not UTF-8", csvHeader + "A,a,Montr\xe9al,10,1,2\n", defaultLimits,
			`data.csv:2: column "name_fr": not valid UTF-8 text; save the file as "CSV UTF-8"`},
		{"several errors, in line order", csvHeader + "A,a,a,x1,1,2\nB,b,b,10,1,--2\nC,c,c\n", defaultLimits,
			`data.csv:2: column "population": "x1" is not a number` + "\n" +
				`data.csv:3: column "speed": "--2" is not a number` + "\n" +
				`data.csv:4: row has 3 fields; the header has 6`},
		{"too many errors", csvHeader + "A,a,a,?,1,2\nB,b,b,?,?,2\nC,c,c,?,1,2\n", limits{rows: 100, errors: 2},
			`data.csv:2: column "population": "?" is not a number` + "\n" +
				`data.csv:3: column "population": "?" is not a number` + "\n" +
				`data.csv:3: too many errors; stopped after 2`}, // the third, on line 3, is not shown
		{"too many rows", csvHeader + "A,a,a,1,1,2\nB,b,b,1,1,2\nC,c,c,1,1,2\n", limits{rows: 2, errors: 20},
			`data.csv:4: more than 2 data rows, the limit; split the file or use larger areas`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readCSV(strings.NewReader(tc.data), cfg, tc.lim)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("got %v, want an ErrorList", err)
			}
			if got := list.InFile("data.csv").Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestReadCSV checks what ReadCSV accepts: byte order mark, CRLF, semicolons with
// decimal commas, tabs, quoted names, missing-value symbols, extra columns, spaces.
func TestReadCSV(t *testing.T) {
	cfg := mustConfig(t, csvConfig)
	for _, tc := range []struct {
		name string
		data string
		want string // code|name_en|name_fr|population|values per area, "; "-separated
	}{
		{"plain", csvHeader + "A,Lakeview,Lakeview,10,1.5,200\n",
			"A|Lakeview|Lakeview|10|[1.5 200]"},
		{"byte order mark and CRLF", "\ufeff" + strings.ReplaceAll(csvHeader+"A,a,b,10,1.5,200\n", "\n", "\r\n"),
			"A|a|b|10|[1.5 200]"},
		{"semicolons and decimal commas", strings.ReplaceAll(csvHeader, ",", ";") + "A;Île;Île;10;1,5;2e2\n",
			"A|Île|Île|10|[1.5 200]"},
		{"tabs", strings.ReplaceAll(csvHeader, ",", "\t") + "A\ta, b\ta\t10\t1,5\t200\n",
			"A|a, b|a|10|[1.5 200]"},
		{"quoted names with commas", csvHeader + "A,\"Pine Hollow, North\",\"Creux-des-Pins, Nord\",10,1,2\n",
			"A|Pine Hollow, North|Creux-des-Pins, Nord|10|[1 2]"},
		{"missing-value symbols", csvHeader +
			"A,a,a,,NA,n/a\nB,b,b,x,..,...\nC,c,c,F,NaN,\n",
			"A|a|a|NaN|[NaN NaN]; B|b|b|NaN|[NaN NaN]; C|c|c|NaN|[NaN NaN]"},
		{"empty rows", csvHeader + ",,,,,\nA,a,b,10,1,2\n,,, ,,\n,,\n",
			"A|a|b|10|[1 2]"},
		{"extra and unnamed columns, spaces", "notes, code ,name_en,name_fr,population,pct_no_internet,speed,\n" +
			"x, A , a ,b, 10 , 1 , 2 ,\n",
			"A|a|b|10|[1 2]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			areas, err := ReadCSV(strings.NewReader(tc.data), cfg)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range areas {
				got = append(got, fmt.Sprintf("%s|%s|%s|%v|%v", a.Code, a.NameEN, a.NameFR, a.Population, a.Values))
			}
			if s := strings.Join(got, "; "); s != tc.want {
				t.Errorf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}

// TestReadCSVLines: Area.Line is the line where the row starts, blank lines and
// multi-line quoted names included.
func TestReadCSVLines(t *testing.T) {
	cfg := mustConfig(t, csvConfig)
	data := csvHeader + "A,a,a,1,1,2\n\nB,\"two\nlines\",b,1,1,2\nC,c,c,1,1,2\n"
	areas, err := ReadCSV(strings.NewReader(data), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, a := range areas {
		lines = append(lines, a.Line)
	}
	if fmt.Sprint(lines) != "[2 4 6]" {
		t.Errorf("lines %v, want [2 4 6]", lines)
	}
}

// TestReadCSVMaxRows: the real limit accepts MaxRows rows and refuses one more.
func TestReadCSVMaxRows(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 500,001-row file")
	}
	cfg := mustConfig(t, "columns: {code: c, population: p}\nindicators: {x: {theme: t, direction: 1}}\n")
	var b strings.Builder
	b.WriteString("c,p,x\n")
	for i := range MaxRows {
		fmt.Fprintf(&b, "%d,1,1\n", i)
	}
	if areas, err := ReadCSV(strings.NewReader(b.String()), cfg); err != nil || len(areas) != MaxRows {
		t.Fatalf("%d rows: %d areas, %v", MaxRows, len(areas), err)
	}
	b.WriteString("last,1,1\n")
	_, err := ReadCSV(strings.NewReader(b.String()), cfg)
	want := fmt.Sprintf("line %d: more than 500000 data rows, the limit; split the file or use larger areas", MaxRows+2)
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestReadCSVIOError: a failing reader is an I/O error, not an ErrorList.
func TestReadCSVIOError(t *testing.T) {
	cfg := mustConfig(t, csvConfig)
	_, err := ReadCSV(failingReader{}, cfg)
	var list ErrorList
	if err == nil || errors.As(err, &list) {
		t.Errorf("got %v, want a plain I/O error", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestIsMissing(t *testing.T) {
	for _, s := range []string{"", "NA", "na", "N/A", "n/a", "NaN", "nan", "..", "...", "x", "X", "F"} {
		if !isMissing(s) {
			t.Errorf("%q should be missing", s)
		}
	}
	for _, s := range []string{"0", "-", "f", "none", "."} {
		if isMissing(s) {
			t.Errorf("%q should not be missing", s)
		}
	}
	if !math.IsNaN(math.NaN()) {
		t.Fatal("NaN")
	}
}

// TestMissingValues: the configuration's missing_values mark cells as missing, by text
// or by numeric value; other numbers stay numbers, and the codes are not missing
// without the configuration.
func TestMissingValues(t *testing.T) {
	src := csvConfig + "missing_values: [-999, suppressed]\n"
	cfg := mustConfig(t, src)
	if got := cfg.Missing.Texts(); len(got) != 2 || got[0] != "-999" || got[1] != "suppressed" {
		t.Fatalf("Missing.Texts() = %q", got)
	}
	data := csvHeader + "A,a,a,10,-999,2\nB,b,b,10,-999.0,suppressed\nC,c,c,10,-998,-9990\n"
	areas, err := ReadCSV(strings.NewReader(data), cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]float64{{math.NaN(), 2}, {math.NaN(), math.NaN()}, {-998, -9990}}
	for i, a := range areas {
		for j, w := range want[i] {
			if got := a.Values[j]; !(math.IsNaN(w) && math.IsNaN(got) || got == w) {
				t.Errorf("area %s indicator %d: %v, want %v", a.Code, j, got, w)
			}
		}
	}
	_, err = ReadCSV(strings.NewReader(csvHeader+"A,a,a,10,1,suppressed\n"), mustConfig(t, csvConfig))
	if err == nil || !strings.Contains(err.Error(), `"suppressed" is not a number`) {
		t.Errorf("without missing_values: %v, want \"suppressed\" is not a number", err)
	}
}
