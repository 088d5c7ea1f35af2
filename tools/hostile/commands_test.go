package hostile

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// command is one way of running a command of guide on a staged project (cwd = project,
// corpus data/); outputs are the files and folders it may write, under the project.
type command struct {
	name    string
	args    []string
	outputs []string
}

var refusingCommands = []command{
	{"fmt", []string{"fmt"}, nil},
	{"fmt -check", []string{"fmt", "-check"}, nil},
	{"hugo-data", []string{"hugo-data", "-data", "data", "-out", "out/hugo-data"}, []string{"out"}},
	{"translations", []string{"translations", "-data", "data", "-o", "out/worklist.csv"}, []string{"out"}},
}

// TestCommandsRefuse: on the symbolic-link, pipe, multi-document and size cases, fmt,
// hugo-data and translations exit 1 (a finding), change no byte and no link under the
// project (data/ and the files outside it that links point at), and nothing they write
// or print holds the content of a file outside data/ (secretTag).
func TestCommandsRefuse(t *testing.T) {
	n := 0
	for _, c := range loadCases(t) {
		if c.Expect.Commands != "refuse" {
			continue
		}
		n++
		for _, cmd := range refusingCommands {
			t.Run(c.Name+"/"+cmd.name, func(t *testing.T) {
				t.Parallel() // most of a hung command's time is waiting to be killed
				dir := t.TempDir()
				proj, err := stage(c, dir)
				if err != nil {
					t.Fatalf("staging: %v", err)
				}
				if err := os.MkdirAll(filepath.Join(proj, "out"), 0o755); err != nil {
					t.Fatal(err)
				}
				before, err := snapshot(proj, cmd.outputs)
				if err != nil {
					t.Fatal(err)
				}
				r := guide(proj, cmd.args...)
				t.Logf("guide %s: exit %d in %s", strings.Join(cmd.args, " "), r.Code, r.Took.Round(1e6))
				if r.Code != 1 {
					t.Errorf("class %s: guide %s must refuse this corpus with exit 1 (a finding, naming the file); got %s", c.Expect.Class, strings.Join(cmd.args, " "), r)
				}
				after, err := snapshot(proj, cmd.outputs)
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range diffSnapshots(before, after) {
					t.Errorf("class %s: guide %s changed %s (a command must never rewrite, replace or remove what the validator rejects)", c.Expect.Class, strings.Join(cmd.args, " "), d)
				}
				for _, leak := range leaks(proj, cmd.outputs, r) {
					t.Errorf("class %s: guide %s copied the content of a file outside data/ into %s", c.Expect.Class, strings.Join(cmd.args, " "), leak)
				}
			})
		}
	}
	if n < 10 {
		t.Errorf("only %d cases marked commands: refuse", n)
	}
}

// snapshot describes every entry under root (links not followed; pipes not opened):
// its kind and, for a file, the SHA-256 of its content; skip names top-level entries
// that are the command's own outputs.
func snapshot(root string, skip []string) (map[string]string, error) {
	s := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if slices.Contains(skip, strings.Split(filepath.ToSlash(rel), "/")[0]) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			s[rel] = "symbolic link to " + target
		case d.IsDir():
			s[rel] = "folder"
		case d.Type().IsRegular():
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			s[rel] = fmt.Sprintf("file of %d bytes, sha256 %x", len(b), sha256.Sum256(b))
		default:
			s[rel] = "special file " + d.Type().String()
		}
		return nil
	})
	return s, err
}

func diffSnapshots(before, after map[string]string) []string {
	var out []string
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: removed (was %s)", p, b))
		case a != b:
			out = append(out, fmt.Sprintf("%s: was %s, now %s", p, b, a))
		}
	}
	for p, a := range after {
		if _, ok := before[p]; !ok {
			out = append(out, fmt.Sprintf("%s: created (%s)", p, a))
		}
	}
	slices.Sort(out)
	return out
}

// leaks returns where secretTag appears: the run's standard output and error, and every
// file under the outputs.
func leaks(proj string, outputs []string, r Run) []string {
	var out []string
	if bytes.Contains(r.Stdout, []byte(secretTag)) {
		out = append(out, "its standard output")
	}
	if bytes.Contains(r.Stderr, []byte(secretTag)) {
		out = append(out, "its standard error")
	}
	for _, o := range outputs {
		filepath.WalkDir(filepath.Join(proj, o), func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			if b, err := os.ReadFile(path); err == nil && bytes.Contains(b, []byte(secretTag)) {
				rel, _ := filepath.Rel(proj, path)
				out = append(out, rel)
			}
			return nil
		})
	}
	// Files that appeared beside the outputs (hugo-data writes DIR.toml next to DIR).
	entries, _ := os.ReadDir(proj)
	for _, e := range entries {
		if e.Type().IsRegular() {
			if b, err := os.ReadFile(filepath.Join(proj, e.Name())); err == nil && bytes.Contains(b, []byte(secretTag)) {
				out = append(out, e.Name())
			}
		}
	}
	return out
}
