package model

import (
	"regexp"
	"strings"
	"time"
)

// The rules on scalar values that several tools apply (the validator, guide new, the
// online form, the translation import, the JSON Schemas): each is written here once.

// IDPatternSource is the shape of an id and of a taxonomy code: lowercase ASCII letters
// and digits in groups joined by single hyphens (the JSON Schemas carry this text).
const IDPatternSource = `^[a-z0-9]+(-[a-z0-9]+)*$`

// MaxIDLength is the most characters an id may have.
const MaxIDLength = 80

// DatePatternSource is the shape of a date, YYYY-MM-DD.
const DatePatternSource = `^\d{4}-\d{2}-\d{2}$`

var (
	idPattern   = regexp.MustCompile(IDPatternSource)
	datePattern = regexp.MustCompile(DatePatternSource)
)

// IDShaped reports whether s has the shape of an id (length aside: see ValidID).
func IDShaped(s string) bool { return idPattern.MatchString(s) }

// ValidID reports whether s is a valid id: its shape and at most MaxIDLength characters.
func ValidID(s string) bool { return len(s) <= MaxIDLength && IDShaped(s) }

// DateShaped reports whether s is written YYYY-MM-DD (the day may still not exist).
func DateShaped(s string) bool { return datePattern.MatchString(s) }

// ValidDate reports whether s is a calendar day written YYYY-MM-DD.
func ValidDate(s string) bool {
	if !DateShaped(s) {
		return false
	}
	_, err := time.Parse(DateLayout, s)
	return err == nil
}

// YAML11Bool reports whether s, written unquoted, is read as a boolean by YAML 1.1
// readers (PyYAML, Ruby, many CI tools) but as text by YAML 1.2 ones such as yaml.v3 and
// Hugo: y, yes, n, no, on, off in any case. A text field must quote these words.
func YAML11Bool(s string) bool {
	switch strings.ToLower(s) {
	case "y", "yes", "n", "no", "on", "off":
		return true
	}
	return false
}

// Slug makes an id from a title or a name in any language: lowercase, accents and
// ligatures folded to ASCII (é → e, œ → oe, ß → ss), every run of other characters
// (spaces, apostrophes, punctuation) made one hyphen, no hyphen at either end, and cut
// at a hyphen to at most MaxIDLength characters. "Équipe de données" gives
// "equipe-de-donnees"; text without a letter or digit gives "".
func Slug(s string) string { return ShortSlug(s, MaxIDLength) }

// ShortSlug is Slug cut at a hyphen (after a whole word) to at most n characters.
func ShortSlug(s string, n int) string {
	var b strings.Builder
	dash := false
	put := func(a string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(a)
		dash = false
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			put(string(r))
		case foldASCII[r] != "":
			put(foldASCII[r])
		default:
			dash = true
		}
	}
	id := b.String()
	for len(id) > n {
		i := strings.LastIndexByte(id[:n+1], '-')
		if i <= 0 {
			return strings.TrimRight(id[:n], "-")
		}
		id = id[:i]
	}
	return id
}

// foldASCII spells the lowercase Latin letters with diacritics, and the ligatures, in
// ASCII (Latin-1 Supplement and Latin Extended-A).
var foldASCII = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i", 'ĳ': "ij",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n", 'ŉ': "n", 'ŋ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ŏ': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ŗ': "r", 'ř': "r", 'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ß': "ss", 'ſ': "s",
	'ţ': "t", 'ť': "t", 'ŧ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}
