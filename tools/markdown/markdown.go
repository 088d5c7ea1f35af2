// Package markdown holds the goldmark configuration that matches the site's Hugo
// settings (config.toml [markup.goldmark]), so the validator judges Markdown exactly as
// the site will render it.
package markdown

import (
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

var (
	once sync.Once
	md   goldmark.Markdown
)

// Parser returns the shared goldmark instance: CommonMark plus the extensions Hugo
// enables by default (tables, strikethrough, linkify, task lists, footnotes, definition
// lists, typographer), raw HTML left unsafe-off.
func Parser() goldmark.Markdown {
	once.Do(func() {
		md = goldmark.New(
			goldmark.WithExtensions(
				extension.Table,
				extension.Strikethrough,
				extension.Linkify,
				extension.TaskList,
				extension.Footnote,
				extension.DefinitionList,
				extension.Typographer,
			),
			goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		)
	})
	return md
}
