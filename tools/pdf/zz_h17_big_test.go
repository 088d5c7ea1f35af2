package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pssdc/guide-iad/tools/gen"
)

func TestH17Big(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := gen.Write(data, gen.Options{Projects: 200, Seed: 1, Taxonomy: filepath.Join(repo, "data", "taxonomy.yaml")}); err != nil {
		t.Fatal(err)
	}
	public := buildSite(t, data, filepath.Join(dir, "site"))
	if _, err := Run(context.Background(), Options{Public: public, Log: os.Stderr}); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll("/tmp/h17/big")
	exec.Command("cp", "-a", public, "/tmp/h17/big").Run()
}
