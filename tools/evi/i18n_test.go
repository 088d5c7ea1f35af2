package evi

// The web tool (layouts/evi/page.html, assets/js/evi.js) words each Error in the page's
// language from the i18n string evi_err_<code>. These tests make a code without its
// strings, or strings that do not fit the Args, fail here rather than in a reader's
// browser, where the English text would show instead.

import (
	"github.com/pssdc/guide-iad/tools/diag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const siteRoot = "../.."

// i18nStrings reads i18n/<lang>.yaml.
func i18nStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(siteRoot, "i18n", lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

// errorKeys are the i18n keys, without the evi_ prefix, that wording errors needs:
// one per code, one per term, the two that word a place in the configuration, and one
// per detail of an error that is a message of the catalogue (detailCodes).
func errorKeys() []string {
	keys := []string{"err_where_name", "err_where_key"}
	for _, c := range detailCodes() {
		keys = append(keys, strings.TrimPrefix(c, "evi_"))
	}
	for _, c := range Codes() {
		keys = append(keys, "err_"+string(c))
	}
	for name, values := range terms {
		for _, v := range values {
			keys = append(keys, "err_"+name+"_"+v)
		}
	}
	slices.Sort(keys)
	return keys
}

var placeholder = regexp.MustCompile(`\{(\w+)\}`)

// TestErrorStrings: every code and term has its string in both languages, and a string
// names only the Args of its code ({where}: those that name a place).
func TestErrorStrings(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		s := i18nStrings(t, lang)
		for _, key := range errorKeys() {
			if strings.TrimSpace(s["evi_"+key]) == "" {
				t.Errorf("i18n/%s.yaml: no string evi_%s", lang, key)
			}
		}
		for _, c := range Codes() {
			allowed := c.Args()
			if slices.Contains(allowed, "section") {
				allowed = append(allowed, "where")
			}
			for _, m := range placeholder.FindAllStringSubmatch(s["evi_err_"+string(c)], -1) {
				if !slices.Contains(allowed, m[1]) {
					t.Errorf("i18n/%s.yaml: evi_err_%s names {%s}, not an Arg of the code (%v)", lang, c, m[1], allowed)
				}
			}
		}
	}
}

// TestErrorKeysOnPage: the page hands the script every string of errorKeys, and the
// script knows the Args that are terms.
func TestErrorKeysOnPage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(siteRoot, "layouts", "evi", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, key := range errorKeys() {
		if !strings.Contains(page, strconv.Quote(key)) {
			t.Errorf("layouts/evi/page.html does not pass %q to the script", key)
		}
	}
	b, err = os.ReadFile(filepath.Join(siteRoot, "assets", "js", "evi.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`var TERMS = \{([^}]*)\}`).FindSubmatch(b)
	if m == nil {
		t.Fatal("assets/js/evi.js: no var TERMS = {…}")
	}
	for name := range terms {
		if !regexp.MustCompile(`\b` + name + `: true\b`).Match(m[1]) {
			t.Errorf("assets/js/evi.js: TERMS lacks %s", name)
		}
	}
}

// detailCodes are the catalogue's codes of the details of errors, each an i18n key of
// the page too: the evi_geo_* of a GeoJSON file's shapes, and the causes (cause_*) of
// a GeoJSON, CSV or YAML file that its reader could not read.
func detailCodes() []string {
	var codes []string
	for _, c := range diag.Codes() {
		if strings.HasPrefix(c, "evi_geo_") || pageCause(c) {
			codes = append(codes, c)
		}
	}
	return codes
}

// pageCause reports whether the calculator can pass cause c as a detail: what
// diag.Cause says of a JSON syntax or type error (jsonSyntaxError), of a CSV reader's
// error (csvError), a YAML reader's message (diag.YAMLMessage, without its line), or
// an error it does not know.
func pageCause(c string) bool {
	switch {
	case c == "cause_system", strings.HasPrefix(c, "cause_json_"):
		return true
	case strings.HasPrefix(c, "cause_yaml_"):
		return c != "cause_yaml_line"
	}
	return c == "cause_csv_bare_quote" || c == "cause_csv_quote" || c == "cause_csv_field_count" || c == "cause_csv_trailing_comma"
}

// word returns the message of e from the i18n strings s as assets/js/evi.js composes
// it from what the page gets (PageArgs), numbers left unformatted.
func word(s map[string]string, e *Error) (string, bool) {
	tmpl, ok := s["evi_err_"+string(e.Code)]
	if !ok {
		return "", false
	}
	vars, ok := wordArgs(s, e.PageArgs())
	if _, ok := e.Args["section"]; ok {
		w := vars["section"]
		if vars["name"] != "" {
			w = fillString(s["evi_err_where_name"], map[string]string{"section": w, "name": vars["name"]})
		}
		if vars["key"] != "" {
			w = fillString(s["evi_err_where_key"], map[string]string{"where": w, "key": vars["key"]})
		}
		vars["where"] = w
	}
	return fillString(tmpl, vars), ok
}

// wordArgs words args as the page does; a message of the catalogue among them (a
// detail) from the i18n string of its code. ok is false when one has no string.
func wordArgs(s map[string]string, args map[string]any) (vars map[string]string, ok bool) {
	vars, ok = map[string]string{}, true
	for name, v := range args {
		switch v := v.(type) {
		case diag.Msg:
			tmpl, found := s["evi_"+strings.TrimPrefix(v.Code, "evi_")] // the page strips evi_
			inner, innerOK := wordArgs(s, v.Args)
			vars[name], ok = fillString(tmpl, inner), ok && found && innerOK
		case int:
			vars[name] = strconv.Itoa(v)
		case []string:
			vars[name] = strings.Join(v, ", ")
			if len(v) == 0 {
				vars[name] = s["evi_none"]
			}
		case string:
			vars[name] = v
			if _, ok := terms[name]; ok {
				vars[name] = s["evi_err_"+name+"_"+v]
			}
		}
	}
	return vars, ok
}

func fillString(tmpl string, vars map[string]string) string {
	return placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		if v, ok := vars[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

// TestEnglishStringsMatchMessages: the English page words each error of codeCases as
// guide evi does (Error.Msg), and the French page words it completely.
func TestEnglishStringsMatchMessages(t *testing.T) {
	en, fr := i18nStrings(t, "en"), i18nStrings(t, "fr")
	for _, c := range codeCases() {
		t.Run(c.name, func(t *testing.T) {
			for _, e := range caseErrors(t, c) {
				got, ok := word(en, e)
				if !ok {
					t.Errorf("%s: no English string", e.Code)
				} else if got != e.Msg {
					t.Errorf("%s: the English string gives\n%s\nguide evi says\n%s", e.Code, got, e.Msg)
				}
				got, ok = word(fr, e)
				if !ok || placeholder.MatchString(got) || got == e.Msg {
					t.Errorf("%s: French %q (found %v)", e.Code, got, ok)
				}
			}
		})
	}
}

// TestErrorCodesInSource reads the package's source: the constants of type Code are
// exactly those of Codes, every Error is made by newError, and every call of newError
// or report names its code by one of those constants (or a variable named code).
func TestErrorCodesInSource(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]Code{}
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for i, n := range v.Names {
					lit := v.Values[i].(*ast.BasicLit)
					s, _ := strconv.Unquote(lit.Value)
					consts[n.Name] = Code(s)
				}
			}
		}
	}
	var declared []Code
	for _, c := range consts {
		declared = append(declared, c)
	}
	slices.Sort(declared)
	if !slices.Equal(declared, Codes()) {
		t.Errorf("constants of type Code:\n%v\nCodes():\n%v", declared, Codes())
	}
	for _, f := range parsed {
		var inNewError bool
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				inNewError = n.Name.Name == "newError"
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Error" && !inNewError {
					t.Errorf("%s: an Error made outside newError", fset.Position(n.Pos()))
				}
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				if name != "newError" && name != "report" {
					return true
				}
				named := false
				for _, arg := range n.Args {
					if id, ok := arg.(*ast.Ident); ok {
						if _, ok := consts[id.Name]; ok || id.Name == "code" {
							named = true
						}
					}
				}
				if !named {
					t.Errorf("%s: %s without a Code constant", fset.Position(n.Pos()), name)
				}
			}
			return true
		})
	}
}

// TestPageAndCatalogueAgree: the page's error strings (i18n evi_err_*) word the codes of
// the catalogue of package diag, the one guide evi prints from: none more but the
// page's own frame (the file's heading, the line and column, the advice).
func TestPageAndCatalogueAgree(t *testing.T) {
	pageOnly := []string{"evi_err_config", "evi_err_data", "evi_err_choices", "evi_err_line_col", "evi_err_line", "evi_err_col", "evi_err_note", "evi_err_read"}
	for _, lang := range []string{"en", "fr"} {
		for key := range i18nStrings(t, lang) {
			if !strings.HasPrefix(key, "evi_err_") || slices.Contains(pageOnly, key) {
				continue
			}
			if _, ok := diag.Template(lang, key); !ok {
				t.Errorf("i18n/%s.yaml: %s is not a code of the catalogue (tools/diag/catalogue_evi_%s.go)", lang, key, lang)
			}
		}
	}
}

// TestDetailsOnPage: the page's string of each detail of an error (i18n evi_<code>, for
// the catalogue's evi_geo_* and cause_* codes of detailCodes) is the catalogue's, in
// English and in French, but for the quotes that the catalogue's {name:q} adds and the
// page writes.
func TestDetailsOnPage(t *testing.T) {
	quoted := regexp.MustCompile(`\{(\w+):q\}`)
	quotes := map[string]string{"en": `"{$1}"`, "fr": "«\u00a0{$1}\u00a0»"}
	codes := detailCodes()
	if len(codes) < 60 {
		t.Fatalf("%d evi_geo_* and cause_* codes in the catalogue; the search lost its way", len(codes))
	}
	for _, lang := range diag.Languages {
		s := i18nStrings(t, lang)
		for _, c := range codes {
			cat, _ := diag.Template(lang, c)
			want := quoted.ReplaceAllString(cat, quotes[lang])
			key := c
			if !strings.HasPrefix(c, "evi_") {
				key = "evi_" + c
			}
			if got, ok := s[key]; !ok {
				t.Errorf("i18n/%s.yaml: no %s (the catalogue says %q)", lang, key, want)
			} else if got != want {
				t.Errorf("i18n/%s.yaml: %s is\n%q\nthe catalogue says\n%q", lang, key, got, want)
			}
		}
	}
}
