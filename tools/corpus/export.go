package corpus

import (
	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// Parsed is a data file read and parsed into a YAML node tree.
type Parsed struct {
	Path  string
	Src   []byte
	Root  *yaml.Node // the top-level mapping; nil when parsing failed
	Diags diag.List
}

// Parse reads src as one YAML document holding a mapping.
func Parse(path string, src []byte) Parsed {
	p := parse(path, src)
	return Parsed{Path: p.path, Src: p.src, Root: p.root, Diags: p.diags}
}

// Describe names what a node holds, for "found …" messages.
func Describe(n *yaml.Node) string { return describe(n) }
