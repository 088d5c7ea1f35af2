package hostile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// project returns a valid case study with the given id; each of fields replaces the
// line (or lines) of its key in the template: "title" → `title: …`.
func project(id string, fields map[string]string) string {
	lines := []struct{ key, text string }{
		{"id", "id: " + id},
		{"title", "title: {en: Hostile case " + id + ", fr: Cas hostile " + id + "}"},
		{"summary", "summary: {en: A case of the hostile corpus., fr: Un cas du corpus hostile.}"},
		{"jurisdiction", "jurisdiction: CA\nlevel: federal"},
		{"organization", "organization: {en: Fictional Agency, fr: Agence fictive}"},
		{"partners", ""},
		{"stage", "stage: pilot\nstarted: 2022-01-15"},
		{"themes", "themes: [client-experience]\ntechniques: [forecasting]\ndata_sources: [call-centre]"},
		{"challenge", "challenge: {en: Plain challenge., fr: Défi simple.}"},
		{"approach", "approach: {en: Plain approach., fr: Approche simple.}"},
		{"results", "results: {en: Plain results., fr: Résultats simples.}"},
		{"lessons", "lessons:\n  - {en: A lesson., fr: Une leçon.}"},
		{"metrics", ""},
		{"links", ""},
		{"contacts", "contacts: [casey-river]\nreviewed: 2026-02-10"},
	}
	var b strings.Builder
	for _, l := range lines {
		text := l.text
		if f, ok := fields[l.key]; ok {
			text = f
		}
		if text != "" {
			b.WriteString(strings.TrimSuffix(text, "\n") + "\n")
		}
	}
	return b.String()
}

// quoted writes s as a YAML double-quoted scalar (JSON's escapes are YAML's).
func quoted(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// literal writes text as a literal block scalar under key.en (indented by 4).
func literal(key, text string) string {
	var b strings.Builder
	b.WriteString(key + ":\n  en: |\n")
	for _, l := range strings.Split(text, "\n") {
		b.WriteString("    " + l + "\n")
	}
	b.WriteString("  fr: Texte.\n")
	return b.String()
}

// generators write the files of cases too large, too repetitive or too binary to
// commit; each writes data/projects/<case id>.yaml (see expect.yaml's generate).
var generators = map[string]func(c Case, data string) error{
	// One line: [[[[…]]]] 5,000 deep.
	"deep-flow": func(c Case, data string) error {
		return writeProject(c, data, map[string]string{
			"themes": "themes: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\ntechniques: [forecasting]\ndata_sources: [call-centre]",
		})
	},
	// Block mappings 200 deep under partners.
	"deep-block": func(c Case, data string) error {
		var b strings.Builder
		b.WriteString("partners:\n")
		for i := 1; i <= 200; i++ {
			b.WriteString(strings.Repeat("  ", i) + "k:\n")
		}
		b.WriteString(strings.Repeat("  ", 201) + "v: x")
		return writeProject(c, data, map[string]string{"partners": b.String()})
	},
	// 300,000 items in one flow sequence, about 600 KB.
	"flow-300k": func(c Case, data string) error {
		items := strings.Repeat("a,", 299999) + "a"
		return writeProject(c, data, map[string]string{
			"themes": "themes: [" + items + "]\ntechniques: [forecasting]\ndata_sources: [call-centre]",
		})
	},
	// A valid-looking file of 1.2 MiB: a long comment block.
	"big-1.2mib": func(c Case, data string) error {
		line := "# " + strings.Repeat("padding ", 12) + "\n"
		pad := strings.Repeat(line, (1200*1024)/len(line)+1)
		return writeFile(data, c, pad+project(c.caseID(), nil))
	},
	// 60,000 values in a block sequence (360 KB).
	"many-values": func(c Case, data string) error {
		items := strings.Repeat("  - a\n", 60000)
		return writeProject(c, data, map[string]string{
			"themes": "themes:\n" + items + "techniques: [forecasting]\ndata_sources: [call-centre]",
		})
	},
	// 160 KB of [[[[ and ]]]] with text between.
	"bracket-storm": func(c Case, data string) error {
		s := strings.Repeat("[", 80000) + "x" + strings.Repeat("](y)", 20000)
		return writeProject(c, data, map[string]string{"challenge": literal("challenge", s[:160000])})
	},
	// 160 KB of links that never close: [a](b [a](b …
	"link-storm": func(c Case, data string) error {
		return writeProject(c, data, map[string]string{"challenge": literal("challenge", strings.Repeat("[a](<b ", 160000/7))})
	},
	// > > > … 5,000 levels.
	"deep-quote": func(c Case, data string) error {
		return writeProject(c, data, map[string]string{"challenge": literal("challenge", strings.Repeat("> ", 5000)+"deep")})
	},
	// A list nested 400 deep, each level indented under the previous.
	"deep-list": func(c Case, data string) error {
		var lines []string
		for i := range 400 {
			lines = append(lines, strings.Repeat("  ", i)+"- item")
		}
		return writeProject(c, data, map[string]string{"challenge": literal("challenge", strings.Join(lines, "\n"))})
	},
	// 160 KB of unmatched * and _ runs.
	"emphasis-storm": func(c Case, data string) error {
		return writeProject(c, data, map[string]string{"challenge": literal("challenge", strings.Repeat("*a _b ", 160000/6))})
	},
	// Bytes that are not UTF-8 (0xff, a lone continuation byte) in the title, line 2.
	"invalid-utf8": func(c Case, data string) error {
		return writeProject(c, data, map[string]string{"title": "title: {en: \"Bad \xff\x80 bytes\", fr: Titre}"})
	},
	// The case's own overlay files, converted to CRLF line ends.
	"crlf": func(c Case, data string) error {
		src := filepath.Join(c.Dir, "data")
		return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(src, path)
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			crlf := bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
			return os.WriteFile(filepath.Join(data, rel), crlf, 0o644)
		})
	},
}

func writeProject(c Case, data string, fields map[string]string) error {
	return writeFile(data, c, project(c.caseID(), fields))
}

func writeFile(data string, c Case, text string) error {
	p := filepath.Join(data, "projects", c.caseID()+".yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}
