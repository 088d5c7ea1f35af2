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
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	names, err := Programs(repo)
	if err != nil || len(names) == 0 {
		t.Fatalf("programs: %v, %v", names, err)
	}
	for _, name := range names {
		cmd := exec.Command("go", "list", "-deps", "./"+Dir+"/"+name)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", name, err)
		}
		deps := map[string]bool{}
		for _, p := range strings.Fields(string(out)) {
			deps[p] = true
		}
		if !deps["github.com/pssdc/guide-iad/"+Dir+"/"+name] {
			t.Fatalf("%s: go list names no program: %s", name, out)
		}
		for _, p := range notLinked {
			if deps[p] {
				t.Errorf("%s.wasm links %s", name, p)
			}
		}
	}
}
