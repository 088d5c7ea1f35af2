package opendata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stageFiles writes a minimal staged site (config.toml, i18n, head.html) into a temp dir.
func stageFiles(t *testing.T, config, head string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"config.toml":                 config,
		"i18n/en.yaml":                "site_title: \"DDI Playbook\"\n",
		"i18n/fr.yaml":                "site_title: \"Guide IAD\"\n",
		"layouts/_partials/head.html": head,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const plainConfig = `baseURL = "https://example.org/"

[outputs]
  home = ["html", "print"]
  page = ["html"]

[outputFormats.print]
  mediaType = "text/html"
  baseName = "edition"
`

// TestApplyAddsWhatIsMissing: on a configuration without the open data, Apply adds the
// formats to outputs.home (keeping the others), the output formats, the i18n keys and
// the <head> call.
func TestApplyAddsWhatIsMissing(t *testing.T) {
	dir := stageFiles(t, plainConfig, "<meta charset=\"utf-8\">\n")
	if err := Apply(dir, "testdata"); err != nil {
		t.Fatal(err)
	}
	cfg := read(t, dir, "config.toml")
	want := `home = ["html", "print", "opendata"]`
	if !strings.Contains(cfg, want) {
		t.Errorf("config.toml outputs not extended:\n%s", cfg)
	}
	for _, f := range Formats {
		if !strings.Contains(cfg, "[outputFormats."+f+"]") {
			t.Errorf("config.toml lacks [outputFormats.%s]", f)
		}
	}
	if !strings.Contains(cfg, `page = ["html"]`) || !strings.Contains(cfg, "[outputFormats.print]") {
		t.Errorf("Apply changed other settings:\n%s", cfg)
	}
	for _, lang := range langs {
		if !strings.Contains(read(t, dir, "i18n/"+lang+".yaml"), "opendata_feed_title:") {
			t.Errorf("i18n/%s.yaml lacks opendata_feed_title", lang)
		}
	}
	if !strings.Contains(read(t, dir, "layouts/_partials/head.html"), HeadCall) {
		t.Error("head.html lacks the feed link call")
	}
}

// TestApplyKeepsMergedSnippets: once the snippets are in the repository (formats spread
// over several lines, keys and head call present), Apply changes nothing.
func TestApplyKeepsMergedSnippets(t *testing.T) {
	snippet, err := os.ReadFile("testdata/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	merged := strings.Replace(plainConfig, `home = ["html", "print"]`, `home = [
    "html", "print",
    "opendata",
  ]`, 1) + "\n" + string(snippet)
	head := "<meta charset=\"utf-8\">\n" + HeadCall + "\n"
	dir := stageFiles(t, merged, head)
	for _, lang := range langs {
		s, err := os.ReadFile("testdata/i18n." + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "i18n", lang+".yaml")
		if err := os.WriteFile(p, append([]byte(read(t, dir, "i18n/"+lang+".yaml")), s...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := map[string]string{}
	for _, f := range []string{"config.toml", "i18n/en.yaml", "i18n/fr.yaml", "layouts/_partials/head.html"} {
		before[f] = read(t, dir, f)
	}
	if err := Apply(dir, "testdata"); err != nil {
		t.Fatal(err)
	}
	for f, b := range before {
		if got := read(t, dir, f); got != b {
			t.Errorf("Apply changed %s:\n%s", f, got)
		}
	}
}
