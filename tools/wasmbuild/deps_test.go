package wasmbuild

import (
	"os"
	"os/exec"
	"path/filepath"
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

// TestProgramsLinkOnlyWhatTheyUse: go list -deps of every browser program, built for
// the browser, has none of notLinked.
func TestProgramsLinkOnlyWhatTheyUse(t *testing.T) {
	repo, names := programs(t)
	for _, name := range names {
		deps := programDeps(t, repo, name)
		for _, p := range notLinked {
			if _, ok := deps[p]; ok {
				t.Errorf("%s.wasm links %s", name, p)
			}
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
