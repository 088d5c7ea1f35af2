package newentry

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pssdc/guide-iad/tools/model"
)

// ErrEnded is returned by Ask when the input ends (Ctrl-D) before the last question:
// the values then hold every answer given so far, for the caller to save.
var ErrEnded = errors.New("the input ended before the last question")

// Skip is the answer that leaves a required value empty, to fill in later in the file.
const Skip = "-"

// Prompter asks for the values of a new entry on a terminal, in the contributor's
// language.
type Prompter struct {
	In  *bufio.Reader
	Out io.Writer
	// Lang is the language of the questions, hints and choices (en or fr).
	Lang string
	// Tax offers a vocabulary's codes as numbered choices; nil offers none.
	Tax *model.Taxonomy
	// Check returns what is wrong with the value of in within values ("" when nothing
	// is): the validator's message, or that the id is taken.
	Check func(values Values, in Input) string
}

// Asked reports whether Ask prompts for the input when it has no value: required keys
// and the language still being translated, except booleans and the id (asked last,
// with a proposal). Markdown is asked with several lines (ReadText).
func Asked(in Input) bool {
	switch {
	case in.Field.ID, in.Shape() == model.ShapeBool:
		return false
	}
	return in.Field.Required || in.Field.Lang
}

// Ask prompts for each asked input without a value, in the model's order, then for the
// id, proposed from the title or the name. A required answer left empty is asked again
// (Skip leaves it empty on purpose); an answer the validator rejects is asked again with
// its message. A required list of texts (a project's lessons) is asked item by item. When
// the input ends before the last question, Ask returns ErrEnded with the answers so far
// in values — a rejected answer being asked again among them, so that nothing typed is
// lost.
func (p *Prompter) Ask(kind model.Kind, values Values) error {
	w := Words(p.Lang)
	fmt.Fprintf(p.Out, "%s %s\n", w.T("kind_"+kind.Name), w.T("ask_intro"))
	var id *Input
	inputs := Inputs(kind)
	for _, f := range model.MustSpec(kind.New()).Fields {
		if textList(&f) && f.Required {
			if err := p.askList(&f, values); err != nil {
				return err
			}
			continue
		}
		for _, in := range inputs {
			if in.Field.Key != f.Key {
				continue
			}
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
			if err := p.ask(in, values); err != nil {
				return err
			}
		}
	}
	if id != nil && values[id.Key] == "" {
		return p.askID(kind, *id, values)
	}
	return nil
}

// readAnswer reads one line: the answer, whether the input ended with it, and an error
// for input that ended before it (ErrEnded) or could not be read.
func (p *Prompter) readAnswer() (string, bool, error) {
	line, err := p.In.ReadString('\n')
	switch {
	case err == nil:
		return strings.TrimSpace(line), false, nil
	case errors.Is(err, io.EOF) && line != "":
		return strings.TrimSpace(line), true, nil
	}
	fmt.Fprintln(p.Out)
	if errors.Is(err, io.EOF) {
		return "", true, ErrEnded
	}
	return "", true, err
}

func (p *Prompter) ask(in Input, values Values) error {
	w := Words(p.Lang)
	choices := Terms(in, p.Tax)
	rejected := ""
	for again := false; ; again = true {
		if again { // the question and its choices were just shown
			fmt.Fprintf(p.Out, "%s> ", in.Key)
		} else {
			p.question(in, choices)
		}
		answer, ended, err := p.read(in)
		if err != nil {
			if rejected != "" {
				values[in.Key] = rejected // kept for the contributor to correct in the file
			}
			return err
		}
		switch {
		case answer == "" && (!in.Field.Required || in.more):
			return nil
		case answer == "":
			fmt.Fprintln(p.Out, w.T("required_again", "key", in.Key))
		case answer == Skip:
			return nil
		default:
			values[in.Key] = Resolve(in, answer, choices, true)
			msg := ""
			if p.Check != nil {
				msg = p.Check(values, in)
			}
			if msg == "" {
				return nil
			}
			rejected = values[in.Key]
			delete(values, in.Key)
			fmt.Fprintln(p.Out, w.T("not_accepted", "reason", msg))
		}
		if ended {
			if rejected != "" {
				values[in.Key] = rejected
			}
			return ErrEnded
		}
	}
}

// askID asks for the id last, proposing one made from the title or the name (Enter
// accepts it). It cannot be left empty: it names the file.
func (p *Prompter) askID(kind model.Kind, in Input, values Values) error {
	w := Words(p.Lang)
	proposal := SuggestID(kind, values)
	fmt.Fprintf(p.Out, "\n%s\n", w.T("question", "key", in.Key, "desc", in.Describe(p.Lang)))
	for {
		if proposal != "" {
			fmt.Fprintln(p.Out, w.T("id_proposed", "id", proposal))
			fmt.Fprintf(p.Out, "%s [%s]> ", in.Key, proposal)
		} else {
			fmt.Fprintf(p.Out, "%s> ", in.Key)
		}
		answer, ended, err := p.readAnswer()
		if err != nil {
			return err
		}
		if answer == "" {
			answer = proposal
		}
		if answer == "" {
			fmt.Fprintln(p.Out, w.T("id_required", "dir", kind.Dir))
		} else {
			values[in.Key] = answer
			msg := ""
			if p.Check != nil {
				msg = p.Check(values, in)
			}
			if msg == "" {
				return nil
			}
			delete(values, in.Key)
			fmt.Fprintln(p.Out, w.T("not_accepted", "reason", msg))
			proposal = ""
		}
		if ended {
			return ErrEnded
		}
	}
}

func (p *Prompter) question(in Input, choices []model.Term) {
	w := Words(p.Lang)
	fmt.Fprintf(p.Out, "\n%s\n", w.T("question", "key", in.Key, "desc", in.Describe(p.Lang)))
	for i, t := range choices {
		label := t.En
		if p.Lang == "fr" {
			label = t.Fr
		}
		fmt.Fprintf(p.Out, "  %2d  %-22s %s\n", i+1, t.Code, label)
	}
	if in.more {
		fmt.Fprintln(p.Out, w.T("list_more"))
	}
	if in.Markdown() {
		fmt.Fprintln(p.Out, w.T("multiline", "end", EndText))
	}
	if len(choices) > 0 {
		if in.List() {
			fmt.Fprintln(p.Out, w.T("choose_many"))
		} else {
			fmt.Fprintln(p.Out, w.T("choose_one"))
		}
	}
	fmt.Fprintf(p.Out, "%s> ", in.Key)
}
