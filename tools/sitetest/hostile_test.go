package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShortcodesInDataDoNotRun builds a site whose data bypassed the validator: a case
// study's Markdown holds Hugo shortcodes (a config value, a video from another host, an
// image from another host, a fetch at build through the x shortcode), an image from
// another host, and an edition title holds HTML. The build must succeed, and the output
// must hold no iframe, no foreign image, no configuration value, and the title escaped.
func TestShortcodesInDataDoNotRun(t *testing.T) {
	dir := t.TempDir()
	site, err := Stage(repo, fixture, dir)
	if err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(site, "data", "projects", "beta-forecasting.yaml")
	src, err := os.ReadFile(project)
	if err != nil {
		t.Fatal(err)
	}
	const challenge = "challenge: {en: Wait times rose in winter., fr: Les délais d'attente augmentaient l'hiver.}"
	hostile := "challenge:\n  en: |\n" +
		"    Title {{< param title >}} and {{% param baseURL %}} and {{< param \"repository\" >}}.\n\n" +
		"    {{< youtube dQw4w9WgXcQ >}}\n\n" +
		"    {{< figure src=\"https://evil.example/x.png\" >}}\n\n" +
		"    {{< x user=\"evil\" id=\"1\" >}} {{< instagram evil >}}\n\n" +
		"    Code `{{< param title >}}` and {{</* comment */>}} and {{{< param title >}}}.\n\n" +
		"    ![tracker](https://evil.example/pixel.png) [ok](https://example.org)\n" +
		"  fr: Les délais d'attente augmentaient l'hiver."
	if !strings.Contains(string(src), challenge) {
		t.Fatalf("fixture changed: no %q", challenge)
	}
	if err := os.WriteFile(project, []byte(strings.Replace(string(src), challenge, hostile, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if log, err := Build(repo, site, out); err != nil {
		t.Fatalf("build failed on shortcodes in data (they must be inert): %v\n%s", err, log)
	}
	page, err := os.ReadFile(filepath.Join(out, "en", "projects", "beta-forecasting", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, bad := range []string{"<iframe", "youtube.com", "youtube-nocookie", `src="https://evil`, `href="https://evil`, "<figure", "<img", "<blockquote class=\"instagram", "Title Guide IAD", "and " + BaseURL} {
		if strings.Contains(html, bad) {
			t.Errorf("page holds %q: a shortcode or foreign image ran", bad)
		}
	}
	// The text is shown as written: the braces are there, the shortcode did not run.
	for _, want := range []string{"Title {{&lt; param title &gt;}}", "{{% param baseURL %}}", "<code>{&amp;#123;&lt; param title &gt;}}</code>"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q (the shortcode text shown as text)", want)
		}
	}
	if !strings.Contains(html, "tracker") {
		t.Error("the foreign image's alternative text is not shown")
	}
}
