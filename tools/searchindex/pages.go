package searchindex

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// bodyMark is the attribute that puts a page in the index. Once one page of the site has
// it, Pagefind leaves out every page without it (docs/site.md, Search).
var bodyMark = []byte("data-pagefind-body")

// stagePages links the site's HTML pages that Pagefind indexes, at the same paths, into
// a new folder beside the site (hard links, or copies across file systems), for Pagefind
// to read instead of the whole site: it then parses only those pages (for 10,000
// projects, the term and list pages are about a third of the HTML it would otherwise
// read and drop). Pagefind's rule is applied per run, that is per language folder of
// langs (the whole site when langs is empty): the pages that carry bodyMark, or every
// page when none does. The bundle is the same, as the pages' paths, hence their
// addresses, are; a page that merely mentions the attribute in its text is linked too,
// and Pagefind drops it as before. skip (the bundle's folder) is not read. done
// removes the folder.
func stagePages(site, skip string, langs []string) (dir string, done func(), err error) {
	type group struct{ all, marked []string }
	groups := map[string]*group{}
	for _, l := range langs {
		groups[l] = &group{}
	}
	if len(langs) == 0 {
		groups[""] = &group{}
	}
	err = filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p == skip {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ".html") {
			return nil
		}
		rel, err := filepath.Rel(site, p)
		if err != nil {
			return err
		}
		g := groups[""]
		if len(langs) > 0 {
			first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
			g = groups[first]
		}
		if g == nil { // outside the language folders: no run reads it
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		g.all = append(g.all, rel)
		if bytes.Contains(b, bodyMark) {
			g.marked = append(g.marked, rel)
		}
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	dir, err = os.MkdirTemp(filepath.Dir(site), "."+filepath.Base(site)+".pagefind-pages-")
	if err != nil {
		return "", nil, err
	}
	done = func() { os.RemoveAll(dir) }
	// In a fixed order (the folders', then the pages' names): Pagefind numbers the pages
	// in the order it finds them, which on some file systems (tmpfs, small ext4 folders)
	// is the order they were made in; Hugo writes them concurrently.
	roots := langs
	if len(roots) == 0 {
		roots = []string{""}
	}
	for _, root := range roots {
		g := groups[root]
		pages := g.marked
		if len(pages) == 0 {
			pages = g.all
		}
		for _, rel := range pages {
			if err := linkOrCopy(filepath.Join(site, rel), filepath.Join(dir, rel)); err != nil {
				done()
				return "", nil, err
			}
		}
	}
	return dir, done, nil
}

func linkOrCopy(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	if os.Link(from, to) == nil {
		return nil
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
