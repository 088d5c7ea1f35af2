package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/gen"
)

// BenchmarkPrint prints both languages of a generated corpus (guide gen -projects 200,
// seed 1): about 450 Letter pages per language. Target on a 2-core machine: ≤ 30 s per
// operation, both languages. The site is built once, outside the timing.
//
//	go test ./tools/pdf -run '^$' -bench Print -benchtime 1x
//	PDF_BENCH_PROJECTS=50 go test ./tools/pdf -run '^$' -bench Print -benchtime 1x
func BenchmarkPrint(b *testing.B) {
	public := benchSite(b)
	var pages [2]int
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(context.Background(), Options{Public: public, Log: benchLog(b)})
		if err != nil {
			b.Fatal(err)
		}
		for i, r := range res {
			pages[i] = r.Pages
			b.Logf("%s: %d pages, %.1f MB, %d prints, %.1f s", filepath.Base(r.File), r.Pages, float64(r.Bytes)/1e6, r.Passes, r.Duration.Seconds())
		}
	}
	b.ReportMetric(float64(pages[0]), "pages-en")
	b.ReportMetric(float64(pages[1]), "pages-fr")
}

// benchSite builds the site of a generated corpus (guide gen -projects 200, seed 1, or
// PDF_BENCH_PROJECTS) with its print pages and returns its public folder.
func benchSite(b *testing.B) string {
	needTools(b)
	n := 200
	if s := os.Getenv("PDF_BENCH_PROJECTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("PDF_BENCH_PROJECTS=%q", s)
		}
	}
	dir := b.TempDir()
	data := filepath.Join(dir, "data")
	if err := gen.Write(data, gen.Options{Projects: n, Seed: 1, Taxonomy: filepath.Join(repo, "data", "taxonomy.yaml")}); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	public := buildSite(b, data, filepath.Join(dir, "site"))
	b.Logf("%d projects: site built in %.1f s", n, time.Since(start).Seconds())
	return public
}

// BenchmarkRewrite times the Go rewrite of the final prints (rewrite: node ids,
// document information, PDF/UA) of both languages of BenchmarkPrint's corpus, printed
// once outside the timing; each rewrite must give the bytes that guide pdf wrote.
//
//	go test ./tools/pdf -run '^$' -bench Rewrite -benchtime 5x -cpuprofile cpu.prof
func BenchmarkRewrite(b *testing.B) {
	public := benchSite(b)
	finals := map[string]finalPrint{}
	var mu sync.Mutex
	testHookFinalPrint = func(lang string, p finalPrint) {
		mu.Lock()
		defer mu.Unlock()
		finals[lang] = p
	}
	defer func() { testHookFinalPrint = nil }()
	res, err := Run(context.Background(), Options{Public: public})
	if err != nil {
		b.Fatal(err)
	}
	want := map[string][]byte{}
	for _, r := range res {
		if want[r.Lang], err = os.ReadFile(r.File); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, r := range res {
			out, pages, err := rewrite(finals[r.Lang])
			if err != nil {
				b.Fatal(err)
			}
			if pages != r.Pages || !bytes.Equal(out, want[r.Lang]) {
				b.Fatalf("%s: the rewrite gives other bytes (%d pages) than guide pdf wrote (%d pages)", r.Lang, pages, r.Pages)
			}
		}
	}
}

// benchLog passes the steps of each print (Options.Log) to the benchmark's log, where
// -v shows where the time goes.
func benchLog(b *testing.B) func(diag.Msg) {
	return func(m diag.Msg) { b.Log(m.Text("en")) }
}
