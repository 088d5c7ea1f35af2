// Package chromium is the one harness through which the project drives a browser: the
// print edition (tools/pdf) and the browser tests (tools/browsertest). It finds
// Chromium, starts it headless with the project's flags and a fresh profile, and serves
// a built site on a loopback port.
package chromium

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"strings"

	"github.com/chromedp/chromedp"
)

// Env names the environment variable that gives the browser's path.
const Env = "GUIDE_CHROMIUM"

// Names are the programs looked for on the PATH, in this order.
var Names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// NotFoundError says that no browser could be found or started; Detail says where it
// was looked for ("(PATH: reason)" or "(looked for … on the PATH)").
type NotFoundError struct{ Detail string }

func (e *NotFoundError) Error() string { return "Chromium not found " + e.Detail }

// Find returns the browser to run: explicit if given, else $GUIDE_CHROMIUM, else the
// first of Names on the PATH. The error is a *NotFoundError.
func Find(explicit string) (string, error) {
	if explicit == "" {
		explicit = os.Getenv(Env)
	}
	if explicit != "" {
		p, err := exec.LookPath(explicit)
		if err != nil {
			return "", &NotFoundError{fmt.Sprintf("(%s: %v)", explicit, err)}
		}
		return p, nil
	}
	for _, n := range Names {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", &NotFoundError{"(looked for " + strings.Join(Names[:3], ", ") + " on the PATH)"}
}

// Flags are the switches every run gets: headless, no sandbox (the pages are our own,
// served on loopback; the sandbox needs privileges that containers and CI runners often
// lack), no GPU, and nothing that reaches the network on its own. /dev/shm is small in
// many containers, and a 400-page print then crashes the tab: disable-dev-shm-usage
// keeps that memory in /tmp.
var Flags = []string{
	"headless", "no-sandbox", "disable-gpu", "no-first-run",
	"disable-background-networking", "disable-component-update", "disable-sync",
	"disable-dev-shm-usage",
}

// Browser is one headless Chromium with a fresh profile; each page gets a tab of it.
type Browser struct {
	ctx     context.Context
	cancel  context.CancelFunc
	profile string
}

// Start starts Chromium (exe) with Flags, a new empty profile and the caller's own
// options (extra), and opens its first tab. The browser ends with ctx or Close. A
// program that cannot be run is a *NotFoundError.
func Start(ctx context.Context, exe string, extra ...chromedp.ExecAllocatorOption) (*Browser, error) {
	profile, err := os.MkdirTemp("", "guide-chromium-profile-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.UserDataDir(profile)}
	for _, f := range Flags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	opts = append(opts, extra...)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	b := &Browser{ctx: bctx, cancel: func() { bcancel(); acancel() }, profile: profile}
	if err := chromedp.Do(bctx); err != nil {
		b.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var execErr *exec.Error
		var pathErr *fs.PathError
		if errors.As(err, &execErr) || errors.As(err, &pathErr) {
			return nil, &NotFoundError{fmt.Sprintf("(%s: %v)", exe, err)}
		}
		return nil, fmt.Errorf("starting Chromium (%s): %w", exe, err)
	}
	return b, nil
}

// Tab opens a new tab; cancel closes it.
func (b *Browser) Tab() (context.Context, context.CancelFunc) {
	return chromedp.NewContext(b.ctx)
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.profile)
}
