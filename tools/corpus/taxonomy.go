package corpus

import (
	"github.com/pssdc/guide-iad/tools/diag"
	"path/filepath"

	"github.com/pssdc/guide-iad/tools/model"
)

// LoadTaxonomy reads dataDir/taxonomy.yaml as Read reads any data file (size limit,
// links, one document, no aliases…) and decodes it. It does not check the codes (the
// validator does); a file the reader rejects is an error naming its first problem.
func LoadTaxonomy(dataDir string) (*model.Taxonomy, error) {
	path := filepath.Join(dataDir, "taxonomy.yaml")
	f := ReadPath(dataDir, path)
	if err := f.Err(); err != nil {
		return nil, err
	}
	var t model.Taxonomy
	if err := f.Root.Decode(&t); err != nil {
		return nil, diag.Wrap(err, "file_error", diag.A{"file": path, "error": diag.Cause(err)})
	}
	return &t, nil
}
