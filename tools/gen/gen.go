// Package gen writes synthetic corpora: valid, realistic-sized data for benchmarks of
// the validator, the site build and the print edition. Generated entries are marked
// example: true and use example.org addresses.
package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// Options control the generated corpus.
type Options struct {
	Projects int
	Seed     int64
	// Taxonomy is the taxonomy.yaml to copy and draw codes from; default data/taxonomy.yaml.
	Taxonomy string
}

// Write creates dir with a corpus; dir must not exist or be empty. The corpus is built
// in a temporary folder beside dir and renamed into place, so a failure leaves nothing.
func Write(dir string, opts Options) error {
	if opts.Taxonomy == "" {
		opts.Taxonomy = filepath.Join("data", "taxonomy.yaml")
	}
	taxSrc, err := os.ReadFile(opts.Taxonomy)
	if err != nil {
		return fmt.Errorf("reading taxonomy: %w", err)
	}
	var tax model.Taxonomy
	if err := yaml.Unmarshal(taxSrc, &tax); err != nil {
		return fmt.Errorf("%s: %w", opts.Taxonomy, err)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s exists and is not empty", dir)
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), ".gen-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, "taxonomy.yaml"), taxSrc, 0o644); err != nil {
		return err
	}
	g := &generator{r: rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15)), tax: &tax}
	files := g.corpus(opts.Projects)
	for name, v := range files {
		path := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	_ = os.Remove(dir) // an empty folder is replaced
	return os.Rename(tmp, dir)
}

type generator struct {
	r   *rand.Rand
	tax *model.Taxonomy
}

// corpus returns file name → value for n projects and proportionate other entries.
func (g *generator) corpus(n int) map[string]any {
	files := map[string]any{}
	nContacts := max(3, n/10)
	nPractices := max(3, min(40, n/20))
	nResources := max(3, min(30, n/30))
	contacts := ids("contact", nContacts)
	practices := ids("practice", nPractices)
	resources := ids("resource", nResources)
	projects := ids("project", n)
	cited := map[string]bool{}
	for i, id := range projects {
		p := g.project(id, contacts, practices, resources)
		if i < nContacts { // every contact is cited by some project
			p.Contacts = append(p.Contacts, contacts[i])
		}
		p.Contacts = dedupe(p.Contacts)
		for _, c := range p.Contacts {
			cited[c] = true
		}
		files["projects/"+id+".yaml"] = p
	}
	for i, id := range contacts {
		files["contacts/"+id+".yaml"] = g.contact(id, i)
	}
	for _, id := range practices {
		files["practices/"+id+".yaml"] = g.practice(id, g.pickN(projects, 3))
	}
	for _, id := range resources {
		files["resources/"+id+".yaml"] = g.resource(id)
	}
	files["editions.yaml"] = model.Editions{Editions: []model.Edition{{ID: "2026-1", Date: "2026-11-30",
		Title: model.Text{En: "Synthetic edition", Fr: "Édition synthétique"}}}}
	return files
}

func ids(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%05d", prefix, i+1)
	}
	return out
}

func (g *generator) project(id string, contacts, practices, resources []string) model.Project {
	year := 2012 + g.r.IntN(13)
	started := model.Date(fmt.Sprintf("%d-%02d-%02d", year, 1+g.r.IntN(12), 1+g.r.IntN(28)))
	p := model.Project{
		Common:       model.Common{ID: id, Example: true},
		Headline:     model.Headline{Title: clip(g.text(6, 10), 120), Summary: clip(g.text(18, 30), 300)},
		Jurisdiction: g.code(g.tax.Jurisdictions),
		Level:        g.code(g.tax.Levels),
		Organization: g.text(3, 5),
		Stage:        g.code(g.tax.Stages),
		Started:      started,
		Themes:       g.codes(g.tax.Themes, 1, 3),
		Techniques:   g.codes(g.tax.Techniques, 1, 3),
		DataSources:  g.codes(g.tax.DataSources, 1, 3),
		Challenge:    g.markdown(1, 30),
		Approach:     g.markdown(2, 22),
		Results:      g.markdown(1, 25),
		Lessons:      []model.Markdown{model.Markdown(g.text(8, 14)), model.Markdown(g.text(8, 14))},
		Metrics: []model.Metric{
			{Label: g.text(2, 4), Value: model.Text{En: fmt.Sprintf("%d,%03d", 1+g.r.IntN(90), g.r.IntN(1000)), Fr: fmt.Sprintf("%d\u00a0%03d", 1+g.r.IntN(90), g.r.IntN(1000))}},
			{Label: g.text(2, 4), Value: model.Text{En: fmt.Sprintf("%d%%", g.r.IntN(100)), Fr: fmt.Sprintf("%d\u00a0%%", g.r.IntN(100))}},
		},
		Links:     []model.Link{{Title: g.text(3, 6), URL: "https://example.org/" + id}},
		Contacts:  g.pickN(contacts, 1),
		Practices: g.pickN(practices, 2),
		Resources: g.pickN(resources, 1),
		Reviewed:  model.Date(fmt.Sprintf("2026-%02d-%02d", 1+g.r.IntN(10), 1+g.r.IntN(28))),
	}
	if g.r.IntN(4) == 0 {
		p.Ended = model.Date(fmt.Sprintf("%d-12-31", min(year+1+g.r.IntN(3), 2025)))
	}
	return p
}

func (g *generator) contact(id string, i int) model.Contact {
	c := model.Contact{
		Common:       model.Common{ID: id, Example: true},
		Name:         fmt.Sprintf("%s %s", pick(g.r, firstNames), pick(g.r, lastNames)),
		Role:         g.text(2, 4),
		Organization: g.text(3, 5),
		Jurisdiction: g.code(g.tax.Jurisdictions),
		Email:        id + "@example.org",
		Phone:        fmt.Sprintf("+1 613 555 %04d", i%10000),
		Languages:    []string{"en", "fr"},
		Expertise:    append(g.codes(g.tax.Themes, 1, 1), g.codes(g.tax.Techniques, 1, 1)...),
	}
	if i%5 != 4 {
		c.Consent = "2026-01-15"
	}
	return c
}

func (g *generator) practice(id string, projects []string) model.Practice {
	return model.Practice{
		Common:       model.Common{ID: id, Example: true},
		Headline:     model.Headline{Title: g.text(4, 8), Summary: g.text(15, 25)},
		Body:         g.markdown(3, 50),
		Checklist:    []model.Text{g.text(5, 10), g.text(5, 10), g.text(5, 10)},
		KeyQuestions: []model.Text{g.text(6, 12), g.text(6, 12)},
		Projects:     projects,
		Techniques:   g.codes(g.tax.Techniques, 1, 2),
		Reviewed:     "2026-06-01",
	}
}

func (g *generator) resource(id string) model.Resource {
	return model.Resource{
		Common:      model.Common{ID: id, Example: true},
		Headline:    model.Headline{Title: g.text(3, 6), Summary: g.text(15, 25)},
		Kind:        g.code(g.tax.ResourceKinds),
		Publisher:   g.text(3, 5),
		URL:         "https://example.org/resources/" + id,
		Description: g.markdown(2, 40),
		Themes:      g.codes(g.tax.Themes, 1, 2),
		Reviewed:    "2026-06-01",
	}
}

// text returns bilingual plain text of lo..hi words (no Markdown marks).
func (g *generator) text(lo, hi int) model.Text {
	n := lo + g.r.IntN(hi-lo+1)
	return model.Text{En: sentence(g.r, enWords, n), Fr: sentence(g.r, frWords, n)}
}

// clip shortens both languages to at most n characters, at a word boundary.
func clip(t model.Text, n int) model.Text {
	cut := func(s string) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		s = string(r[:n-1])
		if i := strings.LastIndexByte(s, ' '); i > 0 {
			s = s[:i]
		}
		return s + "."
	}
	return model.Text{En: cut(t.En), Fr: cut(t.Fr)}
}

func (g *generator) markdown(paragraphs, words int) model.Markdown {
	var en, fr []string
	for range paragraphs {
		en = append(en, sentence(g.r, enWords, words))
		fr = append(fr, sentence(g.r, frWords, words))
	}
	return model.Markdown{En: strings.Join(en, "\n\n") + "\n", Fr: strings.Join(fr, "\n\n") + "\n"}
}

func (g *generator) code(terms []model.Term) string { return terms[g.r.IntN(len(terms))].Code }

func (g *generator) codes(terms []model.Term, lo, hi int) []string {
	n := lo + g.r.IntN(hi-lo+1)
	perm := g.r.Perm(len(terms))
	out := make([]string, 0, n)
	for _, i := range perm[:min(n, len(terms))] {
		out = append(out, terms[i].Code)
	}
	return out
}

func (g *generator) pickN(from []string, n int) []string {
	out := make([]string, 0, n)
	for range n {
		out = append(out, from[g.r.IntN(len(from))])
	}
	return dedupe(out)
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func pick(r *rand.Rand, words []string) string { return words[r.IntN(len(words))] }

func sentence(r *rand.Rand, words []string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = pick(r, words)
	}
	r0, size := utf8.DecodeRuneInString(parts[0])
	parts[0] = string(unicode.ToUpper(r0)) + parts[0][size:]
	return strings.Join(parts, " ") + "."
}

var (
	enWords = strings.Fields(`service data analytics client program benefit outcome region
		model survey channel office access online centre team evaluation partner policy
		community privacy dashboard forecast demand time wait improvement result measure
		province municipality residents staff application process quality digital rural`)
	frWords = strings.Fields(`service données analytique client programme prestation résultat
		région modèle enquête mode bureau accès ligne centre équipe évaluation partenaire
		politique collectivité confidentialité tableau prévision demande délai amélioration
		mesure province municipalité résidents personnel demande processus qualité numérique rural`)
	firstNames = strings.Fields(`Alex Sam Jordan Morgan Taylor Chris Pat Robin Dominique Claude Camille Noor Amir Lee`)
	lastNames  = strings.Fields(`Martin Roy Singh Chen Smith Gagnon Wilson Côté Brown Bouchard Nguyen Ahmed Taylor Lavoie`)
)
