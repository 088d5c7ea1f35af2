package main

import (
	"bytes"
	"go/ast"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// TestHelpGolden: guide -h and guide validate -h in English and French, the language
// from the locale or from -lang before or after -h (UPDATE_GOLDEN=1 rewrites them).
func TestHelpGolden(t *testing.T) {
	for _, tc := range []struct {
		golden, locale string
		args           []string
	}{
		{"help.en", "en_CA.UTF-8", []string{"-h"}},
		{"help.fr", "fr_CA.UTF-8", []string{"-h"}},
		{"validate-help.en", "en_CA.UTF-8", []string{"validate", "-h"}},
		{"validate-help.fr", "fr_CA.UTF-8", []string{"validate", "-h"}},
		{"validate-help.fr", "", []string{"validate", "-lang", "fr", "-h"}},
		{"validate-help.fr", "", []string{"validate", "-h", "-lang", "fr"}},
		{"validate-help.fr", "", []string{"validate", "-h", "-lang=fr"}},
	} {
		t.Run(strings.Join(tc.args, " ")+" "+tc.locale, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tc.locale)
			var out bytes.Buffer
			if status := run(tc.args, &out, &out); status != 0 {
				t.Fatalf("exit %d, want 0:\n%s", status, out.String())
			}
			testutil.Golden(t, "./tools/guide", filepath.Join("testdata", tc.golden+".golden"), out.Bytes())
		})
	}
}

// TestHelpInFrench: every command's -h under a French locale is worded in French: its
// usage line, what it does and each flag's description differ from the English ones.
func TestHelpInFrench(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	for _, c := range commands {
		args := []string{c.name, "-h"}
		switch c.name {
		case "edition":
			args = []string{c.name, "build", "-h"}
		case "new":
			args = []string{c.name, "project", "-h"}
		}
		var fr, en bytes.Buffer
		t.Setenv("LANG", "fr_CA.UTF-8")
		run(args, &fr, &fr)
		t.Setenv("LANG", "en_CA.UTF-8")
		run(args, &en, &en)
		frLines, enLines := strings.Split(fr.String(), "\n"), strings.Split(en.String(), "\n")
		if !strings.HasPrefix(fr.String(), "usage\u00a0: guide "+c.name) || len(frLines) != len(enLines) {
			t.Errorf("guide %v:\n%s\nwant as many lines as in English, from \"usage\u00a0: guide %s\":\n%s", args, fr.String(), c.name, en.String())
			continue
		}
		for i, line := range frLines {
			if strings.HasPrefix(line, "    \t") && line == enLines[i] {
				t.Errorf("guide %v: %q is the English description", args, line)
			}
		}
	}
}

// TestFlagDescriptionsCoded: each flag's description in guide's commands is a code of
// the catalogue (help_flag_…), worded when -h prints it; guide new's come worded from
// package newentry.
func TestFlagDescriptionsCoded(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	defs := map[string]bool{"String": true, "Bool": true, "Int": true, "Int64": true, "Float64": true, "Duration": true}
	seen := 0
	for _, p := range files {
		if strings.HasSuffix(p, "_test.go") || p == "new.go" {
			continue
		}
		eachCall(t, p, func(fset *token.FileSet, call *ast.CallExpr, pkg string, sel *ast.SelectorExpr) {
			if pkg != "fs" || !defs[sel.Sel.Name] || len(call.Args) != 3 {
				return
			}
			seen++
			code := ""
			if lit, ok := call.Args[2].(*ast.BasicLit); ok {
				code, _ = strconv.Unquote(lit.Value)
			}
			if !strings.HasPrefix(code, "help_flag_") {
				t.Errorf("%s: the description is no help_flag_ code of the catalogue", fset.Position(call.Pos()))
			} else if err := diag.CheckArgs(code, helpArgs[code]); err != nil {
				t.Errorf("%s: %v", fset.Position(call.Pos()), err)
			}
		})
	}
	if seen < 50 {
		t.Errorf("%d flags found; the scan lost its way", seen)
	}
}
