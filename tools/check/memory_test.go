package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// corpusOf reads a data folder into the Corpus that CheckBytes takes.
func corpusOf(t *testing.T, dir string) Corpus {
	t.Helper()
	tax, err := os.ReadFile(filepath.Join(dir, "taxonomy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := loadSitePaths(siteConfig)
	if err != nil {
		t.Fatal(err)
	}
	c := Corpus{Dir: dir, Taxonomy: tax, IDs: map[string][]string{}, Examples: map[string][]string{}, SitePaths: paths}
	for _, k := range model.Kinds {
		if k.Dir == "" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, k.Dir, "*.yaml"))
		for _, f := range files {
			id := strings.TrimSuffix(filepath.Base(f), ".yaml")
			c.IDs[k.Dir] = append(c.IDs[k.Dir], id)
			var p struct {
				Contacts []string `yaml:"contacts"`
				Example  bool     `yaml:"example"`
			}
			b, _ := os.ReadFile(f)
			if err := yaml.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			if p.Example {
				c.Examples[k.Dir] = append(c.Examples[k.Dir], id)
			}
			if k.Dir == "projects" {
				c.ListedContacts = append(c.ListedContacts, p.Contacts...)
			}
		}
	}
	return c
}

// TestCheckBytesSameAsRun: on every fixture of testdata/invalid and testdata/warnings,
// and on each file of the valid corpus, CheckBytes against the valid corpus gives
// exactly the diagnostics of Run.
func TestCheckBytesSameAsRun(t *testing.T) {
	corpus := corpusOf(t, validCorpus)
	var files []string
	for _, pattern := range []string{"testdata/invalid/*/*.yaml", "testdata/warnings/*/*.yaml", validCorpus + "/*/*.yaml"} {
		more, _ := filepath.Glob(pattern)
		files = append(files, more...)
	}
	if len(files) < 70 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			// Run names an oversized file with its true size; CheckBytes is given all of it.
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(Options{DataDir: validCorpus, Paths: []string{f}, Now: today, SiteConfig: siteConfig})
			if err != nil {
				t.Fatal(err)
			}
			want := render(t, res.Diagnostics)
			got := render(t, CheckBytes(f, src, corpus, today))
			if got != want {
				t.Errorf("CheckBytes differs from Run\n--- CheckBytes\n%s--- Run\n%s", got, want)
			}
		})
	}
}

// TestCheckBytesCorpus covers what only CheckBytes meets: a file in no kind's place, an
// unknown reference (named like the command line names it), a broken taxonomy.
func TestCheckBytesCorpus(t *testing.T) {
	corpus := corpusOf(t, validCorpus)
	src, err := os.ReadFile(filepath.Join(validCorpus, "projects", "alpha-outreach.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	noContacts := corpus
	noContacts.IDs = map[string][]string{"practices": corpus.IDs["practices"], "resources": corpus.IDs["resources"], "projects": corpus.IDs["projects"]}
	broken := corpus
	broken.Taxonomy = []byte("levels: [\n")
	tests := []struct {
		name   string
		path   string
		corpus Corpus
		want   string // a substring of the rendered diagnostics; "" for none at all
	}{
		{"valid", "data/projects/alpha-outreach.yaml", corpus, ""},
		{"wrong place", "notes/alpha.yaml", corpus, "notes/alpha.yaml: error: unexpected file at the top of data/"},
		{"yml", "data/projects/alpha-outreach.yml", corpus, "use the .yaml extension"},
		{"unknown contact", "data/projects/alpha-outreach.yaml", noContacts, `contacts[0]: no contact with id "casey-river" (data/contacts/casey-river.yaml)`},
		{"broken taxonomy", "data/projects/alpha-outreach.yaml", broken, "testdata/valid/taxonomy.yaml: error: the taxonomy cannot be read, so codes were not checked: YAML syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, CheckBytes(tt.path, src, tt.corpus, today))
			switch {
			case tt.want == "" && got != "":
				t.Errorf("want no diagnostics, got\n%s", got)
			case !strings.Contains(got, tt.want):
				t.Errorf("want %q in\n%s", tt.want, got)
			}
		})
	}
}

// BenchmarkCheckBytes: one check of a case study, as the online form makes on each
// pause in typing, against a corpus of 10,000 projects and 1,000 of each other kind.
func BenchmarkCheckBytes(b *testing.B) {
	tax, err := os.ReadFile(filepath.Join(validCorpus, "taxonomy.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(validCorpus, "projects", "alpha-outreach.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	paths, err := loadSitePaths(siteConfig)
	if err != nil {
		b.Fatal(err)
	}
	c := Corpus{Taxonomy: tax, IDs: map[string][]string{}, SitePaths: paths}
	for dir, n := range map[string]int{"projects": 10_000, "contacts": 1000, "practices": 1000, "resources": 1000} {
		for i := range n {
			c.IDs[dir] = append(c.IDs[dir], fmt.Sprintf("%s-%05d", strings.TrimSuffix(dir, "s"), i))
		}
	}
	c.IDs["contacts"] = append(c.IDs["contacts"], "casey-river")
	c.IDs["practices"] = append(c.IDs["practices"], "start-small")
	c.IDs["resources"] = append(c.IDs["resources"], "index-tool")
	c.IDs["projects"] = append(c.IDs["projects"], "beta-forecasting")
	for b.Loop() {
		if d := CheckBytes("data/projects/alpha-outreach.yaml", src, c, today); d.HasErrors() {
			b.Fatal(d)
		}
	}
}
