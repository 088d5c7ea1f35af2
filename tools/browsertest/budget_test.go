package browsertest

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// PageBudgetBytes is the most any page may transfer before the reader acts, counted
// uncompressed (the files' sizes) and as transferred (headers included): the ceiling of
// the performance budget of issue 22, item 7 (500 KB; 1 KB = 1000 bytes). The
// WebAssembly programs (7 and 5 MB) load only when the reader acts (docs/site.md,
// Performance).
const PageBudgetBytes = 500_000

// TestPageTypeBudget loads every page type (pageTypes), in both languages, with the
// cache disabled, waits until the network has been quiet for a second after the fonts,
// and adds up what the page fetched: no more than PageBudgetBytes, and no WebAssembly
// program among it.
func TestPageTypeBudget(t *testing.T) {
	b, srv := startBrowser(t)
	for _, pt := range pageTypes {
		for _, path := range []string{pt.en, pt.fr} {
			files, sent, lines, err := pageBytes(b, srv.URL, path)
			if err != nil {
				t.Errorf("%s (%s): %v", path, pt.kind, err)
				continue
			}
			report := fmt.Sprintf("%s (%s): %d B of files, %d B transferred, budget %d B\n    %s",
				path, pt.kind, files, sent, PageBudgetBytes, strings.Join(lines, "\n    "))
			var wasm []string
			for _, l := range lines {
				if strings.Contains(l, ".wasm") {
					wasm = append(wasm, l)
				}
			}
			switch {
			case files > PageBudgetBytes || sent > PageBudgetBytes:
				t.Errorf("over budget: %s", report)
			case len(wasm) > 0:
				t.Errorf("%s: a WebAssembly program loaded before the reader acted: %s", path, strings.Join(wasm, "; "))
			default:
				t.Logf("%s (%s): %d B of files, %d B transferred", path, pt.kind, files, sent)
			}
		}
	}
}

// pageBytes loads path in a new tab of b (server base) with the cache disabled and
// returns the bytes of the files it fetched (their size as built: uncompressed), the
// bytes transferred, and one line per request.
func pageBytes(b *Browser, base, path string) (files, sent int64, lines []string, err error) {
	ctx, cancel := b.Tab(time.Minute)
	defer cancel()
	rec, err := Record(ctx)
	if err != nil {
		return 0, 0, nil, err
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return 0, 0, nil, err
	}
	r := loadPage(ctx, rec, base+path, path, "")
	if r.Err != nil {
		return 0, 0, nil, r.Err
	}
	// What a page starts after loading (a script's fetch, a worker) counts too.
	rec.Settle(ctx, time.Second)
	for _, q := range rec.Requests() {
		size := fileSize(q.URL, base)
		files += size
		sent += int64(q.Bytes)
		lines = append(lines, fmt.Sprintf("%8d B (transferred %8d B) %-10s %s", size, int64(q.Bytes), q.Type, strings.TrimPrefix(q.URL, base)))
	}
	sort.Strings(lines)
	return files, sent, lines, nil
}
