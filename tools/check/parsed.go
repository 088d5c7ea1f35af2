package check

import (
	"fmt"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest data file read.
const MaxFileSize = corpus.MaxFileSize

// parsed is a data file read and parsed into a YAML node tree.
type parsed struct {
	path  string
	src   []byte
	root  *yaml.Node // the top-level mapping; nil when parsing failed
	diags diag.List
}

func (p *parsed) errorf(line, col int, key, format string, args ...any) {
	p.diags = append(p.diags, diag.Diagnostic{File: p.path, Line: line, Column: col,
		Severity: diag.Error, Key: key, Message: fmt.Sprintf(format, args...)})
}

func parse(path string, src []byte) *parsed {
	c := corpus.Parse(path, src)
	return &parsed{path: c.Path, src: c.Src, root: c.Root, diags: c.Diags}
}

func describe(n *yaml.Node) string { return corpus.Describe(n) }

// ParseYAML reads one data file into its yaml.v3 tree as the validator reads it.
func ParseYAML(src []byte) (*yaml.Node, error) { return corpus.ParseYAML(src) }
