package wasmbuild

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBuildCache builds a one-program module three times through a cache: the second
// build (same sources, another output folder) must come from the cache with the same
// bytes, the third (one source changed) must compile again and leave one cache entry.
func TestBuildCache(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles WebAssembly")
	}
	repo := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(repo, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/w\n\ngo 1.22\n")
	write(Dir+"/hello/main.go", "package main\n\nfunc main() { println(\"one\") }\n")
	cache := t.TempDir()
	steps := []struct {
		name    string
		edit    func()
		cached  bool
		entries int // in the cache afterwards
	}{
		{"first build", func() {}, false, 1},
		{"unchanged sources", func() {}, true, 1},
		{"changed source", func() { write(Dir+"/hello/main.go", "package main\n\nfunc main() { println(\"two\") }\n") }, false, 2},
		{"unchanged again", func() {}, true, 2},
	}
	var prev []byte
	for i, s := range steps {
		s.edit()
		out := filepath.Join(t.TempDir(), "wasm")
		names, cached, err := build(repo, out, cache)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if len(names) != 1 || names[0] != "hello" {
			t.Fatalf("%s: programs %q, want [hello]", s.name, names)
		}
		if cached != s.cached {
			t.Errorf("%s: from the cache = %v, want %v", s.name, cached, s.cached)
		}
		b, err := os.ReadFile(filepath.Join(out, "hello.wasm"))
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: hello.wasm: %v (%d bytes)", s.name, err, len(b))
		}
		if _, err := os.Stat(filepath.Join(out, "wasm_exec.js")); err != nil {
			t.Errorf("%s: %v", s.name, err)
		}
		if i > 0 && bytes.Equal(b, prev) != s.cached {
			t.Errorf("%s: same bytes as the build before = %v, want %v", s.name, !s.cached, s.cached)
		}
		prev = b
		entries, err := os.ReadDir(cache)
		if err != nil || len(entries) != s.entries {
			t.Errorf("%s: cache holds %d entries (%v), want %d", s.name, len(entries), err, s.entries)
		}
	}
	// prune keeps the most recently used entries.
	for _, name := range []string{"old1", "old2", "old3"} {
		if err := os.Mkdir(filepath.Join(cache, name), 0o755); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(filepath.Join(cache, name), old, old)
	}
	prune(cache, 2)
	if entries, _ := os.ReadDir(cache); len(entries) != 2 || strings.HasPrefix(entries[0].Name(), "old") || strings.HasPrefix(entries[1].Name(), "old") {
		t.Errorf("after prune(2): %v, want the two build entries", entries)
	}
	// Without a cache, every build compiles.
	if _, cached, err := build(repo, t.TempDir(), ""); err != nil || cached {
		t.Errorf("no cache: cached %v, err %v", cached, err)
	}
}
