package evi

import (
	"bytes"
	"cmp"
	"io"
	"os"
	"slices"

	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// Limits on what the tool accepts, so that a wrong file fails with a clear message
// instead of exhausting the memory of a browser tab.
const (
	MaxIndicators  = 200     // indicators in a configuration
	MaxRows        = 500_000 // data rows (areas) in a CSV file
	MaxErrors      = 20      // errors reported for one file before giving up
	MaxConfigBytes = 1 << 20 // size of a configuration file
)

// Config says which columns of the data file to read and how to combine them. Build it
// with ParseConfig or LoadConfig, which check it.
type Config struct {
	Columns    Columns
	Themes     []Theme     // in output order
	Indicators []Indicator // in output order
	// Missing lists the data provider's own codes for a missing value (missing_values).
	Missing MissingValues
	// Groups is the GROUPS.csv of the service areas (groups:), relative to the
	// configuration file's folder; "" for none. guide evi --groups overrides it.
	Groups string
}

// Columns names the columns of the data file that identify and size each area.
type Columns struct {
	Code       string // required: a unique identifier per area
	NameEN     string // optional: the English name
	NameFR     string // optional: the French name
	Population string // required: areas with zero or missing population are not ranked
}

// Theme groups indicators; its score is the sum of their percentile ranks.
type Theme struct {
	ID      string
	LabelEN string
	LabelFR string
	// Weight multiplies the theme score in the overall sum. 1 is the method; any other
	// value is a departure from it, labelled in the output. 0 is read as 1.
	Weight float64
}

// Indicator is one numeric column of the data file.
type Indicator struct {
	Column string // the column name in the data file
	Theme  string // the ID of its theme
	// Direction is +1 when a higher value means more vulnerable, -1 when a lower value
	// does (a median download speed, for instance).
	Direction int
	LabelEN   string
	LabelFR   string
}

// Weighted reports whether a theme weight differs from 1, a departure from the method.
func (c *Config) Weighted() bool {
	for _, t := range c.Themes {
		if t.EffectiveWeight() != 1 {
			return true
		}
	}
	return false
}

// EffectiveWeight is the theme's weight in the index: 1 when the configuration gives
// none.
func (t Theme) EffectiveWeight() float64 {
	if t.Weight == 0 {
		return 1
	}
	return t.Weight
}

// LoadConfig reads and checks a configuration file; its errors name the file.
func LoadConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxConfigBytes+1))
	if err != nil {
		return nil, err
	}
	cfg, err := ParseConfig(data)
	if list, ok := err.(ErrorList); ok {
		return nil, list.InFile(path)
	}
	return cfg, err
}

// ParseConfig reads and checks a configuration (YAML):
//
//	columns:
//	  code: area_code          # required
//	  name_en: name_en         # optional
//	  name_fr: name_fr         # optional
//	  population: population   # required
//	themes:                    # optional: declares order, labels and weights
//	  access:
//	    label_en: Access and means
//	    label_fr: Accès et moyens
//	    weight: 1              # optional, default 1
//	indicators:
//	  pct_no_home_internet:    # a column of the data file
//	    theme: access
//	    direction: 1           # 1: higher is more vulnerable; -1: lower is
//	    label_en: …            # optional
//	    label_fr: …            # optional
//	missing_values: [-999]     # optional: the data's own codes for "no value"
//	groups: groups.csv         # optional: the service areas (ReadGroups)
//
// Without a themes section, the themes are those the indicators name, in order of
// first use, with weight 1. Errors are an ErrorList, one line each.
func ParseConfig(data []byte) (*Config, error) {
	if len(data) > MaxConfigBytes {
		return nil, ErrorList{newError(0, "", CodeConfigTooLarge, "limit", MaxConfigBytes)}
	}
	data = bytes.TrimPrefix(data, bom)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, ErrorList{yamlError(err)}
	}
	p := &configParser{}
	cfg := p.parse(&doc)
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
		return nil, p.errs
	}
	return cfg, nil
}

// yamlCodes gives the codes of the YAML reader's commonest messages (gopkg.in/yaml.v3),
// by the code of the catalogue that words them (diag.YAMLMessage); any other is
// CodeConfigYAMLSyntax.
var yamlCodes = map[string]Code{
	"cause_yaml_bad_start":        CodeConfigYAMLBadStart,
	"cause_yaml_tab":              CodeConfigYAMLBadStart,
	"cause_yaml_expected_key":     CodeConfigYAMLExpectedKey,
	"cause_yaml_mapping_value":    CodeConfigYAMLColon,
	"cause_yaml_expected_dash":    CodeConfigYAMLExpectedDash,
	"cause_yaml_expected_colon":   CodeConfigYAMLNoColon,
	"cause_yaml_unclosed_list":    CodeConfigYAMLUnclosed,
	"cause_yaml_unclosed_mapping": CodeConfigYAMLUnclosed,
	"cause_yaml_end":              CodeConfigYAMLEnd,
	"cause_yaml_escape":           CodeConfigYAMLEscape,
	"cause_yaml_code_escape":      CodeConfigYAMLEscape,
	"cause_yaml_encoding":         CodeConfigYAMLEncoding,
	"cause_yaml_control":          CodeConfigYAMLEncoding,
}

// yamlError turns "yaml: line 3: message" into an Error on line 3, the message worded
// from the catalogue as its detail.
func yamlError(err error) *Error {
	line, _, m := diag.YAMLMessage(err)
	code, ok := yamlCodes[m.Code]
	if !ok {
		code = CodeConfigYAMLSyntax
	}
	return detailError(line, code, m)
}
