// Package wasmbuild compiles the Go programs that the website runs in the browser
// (GOOS=js GOARCH=wasm) and copies the Go distribution's wasm_exec.js beside them, so
// that the browser runs the very rules and computations of the command line.
//
// Every folder under tools/wasm/ with a main package is one program; NAME becomes
// NAME.wasm. The output (SiteDir, assets/wasm/, for `make site`; a test's staged site
// otherwise) is generated, never committed. It goes to Hugo's assets, not to static/:
// the pages name each file through Hugo's fingerprint (layouts/_partials/wasm-url.html),
// so its address holds a hash of its content and a host may let browsers keep it for a
// year (docs/site.md, Performance); a file that is not used is not published.
//
// The build is as small as the Go toolchain makes it without changing the programs:
// -trimpath, and -ldflags=-s -w (no symbol table, no DWARF).
package wasmbuild

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
)

// Dir is where the browser programs live, relative to the repository.
const Dir = "tools/wasm"

// SiteDir is where `guide wasm` writes them in a site, relative to its root: Hugo's
// assets, whence the templates publish them under content-hashed names.
const SiteDir = "assets/wasm"

// Programs lists the names of the browser programs of the repository at repo.
func Programs(repo string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(repo, Dir))
	if err != nil {
		return nil, fmt.Errorf("listing browser programs: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(repo, Dir, e.Name(), "main.go")); err == nil {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// Build compiles every program of repo into out/NAME.wasm, copies wasm_exec.js into
// out and returns the programs' names. Each file is written under a temporary name and
// renamed, so a failed build leaves the previous files whole.
func Build(repo, out string) ([]string, error) {
	names, err := Programs(repo)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	goroot, err := goEnv(repo, "GOROOT")
	if err != nil {
		return nil, err
	}
	execJS, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		// Go before 1.24 kept it under misc/wasm.
		if execJS, err = os.ReadFile(filepath.Join(goroot, "misc", "wasm", "wasm_exec.js")); err != nil {
			return nil, fmt.Errorf("wasm_exec.js not found in the Go distribution at %s: %w", goroot, err)
		}
	}
	if err := atomicfile.Write(filepath.Join(out, "wasm_exec.js"), execJS); err != nil {
		return nil, err
	}
	for _, name := range names {
		target := filepath.Join(out, name+".wasm")
		tmp := target + ".tmp"
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", tmp, "./"+Dir+"/"+name)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
		if output, err := cmd.CombinedOutput(); err != nil {
			os.Remove(tmp)
			return nil, fmt.Errorf("building %s.wasm: %w\n%s", name, err, output)
		}
		if err := os.Rename(tmp, target); err != nil {
			os.Remove(tmp)
			return nil, err
		}
	}
	return names, nil
}

func goEnv(repo, key string) (string, error) {
	cmd := exec.Command("go", "env", key)
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w: %s", key, err, stderr.String())
	}
	return strings.TrimSpace(string(b)), nil
}
