package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// clickDownload clicks the button of id and returns the file it downloads (saved in dir)
// and its suggested name, once Chromium reports the download complete.
func clickDownload(ctx context.Context, dir, button string) (name string, data []byte, err error) {
	begin := chromedp.Events(ctx, cdpbrowser.DownloadWillBegin)
	progress := chromedp.Events(ctx, cdpbrowser.DownloadProgress)
	events := true
	if _, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &events,
	}); err != nil {
		return "", nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#"+button))); err != nil {
		return "", nil, err
	}
	var guid string
	for ev, err := range begin {
		if err != nil {
			return "", nil, err
		}
		name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		if err != nil {
			return "", nil, err
		}
		if ev.GUID != guid {
			continue
		}
		if ev.State == cdpbrowser.DownloadProgressStateCanceled {
			return "", nil, fmt.Errorf("download of %s canceled", name)
		}
		if ev.State == cdpbrowser.DownloadProgressStateCompleted {
			break
		}
	}
	data, err = os.ReadFile(filepath.Join(dir, guid))
	return name, data, err
}
