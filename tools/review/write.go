// Writing the list of entries due for review: as text for people, as CSV for a
// spreadsheet.

package review

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"github.com/pssdc/guide-iad/tools/model"
)

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
