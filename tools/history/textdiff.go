package history

import "bytes"

// A commit usually changes one or two keys of a file: comparing two versions key by key
// as text first, and parsing only the keys whose text differs, costs a fraction of
// parsing both files whole (BenchmarkRead10k). The answer is the same as comparing the
// parsed files (TestCompareSameAsParse): equal text is an equal value as long as no key
// refers to another (anchors and aliases), and a file that is not a plain list of
// top-level keys is parsed whole, as before.

// topKeys splits a data file into its top-level keys' text: each key's line and the
// indented or "- " lines under it (comments and blank lines included, which the parsed
// comparison ignores and this one parses away). Leading comments and blank lines are no
// key's. ok is false when the file is not that simple shape — another line at column 0,
// a key twice, anchors or aliases (& or * anywhere), tabs, carriage returns, document
// markers, a byte order mark — or has no key: then it is parsed whole.
func topKeys(src []byte) (keys []keyText, ok bool) {
	if bytes.ContainsAny(src, "&*\t\r") || bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return nil, false
	}
	keys = make([]keyText, 0, 24)
	start := 0
	closeKey := func(end int) {
		if len(keys) > 0 {
			keys[len(keys)-1].text = src[start:end]
		}
	}
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n') + 1
		if end == 0 {
			end = len(src) - off
		}
		line := src[off : off+end]
		switch c := line[0]; {
		case c == ' ' || c == '\n' || c == '#':
			// under the current key, or before the first
		case c == '-' && len(keys) > 0 && (len(line) == 1 || line[1] == ' ' || line[1] == '\n'):
			// an item of a sequence not indented under its key
		default:
			n := keyLen(line)
			if n == 0 {
				return nil, false
			}
			k := string(line[:n])
			if _, dup := lookup(keys, k); dup {
				return nil, false
			}
			closeKey(off)
			start = off
			keys = append(keys, keyText{key: k})
		}
		off += end
	}
	closeKey(len(src))
	return keys, len(keys) > 0
}

// keyText is a top-level key and its text.
type keyText struct {
	key  string
	text []byte
}

// lookup finds key k's text (a file has a few dozen keys at most: a scan is faster
// than a map).
func lookup(keys []keyText, k string) ([]byte, bool) {
	for _, kt := range keys {
		if kt.key == k {
			return kt.text, true
		}
	}
	return nil, false
}

// keyLen is the length of the plain key that starts line ("key:" then a space or the
// line's end), or 0.
func keyLen(line []byte) int {
	i := 0
	for i < len(line) {
		c := line[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-') {
			i++
			continue
		}
		break
	}
	if i == 0 || i >= len(line) || line[i] != ':' {
		return 0
	}
	if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\n' {
		return 0
	}
	return i
}

// same is the print both versions get for a key whose text did not change.
var same = print{"": 1}

// compareText returns the two versions of an entry as diff and attribute read them,
// parsing only the keys whose text differs (each alone, by parseVersion: the reader's
// limits apply).
// ok is false when either file is not of the simple shape or a key's text does not
// parse alone: the caller then parses both whole.
func compareText(oldSrc, newSrc []byte) (old, cur *version, ok bool) {
	oldKeys, ok1 := topKeys(oldSrc)
	newKeys, ok2 := topKeys(newSrc)
	if !ok1 || !ok2 {
		return nil, nil, false
	}
	old = &version{prints: make(map[string]print, len(oldKeys))}
	cur = &version{prints: make(map[string]print, len(newKeys))}
	fill := func(v *version, keys, other []keyText) bool {
		v.keys = make([]string, len(keys))
		for i, kt := range keys {
			k := kt.key
			v.keys[i] = k
			if o, in := lookup(other, k); in && bytes.Equal(o, kt.text) {
				v.prints[k] = same
				if k != "archived" && k != "former_ids" {
					continue
				}
			}
			kv := parseVersion(kt.text)
			if len(kv.keys) != 1 || kv.keys[0] != k {
				return false // not one key alone: its text leans on the rest of the file
			}
			if v.prints[k] == nil {
				v.prints[k] = kv.prints[k]
			}
			v.archived = v.archived || kv.archived
			v.formerIDs = append(v.formerIDs, kv.formerIDs...)
		}
		return true
	}
	if !fill(old, oldKeys, newKeys) || !fill(cur, newKeys, oldKeys) {
		return nil, nil, false
	}
	return old, cur, true
}
