package related

import (
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
)

// Load reads the case studies of dataDir (data/projects/*.yaml) with the project's one
// reader (package corpus and its limits): the id Hugo knows them by (the file name), the
// codes of Vocabularies and whether the entry is archived. A file the reader rejects
// stops it, as it stops the JSON copy.
func Load(dataDir string) ([]Project, error) {
	sources, err := corpus.List(dataDir)
	if err != nil {
		return nil, diag.Wrap(err, "hugodata_listing", diag.A{"dir": dataDir, "error": diag.Cause(err)})
	}
	var projects []corpus.Source
	for _, s := range sources {
		if isProject(s) {
			projects = append(projects, s)
		}
	}
	files := make([]*corpus.File, len(projects))
	check.Parallel(len(projects), func(i int) { files[i] = corpus.Read(projects[i]) })
	return fromFiles(files)
}

// FromSet is Load from a data folder already read (check.ReadDataSet).
func FromSet(set *check.DataSet) ([]Project, error) {
	var files []*corpus.File
	for i, s := range set.Sources {
		if isProject(s) {
			files = append(files, set.Files[i])
		}
	}
	return fromFiles(files)
}

func isProject(s corpus.Source) bool { return s.Kind.Dir == "projects" && s.Problem.Code == "" }

// fromFiles makes the case studies of their files, read, on all cores.
func fromFiles(files []*corpus.File) ([]Project, error) {
	out := make([]Project, len(files))
	errs := make([]error, len(files))
	check.Parallel(len(files), func(i int) {
		f := files[i]
		if errs[i] = f.Err(); errs[i] != nil {
			return
		}
		var e struct {
			Archived    any      `yaml:"archived"`
			Themes      []string `yaml:"themes"`
			Techniques  []string `yaml:"techniques"`
			DataSources []string `yaml:"data_sources"`
		}
		if err := f.Root.Decode(&e); err != nil {
			errs[i] = diag.Wrap(err, "hugodata_file", diag.A{"file": f.Path, "error": diag.Cause(err)})
			return
		}
		out[i] = Project{
			ID:       strings.TrimSuffix(filepath.Base(f.Path), ".yaml"),
			Archived: e.Archived != nil,
			Codes:    map[string][]string{"themes": e.Themes, "techniques": e.Techniques, "data_sources": e.DataSources},
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
