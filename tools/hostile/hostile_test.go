// Package hostile tests the guide against a corpus of hostile and careless submissions
// (issue 12, "Trust: no submission can inject, leak or lose anything").
//
// testdata/base is a minimal valid corpus. Each folder of testdata/cases holds a data/
// overlay (files added to the base; NAME.append is appended to the base's NAME), an
// optional outside/ folder (files beside data/, which symbolic links may point at), and
// expect.yaml, which says what `guide validate` must do with it. The tests exec the
// guide binary, built once in TestMain, as a contributor would run it:
//
//   - TestHostileCorpus: validate each case (≤ 1 s for files ≤ 1 MiB) and compare with
//     expect.yaml;
//   - TestCommandsRefuse: fmt, hugo-data and translations refuse the cases marked
//     `commands: refuse` (exit 1), change no byte and copy nothing from outside data/;
//   - TestRenderedSiteIsInert (render_test.go): whatever validate accepts renders with no
//     active content and no request to another host.
//
// Run: go test ./tools/hostile/ (-v prints every validate time).
package hostile

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

const (
	repo      = "../.."
	baseDir   = "testdata/base"
	casesDir  = "testdata/cases"
	secretTag = "SECRET-MARKER-5f1c" // the content of files outside data/ that links point at

	// validateLimit is what issue 12 promises for a file ≤ 1 MiB; a case fails only past
	// slack times it (shared CI machines), but every time above the limit is reported.
	validateLimit = time.Second
	slack         = 3
	// killAfter ends a command that hangs (a pipe, a quadratic reader).
	killAfter = 10 * time.Second
)

// guideBin is the guide command built from this checkout.
var guideBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "guide-hostile-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	guideBin = filepath.Join(dir, "guide")
	build := exec.Command("go", "build", "-o", guideBin, "./tools/guide")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build ./tools/guide: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	workDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// workDir holds the binary and the staged cases shared by the tests.
var workDir string

// Expect is a case's expect.yaml.
type Expect struct {
	Class string `yaml:"class"`
	// Validate is reject (exit 1 with the errors listed), accept (exit 0, no error) or
	// any (either; the render test checks the outcome when accepted).
	Validate string      `yaml:"validate"`
	Errors   []WantError `yaml:"errors"`
	// Generate names a generator (generate_test.go) that writes the case's large or
	// binary files at run time instead of committing them.
	Generate string `yaml:"generate"`
	// Commands: "refuse" means fmt, hugo-data and translations must refuse the corpus.
	Commands string `yaml:"commands"`
	// Symlinks are made at run time (git keeps none); Replace removes the base's file or
	// folder first.
	Symlinks []struct {
		Path    string `yaml:"path"`
		Target  string `yaml:"target"`
		Replace bool   `yaml:"replace"`
	} `yaml:"symlinks"`
	// DataSymlink makes data/ itself a symbolic link to the corpus.
	DataSymlink bool `yaml:"data_symlink"`
	// Fifos are named pipes made in data/ at run time.
	Fifos []string `yaml:"fifos"`
}

// WantError is one diagnostic that must be among validate's errors.
type WantError struct {
	File    string `yaml:"file"`    // relative to data/; empty: any file
	At      string `yaml:"at"`      // "L:C" exact; "L:?" that line, any column ≥ 1; "?:?" any line and column ≥ 1; empty: not checked
	Message string `yaml:"message"` // a substring of the message, case-insensitive
}

func (w WantError) String() string {
	s := "an error"
	if w.File != "" {
		s += " in " + w.File
	}
	if w.At != "" {
		s += " at " + w.At
	}
	if w.Message != "" {
		s += fmt.Sprintf(" whose message contains %q", w.Message)
	}
	return s
}

// Case is one folder of testdata/cases.
type Case struct {
	Name   string
	Dir    string
	Expect Expect
}

func loadCases(t testing.TB) []Case {
	t.Helper()
	entries, err := os.ReadDir(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []Case
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c := Case{Name: e.Name(), Dir: filepath.Join(casesDir, e.Name())}
		raw, err := os.ReadFile(filepath.Join(c.Dir, "expect.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&c.Expect); err != nil {
			t.Fatalf("%s/expect.yaml: %v", c.Name, err)
		}
		switch c.Expect.Validate {
		case "accept", "any":
		case "reject":
			if len(c.Expect.Errors) == 0 {
				t.Fatalf("%s/expect.yaml: validate: reject needs errors", c.Name)
			}
		default:
			t.Fatalf("%s/expect.yaml: validate: %q, want accept, reject or any", c.Name, c.Expect.Validate)
		}
		cases = append(cases, c)
	}
	return cases
}

// caseID is the id a case's generated files use: c and its number (c64).
func (c Case) caseID() string {
	n, _, _ := strings.Cut(c.Name, "-")
	return "c" + n
}

// stage lays out a project folder for c under dir: data/ (the base, the overlay, the
// generated files, the symbolic links and pipes) and outside/. It returns the project
// folder; commands run there with data/ as their corpus.
func stage(c Case, dir string) (string, error) {
	proj := filepath.Join(dir, c.Name)
	if err := os.RemoveAll(proj); err != nil {
		return "", err
	}
	data := filepath.Join(proj, "data")
	if c.Expect.DataSymlink {
		data = filepath.Join(proj, "elsewhere", "corpus")
	}
	if err := copyDir(baseDir, data); err != nil {
		return "", err
	}
	if err := overlay(filepath.Join(c.Dir, "data"), data); err != nil {
		return "", err
	}
	if err := copyDir(filepath.Join(c.Dir, "outside"), filepath.Join(proj, "outside")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if g := c.Expect.Generate; g != "" {
		gen, ok := generators[g]
		if !ok {
			return "", fmt.Errorf("%s: unknown generator %q", c.Name, g)
		}
		if err := gen(c, data); err != nil {
			return "", fmt.Errorf("%s: generator %s: %w", c.Name, g, err)
		}
	}
	for _, l := range c.Expect.Symlinks {
		p := filepath.Join(data, filepath.FromSlash(l.Path))
		if l.Replace {
			if err := os.RemoveAll(p); err != nil {
				return "", err
			}
		}
		if err := os.Symlink(filepath.FromSlash(l.Target), p); err != nil {
			return "", err
		}
	}
	for _, f := range c.Expect.Fifos {
		if err := syscall.Mkfifo(filepath.Join(data, filepath.FromSlash(f)), 0o644); err != nil {
			return "", err
		}
	}
	if c.Expect.DataSymlink {
		if err := os.Symlink(filepath.Join("elsewhere", "corpus"), filepath.Join(proj, "data")); err != nil {
			return "", err
		}
	}
	return proj, nil
}

// overlay copies the files of src into dst; a file named NAME.append is appended to
// dst's NAME instead.
func overlay(src, dst string) error {
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if base, ok := strings.CutSuffix(target, ".append"); ok {
			f, err := os.OpenFile(base, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			_, err = f.Write(b)
			return errors.Join(err, f.Close())
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func copyDir(src, dst string) error {
	if _, err := os.Stat(src); err != nil {
		return err
	}
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// Diagnostic is one finding of `guide validate -format json`.
type Diagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Key      string `json:"key"`
	Message  string `json:"message"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s: %s", d.File, d.Line, d.Column, d.Severity, d.Key, d.Message)
}

// Run is one execution of the guide binary.
type Run struct {
	Code           int // exit status; -1 when killed after killAfter
	Stdout, Stderr []byte
	Took           time.Duration
}

func (r Run) String() string {
	status := fmt.Sprintf("exit %d", r.Code)
	if r.Code == -1 {
		status = fmt.Sprintf("killed after %s", killAfter)
	}
	return fmt.Sprintf("%s in %s; stdout:\n%s\nstderr:\n%s", status, r.Took.Round(time.Millisecond), clip(r.Stdout), clip(r.Stderr))
}

func clip(b []byte) string {
	const max = 3000
	if len(b) > max {
		return string(b[:max]) + fmt.Sprintf("… (%d bytes)", len(b))
	}
	return string(b)
}

// guide runs the binary in dir with args, killing it after killAfter.
func guide(dir string, args ...string) Run {
	ctx, cancel := context.WithTimeout(context.Background(), killAfter)
	defer cancel()
	cmd := exec.CommandContext(ctx, guideBin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	start := time.Now()
	err := cmd.Run()
	r := Run{Stdout: stdout.Bytes(), Stderr: stderr.Bytes(), Took: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.Code = -1
	case errors.As(err, &exit):
		r.Code = exit.ExitCode()
	case err != nil:
		r.Code = -2
		r.Stderr = append(r.Stderr, []byte(err.Error())...)
	}
	return r
}

// Validated is the outcome of `guide validate -format json` on one staged case.
type Validated struct {
	Case        Case
	Proj        string
	Run         Run
	Diagnostics []Diagnostic
	ParseErr    error
	Largest     int64 // bytes of the largest regular file under data/
	StageErr    error
}

// Accepted reports whether validate accepted the case (exit 0).
func (v *Validated) Accepted() bool { return v.StageErr == nil && v.Run.Code == 0 }

var (
	validateOnce sync.Once
	validated    []*Validated
)

// validateAll stages every case under workDir/cases and validates it, once for all tests.
func validateAll(t *testing.T) []*Validated {
	t.Helper()
	validateOnce.Do(func() {
		cases := loadCases(t)
		dir := filepath.Join(workDir, "cases")
		for _, c := range cases {
			v := &Validated{Case: c}
			validated = append(validated, v)
			v.Proj, v.StageErr = stage(c, dir)
			if v.StageErr != nil {
				continue
			}
			v.Largest = largestFile(filepath.Join(v.Proj, "data"))
			v.Run = guide(v.Proj, "validate", "-data", "data", "-format", "json")
			if v.Run.Code == 0 || v.Run.Code == 1 {
				v.ParseErr = json.Unmarshal(v.Run.Stdout, &v.Diagnostics)
			}
		}
	})
	if len(validated) == 0 {
		t.Fatal("no case staged")
	}
	return validated
}

func largestFile(dir string) int64 {
	var max int64
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil && info.Size() > max {
				max = info.Size()
			}
		}
		return nil
	})
	return max
}

// TestHostileCorpus validates every case and compares the outcome with its expect.yaml.
func TestHostileCorpus(t *testing.T) {
	all := validateAll(t)
	classes := map[string]int{}
	for _, v := range all {
		classes[v.Case.Expect.Class]++
	}
	if len(all) < 60 {
		t.Errorf("the hostile corpus has %d cases; issue 12 asks for at least 60", len(all))
	}
	t.Logf("%d cases by class: %v", len(all), classes)
	var slow []string
	for _, v := range all {
		t.Run(v.Case.Name, func(t *testing.T) {
			if v.StageErr != nil {
				t.Fatalf("staging the case: %v", v.StageErr)
			}
			t.Logf("validate took %s (largest file %d bytes)", v.Run.Took.Round(time.Millisecond), v.Largest)
			checkTime(t, v, &slow)
			checkOutcome(t, v)
		})
	}
	if len(slow) > 0 {
		t.Logf("validate took more than %s on files ≤ 1 MiB (issue 12, item 8):\n  %s", validateLimit, strings.Join(slow, "\n  "))
	}
}

func checkTime(t *testing.T, v *Validated, slow *[]string) {
	t.Helper()
	if v.Run.Code == -1 {
		t.Errorf("validate did not finish in %s (issue 12: any file ≤ 1 MiB in ≤ %s)", killAfter, validateLimit)
		*slow = append(*slow, fmt.Sprintf("%s: killed after %s", v.Case.Name, killAfter))
		return
	}
	if v.Largest > 1<<20 || v.Run.Took <= validateLimit {
		return
	}
	*slow = append(*slow, fmt.Sprintf("%s: %s", v.Case.Name, v.Run.Took.Round(time.Millisecond)))
	if v.Run.Took > slack*validateLimit {
		t.Errorf("validate took %s on files ≤ 1 MiB; the limit is %s (%d× allowed here)", v.Run.Took.Round(time.Millisecond), validateLimit, slack)
	}
}

func checkOutcome(t *testing.T, v *Validated) {
	t.Helper()
	e := v.Case.Expect
	if v.Run.Code != 0 && v.Run.Code != 1 {
		t.Fatalf("validate must exit 0 (accepted) or 1 (findings), with JSON diagnostics; got %s", v.Run)
	}
	if v.ParseErr != nil {
		t.Fatalf("validate -format json wrote no JSON list (%v): %s", v.ParseErr, v.Run)
	}
	var errs []Diagnostic
	for _, d := range v.Diagnostics {
		if d.Severity == "error" {
			errs = append(errs, d)
		}
	}
	list := func() string {
		if len(v.Diagnostics) == 0 {
			return "  (no diagnostic)"
		}
		var b strings.Builder
		for _, d := range v.Diagnostics {
			b.WriteString("  " + d.String() + "\n")
		}
		return b.String()
	}
	switch e.Validate {
	case "accept":
		if v.Run.Code != 0 || len(errs) > 0 {
			t.Errorf("class %s: validate must ACCEPT this case (exit 0, no error); it exited %d with:\n%s", e.Class, v.Run.Code, list())
		}
	case "any":
		t.Logf("validate: exit %d (either outcome is allowed; accepted cases are rendered by TestRenderedSiteIsInert)", v.Run.Code)
	case "reject":
		if v.Run.Code != 1 || len(errs) == 0 {
			t.Errorf("class %s: validate must REJECT this case (exit 1) with %s; it exited %d with:\n%s", e.Class, describe(e.Errors), v.Run.Code, list())
			return
		}
		for _, w := range e.Errors {
			i := slices.IndexFunc(errs, func(d Diagnostic) bool { return matches(w, d, v.Proj) })
			if i < 0 {
				t.Errorf("class %s: validate rejected the case, but without %s; its diagnostics:\n%s", e.Class, w, list())
				continue
			}
			t.Logf("rejected as expected: %s", errs[i])
		}
	}
}

func describe(ws []WantError) string {
	var s []string
	for _, w := range ws {
		s = append(s, w.String())
	}
	return strings.Join(s, " and ")
}

// matches reports whether diagnostic d is the wanted error w. d.File may be given
// relative to the project (data/x.yaml) or absolute.
func matches(w WantError, d Diagnostic, proj string) bool {
	if w.File != "" {
		f := filepath.ToSlash(d.File)
		f = strings.TrimPrefix(f, filepath.ToSlash(proj)+"/")
		f = strings.TrimPrefix(f, "./")
		f = strings.TrimPrefix(f, "data/")
		if f != w.File && !strings.HasSuffix(f, "/data/"+w.File) {
			return false
		}
	}
	if w.At != "" {
		l, c, _ := strings.Cut(w.At, ":")
		if !posMatches(l, d.Line) || !posMatches(c, d.Column) {
			return false
		}
	}
	return w.Message == "" || strings.Contains(strings.ToLower(d.Message), strings.ToLower(w.Message))
}

func posMatches(want string, got int) bool {
	if want == "?" {
		return got >= 1
	}
	n, err := strconv.Atoi(want)
	return err == nil && n == got
}
