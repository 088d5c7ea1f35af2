package newentry

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pssdc/guide-iad/tools/model"
)

// Prompter asks for the values of a new entry on a terminal.
type Prompter struct {
	In  *bufio.Reader
	Out io.Writer
	// Tax offers a vocabulary's codes as numbered choices; nil offers none.
	Tax *model.Taxonomy
	// Check returns what is wrong with the value of in within values ("" when nothing
	// is): the validator's message, or that the id is taken.
	Check func(values Values, in Input) string
}

// Asked reports whether Ask prompts for the input when it has no value: required keys
// and the language still being translated, except Markdown (written in an editor),
// booleans and the id (asked last, with a suggestion).
func Asked(in Input) bool {
	switch {
	case in.Field.ID, in.Markdown(), in.Shape() == model.ShapeBool:
		return false
	}
	return in.Field.Required || in.Field.Lang
}

// Ask prompts for each asked input without a value, in the model's order, then for the
// id. An empty answer leaves the placeholder; an answer the validator rejects is asked
// again with its message. At the end of the input Ask stops asking and returns nil.
func (p *Prompter) Ask(kind model.Kind, values Values) error {
	fmt.Fprintf(p.Out, "New %s. Press Enter to skip a question: its value stays empty (\"\") for you to fill in.\n", kind)
	var id *Input
	for _, in := range Inputs(kind) {
		if in.Field.ID {
			id = &in
			continue
		}
		if !Asked(in) || values[in.Key] != "" {
			continue
		}
		if in.Lang != "" && in.Lang == values["translation_pending"] {
			continue
		}
		if err := p.ask(in, values, ""); err != nil {
			return ignoreEOF(err)
		}
	}
	if id != nil && values[id.Key] == "" {
		return ignoreEOF(p.ask(*id, values, SuggestID(kind, values)))
	}
	return nil
}

func ignoreEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

func (p *Prompter) ask(in Input, values Values, suggestion string) error {
	choices := p.choices(in)
	for again := false; ; again = true {
		if again { // the choices were just shown
			fmt.Fprintf(p.Out, "%s> ", in.Key)
		} else {
			p.question(in, choices, suggestion)
		}
		line, err := p.In.ReadString('\n')
		if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
			fmt.Fprintln(p.Out)
			return err
		}
		answer := strings.TrimSpace(line)
		if answer == "" {
			answer = suggestion
		}
		if answer == "" {
			return nil
		}
		values[in.Key] = resolveChoices(answer, choices, in.List())
		msg := ""
		if p.Check != nil {
			msg = p.Check(values, in)
		}
		if msg == "" {
			return nil
		}
		delete(values, in.Key)
		suggestion = ""
		fmt.Fprintf(p.Out, "  not accepted: %s\n", msg)
		if err != nil { // the answer was the last line of the input
			return err
		}
	}
}

func (p *Prompter) question(in Input, choices []model.Term, suggestion string) {
	fmt.Fprintf(p.Out, "\n%s: %s\n", in.Key, in.Describe())
	for i, t := range choices {
		fmt.Fprintf(p.Out, "  %2d  %-22s %s\n", i+1, t.Code, t.En)
	}
	if len(choices) > 0 {
		if in.List() {
			fmt.Fprintln(p.Out, "Type numbers or codes, separated by commas.")
		} else {
			fmt.Fprintln(p.Out, "Type a number or a code.")
		}
	}
	if suggestion != "" {
		fmt.Fprintf(p.Out, "%s [%s]> ", in.Key, suggestion)
	} else {
		fmt.Fprintf(p.Out, "%s> ", in.Key)
	}
}

// choices are the terms a code input draws from, in the taxonomy's order.
func (p *Prompter) choices(in Input) []model.Term {
	if p.Tax == nil {
		return nil
	}
	var out []model.Term
	for _, v := range in.Field.Vocab {
		terms, _ := p.Tax.Vocabulary(v)
		out = append(out, terms...)
	}
	return out
}

// resolveChoices turns numbers into the codes they stand for; anything else is kept
// for the validator to judge.
func resolveChoices(answer string, choices []model.Term, list bool) string {
	if len(choices) == 0 {
		return answer
	}
	if !list {
		return resolveOne(answer, choices)
	}
	var out []string
	for item := range strings.FieldsFuncSeq(answer, func(r rune) bool { return r == ',' || r == ' ' }) {
		out = append(out, resolveOne(item, choices))
	}
	return strings.Join(out, ", ")
}

func resolveOne(s string, choices []model.Term) string {
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(choices) {
		return choices[n-1].Code
	}
	return s
}
