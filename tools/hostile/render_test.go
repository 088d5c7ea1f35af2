package hostile

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/pdf"
	"github.com/pssdc/guide-iad/tools/sitetest"
)

// TestRenderedSiteIsInert is the property of issue 12: whatever `guide validate` accepts
// renders with no active content and no request to another host. Three builds, as
// `make pdf` builds (guide hugo-data, then Hugo with the print pages):
//
//   - the base corpus alone: the reference (its scripts are the site's own);
//   - the base plus every case that validate accepted on this checkout, at once;
//   - the base plus mutations: accepted text with payloads inserted, kept when validate
//     accepts them (mutate_test.go).
//
// Every output file is scanned (scan_test.go). Hugo runs with its proxies set to a closed
// local port, so a build-time fetch fails instead of leaving the machine.
func TestRenderedSiteIsInert(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site three times")
	}
	t.Setenv("HTTP_PROXY", "http://127.0.0.1:9")
	t.Setenv("HTTPS_PROXY", "http://127.0.0.1:9")
	t.Setenv("NO_PROXY", "")
	all := validateAll(t)
	dir := t.TempDir()

	baseline := buildCorpus(t, filepath.Join(dir, "baseline"), func(data string) error { return nil })
	for _, f := range []string{"en/edition.html", "fr/edition.html", "en/projects.csv", "fr/contacts.json", "en/atom.xml"} {
		if _, err := os.Stat(filepath.Join(baseline, f)); err != nil {
			t.Fatalf("the reference build lacks %s: the scan would miss what it holds", f)
		}
	}
	ref := scanSite(t, baseline, nil)
	t.Run("base", func(t *testing.T) { report(t, ref, nil) })

	var included []string
	hostile := buildCorpus(t, filepath.Join(dir, "accepted"), func(data string) error {
		for _, v := range all {
			e := v.Case.Expect
			if !v.Accepted() || e.DataSymlink || len(e.Fifos) > 0 {
				continue
			}
			included = append(included, v.Case.Name)
			if err := mergeCase(v.Case, data); err != nil {
				return err
			}
		}
		return nil
	})
	t.Logf("accepted cases rendered together (%d): %s", len(included), strings.Join(included, ", "))
	t.Run("accepted-cases", func(t *testing.T) { report(t, scanSite(t, hostile, ref), ref) })

	var kept int
	mutated := buildCorpus(t, filepath.Join(dir, "mutations"), func(data string) error {
		var err error
		kept, err = addMutations(t, data)
		return err
	})
	t.Logf("mutations accepted by validate and rendered: %d", kept)
	t.Run("mutations", func(t *testing.T) { report(t, scanSite(t, mutated, ref), ref) })
}

// buildCorpus lays out proj/data (the base, then fill), checks that validate accepts it,
// converts it with guide hugo-data as make site does and builds the site with the print
// pages into proj/public, which it returns.
func buildCorpus(t *testing.T, proj string, fill func(data string) error) string {
	t.Helper()
	data := filepath.Join(proj, "data")
	if err := copyDir(baseDir, data); err != nil {
		t.Fatal(err)
	}
	if err := fill(data); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(proj, "public")
	for round := 0; ; round++ {
		out, err := buildOnce(t, proj, data, public)
		if err == nil {
			break
		}
		// A submission that validate accepts broke the build: say which, leave it out and
		// build the rest, so that the scan still runs.
		var culprits []string
		for _, m := range builtEntry.FindAllStringSubmatch(string(out), -1) {
			rel := sectionFolder[m[1]] + "/" + m[2] + ".yaml"
			if os.Remove(filepath.Join(data, rel)) == nil {
				culprits = append(culprits, rel)
			}
		}
		if len(culprits) == 0 {
			// Errors that name no page (a shortcode's errorf): leave out every entry
			// holding shortcode syntax.
			filepath.WalkDir(data, func(path string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() && filepath.Dir(path) != data {
					if b, _ := os.ReadFile(path); bytes.Contains(b, []byte("{{<")) || bytes.Contains(b, []byte("{{%")) {
						rel, _ := filepath.Rel(data, path)
						if os.Remove(path) == nil {
							culprits = append(culprits, rel)
						}
					}
				}
				return nil
			})
		}
		t.Errorf("%s: Hugo fails on a corpus that validate accepts (a submission must never break the build); left out: %s\n%s", filepath.Base(proj), strings.Join(culprits, ", "), clip(out))
		if len(culprits) == 0 || round == 5 {
			t.Fatalf("the site does not build: %v", err)
		}
	}
	return public
}

// builtEntry finds the entries named in Hugo's errors ("…/_content.gotmpl:/projects/c08").
var builtEntry = regexp.MustCompile(`:/(projects|practices|resources|projets|pratiques|ressources)/([a-z0-9-]+)`)

var sectionFolder = map[string]string{"projects": "projects", "practices": "practices", "resources": "resources",
	"projets": "projects", "pratiques": "practices", "ressources": "resources"}

// buildOnce validates proj/data, converts it with guide hugo-data and builds the site with
// the print pages into public, returning Hugo's output.
func buildOnce(t *testing.T, proj, data, public string) ([]byte, error) {
	t.Helper()
	if r := guide(proj, "validate", "-data", "data"); r.Code != 0 {
		t.Fatalf("%s: validate rejects the corpus assembled from accepted parts: %s", proj, r)
	}
	stage := filepath.Join(proj, "stage")
	os.RemoveAll(stage)
	site, err := sitetest.Stage(repo, baseDir, stage)
	if err != nil {
		t.Fatal(err)
	}
	// Hugo must read the copy only, as in make site.
	if err := os.RemoveAll(filepath.Join(site, "data")); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(data)
	if r := guide(site, "hugo-data", "-data", abs, "-out", "tmp/hugo-data"); r.Code != 0 {
		t.Fatalf("hugo-data on a corpus validate accepts: %s", r)
	}
	// The open data, from the same copy's history, as make site makes it (sitetest.Build
	// adds tmp/opendata.toml to the configuration).
	if r := guide(site, "opendata", "-data", abs, "-out", "tmp/opendata", "-history", "tmp/hugo-derived/history.json", "-base-url", sitetest.BaseURL); r.Code != 0 {
		t.Fatalf("opendata on a corpus validate accepts: %s", r)
	}
	// The print pages' config adds "print" to the site's own outputs (pdf.HugoConfig
	// repeats config.toml's lists), as make site does.
	printConf, err := pdf.HugoConfig(filepath.Join(site, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	print := filepath.Join(proj, "print.toml")
	if err := os.WriteFile(print, []byte(printConf), 0o644); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(public)
	configs := strings.Join([]string{filepath.Join(site, "config.toml"), filepath.Join(site, "tmp", "hugo-data.toml"), print}, ",")
	return sitetest.Build(repo, site, public, "--config", configs)
}

// mergeCase adds a case's overlay, outside files and symbolic links to a corpus that
// other cases share (files named after the case do not collide; .append files add up).
func mergeCase(c Case, data string) error {
	if err := overlay(filepath.Join(c.Dir, "data"), data); err != nil {
		return err
	}
	if err := copyDir(filepath.Join(c.Dir, "outside"), filepath.Join(filepath.Dir(data), "outside")); err != nil && !os.IsNotExist(err) {
		return err
	}
	if g := c.Expect.Generate; g != "" {
		if err := generators[g](c, data); err != nil {
			return err
		}
	}
	for _, l := range c.Expect.Symlinks {
		p := filepath.Join(data, filepath.FromSlash(l.Path))
		if l.Replace {
			os.RemoveAll(p)
		}
		if err := os.Symlink(filepath.FromSlash(l.Target), p); err != nil {
			return err
		}
	}
	return nil
}

// report fails t with every finding of a scan, grouped by rule.
func report(t *testing.T, s *scan, ref *scan) {
	t.Helper()
	t.Logf("scanned %d files", s.files)
	if len(s.findings) == 0 {
		return
	}
	rules := map[string][]string{}
	for _, f := range s.findings {
		rules[f.rule] = append(rules[f.rule], f.file+": "+f.detail)
	}
	names := make([]string, 0, len(rules))
	for r := range rules {
		names = append(names, r)
	}
	slices.Sort(names)
	for _, r := range names {
		list := rules[r]
		more := ""
		if len(list) > 15 {
			more = "\n    … and " + itoa(len(list)-15) + " more"
			list = list[:15]
		}
		t.Errorf("%s (%d):\n    %s%s", r, len(rules[r]), strings.Join(list, "\n    "), more)
	}
}
