package browsertest

import (
	"context"
	"sync"
	"testing"
	"time"
)

var (
	vnuOnce     sync.Once
	vnuDone     = make(chan struct{})
	vnuMessages []VnuMessage
	vnuErr      error
	vnuTime     time.Duration
)

// startVnu runs the checker over the built site in the background, once: it takes a few
// seconds of Java, which overlap with the browser's work.
func startVnu(tl Tools) {
	vnuOnce.Do(func() {
		go func() {
			defer close(vnuDone)
			start := time.Now()
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			vnuMessages, vnuErr = RunVnu(ctx, tl.Java, tl.Vnu, siteDir)
			vnuTime = time.Since(start)
		}()
	})
}

// TestNuHtmlChecker: the Nu Html Checker (vnu.jar) finds no error in any HTML file of the
// built site. Warnings are listed and allowed; the messages of VnuFilters are accepted,
// each for its reason.
func TestNuHtmlChecker(t *testing.T) {
	builtSite(t)
	tl := needTools(t, "java", VnuPath)
	startVnu(tl)
	<-vnuDone
	if vnuErr != nil {
		t.Fatal(vnuErr)
	}
	errors, warnings := 0, 0
	accepted := map[string]int{}
	for _, m := range vnuMessages {
		if !m.IsError() && !m.IsWarning() {
			continue
		}
		if f := Filtered(m); f != nil {
			accepted[f.Reason]++
			continue
		}
		if m.IsError() {
			errors++
			t.Errorf("%s", m)
		} else {
			warnings++
			t.Logf("warning: %s", m)
		}
	}
	for reason, n := range accepted {
		t.Logf("accepted: %s: %s", plural(n, "message", "messages"), reason)
	}
	t.Logf("vnu.jar on %s: %s, %s (%.1f s)", siteDir,
		plural(errors, "error", "errors"), plural(warnings, "warning", "warnings"), vnuTime.Seconds())
}
