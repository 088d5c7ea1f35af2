package hostile

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// payloads are inserted into accepted text; validate keeps what it accepts, and the
// render test checks that what it accepted is inert.
var payloads = []string{
	`<svg/onload=alert(1)>`, `<img src=x onerror=alert(1)//`, `<script>alert(1)</script>`,
	`</script><script>alert(1)</script>`, `&lt;script&gt;`, `&#x3c;script&#x3e;alert(1)`,
	`<a href="javascript:alert(1)">x</a>`, `[x](javascript:alert(1))`, `[x](JAVASCRIPT:alert(1))`,
	`[x](data:text/html,<script>alert(1)</script>)`, `[x](//evil.example/a)`, `[x](http://evil.example/a)`,
	`![x](https://evil.example/m.png)`, `<https://evil.example/auto>`, `<img src="https://evil.example/i.png">`,
	`{{< figure src="https://evil.example/sc.png" >}}`, `{{% param "title" %}}`, `{{< youtube dQw4w9WgXcQ >}}`,
	"\u202e", "\u200b", "\u2066", "\ufeff", "\u200f",
	`=HYPERLINK("https://evil.example")`, `+1+1`, `-1+2`, `@SUM(1)`,
	`<meta http-equiv=refresh content="0;url=https://evil.example">`, `<base href=https://evil.example/>`,
	`<iframe src=https://evil.example>`, `<style>@import url(https://evil.example/x.css)</style>`,
	`<object data=https://evil.example/x>`, `" onmouseover="alert(1)`, `'><svg onload=alert(1)>`,
	`]]><script>alert(1)</script>`, `--><script>alert(1)</script>`, `<x onclick=alert(1)>`,
	`<details open ontoggle=alert(1)>`, "`{{< param title >}}`",
}

// mutationFields say where a payload goes: a project key and how to write it.
var mutationFields = map[string]func(id, text string) map[string]string{
	"title": func(id, x string) map[string]string {
		return map[string]string{"title": "title: {en: " + quoted(x+" "+id) + ", fr: Titre " + id + "}"}
	},
	"summary": func(id, x string) map[string]string {
		return map[string]string{"summary": "summary: {en: " + quoted(x) + ", fr: Résumé.}"}
	},
	"org": func(id, x string) map[string]string {
		return map[string]string{"organization": "organization: {en: " + quoted(x) + ", fr: Agence}"}
	},
	"partner": func(id, x string) map[string]string {
		return map[string]string{"partners": "partners:\n  - {en: " + quoted(x) + ", fr: Partenaire}"}
	},
	"challenge": func(id, x string) map[string]string {
		return map[string]string{"challenge": literal("challenge", "Text "+x+" end.")}
	},
	"approach": func(id, x string) map[string]string {
		return map[string]string{"approach": "approach: {en: Approach., fr: " + quoted(x) + "}"}
	},
	"results": func(id, x string) map[string]string {
		return map[string]string{"results": "results: {en: " + quoted(x) + ", fr: Résultats.}"}
	},
	"lesson": func(id, x string) map[string]string {
		return map[string]string{"lessons": "lessons:\n  - {en: " + quoted(x) + ", fr: Leçon.}"}
	},
	"metric": func(id, x string) map[string]string {
		return map[string]string{"metrics": "metrics:\n  - label: {en: " + quoted(x) + ", fr: Mesure}\n    value: {en: " + quoted(x) + ", fr: \"1\"}"}
	},
	"link": func(id, x string) map[string]string {
		return map[string]string{"links": "links:\n  - title: {en: " + quoted(x) + ", fr: Lien}\n    url: https://example.org/page"}
	},
}

// addMutations writes the mutations into data: one project per payload and field, one
// contact per payload (name and role), a taxonomy language and an edition per payload;
// it validates and removes what validate rejects until validate accepts the whole, and
// returns how many mutated entries remain.
func addMutations(t *testing.T, data string) (int, error) {
	t.Helper()
	n := 0
	files := map[string]bool{}
	write := func(rel, text string) error {
		files[rel] = true
		return os.WriteFile(filepath.Join(data, rel), []byte(text), 0o644)
	}
	for pi, p := range payloads {
		for name, field := range mutationFields {
			n++
			id := fmt.Sprintf("m-%03d-%s", pi, name)
			if err := write("projects/"+id+".yaml", project(id, field(id, p))); err != nil {
				return 0, err
			}
		}
		id := fmt.Sprintf("m-%03d-contact", pi)
		c := fmt.Sprintf("id: %s\nname: %s\nrole: {en: %s, fr: Analyste}\norganization: {en: %s, fr: Agence}\njurisdiction: CA\nemail: %s@example.org\nlanguages: [en]\nexpertise: [forecasting]\nconsent: 2026-01-15\n",
			id, quoted("Name "+p), quoted(p), quoted(p), id)
		if err := write("contacts/"+id+".yaml", c); err != nil {
			return 0, err
		}
	}
	// Taxonomy labels and edition titles: one file each, so tried one payload at a time.
	for pi, p := range payloads {
		code := fmt.Sprintf("q%d", pi)
		tax := fmt.Sprintf("  - {code: %s, en: %s, fr: Langue}\n", code, quoted("Lang "+p))
		ed := fmt.Sprintf("  - id: \"2030-%d\"\n    date: 2030-01-%02d\n    title: {en: %s, fr: Édition}\n", pi, 1+pi%28, quoted("Edition "+p))
		for _, try := range []struct{ file, text, contact string }{
			{"taxonomy.yaml", tax, fmt.Sprintf("m-%03d-contact", pi)},
			{"editions.yaml", ed, ""},
		} {
			path := filepath.Join(data, try.file)
			before, err := os.ReadFile(path)
			if err != nil {
				return 0, err
			}
			if err := os.WriteFile(path, append(before, try.text...), 0o644); err != nil {
				return 0, err
			}
			contactPath := filepath.Join(data, "contacts", try.contact+".yaml")
			var contactBefore []byte
			if try.contact != "" {
				contactBefore, _ = os.ReadFile(contactPath)
				os.WriteFile(contactPath, []byte(strings.Replace(string(contactBefore), "languages: [en]", "languages: [en, "+code+"]", 1)), 0o644)
			}
			r := guide(filepath.Dir(data), "validate", "-data", "data", "-format", "json", "data/"+try.file)
			if r.Code != 0 {
				os.WriteFile(path, before, 0o644)
				if contactBefore != nil {
					os.WriteFile(contactPath, contactBefore, 0o644)
				}
			} else {
				n++
			}
		}
	}
	// Drop every mutated file validate rejects, until it accepts the corpus.
	for round := 0; ; round++ {
		r := guide(filepath.Dir(data), "validate", "-data", "data", "-format", "json")
		if r.Code == 0 {
			break
		}
		var ds []Diagnostic
		if err := json.Unmarshal(r.Stdout, &ds); err != nil || round == 5 {
			return 0, fmt.Errorf("validate on the mutations: %v: %s", err, r)
		}
		dropped := 0
		for _, d := range ds {
			rel := strings.TrimPrefix(filepath.ToSlash(d.File), "data/")
			if d.Severity == "error" && files[rel] {
				if os.Remove(filepath.Join(data, rel)) == nil {
					dropped++
					n--
				}
				delete(files, rel)
			}
		}
		if dropped == 0 {
			return 0, fmt.Errorf("validate rejects the mutated corpus, not in a mutated file: %s", r)
		}
	}
	return n, nil
}
