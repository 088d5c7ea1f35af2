// Package sitetest builds the Hugo site from a corpus with the pinned Hugo and reads
// the result back, for end-to-end tests of the website (and later of the print edition).
package sitetest

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/builtsite"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/opendata"
	"github.com/pssdc/guide-iad/tools/searchkw"
	"github.com/pssdc/guide-iad/tools/wasmbuild"
)

// SiteDirs are the parts of the repository that make the site, besides data/.
var SiteDirs = []string{"config.toml", "content", "layouts", "i18n", "assets", "static"}

// BaseURL is the address given to test builds, so that absolute links can be told
// apart from external ones.
const BaseURL = builtsite.TestBaseURL

// Stage copies the site sources from repo and the corpus dataDir into a new folder
// under dir and returns it: the test then owns a site it may alter.
func Stage(repo, dataDir, dir string) (string, error) {
	site := filepath.Join(dir, "site")
	for _, part := range SiteDirs {
		if err := copyTree(filepath.Join(repo, part), filepath.Join(site, part)); err != nil {
			return "", err
		}
	}
	if err := copyTree(dataDir, filepath.Join(site, "data")); err != nil {
		return "", err
	}
	return site, nil
}

// StageWASM compiles the browser programs of repo (tools/wasm/*) into the staged site,
// for the tests of the pages that run them; Stage leaves out the repository's own,
// possibly stale, assets/wasm/.
func StageWASM(repo, site string) error {
	_, err := wasmbuild.Build(repo, filepath.Join(site, wasmbuild.SiteDir))
	return err
}

// Build runs the pinned Hugo (go tool hugo, from repo's module) on site into out, with
// warnings (missing translations among them) treated as errors. Without a --config in
// extra, it gives Hugo the search keywords of site/data (Keywords). As make site does, it
// first writes the open data of site/data (OpenData) and adds its configuration to the
// --config files of extra (config.toml when extra names none); without site/data (a
// build from guide hugo-data's copy only), the open data written before, if any.
func Build(repo, site, out string, extra ...string) ([]byte, error) {
	conf := filepath.Join(site, "tmp", "opendata.toml")
	if fileExists(filepath.Join(site, "data")) && !slices.Contains(extra, "--config") {
		kw, err := Keywords(site)
		if err != nil {
			return nil, err
		}
		extra = withConfig(site, extra, kw)
	}
	if fileExists(filepath.Join(site, "data")) {
		if _, err := OpenData(site); err != nil {
			return nil, err
		}
	}
	if fileExists(conf) {
		extra = withConfig(site, extra, conf)
	}
	args := append([]string{"tool", "hugo", "--source", site, "--destination", out,
		"--baseURL", BaseURL, "--printI18nWarnings", "--panicOnWarning"}, extra...)
	cmd := exec.Command("go", args...)
	cmd.Dir = repo
	output, err := cmd.CombinedOutput()
	if err != nil {
		return output, fmt.Errorf("hugo: %w\n%s", err, output)
	}
	return output, nil
}

// OpenData writes the open data of site/data into site/tmp/opendata (guide opendata,
// package opendata) for the test address BaseURL, with the dates of change of
// site/tmp/hugo-derived/history.json when guide hugo-data wrote one there, and returns its
// Hugo configuration file.
func OpenData(site string) (string, error) {
	o := opendata.Options{DataDir: filepath.Join(site, "data"), SiteDir: site,
		ConfigFile: filepath.Join(site, "config.toml"), BaseURL: BaseURL,
		Out: filepath.Join(site, "tmp", "opendata")}
	if h := filepath.Join(site, "tmp", "hugo-derived", "history.json"); fileExists(h) {
		o.HistoryFile = h
	}
	if _, err := opendata.Write(o); err != nil {
		return "", fmt.Errorf("guide opendata: %s", diag.Words(err, "en"))
	}
	return o.Out + ".toml", nil
}

// Keywords writes the search keywords of site/data (package searchkw) into
// site/tmp/keywords and returns the Hugo configuration file that mounts site/data and
// them as data: Build gives them to a build that names no configuration of its own, as
// make site and make serve have them, without the rest of the derived data (the related
// case studies, the history), which such builds have never had.
func Keywords(site string) (string, error) {
	data, dir := filepath.Join(site, "data"), filepath.Join(site, "tmp", "keywords")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := searchkw.Write(data, nil, filepath.Join(dir, searchkw.File)); err != nil {
		return "", fmt.Errorf("search keywords: %s", diag.Words(err, "en"))
	}
	// As hugodata.WriteMount writes it (which this package cannot import: its tests
	// import this one).
	mount := "[module]\n"
	for _, d := range []string{"data", "tmp/keywords"} {
		mount += fmt.Sprintf("  [[module.mounts]]\n    source = %q\n    target = \"data\"\n", d)
	}
	return dir + ".toml", os.WriteFile(dir+".toml", []byte(mount), 0o644)
}

// withConfig adds the configuration file conf to the --config list of args, unless it
// is there already.
func withConfig(site string, args []string, conf string) []string {
	out := slices.Clone(args)
	for i := 0; i+1 < len(out); i++ {
		if out[i] == "--config" {
			if !slices.Contains(strings.Split(out[i+1], ","), conf) {
				out[i+1] += "," + conf
			}
			return out
		}
	}
	return append(out, "--config", filepath.Join(site, "config.toml")+","+conf)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() && (rel == "wasm" || rel == "pagefind") && (filepath.Base(src) == "static" || filepath.Base(src) == "assets") {
			// Generated, possibly stale: make wasm (see StageWASM) and make serve's search
			// index (tests index their own site with searchindex.Build).
			return filepath.SkipDir
		}
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// What reads a built site back lives in package builtsite, which guide links uses too
// (the guide binary carries no test code); the tests name it from here.
type (
	Page = builtsite.Page
	Site = builtsite.Site
)

var (
	Read       = builtsite.Read
	CheckLinks = builtsite.CheckLinks
	Find       = builtsite.Find
	Attr       = builtsite.Attr
	Text       = builtsite.Text
	IDs        = builtsite.IDs
	CSSURLs    = builtsite.CSSURLs
)
