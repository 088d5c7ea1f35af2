// Package testutil holds what the command packages' tests share: golden files and
// writable copies of fixture folders.
package testutil

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Update is the -update flag of the tests that use Golden: rewrite the golden files.
var Update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// Golden compares got with the file at path, or rewrites the file under -update. pkg
// names the package for the hint, e.g. "./tools/review".
func Golden(t testing.TB, pkg, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s -update)", err, pkg)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update if intended)\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// CopyTree copies the folder src into a temporary folder of the test and returns the
// copy's path, for tests that write to a corpus.
func CopyTree(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// ReadTree reads every file under root, by its slash path relative to root: for
// comparing two builds or a folder before and after a command.
func ReadTree(t testing.TB, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// ReportCPU starts counting the processor time of a benchmark's loop; the function it
// returns reports it per operation as unit, "cpu-ns/op" or "cpu-s/op" (CPUTime: every
// thread and waited-for child, the garbage collector's included). Nothing is reported
// where the system does not say it.
func ReportCPU(b *testing.B, unit string) func() {
	start := CPUTime()
	return func() {
		if !CPUKnown || b.N == 0 {
			return
		}
		used := CPUTime() - start
		v := float64(used.Nanoseconds())
		if unit == "cpu-s/op" {
			v = used.Seconds()
		}
		b.ReportMetric(v/float64(b.N), unit)
	}
}
