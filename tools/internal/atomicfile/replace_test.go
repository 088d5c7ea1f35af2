package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestReplace: the file is replaced only if it still holds what was read; otherwise,
// or for a symbolic link, nothing changes on disk and no temporary file stays.
func TestReplace(t *testing.T) {
	cases := []struct {
		name    string
		setup   func(t *testing.T, dir, path string) // after the read of "old\n"
		want    error
		content string // of path afterwards (through the link for a link)
	}{
		{"unchanged", func(*testing.T, string, string) {}, nil, "new\n"},
		{"changed meanwhile", func(t *testing.T, _, path string) {
			must(t, os.WriteFile(path, []byte("theirs\n"), 0o644))
		}, ErrChanged, "theirs\n"},
		{"removed meanwhile", func(t *testing.T, _, path string) { must(t, os.Remove(path)) }, ErrChanged, ""},
		{"symbolic link", func(t *testing.T, dir, path string) {
			outside := filepath.Join(t.TempDir(), "outside.yaml")
			must(t, os.WriteFile(outside, []byte("old\n"), 0o644))
			must(t, os.Remove(path))
			must(t, os.Symlink(outside, path))
		}, ErrLink, "old\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.yaml")
			must(t, os.WriteFile(path, []byte("old\n"), 0o600))
			c.setup(t, dir, path)
			err := Replace(path, []byte("old\n"), []byte("new\n"))
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			got, _ := os.ReadFile(path)
			if string(got) != c.content {
				t.Errorf("file holds %q, want %q", got, c.content)
			}
			if info, err := os.Lstat(path); c.want == ErrLink && (err != nil || info.Mode()&os.ModeSymlink == 0) {
				t.Errorf("the link was replaced")
			}
			if c.want == nil {
				if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
					t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
				}
			}
			assertNoTemp(t, dir)
		})
	}
}

// TestWriteFuncRefusesLink: WriteFunc never turns a symbolic link into a copy.
func TestWriteFuncRefusesLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "target")
	must(t, os.WriteFile(target, []byte("kept\n"), 0o644))
	link := filepath.Join(dir, "link")
	must(t, os.Symlink(target, link))
	if err := Write(link, []byte("new\n")); !errors.Is(err, ErrLink) {
		t.Fatalf("got %v, want ErrLink", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "kept\n" {
		t.Errorf("target changed to %q", got)
	}
	assertNoTemp(t, dir)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
