package opendata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/history"
	"gopkg.in/yaml.v3"
)

// obj is an entry or a part of one as Hugo's templates see it (hugo.Data): mappings,
// lists, and scalars by their resolved tag, dates kept as written.
type obj = map[string]any

// Data is what the open data is made from: the entries of data/ by folder and id, the
// taxonomy, and each entry's latest change in git (kind → id → date; empty without a
// history).
type Data struct {
	Entries  map[string]map[string]obj // "projects" → id → entry
	Taxonomy map[string][]obj          // vocabulary → items {code, en, fr}
	Updated  map[string]map[string]string
}

// LoadData reads every file of dataDir as the validator reads it (package corpus); a file
// it rejects stops the step, naming the file. The dates of change come from historyFile,
// if not empty, the history.json that guide hugo-data wrote (package hugodata), or else
// with git set from git itself (package history, as guide hugo-data reads it).
func LoadData(dataDir, historyFile string, git bool) (*Data, error) {
	set, err := check.ReadDataSet(dataDir)
	if err != nil {
		return nil, err
	}
	d, err := FromSet(set)
	if err != nil {
		return nil, err
	}
	var h history.History
	switch {
	case historyFile != "":
		b, err := os.ReadFile(historyFile)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &h); err != nil {
			return nil, diag.Wrap(err, "opendata_file", diag.A{"file": historyFile, "error": diag.Cause(err)})
		}
	case git:
		read, err := history.Read(dataDir)
		if err != nil {
			return nil, diag.Wrap(err, "history_git", diag.A{"dir": dataDir, "error": diag.Cause(err)})
		}
		h = *read
	}
	d.SetUpdated(&h)
	return d, nil
}

// FromSet is LoadData from a data folder already read (check.ReadDataSet), without the
// dates of change (SetUpdated adds them).
func FromSet(set *check.DataSet) (*Data, error) {
	values := make([]any, len(set.Files))
	errs := make([]error, len(set.Files))
	check.Parallel(len(set.Files), func(i int) {
		f := set.Files[i]
		if errs[i] = f.Err(); errs[i] == nil {
			values[i], errs[i] = value(f.Root)
			if errs[i] != nil {
				errs[i] = diag.Wrap(errs[i], "opendata_file", diag.A{"file": set.Sources[i].Path, "error": diag.Cause(errs[i])})
			}
		}
	})
	d := &Data{Entries: map[string]map[string]obj{}, Taxonomy: map[string][]obj{}, Updated: map[string]map[string]string{}}
	for _, k := range []string{"projects", "practices", "resources", "contacts"} {
		d.Entries[k] = map[string]obj{}
	}
	for i, s := range set.Sources {
		if errs[i] != nil {
			return nil, errs[i]
		}
		m, _ := values[i].(obj)
		rel := filepath.ToSlash(s.Rel())
		switch dir, file, ok := strings.Cut(rel, "/"); {
		case rel == "taxonomy.yaml":
			for vocab, items := range m {
				list, _ := items.([]any)
				for _, it := range list {
					if o, ok := it.(obj); ok {
						d.Taxonomy[vocab] = append(d.Taxonomy[vocab], o)
					}
				}
			}
		case ok && d.Entries[dir] != nil:
			d.Entries[dir][strings.TrimSuffix(file, ".yaml")] = m
		}
	}
	return d, nil
}

// SetUpdated takes each entry's latest change from h (package history).
func (d *Data) SetUpdated(h *history.History) {
	for kind, ids := range h.Entries {
		d.Updated[kind] = map[string]string{}
		for id, e := range ids {
			d.Updated[kind][id] = e.Updated
		}
	}
}

// value converts a YAML node as guide hugo-data writes it for Hugo: strings and dates
// as text, other scalars decoded.
func value(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(obj, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := value(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			v, err := value(c)
			if err != nil {
				return nil, err
			}
			l[i] = v
		}
		return l, nil
	case yaml.ScalarNode:
		if n.Tag == "!!str" || n.Tag == "!!timestamp" {
			return n.Value, nil
		}
		var v any
		err := n.Decode(&v)
		return v, err
	}
	return nil, diag.Errorf("hugodata_node", diag.A{"line": n.Line})
}

// Site is what the open data needs of the Hugo configuration: the address of each
// language's home page and the URL segment of each section.
type Site struct {
	BaseURL string                       // with a final slash
	Paths   map[string]map[string]string // lang → logical name → segment
}

// LoadSite reads the Hugo configuration file; baseURL, if not empty, replaces its
// baseURL (as hugo --baseURL does).
func LoadSite(configFile, baseURL string) (*Site, error) {
	cfg, err := check.ReadSiteConfig(configFile)
	if err != nil {
		return nil, err
	}
	s := &Site{BaseURL: cfg.BaseURL, Paths: cfg.Paths}
	if baseURL != "" {
		s.BaseURL = baseURL
	}
	if !strings.HasSuffix(s.BaseURL, "/") {
		s.BaseURL += "/"
	}
	if len(s.Paths["en"]) == 0 || len(s.Paths["fr"]) == 0 {
		return nil, diag.Errorf("opendata_no_paths", diag.A{"file": configFile})
	}
	return s, nil
}

// home is the address of a language's home page.
func (s *Site) home(lang string) string { return s.BaseURL + lang + "/" }

// section is the address of a section's list page in a language.
func (s *Site) section(lang, name string) string {
	return s.home(lang) + s.Paths[lang][name] + "/"
}
