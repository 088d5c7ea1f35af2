package diag

import (
	"maps"
	"slices"
	"testing"
)

// TestAreas: each area words its codes in English and in French map by map, no code is
// in two places (two areas, or twice in one), and the catalogue the command line words
// from holds every area's words unchanged (no file's init overrides them).
func TestAreas(t *testing.T) {
	if len(Areas) < 3 {
		t.Fatalf("%d areas", len(Areas))
	}
	seen := map[string]string{}
	for name, a := range Areas {
		en, fr := a()
		if len(en) == 0 || len(en) != len(fr) {
			t.Errorf("%s: %d English maps, %d French", name, len(en), len(fr))
			continue
		}
		for i := range en {
			if e, f := slices.Sorted(maps.Keys(en[i])), slices.Sorted(maps.Keys(fr[i])); !slices.Equal(e, f) {
				t.Errorf("%s: map %d words %d codes in English, %d in French, not the same", name, i, len(e), len(f))
			}
			for code, tmpl := range en[i] {
				if other, ok := seen[code]; ok {
					t.Errorf("%s: code %q is in %s too", name, code, other)
				}
				seen[code] = name
				if got, _ := Template("en", code); got != tmpl {
					t.Errorf("%s: %q: the catalogue words it %q, the area %q", name, code, got, tmpl)
				}
				if got, _ := Template("fr", code); got != fr[i][code] {
					t.Errorf("%s: %q: the catalogue words it %q in French, the area %q", name, code, got, fr[i][code])
				}
			}
		}
	}
	if len(seen) < len(Codes())/2 {
		t.Errorf("%d codes in areas, %d in the catalogue", len(seen), len(Codes()))
	}
}
