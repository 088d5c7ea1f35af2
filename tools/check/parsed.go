package check

import (
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
	tabs  *corpus.TabRepair // how tab indentation was read as spaces; nil without
}

func (p *parsed) errorf(line, col int, key, code string, args diag.A) {
	p.diags = append(p.diags, diag.New(p.path, line, col, diag.Error, key, code, args))
}

func parse(path string, src []byte) *parsed { return fromFile(corpus.Parse(path, src)) }

// fromFile is what the checks need of a file the corpus reader read.
func fromFile(f *corpus.File) *parsed {
	return &parsed{path: f.Path, src: f.Src, root: f.Root, diags: f.Diags, tabs: f.Tabs}
}

// readAndParse reads and parses one file; problems become its diagnostics.
func readAndParse(s corpus.Source) *parsed { return fromFile(corpus.Read(s)) }

func describe(n *yaml.Node) diag.Msg { return corpus.Describe(n) }

func position(src []byte, off int) (line, col int) { return corpus.Position(src, off) }
