// Package review lists the entries due for their periodic review: those whose
// `reviewed` date is older than a given age, oldest first, each with the contacts who
// agreed to be listed (name, email, role), so the working group can call them, and the
// ids of the contacts without consent it names (which the site never shows).
package review

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	datafiles "github.com/pssdc/guide-iad/tools/corpus" // package corpus: the one reader of data/
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// Age is a span of calendar time: a number of years, months or days.
type Age struct {
	Years, Months, Days int
}

var agePattern = regexp.MustCompile(`^(\d{1,4})([dmy])$`)

// ParseAge reads an age written as a number and a unit: 30d (days), 12m (months), 2y
// (years).
func ParseAge(s string) (Age, error) {
	m := agePattern.FindStringSubmatch(strings.TrimSpace(strings.ToLower(s)))
	if m == nil {
		return Age{}, diag.Errorf("review_bad_age", diag.A{"value": s})
	}
	n, _ := strconv.Atoi(m[1])
	switch m[2] {
	case "d":
		return Age{Days: n}, nil
	case "m":
		return Age{Months: n}, nil
	}
	return Age{Years: n}, nil
}

// String writes the age as ParseAge reads it (the largest unit when several are set).
func (a Age) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		unit string
	}{{a.Years, "y"}, {a.Months, "m"}, {a.Days, "d"}} {
		if p.n != 0 {
			parts = append(parts, strconv.Itoa(p.n)+p.unit)
		}
	}
	if len(parts) == 0 {
		return "0d"
	}
	return strings.Join(parts, "")
}

// Cutoff is the day that lies the age before now. Months and years keep the day of the
// month, or the month's last day when it is shorter (one month before March 31 is
// February 28 or 29, not March 3).
func (a Age) Cutoff(now time.Time) time.Time {
	y, m, d := now.Date()
	months := int(m) - 1 - a.Months - 12*a.Years
	y += floorDiv(months, 12)
	m = time.Month(months - 12*floorDiv(months, 12) + 1)
	d = min(d, daysIn(y, m))
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -a.Days)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

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
		return res, diag.Wrap(err, "data_folder_error", diag.A{"error": err.Error()})
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

// WriteText prints the list for people, in English (see WriteTextIn).
func WriteText(w io.Writer, res Result, age Age) error { return WriteTextIn(w, "en", res, age) }

// WriteTextIn prints the list for people, worded in lang: a heading line, then each
// entry with its contacts.
func WriteTextIn(w io.Writer, lang string, res Result, age Age) error {
	var b strings.Builder
	line := func(indent string, m diag.Msg) { b.WriteString(indent + m.Text(lang) + "\n") }
	when := diag.A{"cutoff": res.Cutoff.Format(model.DateLayout), "age": age.String(), "now": res.Now.Format(model.DateLayout)}
	if len(res.Entries) == 0 {
		line("", diag.M("review_none", diag.A{"when": diag.M("review_when", when)}))
		_, err := io.WriteString(w, b.String())
		return err
	}
	whenCode := "review_when"
	if res.Entries[0].Reviewed == "" {
		whenCode = "review_when_or_never"
	}
	line("", diag.M("review_heading", diag.A{"count": len(res.Entries), "when": diag.M(whenCode, when)}))
	for _, e := range res.Entries {
		b.WriteString("\n")
		var ago diag.Msg
		switch months := e.Months(res.Now); {
		case e.Reviewed == "":
			ago = diag.M("review_never", nil)
		case months >= 1:
			ago = diag.M("review_months_ago", diag.A{"date": e.Reviewed, "months": months})
		default:
			days := int(res.Now.Sub(dateOf(e.Reviewed)).Hours() / 24)
			ago = diag.M("review_days_ago", diag.A{"date": e.Reviewed, "days": days})
		}
		b.WriteString(ago.Text(lang))
		line("  ", diag.M("review_entry", diag.A{"kind": e.Kind.String(), "id": e.ID, "title": either(e.Title, lang)}))
		b.WriteString("    " + e.File + "\n")
		for _, c := range e.Contacts {
			fmt.Fprintf(&b, "    %s <%s>, %s\n", c.Name, c.Email, both(c.Role))
		}
		ids := strings.Join(e.Unpublished, ", ")
		switch {
		case len(e.Contacts) == 0 && e.WithoutConsent == 0:
			line("    ", diag.M("review_no_contact", nil))
		case len(e.Contacts) == 0:
			line("    ", diag.M("review_no_consenting_contact", diag.A{"count": e.WithoutConsent, "ids": ids}))
		case e.WithoutConsent > 0:
			line("    ", diag.M("review_more_without_consent", diag.A{"count": e.WithoutConsent, "ids": ids}))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CSVColumns are the columns of WriteCSV.
var CSVColumns = []string{"reviewed", "months_ago", "kind", "id", "file", "title_en", "title_fr",
	"contacts_without_consent", "contact_name", "contact_email", "contact_role_en", "contact_role_fr"}

// WriteCSV writes one row per entry and contact (one row with empty contact columns for
// an entry without a contact who agreed to be listed); contacts_without_consent holds the
// ids of the others, joined by ";". A cell a spreadsheet would run as a formula is
// neutralised (tools/internal/csvcell).
func WriteCSV(w io.Writer, res Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, e := range res.Entries {
		months := ""
		if m := e.Months(res.Now); m >= 0 {
			months = strconv.Itoa(m)
		}
		head := []string{e.Reviewed, months, e.Kind.Name, e.ID, filepath.ToSlash(e.File), e.Title.En, e.Title.Fr, strings.Join(e.Unpublished, ";")}
		contacts := e.Contacts
		if len(contacts) == 0 {
			contacts = []Contact{{}}
		}
		for _, c := range contacts {
			if err := cw.Write(csvcell.Row(append(slices.Clone(head), c.Name, c.Email, c.Role.En, c.Role.Fr))); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
