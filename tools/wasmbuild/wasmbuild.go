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
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

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
//
// The programs are compiled and linked once per state of their inputs: the linked files
// are kept in the user's cache (CacheDir), named by a key made of the Go version, the
// build settings and the compiled archive of every package the programs import (go list
// -export names each by a hash of its content, so a change to any source file they
// depend on, in this repository or in a module, gives a new key). An unchanged build is
// then a copy (`make site` after `make wasm`, the benchmark's fresh corpora). The
// programs are built with -buildvcs=false, so their bytes depend on the sources and not
// on the state of the git checkout (a data edit would otherwise mark them "modified").
func Build(repo, out string) ([]string, error) {
	names, _, err := build(repo, out, CacheDir())
	return names, err
}

// CacheDir is where Build keeps the linked programs between builds ("" when the system
// gives no user cache folder: every build then compiles).
func CacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "guide-iad", "wasm")
}

// buildFlags are go build's and go list's (the same compiled archives for both);
// ldflags, the linker's.
var buildFlags = []string{"-trimpath", "-buildvcs=false"}

const ldflags = "-ldflags=-s -w"

// build is Build with the cache folder given ("": none); cached tells whether the
// programs came from it.
func build(repo, out, cache string) (names []string, cached bool, err error) {
	names, err = Programs(repo)
	if err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, false, err
	}
	env, err := goEnv(repo, "GOROOT", "GOVERSION")
	if err != nil {
		return nil, false, err
	}
	goroot, version := env[0], env[1]
	execJS, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		// Go before 1.24 kept it under misc/wasm.
		if execJS, err = os.ReadFile(filepath.Join(goroot, "misc", "wasm", "wasm_exec.js")); err != nil {
			return nil, false, fmt.Errorf("wasm_exec.js not found in the Go distribution at %s: %w", goroot, err)
		}
	}
	if err := atomicfile.Write(filepath.Join(out, "wasm_exec.js"), execJS); err != nil {
		return nil, false, err
	}
	pkgs := make([]string, len(names))
	for i, name := range names {
		pkgs[i] = "./" + Dir + "/" + name
	}
	dir := "" // the cache entry of these inputs, when there is one
	if cache != "" {
		if key, err := inputKey(repo, version, pkgs); err == nil { // else go build says what is wrong
			dir = filepath.Join(cache, key)
		}
	}
	if dir != "" && complete(dir, names) && copyOut(dir, out, names) == nil {
		now := time.Now()
		os.Chtimes(dir, now, now) // the most recently used entry, pruned last
		return names, true, nil
	}
	// Compiled into the cache entry (anew if another build pruned it meanwhile), or into a
	// temporary folder without a cache.
	if dir == "" {
		tmp, err := os.MkdirTemp("", "guide-wasm-")
		if err != nil {
			return nil, false, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if err := compile(repo, pkgs, names, dir); err != nil {
		return nil, false, err
	}
	if err := copyOut(dir, out, names); err != nil {
		return nil, false, err
	}
	if cache != "" && filepath.Dir(dir) == cache {
		prune(cache, keepEntries)
	}
	return names, false, nil
}

// copyOut copies the programs from dir into out.
func copyOut(dir, out string, names []string) error {
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, name+".wasm"))
		if err != nil {
			return err
		}
		if err := atomicfile.Write(filepath.Join(out, name+".wasm"), b); err != nil {
			return err
		}
	}
	return nil
}

// compile builds pkgs (one go build: it links the programs in parallel) into dir as
// NAME.wasm, each file complete before it is renamed to its name.
func compile(repo string, pkgs, names []string, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(dir, ".build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	args := append(append([]string{"build"}, buildFlags...), ldflags, "-o", tmp+string(filepath.Separator))
	cmd := exec.Command("go", append(args, pkgs...)...)
	cmd.Dir = repo
	cmd.Env = wasmEnv()
	if output, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building %s: %w\n%s", strings.Join(names, ".wasm, ")+".wasm", err, output)
	}
	for _, name := range names {
		// go build -o DIR/ names each program after its folder (no suffix for js/wasm).
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(dir, name+".wasm")); err != nil {
			return err
		}
	}
	return nil
}

// complete tells whether dir holds every program.
func complete(dir string, names []string) bool {
	for _, name := range names {
		if fi, err := os.Stat(filepath.Join(dir, name+".wasm")); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// keepEntries is how many cache entries prune keeps (about 13 MB each): the most
// recently used, so that checkouts of other commits sharing the cache (git worktrees)
// do not remove each other's entry while it is in use.
const keepEntries = 4

// prune removes the cache's entries but the keep most recently used.
func prune(cache string, keep int) {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return
	}
	type entry struct {
		name string
		used time.Time
	}
	var list []entry
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			list = append(list, entry{e.Name(), fi.ModTime()})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].used.After(list[j].used) })
	for i := keep; i < len(list); i++ {
		os.RemoveAll(filepath.Join(cache, list[i].name))
	}
}

// inputKey names what the programs pkgs are linked from: the Go version, the target,
// the build flags and GOFLAGS, and every imported package with its compiled archive
// (go list -export compiles what is not in Go's build cache, as go build would).
func inputKey(repo, version string, pkgs []string) (string, error) {
	args := append(append([]string{"list"}, buildFlags...), "-deps", "-export", "-f", "{{.ImportPath}} {{.Export}}")
	cmd := exec.Command("go", append(args, pkgs...)...)
	cmd.Dir = repo
	cmd.Env = wasmEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	list, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list: %w: %s", err, stderr.String())
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s %s\n%s\nGOFLAGS=%s\n%s\n", version, strings.Join(buildFlags, " "), ldflags, strings.Join(pkgs, " "), os.Getenv("GOFLAGS"), list)
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

func wasmEnv() []string {
	return append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
}

// goEnv returns the values of go env keys..., in their order.
func goEnv(repo string, keys ...string) ([]string, error) {
	cmd := exec.Command("go", append([]string{"env"}, keys...)...)
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env %s: %w: %s", strings.Join(keys, " "), err, stderr.String())
	}
	values := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(values) != len(keys) {
		return nil, fmt.Errorf("go env %s: %d values", strings.Join(keys, " "), len(values))
	}
	return values, nil
}
