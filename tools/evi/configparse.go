// The checks of a configuration: configParser walks the YAML tree section by section
// and reports each problem with its code (see errors.go).

package evi

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// place is where in the configuration a check that applies in several places failed:
// a section, the theme or indicator (name) in it, the key whose value is at fault.
type place struct {
	section, name, key string
}

// args are the Args that name the place (whereArgs), then more name, value pairs.
func (w place) args(more ...any) []any {
	return append([]any{"section", w.section, "name", w.name, "key", w.key}, more...)
}

// in returns the place of a key under w.
func (w place) in(key string) place {
	w.key = key
	return w
}

type configParser struct {
	errs ErrorList
}

// report records an error at node n (nil: no line): its code and English message, then
// its Args as name, value pairs.
func (p *configParser) report(n *yaml.Node, code Code, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.errs = append(p.errs, newError(line, "", code, args...))
}

// pairs returns the key/value pairs of a mapping, reporting duplicate and non-scalar keys.
func (p *configParser) pairs(n *yaml.Node, where place) [][2]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.report(n, CodeConfigExpectedMapping, where.args()...)
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.report(k, CodeConfigExpectedPlainKey, where.args()...)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.report(k, CodeConfigDuplicateKey,
				where.args("value", k.Value, "first", first)...)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

// text returns a scalar's text, reporting other node kinds.
func (p *configParser) text(n *yaml.Node, where place) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.report(n, CodeConfigExpectedText, where.args()...)
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// fields reads the keys of mapping n: the value of each key named in known, by key; any
// other key is reported with code, args and the key as "value".
func (p *configParser) fields(n *yaml.Node, where place, known []string, code Code, args ...any) map[string]*yaml.Node {
	got := map[string]*yaml.Node{}
	for _, kv := range p.pairs(n, where) {
		if slices.Contains(known, kv[0].Value) {
			got[kv[0].Value] = kv[1]
		} else {
			p.report(kv[0], code, slices.Concat(args, []any{"value", kv[0].Value})...)
		}
	}
	return got
}

// labels reads the label_en and label_fr of a theme or an indicator, among its fields.
func (p *configParser) labels(fields map[string]*yaml.Node, where place) (en, fr string) {
	if n := fields["label_en"]; n != nil {
		en, _ = p.text(n, where.in("label_en"))
	}
	if n := fields["label_fr"]; n != nil {
		fr, _ = p.text(n, where.in("label_fr"))
	}
	return en, fr
}

func (p *configParser) parse(doc *yaml.Node) *Config {
	cfg := &Config{}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		p.report(nil, CodeConfigEmpty)
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.report(root, CodeConfigNotMapping)
		return nil
	}
	sections := p.fields(root, place{section: "configuration"},
		[]string{"columns", "themes", "indicators", "missing_values", "groups"}, CodeConfigUnknownSection)
	themesNode, indicatorsNode, columnsNode := sections["themes"], sections["indicators"], sections["columns"]
	if n := sections["missing_values"]; n != nil {
		p.missingValues(n, cfg)
	}
	if n := sections["groups"]; n != nil {
		if s, ok := p.text(n, place{section: "groups"}); ok {
			cfg.Groups = s
		}
	}
	if columnsNode == nil {
		p.report(root, CodeConfigNoColumns)
	} else {
		p.columns(columnsNode, &cfg.Columns)
	}
	declared := themesNode != nil && !isNull(themesNode)
	if declared {
		p.themes(themesNode, cfg)
	}
	if indicatorsNode == nil {
		p.report(root, CodeConfigNoIndicators)
		return cfg
	}
	p.indicators(indicatorsNode, cfg, declared, themesNode)
	return cfg
}

func (p *configParser) columns(n *yaml.Node, c *Columns) {
	fields := map[string]*string{"code": &c.Code, "name_en": &c.NameEN, "name_fr": &c.NameFR, "population": &c.Population}
	where := place{section: "columns"}
	for _, kv := range p.pairs(n, where) {
		dst, ok := fields[kv[0].Value]
		if !ok {
			p.report(kv[0], CodeConfigUnknownColumnKey, "value", kv[0].Value)
			continue
		}
		if s, ok := p.text(kv[1], where.in(kv[0].Value)); ok {
			*dst = s
		}
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	if c.Code == "" {
		p.report(n, CodeConfigNoCode)
	}
	if c.Population == "" {
		p.report(n, CodeConfigNoPopulation)
	}
	if c.Code != "" && c.Code == c.Population {
		p.report(n, CodeConfigCodeIsPopulation, "value", c.Code)
	}
}

func (p *configParser) themes(n *yaml.Node, cfg *Config) {
	for _, kv := range p.pairs(n, place{section: "themes"}) {
		id := strings.TrimSpace(kv[0].Value)
		where := place{section: "themes", name: id}
		if id == "" {
			p.report(kv[0], CodeConfigEmptyThemeID)
			continue
		}
		t := Theme{ID: id, Weight: 1}
		if kv[1].Kind == yaml.ScalarNode && kv[1].Tag == "!!null" {
			cfg.Themes = append(cfg.Themes, t) // "access:" alone declares the theme
			continue
		}
		f := p.fields(kv[1], where, []string{"label_en", "label_fr", "weight"}, CodeConfigUnknownThemeKey, "name", id)
		t.LabelEN, t.LabelFR = p.labels(f, where)
		if n := f["weight"]; n != nil {
			w, err := strconv.ParseFloat(n.Value, 64)
			if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") || err != nil ||
				math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
				p.report(n, CodeConfigBadWeight, "name", id, "value", n.Value)
			} else {
				t.Weight = w
			}
		}
		cfg.Themes = append(cfg.Themes, t)
	}
}

func (p *configParser) indicators(n *yaml.Node, cfg *Config, declared bool, themesNode *yaml.Node) {
	if isNull(n) || (n.Kind == yaml.MappingNode && len(n.Content) == 0) {
		p.report(n, CodeConfigNoIndicator)
		return
	}
	pairs := p.pairs(n, place{section: "indicators"})
	if len(pairs) > MaxIndicators {
		p.report(n, CodeConfigTooMany,
			"count", len(pairs), "limit", MaxIndicators)
		return
	}
	themeIndex := map[string]int{}
	for i, t := range cfg.Themes {
		themeIndex[t.ID] = i
	}
	used := make([]bool, len(cfg.Themes))
	reserved := map[string]string{ // column → its entry under columns (see terms)
		cfg.Columns.Code:       "code",
		cfg.Columns.NameEN:     "name_en",
		cfg.Columns.NameFR:     "name_fr",
		cfg.Columns.Population: "population",
	}
	delete(reserved, "")
	for _, kv := range pairs {
		col := strings.TrimSpace(kv[0].Value)
		where := place{section: "indicators", name: col}
		if col == "" {
			p.report(kv[0], CodeConfigEmptyIndicator)
			continue
		}
		if what, ok := reserved[col]; ok {
			p.report(kv[0], CodeConfigReservedColumn,
				"name", col, "reserved", what)
			continue
		}
		ind := Indicator{Column: col}
		f := p.fields(kv[1], where, []string{"theme", "direction", "label_en", "label_fr"}, CodeConfigUnknownIndKey, "name", col)
		themeNode, dirNode := f["theme"], f["direction"]
		ind.LabelEN, ind.LabelFR = p.labels(f, where)
		if kv[1].Kind != yaml.MappingNode {
			continue
		}
		switch {
		case dirNode == nil:
			p.report(kv[0], CodeConfigNoDirection, "name", col)
		case dirNode.Kind == yaml.ScalarNode && dirNode.Tag == "!!int" && (dirNode.Value == "1" || dirNode.Value == "+1"):
			ind.Direction = 1
		case dirNode.Kind == yaml.ScalarNode && dirNode.Tag == "!!int" && dirNode.Value == "-1":
			ind.Direction = -1
		default:
			p.report(dirNode, CodeConfigBadDirection,
				"name", col, "value", dirNode.Value)
		}
		if themeNode == nil {
			p.report(kv[0], CodeConfigNoTheme, "name", col)
		} else if id, ok := p.text(themeNode, where.in("theme")); ok && id == "" {
			p.report(themeNode, CodeConfigEmptyTheme, "name", col)
		} else if ok {
			ind.Theme = id
			i, known := themeIndex[id]
			switch {
			case known:
				used[i] = true
			case declared:
				p.report(themeNode, CodeConfigUndeclaredTheme,
					"name", col, "value", id, "declared", themeList(cfg.Themes))
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
				p.report(themeKeyNode(themesNode, t.ID), CodeConfigUnusedTheme,
					"name", t.ID)
			}
		}
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// themeIDs lists the IDs of ts for a message: "a, b", or "none".
func themeIDs(ts []Theme) string {
	if len(ts) == 0 {
		return "none"
	}
	return strings.Join(themeList(ts), ", ")
}

// themeList returns the IDs of ts, never nil (an empty list, not null, in JSON).
func themeList(ts []Theme) []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

func themeKeyNode(themes *yaml.Node, id string) *yaml.Node {
	for i := 0; i+1 < len(themes.Content); i += 2 {
		if strings.TrimSpace(themes.Content[i].Value) == id {
			return themes.Content[i]
		}
	}
	return themes
}
