package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestCommandMessagesCoded reads the source of every command of tools/guide, and of
// packages edition, builtsite, pdf's pdf.go and browser.go, package pdffile, and evi's
// run, whose messages are worded from the catalogue: no message is
// written as English text (a string with words given to fmt.Fprint*, fmt.Errorf or
// errors.New; the usage texts aside), and every code they name as a literal is in the
// catalogue, with both languages (TestCatalogue in tools/diag checks the templates).
func TestCommandMessagesCoded(t *testing.T) {
	known := map[string]bool{}
	for _, c := range diag.Codes() {
		known[c] = true
	}
	// Functions whose first string argument is a code.
	coded := map[string]bool{"Text": true, "text": true, "Errorf": true, "M": true, "Wrap": true}
	files := []string{"../evi/run.go", "../edition/edition.go", "../builtsite/links.go", "../pdf/pdf.go", "../pdf/browser.go"}
	// Not messages: the program's name before one (usage lines come from the catalogue,
	// help_usage_line; flags' descriptions too, TestFlagDescriptionsCoded).
	allowed := map[string]bool{"guide %s: %s\n": true,
		// git's and tar's own words after the program's name, as causes.
		"git archive: %w: %s": true, "tar: %w: %s": true, "git %s: %w: %s": true,
		// The package comment's list of commands, files written, errUsage (never printed).
		"//\tguide %s\n": true, "%s.toml\n": true, "%s/%s.wasm\n": true, "usage": true}
	// Package pdffile's errors end up inside guide pdf's messages.
	pdffile, err := filepath.Glob("../pdf/pdffile/*.go")
	if err != nil {
		t.Fatal(err)
	}
	guide, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(guide, pdffile...) {
		if !strings.HasSuffix(p, "_test.go") {
			files = append(files, p)
		}
	}
	codes := 0
	for _, p := range files {
		writesPDF := strings.Contains(p, "pdffile") // its fmt.Fprint* write PDF syntax, not messages
		eachCall(t, p, func(fset *token.FileSet, call *ast.CallExpr, pkg string, sel *ast.SelectorExpr) {
			for _, arg := range call.Args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				switch {
				case (pkg == "fmt" || pkg == "errors") && sel.Sel.Name != "Sprintf" && hasWords(withoutProgram(s)) && !allowed[s] && !strings.HasPrefix(s, "usage: ") &&
					(!writesPDF || sel.Sel.Name == "Errorf" || sel.Sel.Name == "New"):
					t.Errorf("%s: English text %q; word it from the catalogue (diag.Text, diag.Errorf)", fset.Position(lit.Pos()), s)
				case pkg != "fmt" && pkg != "errors" && coded[sel.Sel.Name]:
					codes++
					if !known[s] {
						t.Errorf("%s: code %q is not in the catalogue", fset.Position(lit.Pos()), s)
					}
				}
				break // only the first string argument
			}
		})
	}
	// A helper of the file's own that formats text (logf, printf…) takes no English either.
	for _, p := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, _ := n.(*ast.CallExpr)
			if call == nil {
				return true
			}
			if id, _ := call.Fun.(*ast.Ident); id == nil || !strings.HasSuffix(id.Name, "f") {
				return true
			}
			for _, arg := range call.Args {
				if lit, ok := arg.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, _ := strconv.Unquote(lit.Value); hasWords(withoutProgram(s)) && !allowed[s] {
						t.Errorf("%s: English text %q; word it from the catalogue (diag.M)", fset.Position(lit.Pos()), s)
					}
				}
			}
			return true
		})
	}
	if codes < 20 {
		t.Errorf("%d codes found in %v; the scan lost its way", codes, files)
	}
}

// withoutProgram is s without the program's name that begins a message: "guide: " or
// "guide NAME: " for a command NAME of the table.
func withoutProgram(s string) string {
	if rest, ok := strings.CutPrefix(s, "guide: "); ok {
		return rest
	}
	for _, c := range commands {
		if rest, ok := strings.CutPrefix(s, "guide "+c.name+": "); ok {
			return rest
		}
	}
	return s
}

// hasWords reports whether s holds a word of two letters or more outside a format verb.
func hasWords(s string) bool {
	run := 0
	for i, r := range s {
		if i > 0 && s[i-1] == '%' {
			run = 0
			continue
		}
		if unicode.IsLetter(r) {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// TestCommandsInFrench: with -lang fr, guide evi, links and edition answer in French,
// the problems of evi's files included.
func TestCommandsInFrench(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "c.yaml")
	os.WriteFile(config, []byte("columns:\n  code: code\n  population: pop\nindicators:\n  x:\n    theme: t\n    direction: 2\n"), 0o644)
	data := filepath.Join(dir, "d.csv")
	os.WriteFile(data, []byte("code,pop,x\nA,1,2\n"), 0o644)
	for _, tc := range []struct {
		name   string
		run    func(args []string, stdout, stderr io.Writer) (int, error)
		args   []string
		status int
		want   string
	}{
		{"evi, file at fault", cmdEvi, []string{"--lang", "fr", "--config", config, data}, 1, "c.yaml:7: error: indicators\u00a0: «\u00a0x\u00a0»\u00a0: direction doit valoir 1"},
		{"evi, usage", cmdEvi, []string{"--lang", "fr", data}, 0, "guide evi: --config est obligatoire"},
		{"links", cmdLinks, []string{"-lang", "fr", "-site", dir, "-base-url", "https://x.test/"}, 1, "aucune page HTML"},
		{"edition", cmdEdition, []string{"list", "-lang", "fr", "-data", dir}, 1, "guide edition list: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status, _ := tc.run(tc.args, &out, &errOut)
			if status != tc.status || !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("status %d, stderr %q; want %d, %q", status, errOut.String(), tc.status, tc.want)
			}
		})
	}
}

// eachCall calls fn on each call of a selector (pkg.Name(…), x.Name(…)) in the Go file
// at path; pkg is the selector's identifier, "" when it is an expression.
func eachCall(t *testing.T, path string, fn func(fset *token.FileSet, call *ast.CallExpr, pkg string, sel *ast.SelectorExpr)) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				pkg := ""
				if x, _ := sel.X.(*ast.Ident); x != nil {
					pkg = x.Name
				}
				fn(fset, call, pkg, sel)
			}
		}
		return true
	})
}
