package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// messageMakers are the functions (of package diag, or a package's own helpers) whose
// arguments are a message's code and arguments.
var messageMakers = map[string]bool{
	"M": true, "Wrap": true, "Errorf": true, "Text": true, "New": true,
	"text": true, "errorf": true, "warnf": true, "say": true, "report": true,
	"newError": true, "detailError": true,
}

// errorTextArgs lists the places in src where an error's text (x.Error()) is the
// argument of a message: in a diag.A literal, or among the arguments of a function
// that makes a message. Such a cause is English in every language; diag.Cause words it.
func errorTextArgs(fset *token.FileSet, name string, src any) ([]token.Position, error) {
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		return nil, err
	}
	var found []token.Position
	look := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 0 {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
					found = append(found, fset.Position(call.Pos()))
				}
			}
			return true
		})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if isA(n.Type) {
				look(n)
				return false
			}
		case *ast.CallExpr:
			if messageMakers[calleeName(n.Fun)] {
				for _, a := range n.Args {
					look(a)
				}
				return false
			}
		}
		return true
	})
	return found, nil
}

// isA reports whether t is diag.A (or A, in package diag).
func isA(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name == "A"
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		return ok && x.Name == "diag" && t.Sel.Name == "A"
	}
	return false
}

func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// TestNoErrorTextInMessages reads the source of every program and package of tools/:
// no message has an error's English text (err.Error()) as an argument; diag.Cause
// gives the cause worded in both languages. The one exception is Cause's own fallback,
// the text of an error it does not know, marked as the system's.
func TestNoErrorTextInMessages(t *testing.T) {
	allowed := map[string]bool{"../diag/cause.go": true} // cause_system's {text}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		if allowed[filepath.ToSlash(path)] {
			return nil
		}
		files++
		found, err := errorTextArgs(fset, path, nil)
		if err != nil {
			return err
		}
		for _, p := range found {
			t.Errorf("%s: an error's English text as a message argument; pass diag.Cause(err)", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Errorf("%d files read; tools/ has more", files)
	}
}

// TestErrorTextArgsFinds: the scan finds what it is for, and leaves an error's text
// that is no message argument alone.
func TestErrorTextArgsFinds(t *testing.T) {
	src := `package p
func f(err error) {
	_ = diag.Wrap(err, "file_error", diag.A{"file": "x", "error": err.Error()})
	_ = diag.M("cannot_read", diag.A{"error": fmt.Sprint(err.Error())})
	_ = newError(1, "", CodeGeoSyntax, "detail", err.Error())
	_ = diag.Wrap(err, "file_error", diag.A{"file": "x", "error": diag.Cause(err)})
	if strings.Contains(err.Error(), "does not have any commits") {}
	fmt.Fprintln(w, err.Error())
}`
	found, err := errorTextArgs(token.NewFileSet(), "p.go", src)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range found {
		lines = append(lines, p.Line)
	}
	if len(lines) != 3 || lines[0] != 3 || lines[1] != 4 || lines[2] != 5 {
		t.Errorf("found on lines %v, want 3, 4 and 5", lines)
	}
}
