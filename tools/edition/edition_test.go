package edition

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/hugodata"
	"github.com/pssdc/guide-iad/tools/pdf"
	"github.com/pssdc/guide-iad/tools/sitetest"
)

const (
	repo    = "../.."
	fixture = "../check/testdata/valid"
)

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestMakePlan(t *testing.T) {
	eds := []Edition{{"2026-1", day("2026-11-30")}, {"2027-1", day("2027-05-31")}, {"2027-2", day("2027-11-30")}}
	ids := func(es []Edition) string {
		var s []string
		for _, e := range es {
			s = append(s, e.ID)
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		name   string
		tags   []string
		frozen string
		draft  string
		err    string
	}{
		{"all published", []string{"2026-1", "2027-1", "2027-2"}, "2026-1,2027-1,2027-2", "", ""},
		{"latest is the draft", []string{"2026-1", "2027-1"}, "2026-1,2027-1", "2027-2", ""},
		{"an older edition's tag is missing", []string{"2026-1"}, "", "", "edition 2027-1 is older than the latest (2027-2), so it was published, but its tag edition-2027-1 is missing"},
		{"no tag at all", nil, "", "", "edition 2026-1, 2027-1 is older"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tags := map[string]bool{}
			for _, x := range tc.tags {
				tags[x] = true
			}
			p, err := MakePlan(eds, tags)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			draft := ""
			if p.Draft != nil {
				draft = p.Draft.ID
			}
			if got := ids(p.Frozen); got != tc.frozen || draft != tc.draft {
				t.Errorf("frozen %q, draft %q; want %q, %q", got, draft, tc.frozen, tc.draft)
			}
		})
	}
	if p, err := MakePlan([]Edition{{"2026-1", day("2026-11-30")}}, nil); err != nil || p.Draft == nil || len(p.Frozen) != 0 {
		t.Errorf("a single unpublished edition: %+v, %v; want it as the draft", p, err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "editions.yaml"), []byte("editions:\n  - id: \"2027-1\"\n    date: 2027-05-31\n  - id: \"2026-1\"\n    date: 2026-11-30\n"), 0o644)
	eds, err := Load(dir)
	if err != nil || len(eds) != 2 || eds[0].ID != "2026-1" || eds[1].ID != "2027-1" {
		t.Errorf("Load = %+v, %v; want 2026-1 then 2027-1", eds, err)
	}
	os.WriteFile(filepath.Join(dir, "editions.yaml"), []byte("editions:\n  - id: \"../x\"\n    date: 2027-05-31\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), `edition id "../x"`) {
		t.Errorf("a hostile id: %v", err)
	}
}

func run(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// TestPublishAndRebuild: an edition published from a repository is rebuilt from its tag,
// after the data and the templates have changed, into the very same PDFs as its first
// print; a second publication of it, uncommitted changes and invalid data are refused.
func TestPublishAndRebuild(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	site, err := sitetest.Stage(repo, fixture, dir)
	if err != nil {
		t.Fatal(err)
	}
	run(t, site, "git", "init", "-q")
	run(t, site, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
	run(t, site, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first")
	t.Setenv("GIT_COMMITTER_NAME", "t")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.org")

	invalid := errors.New("guide validate found errors")
	if _, err := Publish(PublishOptions{Repo: site, ID: "2026-1", Validate: func(string) error { return invalid }}); !errors.Is(err, invalid) {
		t.Errorf("invalid data: %v, want the validator's error", err)
	}
	if _, err := Publish(PublishOptions{Repo: site, ID: "2099-9"}); err == nil || !strings.Contains(err.Error(), `no edition "2099-9"`) {
		t.Errorf("unknown edition: %v", err)
	}
	projects := filepath.Join(site, "data", "projects")
	entries, _ := os.ReadDir(projects)
	project := filepath.Join(projects, entries[0].Name())
	original, _ := os.ReadFile(project)
	os.WriteFile(project, append(original, []byte("# changed\n")...), 0o644)
	if _, err := Publish(PublishOptions{Repo: site, ID: "2026-1"}); err == nil || !strings.Contains(err.Error(), "uncommitted changes") {
		t.Errorf("uncommitted data: %v", err)
	}
	os.WriteFile(project, original, 0o644)
	tag, err := Publish(PublishOptions{Repo: site, ID: "2026-1", Validate: func(string) error { return nil }})
	if err != nil || tag != "edition-2026-1" {
		t.Fatalf("Publish = %q, %v", tag, err)
	}
	if _, err := Publish(PublishOptions{Repo: site, ID: "2026-1"}); err == nil || !strings.Contains(err.Error(), "already published") {
		t.Errorf("published twice: %v", err)
	}
	tags, err := Tags(site)
	if err != nil || !tags["2026-1"] {
		t.Errorf("Tags = %v, %v", tags, err)
	}

	if _, err := pdf.FindChromium(""); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set, so the print tests must run: %v", err)
		}
		t.Skipf("skipping the rebuild: %v", err)
	}
	// The first print, from the sources as published.
	config := filepath.Join(site, "config.toml")
	conf, err := pdf.HugoConfig(config)
	if err != nil {
		t.Fatal(err)
	}
	printConf := filepath.Join(dir, "print.toml")
	os.WriteFile(printConf, []byte(conf), 0o644)
	// As make site: the derived data (history, related case studies) mounted beside
	// data/, and the open data (sitetest.Build writes it, with that history).
	derived := filepath.Join(site, "tmp", hugodata.DerivedDir)
	if _, err := hugodata.Derive(filepath.Join(site, "data"), derived, site, derived+".toml", filepath.Join(site, "data")); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "first")
	if _, err := sitetest.Build(repo, site, first, "--config", config+","+derived+".toml,"+printConf); err != nil {
		t.Fatal(err)
	}
	firstPrint, err := pdf.Run(context.Background(), pdf.Options{Public: first, Edition: "2026-1"})
	if err != nil {
		t.Fatal(err)
	}

	// Later: a new edition, changed data and a changed print template, all committed.
	eds, _ := os.ReadFile(filepath.Join(site, "data", "editions.yaml"))
	os.WriteFile(filepath.Join(site, "data", "editions.yaml"), append(eds, []byte("  - id: \"2027-1\"\n    date: 2027-05-31\n    title: {en: \"Second edition, May 2027\", fr: \"Deuxième édition, mai 2027\"}\n")...), 0o644)
	os.WriteFile(project, bytes.Replace(original, []byte("title:"), []byte("title: # retitled\n"), 1), 0o644)
	os.WriteFile(filepath.Join(site, "layouts", "home.print.html"), []byte("changed since"), 0o644)
	run(t, site, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-am", "later")

	// The release's base URL, as make site gives it (the first print's, here).
	t.Setenv("HUGO_BASEURL", sitetest.BaseURL)
	public := filepath.Join(dir, "release")
	rebuilt, err := BuildFrozen(context.Background(), BuildOptions{Repo: site, Module: repo, ID: "2026-1", Public: public, Work: filepath.Join(dir, "work")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rebuilt) != len(firstPrint) {
		t.Fatalf("%d PDFs rebuilt, %d printed first", len(rebuilt), len(firstPrint))
	}
	for i, r := range rebuilt {
		a, _ := os.ReadFile(firstPrint[i].File)
		b, err := os.ReadFile(filepath.Join(public, r.Lang, filepath.Base(firstPrint[i].File)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the PDF rebuilt from the tag differs from the first print (%d and %d bytes)", r.Lang, len(a), len(b))
		}
		if _, err := os.Stat(filepath.Join(public, r.Lang, ManifestName("2026-1"))); err != nil {
			t.Errorf("%s: no manifest: %v", r.Lang, err)
		}
	}
	// The tag deleted: the release stops with a message naming it.
	run(t, site, "git", "tag", "-d", "edition-2026-1")
	if _, err := BuildFrozen(context.Background(), BuildOptions{Repo: site, Module: repo, ID: "2026-1", Public: public, Work: filepath.Join(dir, "work")}); err == nil || !strings.Contains(err.Error(), "no tag edition-2026-1") {
		t.Errorf("missing tag: %v", err)
	}
}
