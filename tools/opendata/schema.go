package opendata

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// Text is a text in each language: lang → text.
type Text map[string]string

// Field is one field of a table (docs/open-data.md, "Fields").
type Field struct {
	Name        string   `yaml:"name"`
	Type        string   `yaml:"type"`
	Format      string   `yaml:"format"`
	List        bool     `yaml:"list"`
	Lines       bool     `yaml:"lines"`
	Markdown    bool     `yaml:"markdown"`
	IsText      bool     `yaml:"text"`
	Required    bool     `yaml:"required"`
	Vocab       string   `yaml:"vocab"`
	Enum        []string `yaml:"enum"`
	Description Text     `yaml:"description"`
}

// Table is one table: a CSV file and a JSON file per language.
type Table struct {
	Name        string  `yaml:"name"`
	Title       Text    `yaml:"title"`
	Description Text    `yaml:"description"`
	Fields      []Field `yaml:"fields"`
}

// Schema is the one description of the open data: the package, the notes added to
// field descriptions, and the tables in order.
type Schema struct {
	Package struct {
		Name        string              `yaml:"name"`
		Title       Text                `yaml:"title"`
		Description Text                `yaml:"description"`
		Contributor Text                `yaml:"contributor"`
		Keywords    map[string][]string `yaml:"keywords"`
		Licence     struct {
			Name  string `yaml:"name"`
			Title Text   `yaml:"title"`
			Path  Text   `yaml:"path"`
		} `yaml:"licence"`
		Datapackage Text `yaml:"datapackage"`
		JSONNote    Text `yaml:"json_note"`
	} `yaml:"package"`
	Common struct {
		List     Text `yaml:"list"`
		Lines    Text `yaml:"lines"`
		Markdown Text `yaml:"markdown"`
		Text     Text `yaml:"text"`
	} `yaml:"common"`
	Resources []Table `yaml:"resources"`
}

// SchemaFiles hold the schema as YAML text, each between the first and the last
// backquote of the file, joined in this order (the tables use the anchors of the
// projects table). They are Hugo partials, so the open-data page (the opendata-fields
// shortcode, the downloads list) reads the very same description.
var SchemaFiles = []string{
	"layouts/_partials/opendata/schema.html",
	"layouts/_partials/opendata/schema/projects.html",
	"layouts/_partials/opendata/schema/tables.html",
}

// LoadSchema reads the schema from the site folder siteDir.
func LoadSchema(siteDir string) (*Schema, error) {
	var text strings.Builder
	for _, name := range SchemaFiles {
		path := filepath.Join(siteDir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		s := string(b)
		i, j := strings.IndexByte(s, '`'), strings.LastIndexByte(s, '`')
		if i < 0 || j <= i {
			return nil, diag.Errorf("opendata_schema_text", diag.A{"file": path})
		}
		text.WriteString(s[i+1 : j])
	}
	var sc Schema
	if err := yaml.Unmarshal([]byte(text.String()), &sc); err != nil {
		return nil, diag.Errorf("opendata_schema_yaml", diag.A{"file": SchemaFiles[0], "error": diag.Cause(err)})
	}
	if len(sc.Resources) == 0 {
		return nil, diag.Errorf("opendata_schema_yaml", diag.A{"file": SchemaFiles[0], "error": "no tables"})
	}
	return &sc, nil
}
