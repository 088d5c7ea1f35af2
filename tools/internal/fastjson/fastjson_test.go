package fastjson

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestSameAsEncodingJSON: every kind of value the guide's data hold, and strings with
// each character encoding/json escapes, give its very bytes.
func TestSameAsEncodingJSON(t *testing.T) {
	cases := []struct {
		name string
		v    any
	}{
		{"nil", nil},
		{"true", true},
		{"false", false},
		{"int", 42},
		{"float", 1.5},
		{"plain", "Résumé of a plain text, with 55 000 $."},
		{"empty string", ""},
		{"quote", `say "hi"`},
		{"backslash", `a\b`},
		{"html", "<b>&amp;</b>"},
		{"controls", "line\nbreak\ttab\r\x00\x1f\b\f"},
		{"del", "a\x7fb"},
		{"line separator", "a\u2028b\u2029c"},
		{"invalid utf-8", "a\xffb\xe2\x80"},
		{"truncated e2", "\xe2\x80"},
		{"nil list", []any(nil)},
		{"empty list", []any{}},
		{"list", []any{"a", nil, true, 3, []any{"b"}}},
		{"nil map", map[string]any(nil)},
		{"map", map[string]any{"z": 1, "a": "x<y", "é": []any{}, "b": map[string]any{"k": nil}, "<": false}},
		{"other type", map[string]any{"m": map[string]string{"k": "v"}, "s": []string{"a"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := json.Marshal(c.v)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Marshal(c.v)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("Marshal = %s, %v; encoding/json %s", got, err, want)
			}
		})
	}
}

// TestRandomStrings: random strings over the characters that matter.
func TestRandomStrings(t *testing.T) {
	alphabet := []string{"a", "é", " ", "\"", "\\", "<", ">", "&", "\n", "\x01", "\x7f", "\u2028", "\u2029", "\xe2", "\x80", "\xa8", "\xff", "€"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var s string
		for range r.IntN(8) {
			s += alphabet[r.IntN(len(alphabet))]
		}
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, encoding/json %s", s, got, want)
		}
	}
}

// TestUnsupported: a value encoding/json refuses is refused.
func TestUnsupported(t *testing.T) {
	if _, err := Marshal(map[string]any{"f": func() {}}); err == nil {
		t.Error("a func marshalled")
	}
}
