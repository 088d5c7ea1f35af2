package history

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCompareSameAsParse: comparing two versions key by key as text names the same
// fields, languages and archiving as parsing both whole, and leaves to the whole parse
// the files whose keys' text cannot be compared alone.
func TestCompareSameAsParse(t *testing.T) {
	base := "# a comment before the keys\n\nid: alpha\ntitle: {en: Alpha, fr: Alpha}\nsummary:\n  en: One.\n  fr: Un.\nthemes: [health]\nlessons:\n- {en: Start small., fr: Commencez petit.}\nreviewed: 2026-01-10\n"
	edit := func(pairs ...string) string { return strings.NewReplacer(pairs...).Replace(base) }
	tests := []struct {
		name, old, cur string
		text           bool // compared as text (false: parsed whole)
	}{
		{"french text", base, edit("fr: Un.", "fr: Un seul."), true},
		{"both languages", base, edit("en: One.", "en: Two.", "fr: Un.", "fr: Deux."), true},
		{"codes", base, edit("[health]", "[health, housing]"), true},
		{"comment only", base, edit("# a comment", "# another comment"), true},
		{"comment inside a key", base, edit("  fr: Un.\n", "  # why\n  fr: Un.\n"), true},
		{"layout only", base, edit("themes: [health]", "themes:\n  - health"), true},
		{"indentless list item", base, edit("Start small.", "Start smaller."), true},
		{"key added", base, base + "ended: 2026-05-01\n", true},
		{"key removed", base, edit("themes: [health]\n", ""), true},
		{"archived", base, base + "archived: {date: 2026-06-15, reason: {en: Ended., fr: Terminé.}}\n", true},
		{"former ids", base, edit("id: alpha", "id: beta\nformer_ids: [alpha]"), true},
		{"keys reordered", base, "id: alpha\nreviewed: 2026-01-10\ntitle: {en: Alpha, fr: Alpha}\nsummary:\n  en: One.\n  fr: Un.\nthemes: [health]\nlessons:\n- {en: Start small., fr: Commencez petit.}\n", true},
		{"no final line end", base, strings.TrimSuffix(base, "\n"), true},
		{"now unreadable", base, edit("[health]", "[health"), false},
		{"a key's text does not parse alone", base, edit("themes: [health]", "themes: [health,\nhousing]"), false},
		{"empty now", base, "", false},
		{"alias", base, edit("title: {en: Alpha, fr: Alpha}", "title: &t {en: Alpha, fr: Alpha}\nshort: *t"), false},
		{"key twice", base, base + "id: beta\n", false},
		{"tab", base, edit("  en: One.", "\ten: One."), false},
		{"carriage returns", base, strings.ReplaceAll(base, "\n", "\r\n"), false},
		{"byte order mark", base, "\xef\xbb\xbf" + base, false},
		{"document marker", base, "---\n" + base, false},
		{"quoted key", base, edit("id: alpha", `"id": alpha`), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wholeOld, wholeCur := parseVersion([]byte(tt.old)), parseVersion([]byte(tt.cur))
			want := describeDiff(wholeOld, wholeCur)
			old, cur, ok := compareText([]byte(tt.old), []byte(tt.cur))
			if ok != tt.text {
				t.Fatalf("compared as text: %v, want %v", ok, tt.text)
			}
			if !ok {
				return
			}
			if got := describeDiff(old, cur); got != want {
				t.Errorf("as text:\n%s\nparsed whole:\n%s", got, want)
			}
		})
	}
}

func describeDiff(old, cur *version) string {
	b, _ := json.Marshal(diff("projects", old, cur))
	return string(b) + " archived " + map[bool]string{true: "yes", false: "no"}[cur.archived && !old.archived] +
		" former " + strings.Join(cur.formerIDs, ",")
}

func TestTopKeys(t *testing.T) {
	keys, ok := topKeys([]byte("# c\nid: a\ntitle:\n  en: A\n# between\n\nthemes:\n- x\n- y\n"))
	var got []string
	for _, kt := range keys {
		got = append(got, kt.key+"="+string(kt.text))
	}
	want := []string{"id=id: a\n", "title=title:\n  en: A\n# between\n\n", "themes=themes:\n- x\n- y\n"}
	if !ok || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("keys %q, ok %v; want %q", got, ok, want)
	}
	for _, src := range []string{"", "# only a comment\n", "  id: a\n", "- a\n", "id:a\n", "id: a\n[b]\n", "id: a\nid: b\n"} {
		if _, ok := topKeys([]byte(src)); ok {
			t.Errorf("%q: split as keys", src)
		}
	}
}
