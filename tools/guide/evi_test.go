package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// TestEviDiagnostics: guide evi prints the problems of each of its files (configuration,
// data, GROUPS.csv, POINTS.csv, the data's locations, GeoJSON) as guide validate does,
// path:line:col: error: key: message, worded in English and in French
// (testdata/evi.text.golden, evi.fr.text.golden; -update rewrites them).
func TestEviDiagnostics(t *testing.T) {
	dir := "testdata/evi/"
	out := filepath.Join(t.TempDir(), "groups.csv")
	runs := [][]string{
		{"--config", dir + "config_bad_direction.yaml", dir + "data.csv"},
		{"--config", dir + "config.yaml", dir + "data_bad_cells.csv"},
		{"--config", dir + "config.yaml", "--groups", dir + "groups_unknown_area.csv", "--group-out", out, dir + "data.csv"},
		{"--config", dir + "config.yaml", "--points", dir + "points_bad_coordinate.csv", "--group-out", out, dir + "data.csv"},
		{"--config", dir + "config.yaml", "--points", dir + "points.csv", "--group-out", out, dir + "data_bad_location.csv"},
		{"--config", dir + "config.yaml", "--format", "geojson", "--geometry", dir + "areas_bad_geometry.geojson", dir + "data.csv"},
		{"--config", dir + "config.yaml", "--format", "geojson", "--geometry", dir + "areas_syntax.geojson", dir + "data.csv"},
		{"--config", dir + "config.yaml", "--format", "geojson", "--geometry", dir + "areas_not_a_list.geojson", dir + "data.csv"},
	}
	for _, lang := range []string{"en", "fr"} {
		var b strings.Builder
		for _, args := range runs {
			status, stdout, stderr := runCmd(cmdEvi, append([]string{"--lang", lang}, args...)...)
			shown := strings.ReplaceAll(strings.Join(args, " "), out, "OUT.csv")
			fmt.Fprintf(&b, "$ guide evi --lang %s %s\n%s%sexit %d\n\n", lang, shown, stdout, stderr, status)
			if status != 1 || stderr == "" {
				t.Errorf("guide evi %s: exit %d, %q; want exit 1 with the problems", shown, status, stderr)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if !strings.HasPrefix(line, dir) || !strings.Contains(line, ": error: ") {
					t.Errorf("not path:line:col: error: key: message: %q", line)
				}
			}
		}
		name := "testdata/evi.text.golden"
		if lang == "fr" {
			name = "testdata/evi.fr.text.golden"
		}
		testutil.Golden(t, "./tools/guide", name, []byte(b.String()))
	}
}
