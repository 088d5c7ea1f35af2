package sitetest

import (
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// HiddenContact is a contact of a test corpus without a consent date: what the
// privacy tests search every published file for.
type HiddenContact struct {
	File                   string
	ID, Name, Email, Phone string
}

// HiddenContacts reads the contacts of dataDir that have no consent date.
func HiddenContacts(dataDir string) ([]HiddenContact, error) {
	files, err := filepath.Glob(filepath.Join(dataDir, "contacts", "*.yaml"))
	if err != nil {
		return nil, err
	}
	var out []HiddenContact
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var c struct {
			ID, Name, Email, Phone string
			Consent                any
		}
		if err := yaml.Unmarshal(src, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if c.Consent == nil {
			out = append(out, HiddenContact{File: f, ID: c.ID, Name: c.Name, Email: c.Email, Phone: c.Phone})
		}
	}
	return out, nil
}
