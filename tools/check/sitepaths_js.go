//go:build js

package check

// loadSitePaths: the browser has no site configuration to read (the form passes the
// site's paths in Corpus.SitePaths), which is what a missing file means on the
// command line: links are not checked against it. Not linking a TOML reader keeps
// the form's program small.
func loadSitePaths(string) (sitePaths, error) { return nil, nil }
