// Package browsertest holds the quality gates of the website that need a browser, Node's
// packages or Java (docs/quality-gates.md): accessibility with axe-core, HTML conformance
// with the Nu Html Checker, no request to another host, the Content-Security-Policy, the
// weight of a case study, reading without JavaScript and the keyboard path.
//
// The tests build the fixture corpus (tools/check/testdata/valid) with tools/sitetest,
// serve it on 127.0.0.1 and drive one headless Chromium, both from tools/internal/chromium
// (through chromedp), with one tab per page. This file has the pieces the tests
// share: what is installed, the server, the browser and the record of a page load.
package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/pssdc/guide-iad/tools/internal/chromium"
)

// Paths under the repository of the Node packages (package.json, installed by
// `npm ci --ignore-scripts`).
const (
	AxePath = "node_modules/axe-core/axe.min.js"
	VnuPath = "node_modules/vnu-jar/build/dist/vnu.jar"
)

// Tools are the programs and files the gates need, found in a repository.
type Tools struct {
	Chromium string // the browser
	Java     string // java, for vnu.jar
	Axe      string // axe.min.js
	Vnu      string // vnu.jar
}

// FindTools looks for the browser, Java and the Node packages of the repository at repo.
// Missing lists what is not there, with the command that installs it.
func FindTools(repo string) (tools Tools, missing []string) {
	if exe, err := chromium.Find(""); err == nil {
		tools.Chromium = exe
	} else {
		missing = append(missing, "chromium (apt-get install chromium)")
	}
	if exe, err := exec.LookPath("java"); err == nil {
		tools.Java = exe
	} else {
		missing = append(missing, "java (apt-get install openjdk-17-jre-headless)")
	}
	for _, f := range []struct {
		rel string
		dst *string
	}{{AxePath, &tools.Axe}, {VnuPath, &tools.Vnu}} {
		p := filepath.Join(repo, f.rel)
		if _, err := os.Stat(p); err == nil {
			*f.dst = p
		} else {
			missing = append(missing, f.rel+" (npm ci --ignore-scripts)")
		}
	}
	return tools, missing
}

// Server serves a built site on a loopback port (package chromium) and remembers the
// requests it answered with an error, and the status of the last answer for each path.
type Server = chromium.Server

// Serve serves the folder root on 127.0.0.1 at a free port.
func Serve(root string) (*Server, error) { return chromium.Serve(root, chromium.ServeOptions{}) }

// BrowserFlags are the switches the tests add to package chromium's (headless, no
// sandbox, no GPU, nothing that reaches the network on its own): proxy-server sends
// every request that is not for a loopback address to a closed local port, so that a
// page that names another host makes no traffic leave the machine: the request is still
// seen (and fails the test).
var BrowserFlags = []chromedp.ExecAllocatorOption{
	chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
	chromedp.WindowSize(1280, 900),
}

// Browser is one headless Chromium with a fresh profile; each page gets a tab of it.
type Browser struct{ b *chromium.Browser }

// StartBrowser starts Chromium (exe) with a new, empty profile.
func StartBrowser(exe string) (*Browser, error) {
	b, err := chromium.Start(context.Background(), exe, BrowserFlags...)
	if err != nil {
		return nil, err
	}
	return &Browser{b}, nil
}

// Tab opens a new tab, closed (with everything it runs) after timeout or by cancel.
func (b *Browser) Tab(timeout time.Duration) (context.Context, context.CancelFunc) {
	tctx, tcancel := b.b.Tab()
	ctx, cancel := context.WithTimeout(tctx, timeout)
	return ctx, func() { cancel(); tcancel() }
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() { b.b.Close() }

// Request is one request a page made.
type Request struct {
	ID      network.RequestID
	URL     string
	Type    network.ResourceType
	Status  int64   // HTTP status; 0 when none came
	Bytes   float64 // encoded data length (headers and body as transferred)
	Body    float64 // encoded body length
	Failed  string  // the error text of a request that failed
	Done    bool    // finished or failed
	Blocked string  // the reason a request was blocked (CSP, mixed content…)
}

// Recorder records the requests, console messages and errors of one tab. It is fed by
// chromedp.Listen, so it only stores what it sees and returns at once.
type Recorder struct {
	mu       sync.Mutex
	requests []*Request
	byID     map[network.RequestID]*Request
	console  []string
}

// Record starts recording the events of the tab of ctx.
func Record(ctx context.Context) (*Recorder, error) {
	r := &Recorder{byID: map[network.RequestID]*Request{}}
	if err := chromedp.Listen(ctx, r.event); err != nil {
		return nil, err
	}
	// The log domain reports CSP violations, failed loads and deprecations.
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if q := r.byID[ev.RequestID]; q != nil && ev.RedirectResponse != nil {
			q.Status = ev.RedirectResponse.Status
			q.Done = true
		}
		q := &Request{ID: ev.RequestID, URL: ev.Request.URL, Type: ev.Type}
		r.requests = append(r.requests, q)
		r.byID[ev.RequestID] = q
	case *network.EventResponseReceived:
		if q := r.byID[ev.RequestID]; q != nil {
			q.Status = ev.Response.Status
		}
	case *network.EventLoadingFinished:
		if q := r.byID[ev.RequestID]; q != nil {
			q.Bytes, q.Body, q.Done = ev.EncodedDataLength, ev.EncodedBodyLength, true
		}
	case *network.EventLoadingFailed:
		if q := r.byID[ev.RequestID]; q != nil {
			q.Failed, q.Done = ev.ErrorText, true
			if ev.BlockedReason != "" {
				q.Blocked = string(ev.BlockedReason)
			}
		}
	case *cdplog.EventEntryAdded:
		if e := ev.Entry; e.Level == cdplog.EntryLevelError || e.Level == cdplog.EntryLevelWarning {
			msg := fmt.Sprintf("%s %s: %s", e.Level, e.Source, e.Text)
			if e.URL != "" {
				msg += " (" + e.URL + ")"
			}
			r.console = append(r.console, msg)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			r.console = append(r.console, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		r.console = append(r.console, "uncaught exception: "+text)
	}
}

// Reset forgets what was recorded, before the tab loads another page.
func (r *Recorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests, r.byID, r.console = nil, map[network.RequestID]*Request{}, nil
}

// Requests returns a copy of the requests so far.
func (r *Recorder) Requests() []Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Request, len(r.requests))
	for i, q := range r.requests {
		out[i] = *q
	}
	return out
}

// Console returns the errors and warnings of the console and the log so far.
func (r *Recorder) Console() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.console)
}

// Pending returns the URLs of the requests that have not ended.
func (r *Recorder) Pending() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, q := range r.requests {
		if !q.Done {
			out = append(out, q.URL)
		}
	}
	return out
}

// Settle waits until every request has ended and none started for quiet, or until ctx
// ends; it returns the requests still pending then.
func (r *Recorder) Settle(ctx context.Context, quiet time.Duration) []string {
	last, n := time.Now(), -1
	for {
		r.mu.Lock()
		count := len(r.requests)
		r.mu.Unlock()
		if count != n {
			last, n = time.Now(), count
		}
		pending := r.Pending()
		if len(pending) == 0 && time.Since(last) >= quiet {
			return nil
		}
		select {
		case <-ctx.Done():
			return pending
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Foreign returns the requests for another origin than the site's host (such as
// 127.0.0.1:PORT). data: and blob: URLs make no request on the network and are allowed;
// about:blank, the page of a new tab, too.
func Foreign(reqs []Request, host string) []Request {
	var out []Request
	for _, q := range reqs {
		u, err := url.Parse(q.URL)
		if err != nil {
			out = append(out, q)
			continue
		}
		switch {
		case u.Scheme == "data" || u.Scheme == "blob" || q.URL == "about:blank":
		case (u.Scheme == "http" || u.Scheme == "https") && u.Host == host:
		default:
			out = append(out, q)
		}
	}
	return out
}

// LoadFonts is a script that waits until the fonts the page uses have loaded (a page's
// fonts are requested once layout needs them) and returns the faces that failed.
const LoadFonts = `(async () => {
	await document.fonts.ready;
	const bad = [];
	document.fonts.forEach(f => { if (f.status === "error") bad.push(f.family + " " + f.weight + " " + f.style); });
	return bad;
})()`
