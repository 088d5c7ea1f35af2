package history

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/gitrepo"
)

const alpha = `id: alpha
title: {en: Alpha, fr: Alpha}
themes: [health]
reviewed: 2026-01-10
`

// story builds a repository with dated commits: an add, an edit, a comment-only edit,
// an archive, a rename, a deleted entry. It returns the repository and the commits.
func story(t *testing.T) (*gitrepo.Repo, map[string]string) {
	r := gitrepo.New(t, t.TempDir())
	c := map[string]string{}
	c["add"] = r.Commit("2026-01-10", "add alpha and gone", map[string]string{
		"data/projects/alpha.yaml": alpha,
		"data/projects/gone.yaml":  "id: gone\n",
		"data/taxonomy.yaml":       "themes: []\n",
		"README.md":                "not data\n",
	})
	c["old"] = r.Commit("2026-02-01", "add old-name", map[string]string{
		"data/practices/old-name.yaml": "id: old-name\ntitle: {en: Old, fr: Vieux}\n",
	})
	c["edit"] = r.Commit("2026-03-05", "edit alpha", map[string]string{
		"data/projects/alpha.yaml": strings.NewReplacer("fr: Alpha", "fr: Alpha modifié", "[health]", "[health, housing]").Replace(alpha),
	})
	c["comment"] = r.Commit("2026-03-06", "comment only", map[string]string{
		"data/projects/alpha.yaml": "# a comment\n" + strings.NewReplacer("fr: Alpha", "fr: Alpha modifié", "[health]", "[health, housing]").Replace(alpha),
		"data/projects/gone.yaml":  "",
	})
	r.Move("data/practices/old-name.yaml", "data/practices/new-name.yaml")
	c["rename"] = r.Commit("2026-04-20", "rename old-name", map[string]string{
		"data/practices/new-name.yaml": "id: new-name\ntitle: {en: Old, fr: Vieux}\nformer_ids: [old-name]\n",
	})
	c["archive"] = r.Commit("2026-06-15", "archive alpha", map[string]string{
		"data/projects/alpha.yaml": "# a comment\n" + strings.NewReplacer("fr: Alpha", "fr: Alpha modifié", "[health]", "[health, housing]").Replace(alpha) +
			"archived: {date: 2026-06-15, reason: {en: Ended., fr: Terminé.}}\n",
	})
	return r, c
}

func TestRead(t *testing.T) {
	r, c := story(t)
	h, err := Read(filepath.Join(r.Dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if !h.Available || h.Shallow || h.StaleAfterMonths != 18 {
		t.Errorf("available %v, shallow %v, stale after %d", h.Available, h.Shallow, h.StaleAfterMonths)
	}
	var got []string
	for _, ch := range h.Changes {
		b, _ := json.Marshal(ch.Fields)
		got = append(got, strings.Join([]string{ch.Date, ch.Commit, ch.Kind, ch.ID, ch.Change, string(b)}, " "))
	}
	want := []string{
		"2026-06-15 " + c["archive"] + ` projects alpha archived [{"key":"archived","langs":["en","fr"]}]`,
		"2026-04-20 " + c["rename"] + ` practices new-name updated [{"key":"id"},{"key":"former_ids"}]`,
		"2026-03-05 " + c["edit"] + ` projects alpha updated [{"key":"title","langs":["fr"]},{"key":"themes"}]`,
		"2026-02-01 " + c["old"] + ` practices new-name added []`,
		"2026-01-10 " + c["add"] + ` projects alpha added []`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	a := h.Entries["projects"]["alpha"]
	if a == nil || a.Added != "2026-01-10" || a.Updated != "2026-06-15" || len(a.Changes) != 3 {
		t.Errorf("alpha: %+v", a)
	}
	if n := h.Entries["practices"]["new-name"]; n == nil || n.Added != "2026-02-01" || n.Updated != "2026-04-20" {
		t.Errorf("new-name: %+v", n)
	}
	if _, ok := h.Entries["practices"]["old-name"]; ok {
		t.Error("old-name has a history of its own; it belongs to new-name")
	}
}

// TestShallow: a clone of depth 2 has the history of its last two commits, says it is
// shallow and since when, and does not count the files of its first commit as added.
func TestShallow(t *testing.T) {
	r, c := story(t)
	clone := filepath.Join(t.TempDir(), "clone")
	r.Git("", "clone", "-q", "--depth", "2", "file://"+r.Dir, clone)
	h, err := Read(filepath.Join(clone, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if !h.Shallow || h.Since != "2026-04-20" {
		t.Errorf("shallow %v since %q, want true since 2026-04-20", h.Shallow, h.Since)
	}
	if len(h.Changes) != 1 || h.Changes[0].Commit != c["archive"] {
		t.Errorf("changes %+v, want the archive only", h.Changes)
	}
}

// TestNoGit: outside a repository there is no history, and no error.
func TestNoGit(t *testing.T) {
	h, err := Read(t.TempDir())
	if err != nil || h.Available || len(h.Changes) != 0 {
		t.Errorf("history %+v, error %v", h, err)
	}
}
