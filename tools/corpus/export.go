package corpus

import (
	"github.com/pssdc/guide-iad/tools/diag"

	"gopkg.in/yaml.v3"
)

// Parse reads src, the content of the data file at path, with the limits of Read (the
// file's kind is left to the caller).
func Parse(path string, src []byte) *File {
	p := parse(path, src)
	return &File{Path: path, Src: p.src, Raw: p.raw, CRLF: p.crlf, Tabs: p.tabs, Root: p.root,
		Diags: p.diags}
}

// Describe names what a node holds, for "found …" messages.
func Describe(n *yaml.Node) diag.Msg { return describe(n) }

// Tree parses the file again with the YAML library, comments kept, for a command that
// rewrites it (File.Root comes from the fast reader, which drops comments). Only for a
// file without errors; it returns the top-level mapping.
func (f *File) Tree() (*yaml.Node, error) {
	if err := f.Err(); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := unmarshalSafely(f.Src, &doc); err != nil {
		return nil, diag.Wrap(err, "file_error", diag.A{"file": f.Path, "error": diag.Cause(err)})
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, diag.Errorf("file_not_mapping", diag.A{"file": f.Path})
	}
	return doc.Content[0], nil
}

// Position converts a byte offset in src to a 1-based line and column (in characters),
// the way every diagnostic counts them.
func Position(src []byte, off int) (line, col int) { return position(src, off) }
