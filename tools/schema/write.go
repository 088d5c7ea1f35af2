//go:build !js

package schema

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
	"github.com/pssdc/guide-iad/tools/model"
)

// Reading and writing files is for the command line: the browser's form
// (tools/wasm/validate) names the schemas but neither reads nor writes one, and does
// not link this file.

// WriteAll writes every kind's schema into dir, each file atomically.
func WriteAll(dir string, vocab func(string) []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, k := range model.Kinds {
		b, err := Generate(k, vocab)
		if err != nil {
			return fmt.Errorf("%s: %w", k.Name, err)
		}
		if err := atomicfile.Write(filepath.Join(dir, FileName(k)), b); err != nil {
			return err
		}
	}
	return nil
}

// Stale lists the schema files in dir that differ from what the model generates.
func Stale(dir string, vocab func(string) []string) ([]string, error) {
	var stale []string
	for _, k := range model.Kinds {
		want, err := Generate(k, vocab)
		if err != nil {
			return nil, err
		}
		path := filepath.Join(dir, FileName(k))
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
			stale = append(stale, path)
		}
	}
	return stale, nil
}
