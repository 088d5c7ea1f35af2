package wasmbuild

import (
	"bytes"
	"go/ast"
	gobuild "go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestProgramsWordTheirCodes: a browser program carries the words of the catalogue's
// areas its main package uses (diag.Use) and the catalogue's base, not the others
// (tools/diag, areas.go). Every code its packages can show must be among them, or the
// page would show a bare code: a code is one the program can show when a string of its
// packages' sources (as built for the browser; the catalogue's own files aside) is the
// code, or is a prefix ending in "_" that code starts with (evi's "evi_err_" + code).
// And each area it uses must hold a code it can show, and the base (the codes in no
// area, which every program carries) only codes it can show, or the program downloads
// words for nothing.
func TestProgramsWordTheirCodes(t *testing.T) {
	repo, names := programs(t)
	areaOf := map[string]string{} // code → the area holding it; base codes are in none
	for name, a := range diag.Areas {
		en, _ := a()
		for _, m := range en {
			for code := range m {
				areaOf[code] = name
			}
		}
	}
	codes := diag.Codes()
	ctx := gobuild.Default
	ctx.GOOS, ctx.GOARCH = "js", "wasm"
	for _, name := range names {
		deps := programDeps(t, repo, name)
		used := usedAreas(t, ctx, deps[module+"/"+Dir+"/"+name])
		if len(used) == 0 {
			t.Errorf("%s: its main package uses no area of the catalogue (diag.Use)", name)
		}
		for _, a := range used {
			if _, ok := diag.Areas[a]; !ok {
				t.Errorf("%s: diag.Use(diag.%s): not an area of diag.Areas", name, a)
			}
		}
		shown := map[string]string{} // code → a package that names it
		for path, dir := range deps {
			if !strings.HasPrefix(path, module+"/") {
				continue
			}
			for _, s := range sourceStrings(t, ctx, dir) {
				for _, c := range codes {
					if c == s || strings.HasSuffix(s, "_") && strings.HasPrefix(c, s) {
						shown[c] = strings.TrimPrefix(path, module+"/")
					}
				}
			}
		}
		if len(shown) < 3 {
			t.Errorf("%s: %d codes found in its packages' sources; the scan lost its way", name, len(shown))
		}
		needed := map[string]bool{}
		for code, pkg := range shown {
			area := areaOf[code]
			needed[area] = true
			if area != "" && !slices.Contains(used, area) {
				t.Errorf("%s: %s names code %q of area %s, which the program does not use: add diag.%[4]s to its diag.Use", name, pkg, code, area)
			}
		}
		for _, code := range codes {
			if _, ok := areaOf[code]; !ok && shown[code] == "" {
				t.Errorf("%s: code %q is in no area (a file of tools/diag adds it by init), so every browser program carries it, and %s does not show it: put its file's maps into an Area of tools/diag/areas.go (Commands for the command line's own) and drop the init", name, code, name)
			}
		}
		for _, a := range used {
			if !needed[a] {
				t.Errorf("%s: uses area %s but its packages name none of its codes: remove it from diag.Use", name, a)
			}
		}
	}
}

// usedAreas lists the areas the package in dir passes to diag.Use (diag.NAME).
func usedAreas(t *testing.T, ctx gobuild.Context, dir string) []string {
	t.Helper()
	var areas []string
	eachFile(t, ctx, dir, func(_ string, f *ast.File) {
		ast.Inspect(f, func(n ast.Node) bool {
			if fn, _ := callee(n); fn != "diag.Use" {
				return true
			}
			call := n.(*ast.CallExpr)
			for _, arg := range call.Args {
				if s, ok := arg.(*ast.SelectorExpr); ok {
					areas = append(areas, s.Sel.Name)
				} else {
					t.Errorf("%s: diag.Use's argument is not diag.AREA", dir)
				}
			}
			return true
		})
	})
	return areas
}

// callee names the function n calls as pkg.Name, when n is a call of a selector.
func callee(n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	return x.Name + "." + sel.Sel.Name, true
}

// sourceStrings lists the string literals of the package in dir, as built for ctx:
// neither import paths nor struct tags, nor the catalogue's files of package diag.
func sourceStrings(t *testing.T, ctx gobuild.Context, dir string) []string {
	t.Helper()
	var out []string
	eachFile(t, ctx, dir, func(name string, f *ast.File) {
		if f.Name.Name == "diag" && (strings.HasPrefix(name, "catalogue_") || name == "areas.go") {
			return
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false
			case *ast.Field:
				if n.Type != nil {
					ast.Inspect(n.Type, func(m ast.Node) bool { return inspectString(m, &out) })
				}
				return false // its tag is not a message
			}
			return inspectString(n, &out)
		})
	})
	return out
}

func inspectString(n ast.Node, out *[]string) bool {
	if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if s, err := strconv.Unquote(lit.Value); err == nil {
			*out = append(*out, s)
		}
	}
	return true
}

// eachFile parses each Go file of the package in dir that ctx builds, tests aside.
func eachFile(t *testing.T, ctx gobuild.Context, dir string, fn func(name string, f *ast.File)) {
	t.Helper()
	p, err := ctx.ImportDir(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		fn(name, f)
	}
}

// TestProgramsCarryOnlyTheirWords builds the browser programs: each holds the words of
// the areas it uses and not those of the others (the linker leaves out the maps of an
// area no code uses; were one to call a function that lists every area, the words of
// all would come back, and the download with them). An area is looked for by its
// longest English template.
func TestProgramsCarryOnlyTheirWords(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles WebAssembly")
	}
	repo, names := programs(t)
	out := t.TempDir()
	if _, err := Build(repo, out); err != nil {
		t.Fatal(err)
	}
	ctx := gobuild.Default
	ctx.GOOS, ctx.GOARCH = "js", "wasm"
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(out, name+".wasm"))
		if err != nil {
			t.Fatal(err)
		}
		used := usedAreas(t, ctx, filepath.Join(repo, Dir, name))
		for area, a := range diag.Areas {
			longest := ""
			en, _ := a()
			for _, m := range en {
				for _, tmpl := range m {
					if len(tmpl) > len(longest) {
						longest = tmpl
					}
				}
			}
			if got, want := bytes.Contains(b, []byte(longest)), slices.Contains(used, area); got != want {
				t.Errorf("%s.wasm holds the words of area %s: %v, want %v (%.40q…)", name, area, got, want, longest)
			}
		}
	}
}
