// Package markdown holds the goldmark configuration that matches the site's Hugo
// settings (config.toml [markup.goldmark]), so the validator judges Markdown exactly as
// the site will render it.
package markdown

import (
	"maps"
	"slices"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// Extensions are the goldmark extensions the site enables, by their names in Hugo's
// markup.goldmark.extensions; every other one is off there. TestMatchesSiteConfig keeps
// this list and config.toml in step.
var Extensions = map[string]goldmark.Extender{
	"table":         extension.Table,
	"strikethrough": extension.Strikethrough,
	"linkify":       extension.Linkify,
}

var (
	once sync.Once
	md   goldmark.Markdown
)

// Parser returns the shared goldmark instance: CommonMark plus Extensions, raw HTML off.
func Parser() goldmark.Markdown {
	once.Do(func() {
		var exts []goldmark.Extender
		for _, name := range slices.Sorted(maps.Keys(Extensions)) {
			exts = append(exts, Extensions[name])
		}
		md = goldmark.New(
			goldmark.WithExtensions(exts...),
			goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		)
	})
	return md
}
