package check

import "github.com/pssdc/guide-iad/tools/corpus"

// DataSet is a data folder read once by the one reader (package corpus), on all cores,
// for a command that makes several things of it (guide hugo-data: the JSON copy, the
// related case studies, the open data), so that each file is opened and parsed once.
type DataSet struct {
	Dir     string          // the data folder as given
	Sources []corpus.Source // every listed file, in listing order
	Files   []*corpus.File  // what corpus.Read made of each
}

// ReadDataSet lists and reads every file of dataDir. Only a listing failure is an error
// here; a file the reader rejects is in Files with its diagnostics (DataSet.Err).
func ReadDataSet(dataDir string) (*DataSet, error) {
	sources, err := corpus.List(dataDir)
	if err != nil {
		return nil, err
	}
	files := make([]*corpus.File, len(sources))
	Parallel(len(sources), func(i int) { files[i] = corpus.Read(sources[i]) })
	return &DataSet{Dir: dataDir, Sources: sources, Files: files}, nil
}

// Err is the first file the reader rejected, in listing order, or nil.
func (d *DataSet) Err() error {
	for _, f := range d.Files {
		if err := f.Err(); err != nil {
			return err
		}
	}
	return nil
}
