package newentry

import (
	"bufio"
	"bytes"
	"errors"
	"maps"
	"strings"
	"testing"

	datafiles "github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/model"
)

// TestPrompter plays scripted terminal sessions, in English and in French: what is
// asked, what is said, and the values that come out. Practice asks, in order:
// translation_pending, title.en, title.fr, summary.en, summary.fr, reviewed, then the id.
func TestPrompter(t *testing.T) {
	practice, _ := KindNamed("practice")
	contact, _ := KindNamed("contact")
	tax, err := datafiles.LoadTaxonomy(corpus)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		lang    string
		kind    model.Kind
		answers string // lines typed; no final line end means Ctrl-D after the last
		want    Values
		ended   bool     // Ask returns ErrEnded
		says    []string // in what the session shows
		notSays []string
	}{
		{
			name: "every answer, the id left empty takes the proposal", lang: "en", kind: practice,
			answers: "\nStart small\nCommencer petit\nA summary.\nUn résumé.\nFirst paragraph.\n\nSecond paragraph.\n.\nPremier paragraphe.\n.\nList the data.\nListez les données.\nName an owner.\nNommez un responsable.\n\nWho owns it?\nQui en est responsable ?\n\n2026-01-15\n\n",
			want: Values{"title.en": "Start small", "title.fr": "Commencer petit", "summary.en": "A summary.", "summary.fr": "Un résumé.",
				"body.en": "First paragraph.\n\nSecond paragraph.", "body.fr": "Premier paragraphe.",
				"checklist[0].en": "List the data.", "checklist[0].fr": "Listez les données.", "checklist[1].en": "Name an owner.", "checklist[1].fr": "Nommez un responsable.",
				"key_questions[0].en": "Who owns it?", "key_questions[0].fr": "Qui en est responsable ?", "reviewed": "2026-01-15", "id": "start-small"},
			says: []string{"New practice. Answer each question", "title.en: text in English, at most 120 characters\n", "reviewed: a date YYYY-MM-DD\n", "Proposed: start-small. Press Enter", "id [start-small]> ",
				"body.en: Markdown in English, at most 20000 characters\nType the text over as many lines as needed (Markdown; a blank line separates paragraphs), then a line holding only . to end it.\nbody.en> ",
				"checklist[1].en: text in English, at most 300 characters\nAnother item: type it, or press Enter to end the list.\n"},
			notSays: []string{"checklist[2].fr", "key_questions[1].fr"},
		},
		{
			name: "French title only: the id is proposed from it", lang: "fr", kind: practice,
			answers: "en\nÉquipe de données\nUn résumé.\n-\n-\n-\n2026-01-15\n\n",
			want:    Values{"translation_pending": "en", "title.fr": "Équipe de données", "summary.fr": "Un résumé.", "reviewed": "2026-01-15", "id": "equipe-de-donnees"},
			says:    []string{"Nouvelle fiche de pratique. Répondez", "title.fr\u00a0: du texte en français, au plus 120 caractères\n", "reviewed\u00a0: une date AAAA-MM-JJ\n", "Proposition\u00a0: equipe-de-donnees.", "id [equipe-de-donnees]> "},
			notSays: []string{"title.en", "New practice"},
		},
		{
			name: "a required answer left empty is asked again, - leaves it for later", lang: "en", kind: practice,
			answers: "\n\nStart\n-\n-\n-\n-\n-\n-\n-\n-\n\n",
			want:    Values{"title.en": "Start", "id": "start"},
			says:    []string{"  title.en is required: type a value, or - to fill it in later in the file.\ntitle.en> "},
		},
		{
			name: "le français : une réponse obligatoire vide est redemandée", lang: "fr", kind: practice,
			answers: "\n\nDébuter\n-\n-\n-\n-\n-\n-\n-\n-\n\n",
			want:    Values{"title.en": "Débuter", "id": "debuter"},
			says:    []string{"  title.en est obligatoire\u00a0: tapez une valeur"},
		},
		{
			name: "no title: the empty id is asked again", lang: "en", kind: practice,
			answers: "\n-\n-\n-\n-\n-\n-\n-\n-\n-\n\nmy-practice\n",
			want:    Values{"id": "my-practice"},
			says:    []string{"  an id is required: it names the file data/practices/ID.yaml"},
			notSays: []string{"Proposed"},
		},
		{
			name: "an invalid date is asked again", lang: "fr", kind: practice,
			answers: "fr\nStart\nA summary.\n-\n-\n-\n2026-02-30\n2026-02-28\nstart-here\n",
			want:    Values{"translation_pending": "fr", "title.en": "Start", "summary.en": "A summary.", "reviewed": "2026-02-28", "id": "start-here"},
			says:    []string{"  refusé\u00a0: \"2026-02-30\" is not a day of the calendar\nreviewed> "},
		},
		{
			name: "Ctrl-D mid-way keeps the answers so far", lang: "en", kind: practice,
			answers: "\nStart small\nCommencer",
			want:    Values{"title.en": "Start small", "title.fr": "Commencer"},
			ended:   true,
		},
		{
			name: "Ctrl-D after a rejected answer keeps it too", lang: "en", kind: practice,
			answers: "\nA\nB\nC\nD\n-\n-\n-\n-\n2026-02-30\n",
			want:    Values{"title.en": "A", "title.fr": "B", "summary.en": "C", "summary.fr": "D", "reviewed": "2026-02-30"},
			ended:   true,
			says:    []string{"not accepted: \"2026-02-30\" is not a day of the calendar"},
		},
		{
			name: "Ctrl-D at the id", lang: "fr", kind: practice,
			answers: "\nA\nB\nC\nD\n-\n-\n-\n-\n2026-01-01\n",
			want:    Values{"title.en": "A", "title.fr": "B", "summary.en": "C", "summary.fr": "D", "reviewed": "2026-01-01"},
			ended:   true,
		},
		{
			name: "Ctrl-D in a text of several lines keeps what was typed", lang: "en", kind: practice,
			answers: "\nA\nB\nC\nD\nFirst line.\n\nSecond line.",
			want:    Values{"title.en": "A", "title.fr": "B", "summary.en": "C", "summary.fr": "D", "body.en": "First line.\n\nSecond line."},
			ended:   true,
		},
		{
			name: "labels and codes in any case, in either language, become codes", lang: "en", kind: contact,
			answers: "FRENCH\nJo\nAnalyst\nOrg\nfédéral\nx@example.org\nfrançais, English\nPrévision\njo\n",
			want: Values{"translation_pending": "fr", "name": "Jo", "role.en": "Analyst", "organization.en": "Org",
				"jurisdiction": "CA", "email": "x@example.org", "languages": "fr, en", "expertise": "forecasting", "id": "jo"},
		},
		{
			name: "choices numbered, with their French labels", lang: "fr", kind: contact,
			answers: "\nJo Exemple\nAnalyst\nAnalyste\nOrg\nOrg\nCA-ONT\n1\nx@example.org\n1, fr\nforecasting\n\n",
			want: Values{"name": "Jo Exemple", "role.en": "Analyst", "role.fr": "Analyste", "organization.en": "Org", "organization.fr": "Org",
				"jurisdiction": "CA", "email": "x@example.org", "languages": "en, fr", "expertise": "forecasting", "id": "jo-exemple"},
			says:    []string{"   1  CA                     Fédéral (Canada)\n", "Anglais\n", "Tapez un numéro ou un code.", "Tapez des numéros ou des codes, séparés par des virgules.", "refusé\u00a0: unknown code \"CA-ONT\""},
			notSays: []string{"Federal (Canada)", "English\n"},
		},
		{
			name: "choices with their English labels", lang: "en", kind: contact,
			answers: "\nJo\nAnalyst\nAnalyste\nOrg\nOrg\n1\nx@example.org\n1\nforecasting\njo\n",
			want: Values{"name": "Jo", "role.en": "Analyst", "role.fr": "Analyste", "organization.en": "Org", "organization.fr": "Org",
				"jurisdiction": "CA", "email": "x@example.org", "languages": "en", "expertise": "forecasting", "id": "jo"},
			says:    []string{"   1  CA                     Federal (Canada)\n", "Type a number or a code."},
			notSays: []string{"Fédéral"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			values := Values{}
			p := &Prompter{In: bufio.NewReader(strings.NewReader(tc.answers)), Out: &out, Lang: tc.lang, Tax: tax,
				Check: func(values Values, in Input) string {
					v := values[in.Key]
					switch {
					case in.Shape() == model.ShapeDate && !model.ValidDate(v):
						return `"` + v + `" is not a day of the calendar`
					case in.Field.ID && !model.ValidID(v):
						return "not an id"
					case in.Key == "jurisdiction" && v != "CA":
						return `unknown code "` + v + `" in jurisdictions`
					}
					return ""
				}}
			err := p.Ask(tc.kind, values)
			if tc.ended != errors.Is(err, ErrEnded) || err != nil && !tc.ended {
				t.Errorf("Ask: %v, want ended %v", err, tc.ended)
			}
			if !maps.Equal(values, tc.want) {
				t.Errorf("values\n%v\nwant\n%v", values, tc.want)
			}
			for _, s := range tc.says {
				if !strings.Contains(out.String(), s) {
					t.Errorf("the session does not say %q:\n%s", s, out.String())
				}
			}
			for _, s := range tc.notSays {
				if strings.Contains(out.String(), s) {
					t.Errorf("the session says %q:\n%s", s, out.String())
				}
			}
		})
	}
}
