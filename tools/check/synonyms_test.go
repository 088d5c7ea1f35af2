package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
)

// TestSynonyms: the search synonyms of taxonomy.yaml. Each fixture of
// testdata/synonyms is a taxonomy named after the code it must raise (valid.yaml: none),
// with a comment saying why.
func TestSynonyms(t *testing.T) {
	paths, _ := filepath.Glob("testdata/synonyms/*.yaml")
	if len(paths) < 5 {
		t.Fatalf("%d fixtures in testdata/synonyms", len(paths))
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			kind, _ := model.KindByFile("taxonomy.yaml")
			tf := &parsedFile{src: source{Path: "data/taxonomy.yaml", Kind: kind}, p: parse("data/taxonomy.yaml", src)}
			var summary diag.List
			loadVocabularies(tf, &summary)
			got := tf.p.diags
			var codes []string
			for _, d := range got {
				codes = append(codes, d.Code)
			}
			want := map[string]string{"valid": "", "synonyms_unknown_language": "unknown_key"}
			w, ok := want[name]
			if !ok {
				w = name
			}
			if w == "" && len(got) > 0 || w != "" && !strings.Contains(" "+strings.Join(codes, " ")+" ", " "+w+" ") {
				t.Errorf("codes %q, want %q\n%s", codes, w, got)
			}
		})
	}
}
