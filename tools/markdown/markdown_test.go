package markdown

import (
	"os"
	"regexp"
	"testing"
)

// TestMatchesSiteConfig reads config.toml's goldmark extensions and checks that the
// validator's parser enables exactly those: the validator must judge Markdown as the
// site renders it.
func TestMatchesSiteConfig(t *testing.T) {
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for name := range Extensions {
		want[name] = true
	}
	re := regexp.MustCompile(`(?m)^\s*(definitionList|footnote|linkify|strikethrough|table|taskList|typographer)\s*=\s*(true|false)`)
	got := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(string(cfg), -1) {
		got[m[1]] = m[2] == "true"
	}
	for _, ext := range []string{"definitionList", "footnote", "linkify", "strikethrough", "table", "taskList", "typographer"} {
		v, ok := got[ext]
		if !ok {
			t.Errorf("config.toml does not set markup.goldmark.extensions.%s; set it explicitly", ext)
			continue
		}
		if v != want[ext] {
			t.Errorf("config.toml sets %s = %v but the validator's parser has it %v; change tools/markdown too", ext, v, want[ext])
		}
	}
	if !regexp.MustCompile(`(?m)^\s*unsafe\s*=\s*false`).Match(cfg) {
		t.Error("config.toml must keep markup.goldmark.renderer.unsafe = false")
	}
}
