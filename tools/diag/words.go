package diag

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A diagnostic's words come from the catalogue (catalogue_en.go, catalogue_fr.go): each
// code has one template per language, whose {name} placeholders name the arguments.
// Message is always the English wording; In words a diagnostic in another language.
// The tests fail when a code lacks a template in a language, when the templates of a
// code name different arguments, or when a diagnostic is made without a code.
//
// A placeholder is one of:
//
//	{name}            the argument: text as is, a number (French groups thousands with
//	                  a no-break space), a list joined with ", ", a Msg worded in turn
//	{name:q}          text quoted: "x" in English (Go quoting, as %q), « x » in French
//	{name:or}         a list joined with " or " (" ou ")
//	{name|one|many}   the word for the number name: one or many (French: one for 0 and 1)

// A is the arguments of a message, by name: string, int, []string or Msg values.
type A = map[string]any

// Msg is a message not yet worded: a code of the catalogue and its arguments. A message
// assembled from pieces passes the pieces as Msg arguments; Msg{} words as nothing.
type Msg struct {
	Code string `json:"code"`
	Args A      `json:"args,omitempty"`
}

// M makes a Msg.
func M(code string, args A) Msg { return Msg{Code: code, Args: args} }

// Languages are the languages of the catalogue, English first.
var Languages = []string{"en", "fr"}

// Text words code with args in lang ("en" or "fr"; anything else is English).
func Text(lang, code string, args A) string {
	if code == "" {
		return ""
	}
	t, ok := catalogue(lang)[code]
	if !ok {
		t, ok = catalogueEN[code]
	}
	if !ok {
		return "[" + code + "]"
	}
	return render(lang, t, args)
}

// Text words m in lang.
func (m Msg) Text(lang string) string { return Text(lang, m.Code, m.Args) }

// String words m in English.
func (m Msg) String() string { return m.Text("en") }

func catalogue(lang string) map[string]string {
	if lang == "fr" {
		return catalogueFR
	}
	return catalogueEN
}

// New makes a diagnostic worded in English from code and args.
func New(file string, line, col int, sev Severity, key, code string, args A) Diagnostic {
	return Diagnostic{File: file, Line: line, Column: col, Severity: sev, Key: key,
		Code: code, Args: args, Message: Text("en", code, args)}
}

// In returns d with its Message worded in lang (a diagnostic without a code keeps its
// message).
func (d Diagnostic) In(lang string) Diagnostic {
	if d.Code != "" {
		d.Message = Text(lang, d.Code, d.Args)
	}
	return d
}

// In words every diagnostic of l in lang, in a new list.
func (l List) In(lang string) List {
	out := make(List, len(l))
	for i, d := range l {
		out[i] = d.In(lang)
	}
	return out
}

func render(lang, t string, args A) string {
	if strings.IndexByte(t, '{') < 0 {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		t = t[i:]
		n, name, verb, one, many := parsePlaceholder(t)
		if n == 0 {
			b.WriteByte('{')
			t = t[1:]
			continue
		}
		b.WriteString(word(lang, t[:n], args, name, verb, one, many))
		t = t[n:]
	}
}

// parsePlaceholder reads the placeholder at the start of t ({name}, {name:verb} or
// {name|one|many}) and returns its length, 0 when t starts with no placeholder.
func parsePlaceholder(t string) (n int, name, verb, one, many string) {
	i := 1
	for i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || i > 1 && (t[i] >= '0' && t[i] <= '9' || t[i] == '_')) {
		i++
	}
	if i == 1 || i == len(t) {
		return 0, "", "", "", ""
	}
	name = t[1:i]
	switch t[i] {
	case '}':
		return i + 1, name, "", "", ""
	case ':':
		j := i + 1
		for j < len(t) && t[j] >= 'a' && t[j] <= 'z' {
			j++
		}
		if j == i+1 || j == len(t) || t[j] != '}' {
			return 0, "", "", "", ""
		}
		return j + 1, name, t[i+1 : j], "", ""
	case '|':
		rest := t[i+1:]
		k := strings.IndexAny(rest, "|{}")
		if k < 0 || rest[k] != '|' {
			return 0, "", "", "", ""
		}
		m := strings.IndexAny(rest[k+1:], "|{}")
		if m < 0 || rest[k+1+m] != '}' {
			return 0, "", "", "", ""
		}
		return i + 1 + k + 1 + m + 1, name, "", rest[:k], rest[k+1 : k+1+m]
	}
	return 0, "", "", "", ""
}

// word renders the placeholder p, of argument name with verb or plural forms.
func word(lang, p string, args A, name, verb, one, many string) string {
	v, ok := args[name]
	if !ok {
		return p
	}
	switch {
	case verb == "q":
		return quote(lang, fmt.Sprint(v))
	case verb == "or":
		sep := " or "
		if lang == "fr" {
			sep = " ou "
		}
		return strings.Join(texts(lang, v), sep)
	case verb != "":
		return p
	case one != "" || many != "":
		n, _ := v.(int)
		if f, ok := v.(float64); ok {
			n = int(f)
		}
		if n == 1 || (lang == "fr" && n == 0) {
			return one
		}
		return many
	}
	if s, ok := v.(string); ok {
		return s
	}
	return strings.Join(texts(lang, v), ", ")
}

// texts words an argument: a list gives one text an item.
func texts(lang string, v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case int:
		return []string{Number(lang, v)}
	case Msg:
		return []string{v.Text(lang)}
	case []Msg:
		out := make([]string, len(v))
		for i, m := range v {
			out[i] = m.Text(lang)
		}
		return out
	case []any: // arguments read back from JSON
		var out []string
		for _, x := range v {
			out = append(out, texts(lang, x)...)
		}
		return out
	case float64: // a number read back from JSON
		return []string{Number(lang, int(v))}
	case map[string]any: // a Msg read back from JSON
		code, _ := v["code"].(string)
		args, _ := v["args"].(map[string]any)
		return []string{Text(lang, code, args)}
	}
	return []string{fmt.Sprint(v)}
}

// Number writes n: plain in English (as %d), thousands grouped with a no-break space in
// French.
func Number(lang string, n int) string {
	s := strconv.Itoa(n)
	if lang != "fr" {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// quote quotes s as Go's %q does; in French between « », without escaping ".
func quote(lang, s string) string {
	q := strconv.Quote(s)
	if lang != "fr" {
		return q
	}
	return "«\u00a0" + strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`) + "\u00a0»"
}

// Placeholders lists the argument names a template uses, sorted, each once.
func Placeholders(t string) []string {
	var names []string
	for i := strings.IndexByte(t, '{'); i >= 0; i = strings.IndexByte(t, '{') {
		t = t[i:]
		n, name, _, _, _ := parsePlaceholder(t)
		if n == 0 {
			t = t[1:]
			continue
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		t = t[n:]
	}
	slices.Sort(names)
	return names
}

// Codes lists the codes of the catalogue, sorted.
func Codes() []string {
	var codes []string
	for c := range catalogueEN {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

// Template returns the template of code in lang, and whether there is one.
func Template(lang, code string) (string, bool) {
	t, ok := catalogue(lang)[code]
	return t, ok
}

// CheckArgs reports a code the catalogue does not know, or arguments that are not
// exactly those its template names, in code and in every Msg among args.
func CheckArgs(code string, args A) error {
	t, ok := catalogueEN[code]
	if !ok {
		return fmt.Errorf("unknown code %q", code)
	}
	var got []string
	for k := range args {
		got = append(got, k)
	}
	slices.Sort(got)
	if want := Placeholders(t); !slices.Equal(got, want) {
		return fmt.Errorf("code %q: arguments %v, its template names %v", code, got, want)
	}
	for _, v := range args {
		switch v := v.(type) {
		case Msg:
			if v.Code == "" && len(v.Args) == 0 {
				continue
			}
			if err := CheckArgs(v.Code, v.Args); err != nil {
				return fmt.Errorf("in %q: %w", code, err)
			}
		case []Msg:
			for _, m := range v {
				if err := CheckArgs(m.Code, m.Args); err != nil {
					return fmt.Errorf("in %q: %w", code, err)
				}
			}
		}
	}
	return nil
}

// CatalogueJSON is the catalogue as JSON, {"en": {code: template}, "fr": {…}}, for a
// program that words codes itself.
func CatalogueJSON() []byte {
	b, _ := json.Marshal(map[string]map[string]string{"en": catalogueEN, "fr": catalogueFR})
	return b
}

// LangFromEnv is the language of messages from the locale: the first of LC_ALL,
// LC_MESSAGES and LANG that is set (POSIX order) gives French when it starts with
// "fr", English otherwise.
func LangFromEnv(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "fr") {
				return "fr"
			}
			return "en"
		}
	}
	return "en"
}
