package evi

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	sampleConfig = "testdata/sample-config.yaml"
	sampleData   = "testdata/sample.csv"
)

// badData writes a copy of the sample with an error on line 14.
func badData(t *testing.T, dir string) string {
	t.Helper()
	src, err := os.ReadFile(sampleData)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	fields := strings.Split(lines[13], ",")
	fields[4] = "abc" // line 14, pct_no_home_internet
	lines[13] = strings.Join(fields, ",")
	path := filepath.Join(dir, "data.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const badDataMsg = `:14: column "pct_no_home_internet": "abc" is not a number`

// TestRun: the output to stdout and to a file equals the golden file; a data error is
// an ErrorList naming the file and leaves an existing output file as it was.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	want, err := os.ReadFile("testdata/sample.out.json")
	if err != nil {
		t.Fatal(err)
	}

	var stdout bytes.Buffer
	res, err := Run(Options{Config: sampleConfig, Data: sampleData, Format: "json"}, &stdout)
	if err != nil || !bytes.Equal(stdout.Bytes(), want) || len(res.Areas) != 40 {
		t.Fatalf("stdout: err %v, output equal to golden: %v", err, bytes.Equal(stdout.Bytes(), want))
	}

	out := filepath.Join(dir, "out.json")
	stdout.Reset()
	if _, err := Run(Options{Config: sampleConfig, Data: sampleData, Format: "json", Out: out}, &stdout); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, want) || stdout.Len() != 0 {
		t.Errorf("--out: file equal to golden %v, stdout %q", bytes.Equal(got, want), stdout.String())
	}

	bad := badData(t, dir)
	_, err = Run(Options{Config: sampleConfig, Data: bad, Format: "json", Out: out}, &stdout)
	var list ErrorList
	if !errors.As(err, &list) || err.Error() != bad+badDataMsg {
		t.Errorf("bad data: got %v, want %s", err, bad+badDataMsg)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, want) {
		t.Error("bad data changed the existing output file")
	}
	assertNoTemp(t, dir)

	badConfig := filepath.Join(dir, "config.yaml")
	os.WriteFile(badConfig, []byte("columns: {code: area_code}\nindicators: {x: {theme: t, direction: 1}}\n"), 0o644)
	_, err = Run(Options{Config: badConfig, Data: sampleData, Format: "csv"}, &stdout)
	if !errors.As(err, &list) || !strings.HasPrefix(err.Error(), badConfig+":1: columns: population is required") {
		t.Errorf("bad config: got %v", err)
	}

	for name, o := range map[string]Options{
		"unknown format":   {Config: sampleConfig, Data: sampleData, Format: "xml"},
		"missing config":   {Config: filepath.Join(dir, "none.yaml"), Data: sampleData, Format: "csv"},
		"missing data":     {Config: sampleConfig, Data: filepath.Join(dir, "none.csv"), Format: "csv"},
		"out is the data":  {Config: sampleConfig, Data: bad, Format: "csv", Out: bad},
		"out is a folder":  {Config: sampleConfig, Data: sampleData, Format: "csv", Out: dir},
		"out folder gone":  {Config: sampleConfig, Data: sampleData, Format: "csv", Out: filepath.Join(dir, "none", "out.csv")},
		"stdout is broken": {Config: sampleConfig, Data: sampleData, Format: "csv"},
	} {
		w := io.Writer(&stdout)
		if name == "stdout is broken" {
			w = brokenWriter{}
		}
		_, err := Run(o, w)
		if err == nil || errors.As(err, &list) {
			t.Errorf("%s: got %v, want a usage or I/O error", name, err)
		}
	}
	assertNoTemp(t, dir)
}

type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

// assertNoTemp checks that no temporary file was left behind.
func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestCLI runs the guide command itself: exit codes, messages and atomic output. It
// builds tools/guide, and skips until main.go dispatches "evi" to cmdEvi.
func TestCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the guide command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	guide := filepath.Join(dir, "guide")
	build := exec.Command(goCmd, "build", "-o", guide, "./tools/guide")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building guide: %v\n%s", err, out)
	}
	run := func(args ...string) (int, string, string) {
		cmd := exec.Command(guide, append([]string{"evi"}, args...)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, stdout.String(), stderr.String()
	}
	if _, _, stderr := run(); strings.Contains(stderr, `unknown command "evi"`) {
		t.Skip(`tools/guide/main.go does not dispatch "evi" yet`)
	}

	goldenCSV, _ := os.ReadFile("testdata/sample.out.csv")
	goldenJSON, _ := os.ReadFile("testdata/sample.out.json")
	bad := badData(t, dir)
	out := filepath.Join(dir, "out.csv")

	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // exact, when not empty
		stderr string // contained, when not empty
	}{
		{"csv to stdout", []string{"--config", sampleConfig, sampleData}, 0, string(goldenCSV), ""},
		{"json, flags after the file", []string{sampleData, "--config", sampleConfig, "--format", "json"}, 0, string(goldenJSON), ""},
		{"single-dash flags", []string{"-config", sampleConfig, "-format=json", sampleData}, 0, string(goldenJSON), ""},
		{"to a file", []string{"--config", sampleConfig, "--out", out, sampleData}, 0, out + ": 40 areas, 39 ranked, 39 indexed\n", ""},
		{"weights noted", []string{"--config", "testdata/sample-weighted-config.yaml", "--out", filepath.Join(dir, "w.csv"), sampleData}, 0, "", "departure from the CDC/ATSDR SVI method"},
		{"bad data", []string{"--config", sampleConfig, "--out", out, bad}, 1, "", bad + `:14: error: pct_no_home_internet: "abc" is not a number`},
		{"bad config (a CSV file)", []string{"--config", bad, sampleData}, 1, "", bad + ":1: error: expected a mapping with the sections"},
		{"no arguments", nil, 2, "", "--config is required"},
		{"no data file", []string{"--config", sampleConfig}, 2, "", "expected one data file, got 0"},
		{"two data files", []string{"--config", sampleConfig, sampleData, sampleData}, 2, "", "expected one data file, got 2"},
		{"unknown format", []string{"--config", sampleConfig, "--format", "xml", sampleData}, 2, "", `unknown format "xml"`},
		{"unknown flag", []string{"--config", sampleConfig, "--bogus", sampleData}, 2, "", "unknown flag -bogus"},
		{"service areas", []string{"--config", sampleConfig, "--out", out, "--groups", "testdata/sample-groups.csv", "--group-out", filepath.Join(dir, "g.csv"), sampleData}, 0,
			out + ": 40 areas, 39 ranked, 39 indexed\n" + filepath.Join(dir, "g.csv") + ": 4 service areas\n", ""},
		{"an area in no group", []string{"--config", sampleConfig, "--groups", "testdata/sample-points.csv", "--group-out", filepath.Join(dir, "g2.csv"), sampleData}, 1, "",
			`testdata/sample-points.csv:1: error: no "group" column; the header must name code, group`},
		{"bad ungrouped policy", []string{"--config", sampleConfig, "--groups", "testdata/sample-groups.csv", "--ungrouped", "skip", "--group-out", filepath.Join(dir, "g3.csv"), sampleData}, 2, "",
			`--ungrouped "skip": expected error, ignore or group`},
		{"groups without group-out", []string{"--config", sampleConfig, "--groups", "testdata/sample-groups.csv", sampleData}, 2, "", "--group-out OUT.csv is required"},
		{"missing data file", []string{"--config", sampleConfig, filepath.Join(dir, "none.csv")}, 2, "", "no such file"},
		{"help", []string{"-h"}, 0, "", "usage: guide evi --config CONFIG.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(tc.args...)
			if code != tc.code || (tc.stdout != "" && stdout != tc.stdout) || (tc.stderr != "" && !strings.Contains(stderr, tc.stderr)) {
				t.Errorf("exit %d (want %d)\nstdout:\n%.2000s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			if tc.code == 1 && stdout != "" {
				t.Errorf("data error wrote to stdout: %.200s", stdout)
			}
		})
	}
	// The bad-data run came after the good one: the file still holds the full result.
	if got, _ := os.ReadFile(out); !bytes.Equal(got, goldenCSV) {
		t.Error("a failed run changed the output file")
	}
	assertNoTemp(t, dir)
}
