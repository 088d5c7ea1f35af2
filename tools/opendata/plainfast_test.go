package opendata

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/gen"
	"gopkg.in/yaml.v3"
)

// TestPlainFastSame: wherever plainText takes a text, it gives what goldmark and the
// partial's steps give (render), both ways (line or not): every text of the site's
// data/, of the validator's fixtures and of a generated corpus, then random texts of the
// characters that matter. It must take some of each corpus, or it would test nothing.
func TestPlainFastSame(t *testing.T) {
	generated := filepath.Join(t.TempDir(), "data")
	if err := gen.Write(generated, gen.Options{Projects: 200, Seed: 3, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../../data", "../check/testdata/valid", generated} {
		set, err := check.ReadDataSet(dir)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, f := range set.Files {
			if f.Root != nil {
				texts = scalars(f.Root, texts)
			}
		}
		if n := checkSame(t, texts); n == 0 {
			t.Errorf("%s: plainText took none of %d texts", dir, len(texts))
		}
	}
	pieces := []string{"a", "É", "word", "12", " ", "  ", "\n", "\n\n", "\t", ".", ",", ";", "'", `"`, "(", ")", "%", "?", "/", "$", "-", "+",
		"1.", "- ", "# ", "*", "_", "`", "<b>", "&amp;", "[x](y)", "!", ":", "@", "www.", "http://x", "\u00a0", "«", "»", "’", "—", "{{<", "|", "~~", "\\", "=", "\u0301"}
	r := rand.New(rand.NewPCG(5, 8))
	var texts []string
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	if n := checkSame(t, texts); n < 100 {
		t.Errorf("plainText took %d random texts: too few to say", n)
	}
}

// checkSame compares plainText with render on each text it takes, and counts them.
func checkSame(t *testing.T, texts []string) int {
	t.Helper()
	n := 0
	for _, s := range texts {
		for _, line := range []bool{false, true} {
			if got, ok := plainText(s, line); ok {
				n++
				if want := render(s, line); got != want {
					t.Errorf("%q (line %v): %q, goldmark %q", s, line, got, want)
				}
			}
		}
	}
	return n
}

// scalars appends the text of every scalar under n.
func scalars(n *yaml.Node, out []string) []string {
	if n.Kind == yaml.ScalarNode {
		return append(out, n.Value)
	}
	for _, c := range n.Content {
		out = scalars(c, out)
	}
	return out
}
