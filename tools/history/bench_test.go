//go:build unix

package history

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// benchRepo is a repository of 10,000 projects with three commits each (added, a French
// summary edited, then reviewed again with a new theme), 100 projects a commit (300
// commits; a commit per file would make fast-import rewrite a 10,000-name folder 30,000
// times), built once with git fast-import.
var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

const (
	benchProjects = 10000
	benchBatch    = 100 // projects a commit
)

func benchProject(i, version int) string {
	summaryFR := "Une province a prévu le volume d'appels de son centre."
	themes, reviewed := "[service-delivery]", "2025-01-15"
	if version >= 1 {
		summaryFR = "Une province a prévu, semaine par semaine, le volume d'appels de son centre."
	}
	if version >= 2 {
		themes, reviewed = "[service-delivery, performance]", "2026-05-01"
	}
	return fmt.Sprintf(`id: project-%05d
title: {en: Contact-centre forecasting %d, fr: Prévision du centre d'appels %d}
summary: {en: A province forecast call volumes to staff its contact centre., fr: %s}
jurisdiction: CA-ON
level: provincial
organization: {en: Fictional Ontario Service Office, fr: Bureau fictif des services de l'Ontario}
stage: production
started: 2023-01-01
themes: %s
techniques: [forecasting]
data_sources: [administrative]
challenge:
  en: Staffing was set from last year's averages, so queues grew on peak days.
  fr: Les effectifs suivaient les moyennes de l'an dernier; les files s'allongeaient.
approach:
  en: A weekly model forecast calls from history, holidays and mail-outs.
  fr: Un modèle hebdomadaire prévoyait les appels selon l'historique et les envois.
results:
  en: Waiting times fell by a third in the first year.
  fr: L'attente a baissé d'un tiers la première année.
lessons:
  - {en: Start with the data you have., fr: Commencez avec les données que vous avez.}
reviewed: %s
`, i, i, i, summaryFR, themes, reviewed)
}

func buildBenchRepo() (string, error) {
	dir, err := os.MkdirTemp("", "history-bench-")
	if err != nil {
		return "", err
	}
	var s bytes.Buffer
	mark := 0
	when := int64(1767225600) // 2026-01-01
	for version := range 3 {
		for i := range benchProjects {
			if i%benchBatch == 0 {
				mark++
				when += 86400
				fmt.Fprintf(&s, "commit refs/heads/main\nmark :%d\ncommitter Test <test@example.org> %d +0000\ndata 6\nchange\n", mark, when)
				if mark > 1 {
					fmt.Fprintf(&s, "from :%d\n", mark-1)
				}
			}
			content := benchProject(i, version)
			fmt.Fprintf(&s, "M 100644 inline data/projects/project-%05d.yaml\ndata %d\n%s\n", i, len(content), content)
		}
	}
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"fast-import", "--quiet"}, {"checkout", "-q", "main"}} {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		if args[0] == "fast-import" {
			cmd.Stdin = &s
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			return dir, fmt.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dir, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" && os.Getenv("HISTORY_BENCH_KEEP") == "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkRead10k is the history step of a release at 10,000 projects with three
// commits each: git log, git cat-file and the comparison of 60,000 versions.
func BenchmarkRead10k(b *testing.B) {
	benchOnce.Do(func() { benchDir, benchErr = buildBenchRepo() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	// The machine may be shared: CPU time (this process and git, its children) says
	// what the step costs better than the wall clock then.
	report := testutil.ReportCPU(b, "cpu-s/op")
	b.ResetTimer()
	for b.Loop() {
		h, err := Read(filepath.Join(benchDir, "data"))
		if err != nil {
			b.Fatal(err)
		}
		if len(h.Changes) != 3*benchProjects || len(h.Entries["projects"]) != benchProjects {
			b.Fatalf("%d changes of %d projects", len(h.Changes), len(h.Entries["projects"]))
		}
	}
	report()
}
