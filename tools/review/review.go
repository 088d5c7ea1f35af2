// Package review lists the entries due for their periodic review: those whose
// `reviewed` date is older than a given age, oldest first, each with the contacts who
// agreed to be listed (name, email, role), so the working group can call them, and the
// ids of the contacts without consent it names (which the site never shows).
package review

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	datafiles "github.com/pssdc/guide-iad/tools/corpus" // package corpus: the one reader of data/
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// Contact is a person to call about an entry.
type Contact struct {
	ID    string
	Name  string
	Email string
	Role  model.Text
}

// Entry is one entry due for review.
type Entry struct {
	File     string // its path, under the data folder as given
	Kind     model.Kind
	ID       string
	Title    model.Text
	Reviewed string // YYYY-MM-DD; empty when the date is missing or not a date
	// Contacts agreed to be listed (a consent date); the others are counted, and named
	// by id only in Unpublished: the site does not show them and its online form cannot
	// check them, so the reviewer confirms those references here.
	Contacts       []Contact
	WithoutConsent int
	Unpublished    []string
}

// Months is how many whole months before now the entry was reviewed (-1 without a date).
func (e Entry) Months(now time.Time) int {
	r, err := time.Parse(model.DateLayout, e.Reviewed)
	if err != nil {
		return -1
	}
	ny, nm, nd := now.Date()
	ry, rm, rd := r.Date()
	months := (ny-ry)*12 + int(nm) - int(rm)
	if nd < rd && nd < daysIn(ny, nm) {
		months--
	}
	return max(months, 0)
}

// Options say what to list.
type Options struct {
	DataDir   string
	OlderThan Age
	// Now is the day ages are measured from; zero means today.
	Now time.Time
}

// Result is the list of entries due for review.
type Result struct {
	Entries []Entry
	Cutoff  time.Time // entries reviewed before this day are listed
	Now     time.Time
	Skipped []diag.Msg // files YAML cannot read (left_out): guide validate says why
}

// Due lists the entries of every kind with a `reviewed` date that was reviewed before
// the cutoff, or has no valid date, oldest first (undated ones first of all).
func Due(opts Options) (Result, error) {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	res := Result{Now: now, Cutoff: opts.OlderThan.Cutoff(now)}
	if info, err := os.Stat(opts.DataDir); err != nil {
		return res, diag.Wrap(err, "data_folder_error", diag.A{"error": diag.Cause(err)})
	} else if !info.IsDir() {
		return res, diag.Errorf("data_not_folder", diag.A{"dir": opts.DataDir})
	}
	contacts, err := loadContacts(opts.DataDir, now, &res)
	if err != nil {
		return res, err
	}
	for _, kind := range model.Kinds {
		spec := model.MustSpec(kind.New())
		if kind.Dir == "" || !hasDate(spec, "reviewed") {
			continue
		}
		err := eachFile(opts.DataDir, kind, &res, func(path string, root *yaml.Node) {
			e := Entry{File: path, Kind: kind, ID: scalar(root, "id")}
			if r := scalar(root, "reviewed"); validDate(r) {
				e.Reviewed = r
			}
			if e.Reviewed != "" && !dateOf(e.Reviewed).Before(res.Cutoff) {
				return
			}
			for _, f := range spec.Fields {
				switch {
				case f.Spec.Shape == model.ShapeText && e.Title == (model.Text{}):
					e.Title = text(value(root, f.Key))
				case f.Ref == "contacts":
					for _, id := range list(value(root, f.Key)) {
						if c, ok := contacts[id]; ok {
							e.Contacts = append(e.Contacts, c)
						} else {
							e.WithoutConsent++
							e.Unpublished = append(e.Unpublished, id)
						}
					}
				}
			}
			res.Entries = append(res.Entries, e)
		})
		if err != nil {
			return res, err
		}
	}
	slices.SortStableFunc(res.Entries, func(a, b Entry) int {
		if c := strings.Compare(a.Reviewed, b.Reviewed); c != 0 {
			return c
		}
		return strings.Compare(a.File, b.File)
	})
	return res, nil
}

// loadContacts indexes the contacts who agreed to be listed (a consent date, not in
// the future) by id.
func loadContacts(dataDir string, now time.Time, res *Result) (map[string]Contact, error) {
	out := map[string]Contact{}
	for _, kind := range model.Kinds {
		if kind.Dir != "contacts" {
			continue
		}
		err := eachFile(dataDir, kind, res, func(_ string, root *yaml.Node) {
			consent := scalar(root, "consent")
			if !validDate(consent) || dateOf(consent).After(now) {
				return
			}
			id := scalar(root, "id")
			out[id] = Contact{ID: id, Name: scalar(root, "name"), Email: scalar(root, "email"), Role: text(value(root, "role"))}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eachFile calls f with the top-level mapping of each file of the kind's folder, as
// package corpus lists and reads them (the validator's limits and link rules); a file it
// rejects is left out and named in res.Skipped with its first error.
func eachFile(dataDir string, kind model.Kind, res *Result, f func(path string, root *yaml.Node)) error {
	sources, err := datafiles.List(dataDir)
	if err != nil {
		return err
	}
	prefix := filepath.Join(dataDir, kind.Dir) + string(filepath.Separator)
	for _, s := range sources {
		if !strings.HasPrefix(s.Path+string(filepath.Separator), prefix) || s.NotData() {
			continue
		}
		file := datafiles.Read(s)
		if err := file.Err(); err != nil {
			res.Skipped = append(res.Skipped, diag.M("left_out", diag.A{"file": s.Path, "error": diag.Cause(err)}))
			continue
		}
		f(s.Path, file.Root)
	}
	return nil
}

func hasDate(spec *model.Spec, key string) bool {
	f, ok := spec.Lookup(key)
	return ok && f.Spec.Shape == model.ShapeDate
}

func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalar(m *yaml.Node, key string) string {
	if n := value(m, key); n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return strings.TrimSpace(n.Value)
	}
	return ""
}

func text(n *yaml.Node) model.Text {
	if n == nil || n.Kind != yaml.MappingNode {
		return model.Text{}
	}
	return model.Text{En: scalar(n, "en"), Fr: scalar(n, "fr")}
}

func list(n *yaml.Node) []string {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if item.Kind == yaml.ScalarNode {
			out = append(out, item.Value)
		}
	}
	return out
}

func validDate(s string) bool { return model.ValidDate(s) }

func dateOf(s string) time.Time {
	t, _ := time.Parse(model.DateLayout, s)
	return t
}

// either returns the text in lang, or in the other language when lang has none.
func either(t model.Text, lang string) string {
	if lang == "fr" && t.Fr != "" || t.En == "" {
		return t.Fr
	}
	return t.En
}

// both returns "English / French", or the one there is when they are the same or one
// is missing.
func both(t model.Text) string {
	switch {
	case t.En == "" || t.En == t.Fr:
		return t.Fr
	case t.Fr == "":
		return t.En
	}
	return t.En + " / " + t.Fr
}
