package check

import (
	"fmt"
	"path/filepath"
	"strings"
)

// siteLink is a link from Markdown to a page of the site (/en/… or /fr/…), checked once
// the whole corpus is known.
type siteLink struct {
	path      string // without fragment or query
	key       string
	line, col int
}

// sitePaths are the URL segments of each section in each language, read from the Hugo
// configuration (languages.LANG.params.paths), so the validator knows the site's pages
// without building it.
type sitePaths map[string]map[string]string // lang → logical name → segment

// pages lists every page path the site builds from this corpus.
func (sp sitePaths) pages(byKind map[string]map[string]*entry, tax *vocabularies) map[string]bool {
	pages := map[string]bool{}
	for lang, paths := range sp {
		pages["/"+lang+"/"] = true
		for name, seg := range paths {
			pages[fmt.Sprintf("/%s/%s/", lang, seg)] = true
			for id := range byKind[name] {
				pages[fmt.Sprintf("/%s/%s/%s/", lang, seg, id)] = true
			}
			if tax != nil {
				for _, code := range tax.codes(name) {
					pages[fmt.Sprintf("/%s/%s/%s/", lang, seg, strings.ToLower(code))] = true
				}
			}
		}
	}
	return pages
}

// checkLinks reports site links to pages the site does not have.
func (sp sitePaths) checkLinks(e *entry, pages map[string]bool, report func(e *entry, l siteLink)) {
	for _, l := range e.links {
		p := l.path
		if !strings.HasSuffix(p, "/") && filepath.Ext(p) == "" {
			p += "/"
		}
		if !pages[p] {
			report(e, l)
		}
	}
}
