// Package opendata tests the open data that the site publishes in each language
// (projects, practices and consented contacts as JSON and CSV, a Frictionless
// datapackage.json, an Atom feed of case studies, and the sitemaps with hreflang
// alternates; see docs/open-data.md), end to end on a build of the fixture corpus.
//
// The open data needs an output format in config.toml, one interface string in i18n/
// and a line in the <head> partial. Their snippets are in testdata/; Apply adds to a staged
// copy of the site (sitetest.Stage) whichever of them the copy lacks, so the tests pass
// both before and after the snippets are merged into the repository.
package opendata

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Formats are the output formats of the home page that make the open data: one, whose
// template writes datapackage.json and publishes the other files.
var Formats = []string{"opendata"}

// HeadCall is the line that head.html needs to link the Atom feed from every page.
const HeadCall = `{{ partialCached "opendata/head.html" . site.Language.Lang }}`

var (
	outputsTable = regexp.MustCompile(`(?m)^\[outputs\][ \t]*$`)
	nextTable    = regexp.MustCompile(`(?m)^\s*\[`)
	homeOutputs  = regexp.MustCompile(`(?m)^([ \t]*home[ \t]*=[ \t]*\[)([^\]]*)\]`)
	quoted       = regexp.MustCompile(`"([^"]*)"`)
)

// Apply adds to the staged site in dir what the open data needs and the site lacks: the
// output format (snippets/config.toml, and the format in [outputs] home), the i18n
// keys (snippets/i18n.<lang>.yaml) and the <head> link (HeadCall). It changes nothing
// that is already there.
func Apply(dir, snippets string) error {
	if err := applyConfig(filepath.Join(dir, "config.toml"), filepath.Join(snippets, "config.toml")); err != nil {
		return err
	}
	for _, lang := range []string{"en", "fr"} {
		if err := applyI18n(filepath.Join(dir, "i18n", lang+".yaml"), filepath.Join(snippets, "i18n."+lang+".yaml")); err != nil {
			return err
		}
	}
	return applyHead(filepath.Join(dir, "layouts", "_partials", "head.html"))
}

func applyConfig(path, snippet string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	cfg := string(b)
	loc := outputsTable.FindStringIndex(cfg)
	if loc == nil {
		return fmt.Errorf("%s: no [outputs] table", path)
	}
	start := loc[1]
	end := len(cfg)
	if next := nextTable.FindStringIndex(cfg[start:]); next != nil {
		end = start + next[0]
	}
	table := cfg[start:end]
	m := homeOutputs.FindStringSubmatchIndex(table)
	if m == nil {
		return fmt.Errorf("%s: no home = [...] in [outputs]", path)
	}
	have := map[string]bool{}
	for _, q := range quoted.FindAllStringSubmatch(table[m[4]:m[5]], -1) {
		have[strings.ToLower(q[1])] = true
	}
	list := strings.TrimRight(table[m[4]:m[5]], " \t\n")
	added := false
	for _, f := range Formats {
		if have[f] {
			continue
		}
		if strings.HasSuffix(list, ",") || strings.TrimSpace(list) == "" {
			list += fmt.Sprintf(" %q,", f)
		} else {
			list += fmt.Sprintf(", %q", f)
		}
		added = true
	}
	if added {
		table = table[:m[4]] + strings.TrimSuffix(list, ",") + table[m[5]:]
		cfg = cfg[:start] + table + cfg[end:]
	}
	if !strings.Contains(cfg, "[outputFormats.opendata]") {
		s, err := os.ReadFile(snippet)
		if err != nil {
			return err
		}
		cfg = strings.TrimRight(cfg, "\n") + "\n\n" + string(s)
	}
	return os.WriteFile(path, []byte(cfg), 0o644)
}

func applyI18n(path, snippet string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var have map[string]any
	if err := yaml.Unmarshal(b, &have); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	s, err := os.ReadFile(snippet)
	if err != nil {
		return err
	}
	var want map[string]string
	if err := yaml.Unmarshal(s, &want); err != nil {
		return fmt.Errorf("%s: %w", snippet, err)
	}
	out := strings.TrimRight(string(b), "\n") + "\n"
	for k, v := range want {
		if _, ok := have[k]; ok {
			continue
		}
		line, err := yaml.Marshal(map[string]string{k: v})
		if err != nil {
			return err
		}
		out += string(line)
	}
	return os.WriteFile(path, []byte(out), 0o644)
}

func applyHead(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if strings.Contains(string(b), "opendata/head.html") || strings.Contains(string(b), "application/atom+xml") {
		return nil
	}
	return os.WriteFile(path, []byte(strings.TrimRight(string(b), "\n")+"\n"+HeadCall+"\n"), 0o644)
}
