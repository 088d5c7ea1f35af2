//go:build !js

package check

import (
	"os"

	"github.com/pelletier/go-toml/v2"
	"github.com/pssdc/guide-iad/tools/diag"
)

// SiteConfig is what the guide's commands read of the Hugo configuration: the site's
// address and the URL segment of each section in each language.
type SiteConfig struct {
	BaseURL string
	Paths   map[string]map[string]string // lang → logical name → segment
}

// ReadSiteConfig reads the Hugo configuration file at path (config.toml). The one
// reader of it, for the validator's links and the open data's addresses.
func ReadSiteConfig(path string) (SiteConfig, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return SiteConfig{}, err
	}
	var cfg struct {
		BaseURL   string `toml:"baseURL"`
		Languages map[string]struct {
			Params struct {
				Paths map[string]string `toml:"paths"`
			} `toml:"params"`
		} `toml:"languages"`
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		return SiteConfig{}, diag.Wrap(err, "file_error", diag.A{"file": path, "error": diag.Cause(err)})
	}
	out := SiteConfig{BaseURL: cfg.BaseURL, Paths: map[string]map[string]string{}}
	for lang, l := range cfg.Languages {
		out.Paths[lang] = l.Params.Paths
	}
	return out, nil
}

// loadSitePaths reads config.toml; a missing file means links are not checked.
func loadSitePaths(path string) (sitePaths, error) {
	cfg, err := ReadSiteConfig(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return sitePaths(cfg.Paths), nil
}
