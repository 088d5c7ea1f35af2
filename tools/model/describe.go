package model

import (
	"unicode"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Expect says in words what value the field takes, as a message of the catalogue of
// package diag (expect_*), which words it in English and French: the one description
// of a field, that the validator's messages, guide new's questions and flag help and
// the JSON schemas (Sentence) use.
func (f *Field) Expect() diag.Msg {
	s := f.Spec
	list := s.Shape == ShapeList
	if list {
		s = s.Elem
	}
	var what diag.Msg
	switch {
	case s.Shape == ShapeText:
		what = diag.M("expect_text", nil)
	case s.Shape == ShapeMarkdown:
		what = diag.M("expect_markdown", nil)
	case s.Shape == ShapeDate:
		what = diag.M("expect_date", nil)
	case s.Shape == ShapeBool:
		what = diag.M("expect_bool", nil)
	case s.Shape == ShapeStruct:
		what = diag.M("expect_struct", diag.A{"keys": s.Keys()})
	case f.ID:
		what = diag.M("expect_id", nil)
	case f.SameKind || f.OldID:
		what = diag.M("expect_other_id", nil)
	case len(f.Vocab) > 0 && list:
		what = diag.M("expect_codes", diag.A{"vocab": f.Vocab})
	case len(f.Vocab) > 0:
		what = diag.M("expect_code", diag.A{"vocab": f.Vocab})
	case f.Ref != "" && list:
		what = diag.M("expect_refs", diag.A{"dir": f.Ref})
	case f.Ref != "":
		what = diag.M("expect_ref", diag.A{"dir": f.Ref})
	case f.URL:
		what = diag.M("expect_url", nil)
	case f.Email:
		what = diag.M("expect_email", nil)
	case f.Phone:
		what = diag.M("expect_phone", nil)
	case f.Lang:
		what = diag.M("expect_lang", nil)
	default:
		what = diag.M("expect_plain", nil)
	}
	if list {
		return diag.M("expect_list", diag.A{"of": what})
	}
	return what
}

// Describe is Expect worded in lang (en or fr; another gives English).
func (f *Field) Describe(lang string) string { return f.Expect().Text(lang) }

// Sentence is Describe as a sentence: capitalised, with a full stop.
func (f *Field) Sentence(lang string) string {
	d := f.Describe(lang)
	r, n := utf8.DecodeRuneInString(d)
	return string(unicode.ToUpper(r)) + d[n:] + "."
}

// DescribeIn says in language lang what one language (in) of the bilingual text field f
// takes: text or Markdown in that language, and the length limit.
func (f *Field) DescribeIn(in, lang string) string {
	code := "describe_text_in"
	if f.Spec.Shape == ShapeMarkdown || f.Spec.Shape == ShapeList && f.Spec.Elem.Shape == ShapeMarkdown {
		code = "describe_markdown_in"
	}
	s := diag.Text(lang, code, diag.A{"language": diag.M("language_"+in, nil)})
	if f.Max > 0 {
		s += diag.Text(lang, "describe_max", diag.A{"max": f.Max})
	}
	return s
}

// MaxWords is the phrase of a length limit in language lang, as a format for one
// number (", at most %d characters").
func MaxWords(lang string) string {
	return diag.Text(lang, "describe_max", diag.A{"max": "%d"})
}
