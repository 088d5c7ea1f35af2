package evi

import (
	"fmt"
	"io"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Choice puts one indicator in a theme with a direction: what the web tool's editor
// changes in a configuration without rewriting it.
type Choice struct {
	Column    string `json:"column"`    // the indicator, by its column
	Theme     string `json:"theme"`     // the ID of a theme of the configuration
	Direction int    `json:"direction"` // 1 or -1
}

// WithChoices returns a copy of c in which each chosen indicator has the chosen theme
// and direction; c is not modified. The themes keep their order, labels and weights;
// a theme left without any indicator is dropped (its ID is returned in dropped), since
// a theme score needs at least one indicator. At least one theme must remain. Errors
// are an ErrorList naming the column.
func (c *Config) WithChoices(choices []Choice) (out *Config, dropped []string, err error) {
	out = &Config{Columns: c.Columns, Indicators: append([]Indicator(nil), c.Indicators...), Missing: c.Missing, Groups: c.Groups}
	themes := map[string]bool{}
	for _, t := range c.Themes {
		themes[t.ID] = true
	}
	index := map[string]int{}
	for j, ind := range out.Indicators {
		index[ind.Column] = j
	}
	var errs ErrorList
	seen := map[string]bool{}
	for _, ch := range choices {
		j, ok := index[ch.Column]
		switch {
		case !ok:
			errs = append(errs, newError(0, ch.Column, CodeChoiceNotIndicator))
			continue
		case seen[ch.Column]:
			errs = append(errs, newError(0, ch.Column, CodeChoiceTwice))
			continue
		}
		seen[ch.Column] = true
		if !themes[ch.Theme] {
			errs = append(errs, newError(0, ch.Column, CodeChoiceUnknownTheme,
				"value", ch.Theme, "themes", themeList(c.Themes)))
		}
		if ch.Direction != 1 && ch.Direction != -1 {
			errs = append(errs, newError(0, ch.Column, CodeChoiceBadDirection,
				"value", ch.Direction))
		}
		out.Indicators[j].Theme, out.Indicators[j].Direction = ch.Theme, ch.Direction
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	used := map[string]bool{}
	for _, ind := range out.Indicators {
		used[ind.Theme] = true
	}
	for _, t := range c.Themes {
		if used[t.ID] {
			out.Themes = append(out.Themes, t)
		} else {
			dropped = append(dropped, t.ID)
		}
	}
	return out, dropped, nil
}

// WriteConfig writes cfg as a configuration file that ParseConfig reads back to the
// same Config, with every theme declared: how the web tool hands the user's choices
// to guide evi.
func WriteConfig(w io.Writer, cfg *Config) error {
	str := func(s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	}
	mapping := func(kv ...*yaml.Node) *yaml.Node {
		return &yaml.Node{Kind: yaml.MappingNode, Content: kv}
	}
	columns := mapping(str("code"), str(cfg.Columns.Code))
	for _, f := range [][2]string{{"name_en", cfg.Columns.NameEN}, {"name_fr", cfg.Columns.NameFR}} {
		if f[1] != "" {
			columns.Content = append(columns.Content, str(f[0]), str(f[1]))
		}
	}
	columns.Content = append(columns.Content, str("population"), str(cfg.Columns.Population))
	labels := func(m *yaml.Node, en, fr string) {
		if en != "" {
			m.Content = append(m.Content, str("label_en"), str(en))
		}
		if fr != "" {
			m.Content = append(m.Content, str("label_fr"), str(fr))
		}
	}
	themes := mapping()
	for _, t := range cfg.Themes {
		m := mapping()
		labels(m, t.LabelEN, t.LabelFR)
		if wt := t.EffectiveWeight(); wt != 1 {
			m.Content = append(m.Content, str("weight"),
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(wt, 'f', -1, 64)})
		}
		themes.Content = append(themes.Content, str(t.ID), m)
	}
	indicators := mapping()
	for _, ind := range cfg.Indicators {
		m := mapping(str("theme"), str(ind.Theme), str("direction"),
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(ind.Direction)})
		labels(m, ind.LabelEN, ind.LabelFR)
		indicators.Content = append(indicators.Content, str(ind.Column), m)
	}
	top := mapping(str("columns"), columns, str("themes"), themes, str("indicators"), indicators)
	if texts := cfg.Missing.Texts(); len(texts) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, t := range texts {
			list.Content = append(list.Content, str(t))
		}
		top.Content = append(top.Content, str("missing_values"), list)
	}
	if cfg.Groups != "" {
		top.Content = append(top.Content, str("groups"), str(cfg.Groups))
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top}}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing the configuration: %w", err)
	}
	return enc.Close()
}
