package corpus

import (
	"crypto/sha256"

	"gopkg.in/yaml.v3"
)

// Parse reads src, the content of the data file at path, with the limits of Read (the
// file's kind is left to the caller).
func Parse(path string, src []byte) *File {
	p := parse(path, src)
	return &File{Path: path, Src: p.src, Raw: p.raw, CRLF: p.raw != nil, Root: p.root,
		Diags: p.diags, Hash: sha256.Sum256(src)}
}

// Describe names what a node holds, for "found …" messages.
func Describe(n *yaml.Node) string { return describe(n) }
