package wasmbuild

import (
	"go/ast"
	gobuild "go/build"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// notLinked are packages no browser program may link: each is there for the command
// line only (writing files, reading the site's TOML configuration, net/mail for one
// check that tools/check does without it) and costs the reader download time
// (docs/site.md, Performance).
var notLinked = []string{
	"net/mail",
	"net",
	"crypto/sha256",
	"github.com/pelletier/go-toml/v2",
	"github.com/pssdc/guide-iad/tools/internal/atomicfile",
	"math/rand/v2",
}

// notCalled are functions of packages a browser program needs anyway that link much
// for little: fmt's scanner (62 KB of code for one Sscanf in tools/corpus, which reads
// the number itself; docs/site.md, Performance).
var notCalled = []string{"fmt.Sscanf", "fmt.Sscan", "fmt.Sscanln", "fmt.Fscanf", "fmt.Fscan", "fmt.Fscanln", "fmt.Scanf", "fmt.Scan", "fmt.Scanln"}

// TestProgramsLinkOnlyWhatTheyUse: go list -deps of every browser program, built for
// the browser, has none of notLinked, and the sources of the packages of this
// repository it links (as built for the browser) call none of notCalled.
func TestProgramsLinkOnlyWhatTheyUse(t *testing.T) {
	repo, names := programs(t)
	ctx := gobuild.Default
	ctx.GOOS, ctx.GOARCH = "js", "wasm"
	for _, name := range names {
		deps := programDeps(t, repo, name)
		for _, p := range notLinked {
			if _, ok := deps[p]; ok {
				t.Errorf("%s.wasm links %s", name, p)
			}
		}
		for path, dir := range deps {
			if !strings.HasPrefix(path, module+"/") {
				continue
			}
			eachFile(t, ctx, dir, func(file string, f *ast.File) {
				ast.Inspect(f, func(n ast.Node) bool {
					if fn, ok := callee(n); ok && slices.Contains(notCalled, fn) {
						t.Errorf("%s.wasm: %s/%s calls %s", name, path, file, fn)
					}
					return true
				})
			})
		}
	}
}

// programs returns the repository's root and its browser programs.
func programs(t *testing.T) (repo string, names []string) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	names, err = Programs(repo)
	if err != nil || len(names) == 0 {
		t.Fatalf("programs: %v, %v", names, err)
	}
	return repo, names
}

// programDeps is go list -deps of the program name built for the browser: every package
// it links, by import path, with its folder.
func programDeps(t *testing.T, repo, name string) map[string]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}\t{{.Dir}}", "./"+Dir+"/"+name)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", name, err)
	}
	deps := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, dir, _ := strings.Cut(line, "\t")
		deps[path] = dir
	}
	if _, ok := deps[module+"/"+Dir+"/"+name]; !ok {
		t.Fatalf("%s: go list names no program: %s", name, out)
	}
	return deps
}

// module is the repository's module path.
const module = "github.com/pssdc/guide-iad"
