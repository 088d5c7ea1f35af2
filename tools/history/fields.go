package history

import (
	"hash/fnv"
	"slices"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// print is the fingerprint of one top-level value: a hash of its text in each language
// (under en and fr keys, at any depth) and one of everything else.
type print map[string]uint64 // "" (codes, dates, structure), "en", "fr"

// version is one parsed version of a data file: its keys' fingerprints, in file order.
type version struct {
	keys      []string
	prints    map[string]print
	archived  bool
	formerIDs []string // former_ids, as written
}

// parseBlob parses a blob whole (an unreadable or missing one has no keys).
func parseBlob(blobs map[string][]byte, blob string) *version {
	if src, ok := blobs[blob]; ok {
		return parseVersion(src)
	}
	return &version{prints: map[string]print{}}
}

// comparePairs returns, for each change that is neither an addition nor a removal, the
// versions before and after it, on all cores: key by key as text (compareText), or
// both files parsed whole when that cannot say.
func comparePairs(raw []rawChange, blobs map[string][]byte) [][2]*version {
	pairs := make([][2]*version, len(raw))
	check.Parallel(len(raw), func(i int) {
		c := raw[i]
		if c.status == 'A' || c.status == 'D' {
			return
		}
		oldSrc, ok1 := blobs[c.oldBlob]
		newSrc, ok2 := blobs[c.newBlob]
		if ok1 && ok2 {
			if old, cur, ok := compareText(oldSrc, newSrc); ok {
				pairs[i] = [2]*version{old, cur}
				return
			}
		}
		pairs[i] = [2]*version{parseBlob(blobs, c.oldBlob), parseBlob(blobs, c.newBlob)}
	})
	return pairs
}

func parseVersion(src []byte) *version {
	f := corpus.Parse("history.yaml", src)
	v := &version{prints: map[string]print{}}
	if f.Err() != nil || f.Root == nil {
		return v
	}
	for i := 0; i+1 < len(f.Root.Content); i += 2 {
		k := f.Root.Content[i].Value
		if _, dup := v.prints[k]; dup {
			continue
		}
		p := print{}
		hashes := map[string]hasher{}
		fingerprint(f.Root.Content[i+1], "", hashes)
		for lang, h := range hashes {
			p[lang] = h.Sum64()
		}
		v.keys = append(v.keys, k)
		v.prints[k] = p
		switch val := f.Root.Content[i+1]; {
		case k == "archived" && val.Kind == yaml.MappingNode:
			v.archived = true
		case k == "former_ids" && val.Kind == yaml.SequenceNode:
			for _, item := range val.Content {
				if item.Kind == yaml.ScalarNode && model.ValidID(item.Value) {
					v.formerIDs = append(v.formerIDs, item.Value)
				}
			}
		}
	}
	return v
}

type hasher interface {
	Write([]byte) (int, error)
	Sum64() uint64
}

// fingerprint adds n to the hash of its language (lang, or "" outside text).
func fingerprint(n *yaml.Node, lang string, hashes map[string]hasher) {
	h := hashes[lang]
	if h == nil {
		h = fnv.New64a()
		hashes[lang] = h
	}
	h.Write([]byte{byte(n.Kind)})
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			sub := lang
			if lang == "" && (k == "en" || k == "fr") {
				sub = k
			}
			h.Write([]byte(k + "\x00"))
			fingerprint(n.Content[i+1], sub, hashes)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			fingerprint(c, lang, hashes)
		}
		h.Write([]byte{0xff})
	default:
		h.Write([]byte(n.Tag + "\x00" + n.Value + "\x00"))
	}
}

// diff names the keys of the model (in its order) whose values differ between two
// versions of an entry of the kind in folder dir, with the languages of changed text.
// An unreadable version counts as different in every key the other has.
func diff(dir string, old, cur *version) []Field {
	kind, _ := model.KindByDir(dir)
	spec := model.MustSpec(kind.New())
	fields := []Field{}
	for _, key := range spec.Keys() {
		a, inOld := old.prints[key]
		b, inCur := cur.prints[key]
		if !inOld && !inCur {
			continue
		}
		if inOld && inCur && a[""] == b[""] && a["en"] == b["en"] && a["fr"] == b["fr"] {
			continue
		}
		f := Field{Key: key}
		for _, lang := range model.Languages {
			if a[lang] != b[lang] {
				f.Langs = append(f.Langs, lang)
			}
		}
		fields = append(fields, f)
	}
	return fields
}

// attribute turns the raw changes (newest first) into changes of today's entries,
// following renames back in time: a file renamed from A to B carries B's id into A's
// older changes; a path deleted, or before it was added, belongs to no entry of today.
func attribute(raw []rawChange, blobs map[string][]byte) []Change {
	parsed := map[string]*version{}
	get := func(blob string) *version { // a whole file, parsed once
		v, ok := parsed[blob]
		if !ok {
			v = parseBlob(blobs, blob)
			parsed[blob] = v
		}
		return v
	}
	raw = declaredRenames(raw, get)
	pairs := comparePairs(raw, blobs)
	// owner maps a path (relative to data/) to today's entry "dir/id", "" for none.
	owner := map[string]string{}
	ownerOf := func(path string) string {
		if o, seen := owner[path]; seen {
			return o
		}
		return path // not seen yet going back: the file as it is today
	}
	out := []Change{}
	for i, c := range raw {
		var who string
		switch c.status {
		case 'D':
			owner[c.oldPath] = "" // older changes of this path belong to a removed entry
			continue
		case 'R':
			who = ownerOf(c.newPath)
			owner[c.newPath] = ""
			owner[c.oldPath] = who
		default:
			who = ownerOf(c.newPath)
			if c.status == 'A' {
				owner[c.newPath] = ""
			}
		}
		dir, id, ok := entryPath(who)
		if !ok || c.newPath == "" {
			continue
		}
		ch := Change{Date: c.date, Commit: c.commit, Kind: dir, ID: id}
		switch c.status {
		case 'A':
			ch.Change, ch.Fields = Added, []Field{}
		default:
			old, cur := pairs[i][0], pairs[i][1]
			ch.Fields = diff(dir, old, cur)
			ch.Change = Updated
			if cur.archived && !old.archived {
				ch.Change = Archived
			}
			if len(ch.Fields) == 0 && c.status != 'R' {
				continue // only comments or layout changed
			}
		}
		out = append(out, ch)
	}
	return out
}

// declaredRenames makes a rename of a file removed and a file added in one commit when
// the added one lists the removed one's id in former_ids: git's rename detection misses
// small files whose id line changed.
func declaredRenames(raw []rawChange, get func(blob string) *version) []rawChange {
	out := make([]rawChange, 0, len(raw))
	for start := 0; start < len(raw); {
		end := start
		for end < len(raw) && raw[end].commit == raw[start].commit {
			end++
		}
		group := slices.Clone(raw[start:end])
		removed := map[string]int{}
		for i, c := range group {
			if c.status == 'D' {
				removed[c.oldPath] = i
			}
		}
		merged := map[int]bool{}
		for j, c := range group {
			dir, _, ok := entryPath(c.newPath)
			if c.status != 'A' || !ok || len(removed) == 0 {
				continue
			}
			for _, f := range get(c.newBlob).formerIDs {
				if i, found := removed[dir+"/"+f+".yaml"]; found && !merged[i] {
					merged[i] = true
					group[j].status, group[j].oldPath, group[j].oldBlob = 'R', group[i].oldPath, group[i].oldBlob
					break
				}
			}
		}
		for i, c := range group {
			if !merged[i] {
				out = append(out, c)
			}
		}
		start = end
	}
	return out
}
