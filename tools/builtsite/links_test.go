package builtsite

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestCheckLinksInSameAsRead: checking a site one page at a time (CheckLinksIn, guide
// links) finds what checking it read whole (Read, then CheckLinks) finds: the same
// problems and the same count, over enough pages for several workers.
func TestCheckLinksInSameAsRead(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"css/a.css":     `@font-face{src:url(/fonts/a.woff2)} .x{background:url(/img/missing.png)}`,
		"fonts/a.woff2": "",
		"x.pdf":         "%PDF",
		"404.html":      `<a href="/en/">home</a>`,
	}
	for i := range 40 {
		extra := ""
		if i%7 == 0 {
			extra = fmt.Sprintf(`<img src="/img/p%d.png" alt=""> <a href="https://site.test/en/gone-%d/">gone</a>`, i, i)
		}
		files[fmt.Sprintf("en/p%d/index.html", i)] = fmt.Sprintf(`<!DOCTYPE html><html><head><link rel="stylesheet" href="/css/a.css"></head>`+
			`<body><a href="/en/p%d/">next</a> <a href="https://site.test/x.pdf">pdf</a> <a href="https://other.test/">out</a> <div data-src="/en/p%d/#top"></div>%s</body></html>`, (i+1)%40, i, extra)
	}
	for path, body := range files {
		file := filepath.Join(root, filepath.FromSlash(path))
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	want, wantChecked := CheckLinks(s, "https://site.test/")
	got, checked, pages, err := CheckLinksIn(root, "https://site.test/")
	if err != nil {
		t.Fatal(err)
	}
	if pages != len(s.Pages) || pages != 41 {
		t.Errorf("%d pages, Read found %d (want 41)", pages, len(s.Pages))
	}
	text := func(ms []diag.Msg) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.String())
		}
		return out
	}
	if checked != wantChecked || !slices.Equal(text(got), text(want)) {
		t.Errorf("one page at a time: %d checked, %q\nwhole: %d checked, %q", checked, text(got), wantChecked, text(want))
	}
	if len(want) != 14 { // 6 images, 6 pages gone, the stylesheet's image, /en/ (no index page)
		t.Errorf("%d problems, want 14: %q", len(want), text(want))
	}
}
