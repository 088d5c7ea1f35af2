package check

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// TestBrokenCorpusMemory validates 20,000 broken files (2,000 with -short), each with
// some twenty errors, with the soft memory limit guide sets: the heap stays under
// 250 MiB (the command measured 211 MiB of resident memory with /usr/bin/time -v; 100,000
// such files once took 1.8 GB), the result is bounded (diag.MaxPerFile a file, findings
// kept for the first files only) and every finding is still counted.
func TestBrokenCorpusMemory(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 2_000
	}
	data := testutil.CopyTree(t, validCorpus)
	for i := range n {
		src := fmt.Sprintf("id: Broken_%d\ntitle: {en: \"<b>x</b>\"}\nthemes: [nope, nada, rien]\nstarted: 2026-13-45\n"+
			"bogus: 1\ncontacts: [nobody-%d]\nsummary: {en: a, fr: b, de: c}\n", i, i)
		if err := os.WriteFile(filepath.Join(data, "projects", fmt.Sprintf("broken-%05d.yaml", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(200 << 20))
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan bool)
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	res, err := Run(Options{DataDir: data, Now: today, SiteConfig: siteConfig})
	close(stop)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files: peak heap %d MiB, %d diagnostics kept", n, peak.Load()>>20, len(res.Diagnostics))
	if peak.Load() > 250<<20 {
		t.Errorf("peak heap %d MiB, want at most 250 MiB", peak.Load()>>20)
	}
	if errs, _ := res.Diagnostics.Count(); errs != 21*n {
		t.Errorf("%d errors counted, want %d", errs, 21*n)
	}
	if len(res.Diagnostics) > 2*diag.MaxTotal+diag.MaxPerFile+2*n {
		t.Errorf("%d diagnostics kept: not bounded", len(res.Diagnostics))
	}
	var out strings.Builder
	if err := diag.Write(&out, "text", res.Diagnostics, res.Files); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(out.String(), "\n"); lines > diag.MaxTotal+diag.MaxTotal/diag.MaxPerFile*2+3 {
		t.Errorf("%d lines printed", lines)
	}
}
