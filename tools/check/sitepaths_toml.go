//go:build !js

package check

import (
	"os"

	"github.com/pelletier/go-toml/v2"
	"github.com/pssdc/guide-iad/tools/diag"
)

// loadSitePaths reads config.toml; a missing file means links are not checked.
func loadSitePaths(path string) (sitePaths, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Languages map[string]struct {
			Params struct {
				Paths map[string]string `toml:"paths"`
			} `toml:"params"`
		} `toml:"languages"`
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		return nil, diag.Wrap(err, "file_error", diag.A{"file": path, "error": err.Error()})
	}
	out := sitePaths{}
	for lang, l := range cfg.Languages {
		out[lang] = l.Params.Paths
	}
	return out, nil
}
