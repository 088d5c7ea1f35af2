package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const validProject = "id: x\ntitle: {en: T, fr: T}\n"

// TestRead: what the reader accepts and refuses, and where it says the problem is.
func TestRead(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want string // the first diagnostic, "" when accepted
		crlf bool
	}{
		{"valid", validProject, "", false},
		{"crlf", strings.ReplaceAll(validProject, "\n", "\r\n"), "", true},
		{"crlf keeps positions", "id: x\r\ntitle: {en: T, fr: T}\r\nbad: &a 1\r\n", "x.yaml:3:6: error: YAML anchor `&a`", true},
		{"lone cr", "id: x\rtitle: T\n", "x.yaml:1:6: error: carriage return without a line feed", false},
		{"two documents", validProject + "---\nid: y\n", "x.yaml:3:1: error: more than one YAML document", false},
		{"too large", "id: x\nsummary: " + strings.Repeat("a", MaxFileSize) + "\n", "x.yaml: error: file is 1048592 bytes; the limit is", false},
		{"bom", "\xef\xbb\xbf" + validProject, "x.yaml:1:1: error: file starts with a UTF-8 byte order mark", false},
		{"alias", "id: &a x\ntitle: *a\n", "x.yaml:1:5: error: YAML anchor", false},
		{"deep", "a:" + strings.Repeat(" [", MaxDepth+2) + strings.Repeat("]", MaxDepth+2) + "\n", "error: nesting deeper than", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data", "projects")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "x.yaml")
			if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			f := ReadPath(filepath.Dir(dir), path)
			var got string
			if len(f.Diags) > 0 {
				got = f.Diags[0].String()
			}
			if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			if f.CRLF != c.crlf {
				t.Errorf("CRLF %v, want %v", f.CRLF, c.crlf)
			}
			if c.want == "" && (f.Root == nil || string(f.OnDisk()) != c.src || strings.Contains(string(f.Src), "\r")) {
				t.Errorf("accepted file: root %v, src %q, on disk %q", f.Root, f.Src, f.OnDisk())
			}
			if c.want != "" && f.Err() == nil {
				t.Errorf("Err() is nil for a refused file")
			}
		})
	}
}

// TestReadHugeFileQuickly: a 50 MB file is refused after reading 1 MiB of it.
func TestReadHugeFileQuickly(t *testing.T) {
	data := t.TempDir()
	path := filepath.Join(data, "taxonomy.yaml")
	if err := os.WriteFile(path, []byte("themes:\n"+strings.Repeat("  - {code: x, en: y, fr: z}\n", 2_000_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	f := ReadPath(data, path)
	if f.Err() == nil || !strings.Contains(f.Err().Error(), "the limit is 1048576 bytes") {
		t.Fatalf("got %v", f.Err())
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

// TestListLinks: links inside data/ may name a file of data/; one leading out, or to a
// folder, is listed with its problem; data/ itself a link is walked, files named under it.
func TestListLinks(t *testing.T) {
	project := t.TempDir()
	real := filepath.Join(project, "real")
	for _, d := range []string{"projects", "contacts"} {
		if err := os.MkdirAll(filepath.Join(real, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(real, "projects", "a.yaml"), validProject)
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	write(outside, "id: secret\n")
	links := map[string]string{
		filepath.Join(real, "projects", "inside.yaml"):  filepath.Join(real, "projects", "a.yaml"),
		filepath.Join(real, "projects", "outside.yaml"): outside,
		filepath.Join(real, "projects", "folder.yaml"):  filepath.Join(real, "contacts"),
		filepath.Join(real, "resources"):                filepath.Dir(outside),
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	data := filepath.Join(project, "data") // a link to a folder of the same project
	if err := os.Symlink(real, data); err != nil {
		t.Fatal(err)
	}
	sources, err := List(data)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range sources {
		got[s.Path] = s.Problem.Text("en")
		if f := Read(s); s.Problem.Code == "" && f.Err() != nil {
			t.Errorf("%s: %v", s.Path, f.Err())
		}
	}
	want := map[string]string{
		"projects/a.yaml":       "",
		"projects/inside.yaml":  "",
		"projects/outside.yaml": "symbolic link leads outside the data folder",
		"projects/folder.yaml":  "symbolic link to a folder",
		"resources":             "symbolic link leads outside the data folder",
	}
	if len(got) != len(want) {
		t.Errorf("listed %v", got)
	}
	for rel, problem := range want {
		p, ok := got[filepath.Join(data, rel)]
		if !ok || problem == "" && p != "" || !strings.HasPrefix(p, problem) {
			t.Errorf("%s: problem %q (listed %v), want %q", rel, p, ok, problem)
		}
	}
	// Named under data/ through the folder link: refused, not read as a file from elsewhere.
	if f := ReadPath(data, filepath.Join(data, "resources", "secret.yaml")); f.Err() == nil || !strings.Contains(f.Err().Error(), "symbolic link") {
		t.Errorf("through a folder link: %v", f.Err())
	}
	// A link swapped in after listing is refused when read.
	for _, s := range sources {
		if s.Path == filepath.Join(data, "projects", "a.yaml") {
			os.Remove(filepath.Join(real, "projects", "a.yaml"))
			os.Symlink(outside, filepath.Join(real, "projects", "a.yaml"))
			if f := Read(s); f.Err() == nil || f.Src != nil {
				t.Errorf("a link swapped in after listing was read: %v", f.Err())
			}
		}
	}
}

// TestDataFolderLinkOutside: data/ as a link is followed only inside the project that
// holds it; a link to anywhere else is refused by every command (a finding, exit 1).
func TestDataFolderLinkOutside(t *testing.T) {
	elsewhere := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(filepath.Join(elsewhere, "projects"), 0o755); err != nil {
		t.Fatal(err)
	}
	project := t.TempDir()
	data := filepath.Join(project, "data")
	if err := os.Symlink(elsewhere, data); err != nil {
		t.Fatal(err)
	}
	for name, call := range map[string]func() error{
		"RealDir": func() error { _, err := RealDir(data); return err },
		"List":    func() error { _, err := List(data); return err },
	} {
		err := call()
		var rejected *RejectedError
		if !errors.As(err, &rejected) || !strings.Contains(err.Error(), "outside the project") {
			t.Errorf("%s: %v, want a RejectedError naming the link outside the project", name, err)
		}
	}
}

// TestReadSpecialFile: a named pipe in data/ is refused without being opened (opening
// one waits for a writer forever).
func TestReadSpecialFile(t *testing.T) {
	data := t.TempDir()
	if err := os.MkdirAll(filepath.Join(data, "projects"), 0o755); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(data, "projects", "pipe.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	sources, err := List(data)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- Read(sources[0]).Err() }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("named pipe: %v, want refused as not a regular file", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a named pipe blocked")
	}
}
