package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestHostileCodes: every diagnostic of the hostile corpus (tools/hostile) has a code
// whose message names exactly its arguments, in both languages.
func TestHostileCodes(t *testing.T) {
	tax, err := os.ReadFile("../hostile/testdata/base/taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	err = filepath.WalkDir("../hostile/testdata/cases", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(filepath.ToSlash(path), "/data/") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(path)
		rel = "data/" + rel[strings.Index(rel, "/data/")+len("/data/"):]
		files++
		checkCodes(t, CheckBytes(rel, src, Corpus{Taxonomy: tax}, today))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("%d hostile files checked; the corpus has more", files)
	}
}

// TestCodesInSource reads the source of the checks and of the commands whose messages
// are coded (fmt, hugo-data, search-index, translations, review, new): a diagnostic is made from a code (errorf,
// warnf, fail, forbid, diag.New, diag.M, diag.Errorf, diag.Wrap), never as a
// diag.Diagnostic literal with a Message nor as an English error (fmt.Errorf,
// errors.New), and every code written as a literal is in the catalogue.
func TestCodesInSource(t *testing.T) {
	known := map[string]bool{}
	for _, c := range diag.Codes() {
		known[c] = true
	}
	codeArg := map[string]int{"errorf": -2, "warnf": -2, "fail": 1, "forbid": 1, "New": 5, "M": 0, "report": 1, "Errorf": 0, "Wrap": 1}
	// English errors that are never shown alone: sentinels that coded errors wrap.
	allowed := map[string]bool{`"refused to write"`: true, `"unreadable YAML (%v)"`: true,
		`"not a regular file (a named pipe, device or socket); put the YAML file itself here"`: true,
		`"symbolic link leads outside the data folder"`:                                        true,
		`"already exists"`: true, `"the input ended before the last question"`: true}
	literals := 0
	for _, dir := range []string{".", "../corpus", "../format", "../hugodata", "../searchindex", "../translations", "../review", "../newentry"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, p := range paths {
			if strings.HasSuffix(p, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Diagnostic" {
						t.Errorf("%s: a diag.Diagnostic literal; make it with diag.New and a code", fset.Position(n.Pos()))
					}
				case *ast.CallExpr:
					var name string
					switch fn := n.Fun.(type) {
					case *ast.Ident:
						name = fn.Name
					case *ast.SelectorExpr:
						name = fn.Sel.Name
						if x, ok := fn.X.(*ast.Ident); ok && (x.Name == "fmt" && name == "Errorf" || x.Name == "errors" && name == "New") {
							if lit, ok := n.Args[0].(*ast.BasicLit); !ok || !allowed[lit.Value] {
								t.Errorf("%s: an English error (%s.%s); use diag.Errorf or diag.Wrap with a code", fset.Position(n.Pos()), x.Name, name)
							}
							return true
						}
						if x, ok := fn.X.(*ast.Ident); ok && x.Name != "diag" && (name == "New" || name == "M" || name == "Wrap") {
							return true
						}
					}
					i, ok := codeArg[name]
					if !ok {
						return true
					}
					if i < 0 { // errorf(line, col, key, code, args) or errorf(node, key, code, args)
						i = len(n.Args) - 2
					}
					if i < 0 || i >= len(n.Args) {
						return true
					}
					if lit, ok := n.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						code, _ := strconv.Unquote(lit.Value)
						literals++
						if !known[code] && !strings.HasSuffix(code, "_") {
							t.Errorf("%s: code %q is not in the catalogue", fset.Position(lit.Pos()), code)
						}
					}
				}
				return true
			})
		}
	}
	if literals < 150 {
		t.Errorf("%d codes found in the source; the scan lost its way", literals)
	}
}
