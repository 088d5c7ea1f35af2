package pdf

import (
	"encoding/xml"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/pdf/pdffile"
)

// TestAccessible: both editions of the fixture corpus pass the machine checks of PDF/UA-1
// (pdffile.CheckUA: the Matterhorn conditions listed in docs/print.md), and their XMP
// metadata says the edition's title, language, author and date.
func TestAccessible(t *testing.T) {
	_, results := printed(t)
	for _, l := range []struct{ lang, locale, title, caseTitle, mapAlt, mapCount string }{
		{"en", "en-CA", langs[0].title, "Beta contact-centre forecasting", "Map of Canada in tiles", "Ontario: 1; "},
		{"fr", "fr-CA", langs[1].title, "Prévision du centre d'appels Bêta", "Carte du Canada en tuiles", "Ontario\u00a0: 1\u00a0; "},
	} {
		t.Run(l.lang, func(t *testing.T) {
			r := results[l.lang]
			b, err := os.ReadFile(r.File)
			if err != nil {
				t.Fatal(err)
			}
			f, err := pdffile.Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			fails, err := f.CheckUA()
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range fails {
				t.Error(x)
			}
			// The map of jurisdictions is a figure whose alternative text, in the
			// edition's language, gives every jurisdiction's count (print/map.html).
			alts, err := f.FigureAlts()
			if err != nil {
				t.Fatal(err)
			}
			if len(alts) != 1 || !strings.HasPrefix(alts[0], l.mapAlt) || !strings.Contains(alts[0], l.mapCount) {
				t.Errorf("figures' alternative texts: %q, want one, the map's, starting %q and with %q", alts, l.mapAlt, l.mapCount)
			}
			// Links say where they lead: a case study's heading, an address.
			links, err := f.LinkContents()
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{l.caseTitle, "casey.river@example.org"} {
				if !slices.Contains(links, want) {
					t.Errorf("no link annotation with /Contents %q in %q", want, links)
				}
			}
			for _, c := range links {
				if strings.HasPrefix(c, "case-") || strings.HasPrefix(c, "practice-") {
					t.Errorf("link /Contents %q: an anchor, not the text of its target", c)
				}
			}
			xmp, err := f.Metadata()
			if err != nil {
				t.Fatal(err)
			}
			info, err := f.Info()
			if err != nil {
				t.Fatal(err)
			}
			esc := func(s string) string {
				var b strings.Builder
				xml.EscapeText(&b, []byte(s))
				return b.String()
			}
			for _, want := range []string{
				`<rdf:li xml:lang="x-default">` + esc(l.title) + `</rdf:li>`,
				"<rdf:li>" + l.locale + "</rdf:li>",
				"<xmp:CreateDate>" + r.Date + "T00:00:00-05:00</xmp:CreateDate>",
				"<xmp:ModifyDate>" + r.Date + "T00:00:00-05:00</xmp:ModifyDate>",
				"<dc:creator><rdf:Seq><rdf:li>" + esc(info["Author"]) + "</rdf:li></rdf:Seq></dc:creator>",
				"<pdf:Keywords>" + esc(info["Keywords"]) + "</pdf:Keywords>",
				"<pdfuaid:part>1</pdfuaid:part>",
			} {
				if !strings.Contains(xmp, want) {
					t.Errorf("XMP metadata lacks %q:\n%s", want, xmp)
				}
			}
		})
	}
}
