package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHugoConfig: the print configuration adds "print" to the home page's formats of the
// site's config and repeats every other kind's list, since a later --config file's
// outputs.home replaces the earlier one's.
func TestHugoConfig(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		want         []string
		notWant      []string
	}{
		{"the guide's config.toml", "", []string{`home = ["html", "opendata", "changes", "changesfeed", "print"]`, `section = ["html"]`, `term = ["html"]`, "[outputFormats.print]", `baseName = "edition"`}, nil},
		{"no outputs: Hugo's default for home", "baseURL = \"https://x.test/\"\n", []string{`home = ["html", "rss", "print"]`}, []string{"section ="}},
		{"print already there", "[outputs]\nhome = [\"html\", \"print\"]\npage = [\"html\", \"json\"]\n", []string{`home = ["html", "print"]`, `page = ["html", "json"]`}, []string{`"print", "print"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(repo, "config.toml")
			if tc.config != "" {
				file = filepath.Join(t.TempDir(), "config.toml")
				if err := os.WriteFile(file, []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := HugoConfig(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("has %q:\n%s", w, got)
				}
			}
		})
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[outputs\n"), 0o644)
	if _, err := HugoConfig(bad); err == nil || !strings.Contains(err.Error(), "bad.toml") {
		t.Errorf("a broken config: error %v, want one naming the file", err)
	}
	if _, err := HugoConfig(filepath.Join(t.TempDir(), "missing.toml")); err == nil {
		t.Error("a missing config: no error")
	}
}

// TestBasePath: the print pages' home addresses give the path the site is served under.
func TestBasePath(t *testing.T) {
	for _, tc := range []struct {
		sites []string
		want  string
		err   string
	}{
		{[]string{"https://example.org/en/", "https://example.org/fr/"}, "/", ""},
		{[]string{"https://owner.github.io/guide-iad/en/", "https://owner.github.io/guide-iad/fr/"}, "/guide-iad/", ""},
		{[]string{"https://example.org/a/en/", "https://example.org/b/fr/"}, "", "two base paths"},
		{[]string{"https://example.org/", "https://example.org/fr/"}, "", "want the language's home page"},
		{[]string{"", "https://example.org/fr/"}, "", "want the language's home page"},
	} {
		metas := []meta{{Site: tc.sites[0]}, {Site: tc.sites[1]}}
		got, err := basePath(metas, []string{"en", "fr"})
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%v: error %v, want %q", tc.sites, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%v: %q, %v; want %q", tc.sites, got, err, tc.want)
		}
	}
}
