package sitetest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// workflow is what the tests read of a GitHub workflow file.
type workflow struct {
	Jobs map[string]struct {
		Steps []struct {
			Name string         `yaml:"name"`
			Uses string         `yaml:"uses"`
			Run  string         `yaml:"run"`
			With map[string]any `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// readWorkflows reads every workflow of the repository, by file name.
func readWorkflows(t *testing.T) map[string]workflow {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repo, ".github", "workflows", "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflow found (%v)", err)
	}
	out := map[string]workflow{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var wf workflow
		if err := yaml.Unmarshal(b, &wf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = wf
	}
	return out
}

// TestWorkflowsRunMake: every `run:` step of the GitHub workflows is one make target, so
// that what CI runs is what `make test` and a contributor can run (docs/publishing.md);
// actionlint (make lint-workflows, in make test) checks the rest.
func TestWorkflowsRunMake(t *testing.T) {
	target := regexp.MustCompile(`^make ([a-z][a-z-]*)( [A-Z]+=[a-z0-9-]+)*$`)
	makefile, err := os.ReadFile(filepath.Join(repo, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	runs := 0
	for f, wf := range readWorkflows(t) {
		for job, j := range wf.Jobs {
			for _, s := range j.Steps {
				if s.Run == "" {
					continue
				}
				runs++
				run := strings.TrimSpace(s.Run)
				m := target.FindStringSubmatch(run)
				if m == nil {
					t.Errorf("%s: job %s, step %q runs %q: want one make target (make NAME [VAR=value])", f, job, s.Name, run)
					continue
				}
				if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(m[1]) + `:`).Match(makefile) {
					t.Errorf("%s: job %s, step %q: the Makefile has no target %s", f, job, s.Name, m[1])
				}
			}
		}
	}
	if runs == 0 {
		t.Error("no run: step found")
	}
}

// TestWorkflowsFetchHistory: a workflow job that builds the release checks out the whole
// history (fetch-depth: 0): the entries' history comes from git (tools/history), and a
// shallow clone would publish pages whose history starts at the last commit.
func TestWorkflowsFetchHistory(t *testing.T) {
	builds := 0
	for f, wf := range readWorkflows(t) {
		for name, job := range wf.Jobs {
			site, full := false, false
			for _, s := range job.Steps {
				if strings.HasPrefix(strings.TrimSpace(s.Run), "make site") {
					site = true
				}
				if strings.HasPrefix(s.Uses, "actions/checkout@") && s.With["fetch-depth"] == 0 {
					full = true
				}
			}
			if site {
				builds++
				if !full {
					t.Errorf("%s: job %s runs make site without checking out the whole history (actions/checkout with fetch-depth: 0)", f, name)
				}
			}
		}
	}
	if builds == 0 {
		t.Error("no workflow job runs make site")
	}
}
