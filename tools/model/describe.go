package model

import (
	"fmt"
	"strings"
)

// Describe says in words, in language lang (en or fr; another gives English), what
// value the field takes: the one description of a field that the validator's messages
// and guide new's questions and flag help use.
func (f *Field) Describe(lang string) string {
	t := descriptions[lang]
	if t == nil {
		t = descriptions["en"]
	}
	s := f.Spec
	list := s.Shape == ShapeList
	if list {
		s = s.Elem
	}
	var what string
	switch {
	case s.Shape == ShapeText:
		what = t["text"]
	case s.Shape == ShapeMarkdown:
		what = t["markdown"]
	case s.Shape == ShapeDate:
		what = t["date"]
	case s.Shape == ShapeBool:
		what = t["bool"]
	case s.Shape == ShapeStruct && list:
		return fmt.Sprintf(t["structs"], strings.Join(s.Keys(), ", "))
	case s.Shape == ShapeStruct:
		what = fmt.Sprintf(t["struct"], strings.Join(s.Keys(), ", "))
	case f.ID:
		what = t["id"]
	case f.SameKind:
		what = t["samekind"]
	case f.OldID && list:
		return t["oldids"]
	case len(f.Vocab) > 0 && list:
		return fmt.Sprintf(t["codes"], strings.Join(f.Vocab, t["or"]))
	case len(f.Vocab) > 0:
		what = fmt.Sprintf(t["code"], strings.Join(f.Vocab, t["or"]))
	case f.Ref != "" && list:
		return fmt.Sprintf(t["refs"], f.Ref)
	case f.Ref != "":
		what = fmt.Sprintf(t["ref"], f.Ref)
	case f.URL:
		what = t["url"]
	case f.Email:
		what = t["email"]
	case f.Phone:
		what = t["phone"]
	case f.Lang:
		what = strings.Join(Languages, t["or"])
	default:
		what = t["string"]
	}
	if list {
		return fmt.Sprintf(t["list"], what)
	}
	return what
}

// DescribeIn says in language lang what one language (in) of the bilingual text field f
// takes: text or Markdown in that language, and the length limit.
func (f *Field) DescribeIn(in, lang string) string {
	t := descriptions[lang]
	if t == nil {
		t = descriptions["en"]
	}
	key := "text_in"
	if f.Spec.Shape == ShapeMarkdown || f.Spec.Shape == ShapeList && f.Spec.Elem.Shape == ShapeMarkdown {
		key = "markdown_in"
	}
	s := fmt.Sprintf(t[key], t["lang_"+in])
	if f.Max > 0 {
		s += fmt.Sprintf(t["max"], f.Max)
	}
	return s
}

// descriptions are the words of Describe and DescribeIn, in each language of the site
// (French with the no-break spaces of its typography).
var descriptions = map[string]map[string]string{
	"en": {
		"text":        "text in both languages {en: …, fr: …}",
		"markdown":    "Markdown in both languages {en: …, fr: …}",
		"date":        "a date YYYY-MM-DD",
		"bool":        "true or false",
		"struct":      "mappings with keys %s",
		"structs":     "a list of mappings with keys %s",
		"id":          "the entry's id, equal to the file name",
		"samekind":    "the id of another entry of the same kind",
		"oldids":      "a list of the ids the entry had before it was renamed",
		"codes":       "a list of codes from %s in taxonomy.yaml",
		"code":        "a code from %s in taxonomy.yaml",
		"refs":        "a list of ids of entries in data/%s",
		"ref":         "the id of an entry in data/%s",
		"url":         "an https:// URL",
		"email":       "an email address",
		"phone":       "a telephone number",
		"string":      "text",
		"list":        "a list of %s",
		"or":          " or ",
		"text_in":     "text in %s",
		"markdown_in": "Markdown in %s",
		"max":         ", at most %d characters",
		"lang_en":     "English",
		"lang_fr":     "French",
	},
	"fr": {
		"text":        "du texte dans les deux langues {en: …, fr: …}",
		"markdown":    "du Markdown dans les deux langues {en: …, fr: …}",
		"date":        "une date AAAA-MM-JJ",
		"bool":        "true ou false",
		"struct":      "un tableau associatif aux clés %s",
		"structs":     "une liste de tableaux associatifs aux clés %s",
		"id":          "l’identifiant de la fiche, égal au nom du fichier",
		"samekind":    "l’identifiant d’une autre fiche du même type",
		"oldids":      "une liste des identifiants que la fiche portait avant d’être renommée",
		"codes":       "une liste de codes de %s dans taxonomy.yaml",
		"code":        "un code de %s dans taxonomy.yaml",
		"refs":        "une liste d’identifiants de fiches de data/%s",
		"ref":         "l’identifiant d’une fiche de data/%s",
		"url":         "une adresse https://",
		"email":       "une adresse courriel",
		"phone":       "un numéro de téléphone",
		"string":      "du texte",
		"list":        "une liste dont chaque élément est %s",
		"or":          " ou ",
		"text_in":     "du texte en %s",
		"markdown_in": "du Markdown en %s",
		"max":         ", au plus %d caractères",
		"lang_en":     "anglais",
		"lang_fr":     "français",
	},
}

// MaxWords is the phrase of a length limit in language lang (", at most %d characters").
func MaxWords(lang string) string {
	if t := descriptions[lang]; t != nil {
		return t["max"]
	}
	return descriptions["en"]["max"]
}
