package main

import (
	"fmt"
	"io"
	"os"

	"github.com/pelletier/go-toml/v2"
	"github.com/pssdc/guide-iad/tools/builtsite"
)

// cmdLinks checks a built release before it is published: every address its pages and
// stylesheets give the browser that points into the site names a built file, under the
// base URL's path (builtsite.CheckLinks). Exit 1 when one does not.
func cmdLinks(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("links", stderr)
	site := fs.String("site", "public", "the built site `folder`")
	baseURL := fs.String("base-url", "", "the address the site is served at (default: $HUGO_BASEURL, else config.toml's baseURL)")
	config := fs.String("config", "config.toml", "the site's Hugo config `file`, for its baseURL")
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	if *baseURL == "" {
		*baseURL = os.Getenv("HUGO_BASEURL")
	}
	if *baseURL == "" {
		b, err := os.ReadFile(*config)
		if err != nil {
			return 0, err
		}
		var c struct {
			BaseURL string `toml:"baseURL"`
		}
		if err := toml.Unmarshal(b, &c); err != nil {
			return 0, fmt.Errorf("%s: %w", *config, err)
		}
		*baseURL = c.BaseURL
	}
	s, err := builtsite.Read(*site)
	if err != nil {
		return 0, err
	}
	if len(s.Pages) == 0 {
		fmt.Fprintf(stderr, "guide links: %s: no HTML page\n", *site)
		return 1, nil
	}
	problems, checked := builtsite.CheckLinks(s, *baseURL)
	for _, p := range problems {
		fmt.Fprintf(stderr, "%s: broken link: %s\n", *site, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "guide links: %d broken of %d addresses checked in %s (served at %s)\n", len(problems), checked, *site, *baseURL)
		return 1, nil
	}
	fmt.Fprintf(stdout, "%d addresses checked in %d pages of %s: all resolve\n", checked, len(s.Pages), *site)
	return 0, nil
}
