package newentry

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pssdc/guide-iad/tools/model"
)

// Terms are the terms an input's value is drawn from, in the taxonomy's order: a code
// field's vocabularies, or for the language still being translated the taxonomy's
// languages that are the site's. Nil without a taxonomy or for a free value.
func Terms(in Input, tax *model.Taxonomy) []model.Term {
	if tax == nil || in.Lang != "" {
		return nil
	}
	var out []model.Term
	for _, v := range in.Field.Vocab {
		terms, _ := tax.Vocabulary(v)
		out = append(out, terms...)
	}
	if in.Field.Lang {
		terms, _ := tax.Vocabulary("languages")
		for _, t := range terms {
			if slices.Contains(model.Languages, t.Code) {
				out = append(out, t)
			}
		}
	}
	return out
}

// numbers is an answer made of choice numbers only: "3", "1, 4", "2 5".
var numbers = regexp.MustCompile(`^[0-9]+( *[, ] *[0-9]+)*$`)

// Resolve turns what was typed for an input into codes where it can do so without
// doubt, and keeps anything else for the validator to judge: a code in any case
// ("ca-qc", "Municipal"), a term's label in English or French, accents and case aside
// ("Québec", "quebec", "Nouvelle-Écosse", "français", "French"), and with numbers
// (choices shown on a terminal) the terms they stand for. Items of a list are
// separated by commas; numbers by commas or spaces.
func Resolve(in Input, value string, terms []model.Term, withNumbers bool) string {
	if len(terms) == 0 {
		return value
	}
	if !in.List() {
		return resolveOne(strings.TrimSpace(value), terms, withNumbers)
	}
	var items []string
	if withNumbers && numbers.MatchString(strings.TrimSpace(value)) {
		items = strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ' ' })
	} else {
		items = strings.Split(value, ",")
	}
	var out []string
	for _, item := range items {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, resolveOne(item, terms, withNumbers))
		}
	}
	return strings.Join(out, ", ")
}

func resolveOne(s string, terms []model.Term, withNumbers bool) string {
	if n, err := strconv.Atoi(s); err == nil {
		if withNumbers && n >= 1 && n <= len(terms) {
			return terms[n-1].Code
		}
		return s
	}
	key := model.Slug(s)
	if key == "" {
		return s
	}
	found := ""
	for _, t := range terms {
		if t.Code == s {
			return s
		}
		if slices.Contains(names(t), key) {
			if found != "" && found != t.Code {
				return s // two terms answer to it: not without doubt
			}
			found = t.Code
		}
	}
	if found == "" {
		return s
	}
	return found
}

// names are the forms a term answers to, as model.Slug writes them: its code, its
// labels, and a label's parts outside and inside parentheses ("Federal (Canada)":
// federal, canada).
func names(t model.Term) []string {
	out := []string{model.Slug(t.Code)}
	for _, label := range []string{t.En, t.Fr} {
		out = append(out, model.Slug(label))
		if before, inside, ok := strings.Cut(label, "("); ok {
			out = append(out, model.Slug(before), model.Slug(strings.TrimSuffix(strings.TrimSpace(inside), ")")))
		}
	}
	return out
}
