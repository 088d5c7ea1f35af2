package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteFunc: a write that fails halfway leaves the old file whole and no
// temporary file; a new file gets 0644; an existing file keeps its permissions.
func TestWriteFunc(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")

	if err := WriteFunc(path, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", info.Mode().Perm())
	}

	os.WriteFile(path, []byte("old\n"), 0o600)
	os.Chmod(path, 0o600)
	failure := errors.New("failed halfway")
	err := WriteFunc(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial\n", 100_000)) // more than the buffer: reaches the disk
		return failure
	})
	if !errors.Is(err, failure) {
		t.Errorf("got %v, want the write's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Errorf("file changed to %d bytes", len(got))
	}
	assertNoTemp(t, dir)

	if err := WriteFunc(path, func(w io.Writer) error { _, err := io.WriteString(w, "newer\n"); return err }); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "newer\n" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"newer\\n\" mode 0600", got, info.Mode().Perm())
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
