package pdf

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"

	"github.com/pelletier/go-toml/v2"
)

// OutputFormat is the name of the print pages' output format.
const OutputFormat = "print"

// printFormat declares the output format "print" (text/html, base name "edition":
// /en/edition.html, /fr/edition.html).
const printFormat = `# The print edition: one HTML page per language holding the whole guide
# (layouts/home.print.html), which guide pdf prints to PDF.
[outputFormats.print]
  mediaType = "text/html"
  baseName = "edition"
  isHTML = true
  notAlternative = true
  permalinkable = false
`

// HugoConfig returns the Hugo configuration that adds the print pages to the site whose
// configuration file is siteConfig: the output format "print", rendered for the home
// page after the formats the site already renders there. `make site` passes it after
// config.toml (--config config.toml,FILE).
//
// Hugo merges the files of --config key by key, and a later file's outputs.home
// replaces the earlier one's whole list (it does not append to it): so this file
// repeats every kind's list of config.toml, with "print" added to the home page's, and
// the site keeps its own formats (the open data among them).
func HugoConfig(siteConfig string) (string, error) {
	b, err := os.ReadFile(siteConfig)
	if err != nil {
		return "", err
	}
	var cfg struct {
		Outputs map[string][]string `toml:"outputs"`
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		return "", fmt.Errorf("%s: %w", siteConfig, err)
	}
	outputs := cfg.Outputs
	if outputs == nil {
		outputs = map[string][]string{}
	}
	home := outputs["home"]
	if len(home) == 0 {
		// Hugo's default for the home page.
		home = []string{"html", "rss"}
	}
	if !slices.Contains(home, OutputFormat) {
		home = append(slices.Clone(home), OutputFormat)
	}
	outputs["home"] = home
	kinds := make([]string, 0, len(outputs))
	for k := range outputs {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var out bytes.Buffer
	out.WriteString(printFormat)
	fmt.Fprintf(&out, "\n# The output formats of %s, with %q added to the home page's.\n[outputs]\n", siteConfig, OutputFormat)
	for _, k := range kinds {
		fmt.Fprintf(&out, "  %s = [", k)
		for i, f := range outputs[k] {
			if i > 0 {
				out.WriteString(", ")
			}
			out.WriteString(strconv.Quote(f))
		}
		out.WriteString("]\n")
	}
	return out.String(), nil
}
