package chromium

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestFind: an explicit program, then $GUIDE_CHROMIUM, then the PATH; what is not
// there is a *NotFoundError that says where it was looked for.
func TestFind(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "chromium")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other")
	if err := os.WriteFile(other, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, explicit, env, path, want string
	}{
		{"explicit first", other, exe, dir, other},
		{"then the environment", "", other, dir, other},
		{"then the PATH", "", "", dir, exe},
		{"explicit missing", filepath.Join(dir, "none"), "", dir, ""},
		{"environment missing", "", filepath.Join(dir, "none"), dir, ""},
		{"nothing on the PATH", "", "", t.TempDir(), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(Env, c.env)
			t.Setenv("PATH", c.path)
			got, err := Find(c.explicit)
			var nf *NotFoundError
			if c.want == "" {
				if !errors.As(err, &nf) || nf.Detail == "" {
					t.Fatalf("Find: %q, %v; want a NotFoundError", got, err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("Find: %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// TestServe: the site at its base path, the failures recorded except those ignored,
// the last answer of each path.
func TestServe(t *testing.T) {
	for _, c := range []struct {
		prefix, ok, missing string
	}{
		{"", "/sub/a.css", "/sub/none.css"},
		{"/base/", "/base/sub/a.css", "/base/none.css"},
	} {
		s, err := Serve("testdata/site", ServeOptions{Prefix: c.prefix, Ignore: []string{"/favicon.ico"}})
		if err != nil {
			t.Fatal(err)
		}
		for path, want := range map[string]int{c.ok: 200, c.missing: 404, "/favicon.ico": 404} {
			resp, err := http.Get(s.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("%q%s: HTTP %d, want %d", c.prefix, path, resp.StatusCode, want)
			}
			if got, ok := s.Answered(s.URL + path); !ok || got != want {
				t.Errorf("%q%s: Answered %d %v, want %d", c.prefix, path, got, ok, want)
			}
		}
		if got, want := s.Failures(), []string{c.missing + " (HTTP 404)"}; !slices.Equal(got, want) {
			t.Errorf("prefix %q: failures %q, want %q", c.prefix, got, want)
		}
		if _, ok := s.Answered("http://elsewhere.example" + c.ok); ok {
			t.Error("answered for another host")
		}
		s.Close()
	}
}
