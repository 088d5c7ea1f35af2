package newentry

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pssdc/guide-iad/tools/model"
)

// EndText is the line that ends a text of several lines typed on a terminal: a blank
// line cannot, Markdown separates its paragraphs with them.
const EndText = "."

// read reads the answer to in: one line, or for Markdown the lines up to EndText (or the
// end of the input). An empty first line is an empty answer, and Skip alone is Skip.
func (p *Prompter) read(in Input) (string, bool, error) {
	if !in.Markdown() {
		return p.readAnswer()
	}
	first, ended, err := p.readAnswer()
	if err != nil || ended || first == "" || first == Skip || first == EndText {
		if first == EndText {
			first = ""
		}
		return first, ended, err
	}
	lines := []string{first}
	for {
		line, err := p.In.ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == EndText {
			break
		}
		if err != nil {
			if line != "" {
				lines = append(lines, line)
			}
			if !errors.Is(err, io.EOF) {
				return "", true, err
			}
			fmt.Fprintln(p.Out)
			return joinText(lines), true, nil
		}
		lines = append(lines, line)
	}
	return joinText(lines), false, nil
}

// joinText is the lines of a text without the blank lines at its end.
func joinText(lines []string) string {
	return strings.TrimRight(strings.Join(lines, "\n"), "\n \t")
}

// textList reports whether the field is a list of texts (a project's lessons), which
// flags leave to the editor and a terminal asks item by item.
func textList(f *model.Field) bool {
	s := f.Spec
	return s.Shape == model.ShapeList && s.Elem != nil && (s.Elem.Shape == model.ShapeText || s.Elem.Shape == model.ShapeMarkdown)
}

// askList asks for the items of a list of texts, each in the languages not pending:
// KEY[0].en, KEY[0].fr, KEY[1].en… The first item is required (Skip leaves the list
// to fill in later); an empty answer to a further item ends the list.
func (p *Prompter) askList(f *model.Field, values Values) error {
	for i := 0; i < maxListItems; i++ {
		first := true
		for _, lang := range model.Languages {
			if lang == values["translation_pending"] {
				continue
			}
			in := Input{Key: fmt.Sprintf("%s[%d].%s", f.Key, i, lang), Lang: lang, Field: f, more: i > 0}
			if values[in.Key] == "" {
				if err := p.ask(in, values); err != nil {
					return err
				}
			}
			if first && values[in.Key] == "" {
				return nil // skipped, or the list ended
			}
			first = false
		}
	}
	return nil
}

// maxListItems bounds the items asked for one list.
const maxListItems = 50
