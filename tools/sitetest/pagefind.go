package sitetest

import "github.com/pssdc/guide-iad/tools/searchindex"

// ErrNoPagefind is returned (wrapped) by Pagefind when the command is not installed.
var ErrNoPagefind = searchindex.ErrNotInstalled

// Pagefind indexes a built site for its search page exactly as `make site` does after
// Hugo (searchindex.Build): the bundle goes to public/pagefind/, without the unused UIs.
func Pagefind(repo, public string) ([]byte, error) {
	return searchindex.Build(repo, public, "")
}
