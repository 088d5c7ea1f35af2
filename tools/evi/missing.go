package evi

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The errors of the missing_values section.
const (
	CodeConfigMissingValuesList Code = "config_missing_values_list" // not a list
	CodeConfigMissingValuesMany Code = "config_missing_values_many" // count values, more than limit
	CodeConfigMissingValueEmpty Code = "config_missing_value_empty" // an empty value
	CodeConfigMissingValueBad   Code = "config_missing_value_bad"   // value holds a quote, comma or line break
	CodeConfigMissingValueTwice Code = "config_missing_value_twice" // value listed twice
)

// MaxMissingValues limits the missing_values list of a configuration.
const MaxMissingValues = 20

// MissingValues are the cell values a data provider uses for "no value", besides the
// ones every file may use (an empty cell, NA, "..", "x"…; see isMissing): CDC's SVI
// tables write -999. A cell is missing when its trimmed text is one of them, or when
// both are numbers of the same value ("-999.0" for -999).
type MissingValues struct {
	texts []string
	nums  []float64 // the values of the texts that are numbers
}

// Texts returns the values as the configuration gave them.
func (m MissingValues) Texts() []string { return m.texts }

// has reports whether a trimmed cell is one of the values.
func (m MissingValues) has(s string) bool {
	for _, t := range m.texts {
		if s == t {
			return true
		}
	}
	if len(m.nums) == 0 || s == "" {
		return false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	for _, n := range m.nums {
		if v == n {
			return true
		}
	}
	return false
}

// add appends a value; it reports whether it was new.
func (m *MissingValues) add(s string) bool {
	for _, t := range m.texts {
		if t == s {
			return false
		}
	}
	m.texts = append(m.texts, s)
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		m.nums = append(m.nums, v)
	}
	return true
}

// missingValues reads the missing_values section: a list of cell values.
func (p *configParser) missingValues(n *yaml.Node, cfg *Config) {
	const section = "missing_values"
	if n.Kind != yaml.SequenceNode {
		p.report(n, CodeConfigMissingValuesList)
		return
	}
	if len(n.Content) > MaxMissingValues {
		p.report(n, CodeConfigMissingValuesMany,
			"count", len(n.Content), "limit", MaxMissingValues)
		return
	}
	for _, v := range n.Content {
		s, ok := p.text(v, place{section: section})
		if !ok {
			continue
		}
		if s == "" {
			p.report(v, CodeConfigMissingValueEmpty)
			continue
		}
		if strings.ContainsAny(s, "\",\n\r") {
			p.report(v, CodeConfigMissingValueBad, "value", s)
			continue
		}
		if !cfg.Missing.add(s) {
			p.report(v, CodeConfigMissingValueTwice, "value", s)
		}
	}
}
