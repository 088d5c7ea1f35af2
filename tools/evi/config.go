package evi

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
		if weight(t) != 1 {
			return true
		}
	}
	return false
}

func weight(t Theme) float64 {
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
//
// Without a themes section, the themes are those the indicators name, in order of
// first use, with weight 1. Errors are an ErrorList, one line each.
func ParseConfig(data []byte) (*Config, error) {
	if len(data) > MaxConfigBytes {
		return nil, ErrorList{{Msg: fmt.Sprintf("the configuration is larger than %d bytes; is it the right file?", MaxConfigBytes)}}
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

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns "yaml: line 3: message" into an Error on line 3.
func yamlError(err error) *Error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Line: line, Msg: "YAML syntax: " + m[2]}
	}
	return &Error{Msg: "YAML syntax: " + strings.TrimPrefix(msg, "yaml: ")}
}

type configParser struct {
	errs ErrorList
}

func (p *configParser) errorf(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.errs = append(p.errs, &Error{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// pairs returns the key/value pairs of a mapping, reporting duplicate and non-scalar keys.
func (p *configParser) pairs(n *yaml.Node, where string) [][2]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s: expected a mapping of keys to values", where)
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "%s: expected a plain key", where)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.errorf(k, "%s: %q appears twice (first on line %d)", where, k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

// text returns a scalar's text, reporting other node kinds.
func (p *configParser) text(n *yaml.Node, where string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s: expected a text value", where)
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

func (p *configParser) parse(doc *yaml.Node) *Config {
	cfg := &Config{}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		p.errorf(nil, "the configuration is empty; expected the sections columns, themes and indicators")
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "expected a mapping with the sections columns, themes and indicators")
		return nil
	}
	var themesNode, indicatorsNode, columnsNode *yaml.Node
	for _, kv := range p.pairs(root, "configuration") {
		switch kv[0].Value {
		case "columns":
			columnsNode = kv[1]
		case "themes":
			themesNode = kv[1]
		case "indicators":
			indicatorsNode = kv[1]
		default:
			p.errorf(kv[0], "unknown section %q; expected columns, themes or indicators", kv[0].Value)
		}
	}
	if columnsNode == nil {
		p.errorf(root, "columns: section missing; it names the code and population columns")
	} else {
		p.columns(columnsNode, &cfg.Columns)
	}
	declared := themesNode != nil && !isNull(themesNode)
	if declared {
		p.themes(themesNode, cfg)
	}
	if indicatorsNode == nil {
		p.errorf(root, "indicators: section missing; list at least one indicator")
		return cfg
	}
	p.indicators(indicatorsNode, cfg, declared, themesNode)
	return cfg
}

func (p *configParser) columns(n *yaml.Node, c *Columns) {
	fields := map[string]*string{"code": &c.Code, "name_en": &c.NameEN, "name_fr": &c.NameFR, "population": &c.Population}
	for _, kv := range p.pairs(n, "columns") {
		dst, ok := fields[kv[0].Value]
		if !ok {
			p.errorf(kv[0], "columns: unknown key %q; expected code, name_en, name_fr or population", kv[0].Value)
			continue
		}
		if s, ok := p.text(kv[1], "columns: "+kv[0].Value); ok {
			*dst = s
		}
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	if c.Code == "" {
		p.errorf(n, "columns: code is required: the column holding each area's unique code")
	}
	if c.Population == "" {
		p.errorf(n, "columns: population is required: the column holding each area's population")
	}
	if c.Code != "" && c.Code == c.Population {
		p.errorf(n, "columns: code and population name the same column %q", c.Code)
	}
}

func (p *configParser) themes(n *yaml.Node, cfg *Config) {
	for _, kv := range p.pairs(n, "themes") {
		id := strings.TrimSpace(kv[0].Value)
		where := fmt.Sprintf("themes: %q", id)
		if id == "" {
			p.errorf(kv[0], "themes: empty theme name")
			continue
		}
		t := Theme{ID: id, Weight: 1}
		if kv[1].Kind == yaml.ScalarNode && kv[1].Tag == "!!null" {
			cfg.Themes = append(cfg.Themes, t) // "access:" alone declares the theme
			continue
		}
		for _, f := range p.pairs(kv[1], where) {
			switch f[0].Value {
			case "label_en":
				t.LabelEN, _ = p.text(f[1], where+": label_en")
			case "label_fr":
				t.LabelFR, _ = p.text(f[1], where+": label_fr")
			case "weight":
				w, err := strconv.ParseFloat(f[1].Value, 64)
				if f[1].Kind != yaml.ScalarNode || (f[1].Tag != "!!int" && f[1].Tag != "!!float") || err != nil ||
					math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
					p.errorf(f[1], "%s: weight must be a number greater than 0, not %q", where, f[1].Value)
					continue
				}
				t.Weight = w
			default:
				p.errorf(f[0], "%s: unknown key %q; expected label_en, label_fr or weight", where, f[0].Value)
			}
		}
		cfg.Themes = append(cfg.Themes, t)
	}
}

func (p *configParser) indicators(n *yaml.Node, cfg *Config, declared bool, themesNode *yaml.Node) {
	if isNull(n) || (n.Kind == yaml.MappingNode && len(n.Content) == 0) {
		p.errorf(n, "indicators: at least one indicator is required")
		return
	}
	pairs := p.pairs(n, "indicators")
	if len(pairs) > MaxIndicators {
		p.errorf(n, "indicators: %d indicators; the limit is %d", len(pairs), MaxIndicators)
		return
	}
	themeIndex := map[string]int{}
	for i, t := range cfg.Themes {
		themeIndex[t.ID] = i
	}
	used := make([]bool, len(cfg.Themes))
	reserved := map[string]string{
		cfg.Columns.Code:       "the code column",
		cfg.Columns.NameEN:     "the English name column",
		cfg.Columns.NameFR:     "the French name column",
		cfg.Columns.Population: "the population column",
	}
	delete(reserved, "")
	for _, kv := range pairs {
		col := strings.TrimSpace(kv[0].Value)
		where := fmt.Sprintf("indicators: %q", col)
		if col == "" {
			p.errorf(kv[0], "indicators: empty column name")
			continue
		}
		if what, ok := reserved[col]; ok {
			p.errorf(kv[0], "%s: is %s; an indicator needs a column of its own", where, what)
			continue
		}
		ind := Indicator{Column: col}
		var themeNode, dirNode *yaml.Node
		for _, f := range p.pairs(kv[1], where) {
			switch f[0].Value {
			case "theme":
				themeNode = f[1]
			case "direction":
				dirNode = f[1]
			case "label_en":
				ind.LabelEN, _ = p.text(f[1], where+": label_en")
			case "label_fr":
				ind.LabelFR, _ = p.text(f[1], where+": label_fr")
			default:
				p.errorf(f[0], "%s: unknown key %q; expected theme, direction, label_en or label_fr", where, f[0].Value)
			}
		}
		if kv[1].Kind != yaml.MappingNode {
			continue
		}
		const dirHelp = "1 (a higher value is more vulnerable) or -1 (a lower value is more vulnerable)"
		switch {
		case dirNode == nil:
			p.errorf(kv[0], "%s: direction is required: %s", where, dirHelp)
		case dirNode.Kind == yaml.ScalarNode && dirNode.Tag == "!!int" && (dirNode.Value == "1" || dirNode.Value == "+1"):
			ind.Direction = 1
		case dirNode.Kind == yaml.ScalarNode && dirNode.Tag == "!!int" && dirNode.Value == "-1":
			ind.Direction = -1
		default:
			p.errorf(dirNode, "%s: direction must be %s, not %q", where, dirHelp, dirNode.Value)
		}
		if themeNode == nil {
			p.errorf(kv[0], "%s: theme is required", where)
		} else if id, ok := p.text(themeNode, where+": theme"); ok && id == "" {
			p.errorf(themeNode, "%s: theme is empty", where)
		} else if ok {
			ind.Theme = id
			i, known := themeIndex[id]
			switch {
			case known:
				used[i] = true
			case declared:
				p.errorf(themeNode, "%s: theme %q is not declared under themes (declared: %s)", where, id, themeIDs(cfg.Themes))
			default:
				themeIndex[id] = len(cfg.Themes)
				cfg.Themes = append(cfg.Themes, Theme{ID: id, Weight: 1})
				used = append(used, true)
			}
		}
		cfg.Indicators = append(cfg.Indicators, ind)
	}
	if declared && len(p.errs) == 0 {
		// Reported only on an otherwise clean file: a typo in a theme name already says it.
		for i, t := range cfg.Themes {
			if !used[i] {
				p.errorf(themeKeyNode(themesNode, t.ID), "themes: %q: no indicator belongs to this theme", t.ID)
			}
		}
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func themeIDs(ts []Theme) string {
	if len(ts) == 0 {
		return "none"
	}
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return strings.Join(ids, ", ")
}

func themeKeyNode(themes *yaml.Node, id string) *yaml.Node {
	for i := 0; i+1 < len(themes.Content); i += 2 {
		if strings.TrimSpace(themes.Content[i].Value) == id {
			return themes.Content[i]
		}
	}
	return themes
}
