package sitetest

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pssdc/guide-iad/tools/searchindex"
	"github.com/pssdc/guide-iad/tools/wasmbuild"
	"gopkg.in/yaml.v3"
)

// privacyExtra adds to the fixture corpus contacts without consent: one listed alone by a
// case study of its own (with dana-lake, the fixture's), one listed by no project.
const privacyExtra = "testdata/privacy"

// privacySites builds the fixture corpus plus privacyExtra twice: as it is (with) and with
// every contact without consent removed, with the references to them (without). The
// browser programs (WebAssembly) and, when Pagefind is installed, the search index are
// built into the first.
func privacySites(t *testing.T) (with, without string, hidden []HiddenContact) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the site twice")
	}
	privacyOnce.Do(func() {
		dir, err := os.MkdirTemp("", "guide-privacy-")
		if err != nil {
			t.Fatal(err)
		}
		privacy.with, privacy.without, privacy.hidden = buildPrivacySites(t, dir)
	})
	if privacy.with == "" {
		t.Fatal("the privacy sites could not be built (see the first failing test)")
	}
	return privacy.with, privacy.without, privacy.hidden
}

var (
	privacyOnce sync.Once
	privacy     struct {
		with, without string
		hidden        []HiddenContact
	}
)

func buildPrivacySites(t *testing.T, dir string) (with, without string, hidden []HiddenContact) {
	t.Helper()
	data := filepath.Join(dir, "data")
	for _, src := range []string{fixture, privacyExtra} {
		if err := copyTree(src, data); err != nil {
			t.Fatal(err)
		}
	}
	hidden = mustHidden(t, data)
	if len(hidden) < 3 {
		t.Fatalf("the corpus has %d contacts without consent; the test needs at least 3", len(hidden))
	}

	siteA, err := Stage(repo, data, filepath.Join(dir, "a"))
	if err != nil {
		t.Fatal(err)
	}
	if err := StageWASM(repo, siteA); err != nil {
		t.Fatal(err)
	}
	siteB, err := Stage(repo, data, filepath.Join(dir, "b"))
	if err != nil {
		t.Fatal(err)
	}
	if err := copyTree(filepath.Join(siteA, wasmbuild.SiteDir), filepath.Join(siteB, wasmbuild.SiteDir)); err != nil {
		t.Fatal(err)
	}
	removeHidden(t, filepath.Join(siteB, "data"), hidden)

	with, without = filepath.Join(dir, "a", "public"), filepath.Join(dir, "b", "public")
	for site, out := range map[string]string{siteA: with, siteB: without} {
		if _, err := Build(repo, site, out); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := searchindex.Build(repo, with, ""); errors.Is(err, searchindex.ErrNotInstalled) {
		t.Logf("search index not checked: %v", err)
	} else if err != nil {
		t.Fatal(err)
	}
	return with, without, hidden
}

// removeHidden deletes the contacts without consent from a corpus, and their ids from
// every list that names them.
func removeHidden(t *testing.T, data string, hidden []HiddenContact) {
	t.Helper()
	gone := map[string]bool{}
	for _, h := range hidden {
		gone[h.ID] = true
		if err := os.Remove(filepath.Join(data, "contacts", filepath.Base(h.File))); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(data, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".yaml" {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
			return err
		}
		root, changed := doc.Content[0], false
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value != "contacts" || root.Content[i+1].Kind != yaml.SequenceNode {
				continue
			}
			seq := root.Content[i+1]
			kept := slices.DeleteFunc(slices.Clone(seq.Content), func(n *yaml.Node) bool { return gone[n.Value] })
			if len(kept) != len(seq.Content) {
				seq.Content, changed = kept, true
			}
			if len(kept) == 0 {
				root.Content = slices.Delete(root.Content, i, i+2)
				i -= 2
			}
		}
		if !changed {
			return nil
		}
		out, err := yaml.Marshal(&doc)
		if err != nil {
			return err
		}
		return os.WriteFile(path, out, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUnconsentedContactsLeaveNoTrace: the site built with contacts who have not consented
// is, file for file and byte for byte, the site built without them (and without the
// references to them). Nothing published — page, count, order, open data, feed, sitemap,
// the form's corpus, print edition — can then tell whether such a person is in the data.
func TestUnconsentedContactsLeaveNoTrace(t *testing.T) {
	with, without, _ := privacySites(t)
	a, b := fileSums(t, with), fileSums(t, without)
	for path, sum := range a {
		if strings.HasPrefix(path, "/pagefind/") {
			continue // built from the pages, and only into `with`
		}
		other, ok := b[path]
		switch {
		case !ok:
			t.Errorf("%s is published only when contacts without consent are in the data", path)
		case sum != other:
			t.Errorf("%s differs when contacts without consent are in the data:\n%s", path, firstDifference(filepath.Join(with, path), filepath.Join(without, path)))
		}
	}
	for path := range b {
		if _, ok := a[path]; !ok {
			t.Errorf("%s is published only when contacts without consent are absent from the data", path)
		}
	}
}

// TestDictionaryAttack plays the attacker who holds a list of names: for every contact
// without consent, every encoding of its id, name, email and telephone (as written,
// lowercased; MD5, SHA-1 and SHA-256 in hex and base64, bare or salted with the site's
// titles, host or name) is searched for in every published file: pages, JSON, CSV,
// Atom, sitemaps, scripts, WebAssembly, and the search index (gzip, read unpacked).
func TestDictionaryAttack(t *testing.T) {
	with, _, hidden := privacySites(t)
	needles := map[string]string{} // searched text → what it encodes
	folded := map[string]string{}  // searched in the lowercased file
	for _, h := range hidden {
		for _, c := range candidates(h) {
			for _, v := range []string{c.value, strings.ToLower(c.value)} {
				if len(v) >= 6 {
					folded[strings.ToLower(v)] = fmt.Sprintf("%s %s %q", h.ID, c.what, v)
				}
				for _, salt := range salts {
					for _, salted := range []string{v, salt + v, v + salt, salt + ":" + v, v + ":" + salt} {
						if salt == "" && salted != v {
							continue
						}
						what := fmt.Sprintf("%s %s %q", h.ID, c.what, salted)
						for name, sum := range digests(salted) {
							folded[hex.EncodeToString(sum)] = what + " " + name + " hex"
							for encName, enc := range map[string]*base64.Encoding{"base64": base64.StdEncoding, "base64url": base64.URLEncoding, "base64-raw": base64.RawStdEncoding, "base64url-raw": base64.RawURLEncoding} {
								needles[enc.EncodeToString(sum)] = what + " " + name + " " + encName
							}
							needles[string(sum)] = what + " " + name + " bytes"
						}
					}
				}
			}
		}
	}
	exact, lower := matcher(needles), matcher(folded)
	files := 0
	err := filepath.WalkDir(with, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(with, path)
		contents := [][]byte{raw}
		if bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) { // Pagefind's index and fragments
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			unpacked, err := io.ReadAll(zr)
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			contents = append(contents, unpacked)
		}
		for _, c := range contents {
			for _, hit := range exact.find(string(c)) {
				t.Errorf("/%s holds %s", filepath.ToSlash(rel), needles[hit])
			}
			for _, hit := range lower.find(strings.ToLower(string(c))) {
				t.Errorf("/%s holds %s", filepath.ToSlash(rel), folded[hit])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("only %d files under %s: was the site built?", files, with)
	}
	t.Logf("%d encodings of %d contacts searched in %d files", len(needles)+len(folded), len(hidden), files)
}

type candidate struct{ what, value string }

var nonDigit = regexp.MustCompile(`\D+`)

// candidates are the values a list of people would let an attacker try.
func candidates(h HiddenContact) []candidate {
	out := []candidate{{"id", h.ID}, {"name", h.Name}, {"email", h.Email}}
	if local, _, ok := strings.Cut(h.Email, "@"); ok {
		out = append(out, candidate{"email's local part", local})
	}
	if h.Phone != "" {
		digits := nonDigit.ReplaceAllString(strings.SplitN(h.Phone, "ext", 2)[0], "")
		out = append(out, candidate{"phone", h.Phone}, candidate{"phone digits", digits}, candidate{"phone E.164", "+" + digits})
		if len(digits) == 11 {
			out = append(out, candidate{"phone national", digits[1:]})
		}
	}
	return out
}

// salts are the site's public words an implementer could have salted a digest with.
var salts = []string{"", "Guide IAD", "guide-iad", "DDI Playbook", "https://example.org/", "example.org", BaseURL, "e2e.test", "contacts", "contact"}

func digests(s string) map[string][]byte {
	m, s1, s256 := md5.Sum([]byte(s)), sha1.Sum([]byte(s)), sha256.Sum256([]byte(s))
	return map[string][]byte{"md5": m[:], "sha1": s1[:], "sha256": s256[:]}
}

// needleSet finds many strings in a text in one pass (strings.Replacer's trie).
type needleSet struct {
	r *strings.Replacer
}

func matcher(needles map[string]string) needleSet {
	var pairs []string
	for n := range needles {
		pairs = append(pairs, n, "\x00\x01privacy-hit:"+strconv.Quote(n)+"\x01\x00")
	}
	return needleSet{strings.NewReplacer(pairs...)}
}

var hitMark = regexp.MustCompile(`\x00\x01privacy-hit:("(?:[^"\\]|\\.)*")\x01\x00`)

func (s needleSet) find(text string) []string {
	replaced := s.r.Replace(text)
	if replaced == text {
		return nil
	}
	var out []string
	for _, m := range hitMark.FindAllStringSubmatch(replaced, -1) {
		if n, err := strconv.Unquote(m[1]); err == nil && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func fileSums(t *testing.T, root string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out["/"+filepath.ToSlash(rel)] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// firstDifference shows where two files part, with some context.
func firstDifference(a, b string) string {
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf("  with:    …%q…\n  without: …%q…", x[from:min(len(x), i+120)], y[from:min(len(y), i+120)])
}

func mustHidden(t *testing.T, data string) []HiddenContact {
	t.Helper()
	hidden, err := HiddenContacts(data)
	if err != nil {
		t.Fatal(err)
	}
	return hidden
}
