package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
)

// TestMapTileNames: WCAG 2.1 success criterion 2.5.3 (A), label in name — on the home page
// and the jurisdictions page of each language, the accessible name Chromium computes for
// every tile of the map starts with the text the tile shows ("ON 3"), so that a
// voice-control user who says "click ON" reaches it; and it says more than that (the
// words "case studies", the jurisdiction's name on a tile that shows its code).
func TestMapTileNames(t *testing.T) {
	b, srv := startBrowser(t)
	for _, path := range []string{"/en/", "/fr/", "/en/jurisdictions/", "/fr/juridictions/"} {
		t.Run(strings.ReplaceAll(strings.Trim(path, "/"), "/", "_"), func(t *testing.T) {
			ctx, cancel := b.Tab(time.Minute)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
				t.Fatal(err)
			}
			tiles, err := AXElements(ctx, "ul.tilemap a")
			if err != nil {
				t.Fatal(err)
			}
			if len(tiles) < 10 {
				t.Fatalf("%d tiles on the map, want one per jurisdiction", len(tiles))
			}
			for _, tile := range tiles {
				if tile.Text == "" || !strings.HasPrefix(tile.Name, tile.Text+" ") {
					t.Errorf("tile showing %q is named %q: the name must start with what the tile shows, then say more", tile.Text, tile.Name)
				}
			}
		})
	}
}

// maxRegions is the most region landmarks a page may have besides its table scroll boxes:
// a landmark is a place to jump to (the map, the filters, the calculator), not every
// section of an entry (a case study had 8 or 9; issue 22, item 6).
const maxRegions = 2

// scrollBoxes counts the rendered boxes that scroll a wide table (role="region",
// tabindex="0"), which are regions too.
const scrollBoxes = `Array.from(document.querySelectorAll("[role=region][tabindex='0']")).filter(e => e.getClientRects().length > 0).length`

// TestNamesAndLandmarks: on every kind of page, in both languages, as Chromium's
// accessibility tree has it — no two headings have the same text (a reader who lists
// the headings can tell them apart); one link name leads to one destination (two "Open
// data" links to different pages confuse a reader who lists the links); at most
// maxRegions region landmarks besides the table scroll boxes; and every such box is
// named and reachable with the keyboard.
func TestNamesAndLandmarks(t *testing.T) {
	b, srv := startBrowser(t)
	for _, pt := range pageTypes {
		for _, path := range []string{pt.en, pt.fr} {
			ctx, cancel := b.Tab(time.Minute)
			problems, err := namesAndLandmarks(ctx, srv.URL, path)
			cancel()
			if err != nil {
				t.Errorf("%s (%s): %v", path, pt.kind, err)
			}
			for _, p := range problems {
				t.Errorf("%s (%s): %s", path, pt.kind, p)
			}
		}
	}
}

func namesAndLandmarks(ctx context.Context, base, path string) ([]string, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path)); err != nil {
		return nil, err
	}
	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		return nil, err
	}
	var out []string
	headings := map[string]bool{}
	links := map[string]map[string]bool{}
	regions := 0
	for _, n := range tree.Nodes {
		if n.Ignored {
			continue
		}
		name := collapse(axString(n.Name))
		switch axString(n.Role) {
		case "heading":
			key := strings.ToLower(name)
			if headings[key] {
				out = append(out, fmt.Sprintf("two headings %q", name))
			}
			headings[key] = true
		case "link":
			if name == "" {
				continue
			}
			for _, p := range n.Properties {
				if p.Name != accessibility.PropertyNameURL {
					continue
				}
				u, err := url.Parse(axString(p.Value))
				if err != nil {
					continue
				}
				u.Fragment = ""
				key := strings.ToLower(name)
				if links[key] == nil {
					links[key] = map[string]bool{}
				}
				links[key][strings.TrimPrefix(u.String(), base)] = true
			}
		case "region":
			regions++
		}
	}
	for name, dests := range links {
		if len(dests) > 1 {
			var list []string
			for d := range dests {
				list = append(list, d)
			}
			sort.Strings(list)
			out = append(out, fmt.Sprintf("links named %q lead to %d places: %s", name, len(list), strings.Join(list, ", ")))
		}
	}
	sort.Strings(out)
	boxes, err := chromedp.Run(ctx, chromedp.Evaluate[int](scrollBoxes))
	if err != nil {
		return out, err
	}
	if regions-boxes > maxRegions {
		out = append(out, fmt.Sprintf("%d region landmarks besides %d table scroll boxes, want at most %d", regions-boxes, boxes, maxRegions))
	}
	named, err := AXElements(ctx, "[role=region][tabindex='0']")
	if err != nil {
		return out, err
	}
	for _, e := range named {
		if e.Shown && e.Name == "" {
			out = append(out, "a table scroll box (role=region, tabindex=0) has no name")
		}
	}
	return out, nil
}
