package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// secret is what a file outside data/ holds: no command may show, copy or convert it.
const secret = "id: evil\ntitle: {en: SECRET-MARKER, fr: SECRET-MARKER}\n"

// linkedCorpus copies the translations fixture into a temporary folder, with
// data/projects/evil.yaml (or data/projects itself with folder) a symbolic link to a
// place outside data/. It returns the data folder and the file outside.
func linkedCorpus(t *testing.T, folder bool) (data, outside string) {
	t.Helper()
	data = testutil.CopyTree(t, translationsCorpus)
	out := t.TempDir()
	outside = filepath.Join(out, "evil.yaml")
	if err := os.WriteFile(outside, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	link, target := filepath.Join(data, "projects", "evil.yaml"), outside
	if folder {
		link, target = filepath.Join(data, "resources"), out
		if err := os.RemoveAll(link); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	return data, outside
}

// TestNoCommandFollowsLinksOut: for a file and a folder of data/ that are symbolic links
// leading outside it, every command that reads data/ refuses them, naming them, and
// neither shows, copies nor rewrites what they lead to; the link itself stays a link.
func TestNoCommandFollowsLinksOut(t *testing.T) {
	commands := []struct {
		name string
		run  func(t *testing.T, data string) (int, string)
	}{
		{"validate", func(t *testing.T, data string) (int, string) {
			s, out, errOut := runCmd(cmdValidate, "-data", data)
			return s, out + errOut
		}},
		{"fmt", func(t *testing.T, data string) (int, string) {
			s, out, errOut := runCmd(cmdFmt, "-data", data)
			return s, out + errOut
		}},
		{"fmt -check", func(t *testing.T, data string) (int, string) {
			s, out, errOut := runCmd(cmdFmt, "-check", "-data", data)
			return s, out + errOut
		}},
		{"hugo-data", func(t *testing.T, data string) (int, string) {
			out := filepath.Join(t.TempDir(), "hugo-data")
			s, stdout, errOut := runCmd(cmdHugoData, "-data", data, "-out", out)
			filepath.WalkDir(filepath.Dir(out), func(path string, d fs.DirEntry, err error) error {
				if b, _ := os.ReadFile(path); err == nil && !d.IsDir() && strings.Contains(string(b), "SECRET-MARKER") {
					stdout += "copied into " + path + ": SECRET-MARKER"
				}
				return nil
			})
			return s, stdout + errOut
		}},
		{"translations", func(t *testing.T, data string) (int, string) {
			s, out, errOut := runCmd(cmdTranslations, "-data", data)
			return s, out + errOut
		}},
		{"translations -import", func(t *testing.T, data string) (int, string) {
			csv := filepath.Join(t.TempDir(), "todo.csv")
			rows := "file,id,key,source_language,target_language,source_text,translation\n" +
				"projects/evil.yaml,evil,title,en,fr,SECRET-MARKER,Traduit\n" +
				"resources/evil.yaml,evil,title,en,fr,SECRET-MARKER,Traduit\n" +
				"resources/index-tool.yaml,index-tool,title,en,fr,x,Traduit\n"
			if err := os.WriteFile(csv, []byte(rows), 0o644); err != nil {
				t.Fatal(err)
			}
			s, out, errOut := runCmd(cmdTranslations, "-data", data, "-import", csv)
			return s, out + errOut
		}},
		{"review", func(t *testing.T, data string) (int, string) {
			s, out, errOut := runCmd(cmdReview, "-data", data, "-older-than", "0m")
			return s, out + errOut
		}},
	}
	for _, folder := range []bool{false, true} {
		name := map[bool]string{false: "file", true: "folder"}[folder]
		for _, c := range commands {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				data, outside := linkedCorpus(t, folder)
				status, out := c.run(t, data)
				if strings.Contains(out, "SECRET-MARKER") {
					t.Errorf("the content behind the link came out:\n%s", out)
				}
				if b, _ := os.ReadFile(outside); string(b) != secret {
					t.Errorf("the file outside data/ was rewritten:\n%s", b)
				}
				link := filepath.Join(data, "projects", "evil.yaml")
				if folder {
					link = filepath.Join(data, "resources")
				}
				if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
					t.Errorf("the link was replaced (%v)", err)
				}
				if status == 0 || !strings.Contains(out, filepath.Base(link)) || !strings.Contains(out, "symbolic link") {
					t.Errorf("exit %d; want a refusal naming %s as a symbolic link:\n%s", status, filepath.Base(link), out)
				}
			})
		}
	}
}

// TestDataFolderAsLink: with data/ itself a symbolic link, fmt -check still finds the
// files that need formatting (and the CRLF ones), and validate reads them all.
func TestDataFolderAsLink(t *testing.T) {
	real := testutil.CopyTree(t, valid)
	data := filepath.Join(filepath.Dir(real), "data") // a link to a folder of the same project
	if err := os.Symlink(real, data); err != nil {
		t.Fatal(err)
	}
	if s, out, errOut := runCmd(cmdFmt, "-check", "-data", data); s != 0 {
		t.Fatalf("a formatted corpus: exit %d\n%s%s", s, out, errOut)
	}
	unformatted := filepath.Join(real, "projects", "alpha-outreach.yaml")
	b, _ := os.ReadFile(unformatted)
	if err := os.WriteFile(unformatted, []byte(strings.ReplaceAll(string(b), "\n", "\r\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	s, out, _ := runCmd(cmdFmt, "-check", "-data", data)
	if s != 1 || !strings.Contains(out, filepath.Join(data, "projects", "alpha-outreach.yaml")+": needs formatting") {
		t.Errorf("fmt -check through data/ as a link: exit %d\n%s", s, out)
	}
	if s, out, errOut := runCmd(cmdValidate, "-data", data); s != 0 || !strings.Contains(out, "files checked: 0 errors") {
		t.Errorf("validate of a CRLF file through data/ as a link: exit %d\n%s%s", s, out, errOut)
	}
	if s, out, _ := runCmd(cmdFmt, "-data", data); s != 0 || !strings.Contains(out, "formatted") {
		t.Errorf("fmt: exit %d\n%s", s, out)
	}
	if got, _ := os.ReadFile(unformatted); string(got) != string(b) {
		t.Errorf("fmt did not write LF line ends back")
	}
	if info, _ := os.Lstat(data); info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("data/ is no longer a link")
	}
}
