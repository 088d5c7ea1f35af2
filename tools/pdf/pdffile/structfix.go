// Taking marked content out of the structure tree: when a tagged sequence that paints
// nothing but a rule or a background becomes an artifact, its MCID leaves the /K of its
// structure element and its entry in the parent tree becomes null.

package pdffile

import "sort"

// structFix holds the structure objects changed so far, by object number.
type structFix struct {
	f       *File
	parents map[int]any // the parent tree
	changed map[int]any
}

func (f *File) newStructFix() *structFix {
	s := &structFix{f: f, parents: map[int]any{}, changed: map[int]any{}}
	if root, err := f.dictAt(f.trailer["Root"]); err == nil {
		if tree, err := f.dictAt(root["StructTreeRoot"]); err == nil {
			if f.numberTree(tree["ParentTree"], 0, s.parents) != nil {
				s.parents = map[int]any{}
			}
		}
	}
	return s
}

// current returns the value of object r as changed so far (a copy to change).
func (s *structFix) current(r ref) any {
	if v, ok := s.changed[r.num]; ok {
		return v
	}
	v, err := s.f.object(r.num)
	if err != nil {
		return nil
	}
	switch v := v.(type) {
	case dict:
		return clone(v)
	case []any:
		return append([]any(nil), v...)
	}
	return v
}

// remove takes MCID mcid of the page (its /StructParents sp) out of the structure tree;
// false when it cannot (no such entry, an element that would be left empty, a parent
// tree entry that is not an indirect array), and nothing is changed then.
func (s *structFix) remove(pg ref, sp, mcid int) bool {
	arrRef, ok := s.parents[sp].(ref)
	if !ok {
		return false
	}
	arr, ok := s.current(arrRef).([]any)
	if !ok || mcid < 0 || mcid >= len(arr) {
		return false
	}
	elRef, ok := arr[mcid].(ref)
	if !ok {
		return false
	}
	el, ok := s.current(elRef).(dict)
	if !ok {
		return false
	}
	kids := el["K"]
	kRef, indirect := kids.(ref)
	if indirect {
		kids = s.current(kRef)
	}
	list, ok := kids.([]any)
	if !ok {
		return false // a single kid: the element would be left empty
	}
	onPage := func(d dict) bool {
		if p, ok := d["Pg"]; ok {
			return p == pg
		}
		return el["Pg"] == pg
	}
	var kept []any
	for _, k := range list {
		switch k := k.(type) {
		case int:
			if k == mcid && onPage(el) {
				continue
			}
		case dict:
			if k["MCID"] == mcid && onPage(k) {
				continue
			}
		}
		kept = append(kept, k)
	}
	if len(kept) == len(list) || len(kept) == 0 {
		return false
	}
	if indirect {
		s.changed[kRef.num] = kept
	} else {
		el["K"] = kept
		s.changed[elRef.num] = el
	}
	arr[mcid] = nil
	s.changed[arrRef.num] = arr
	return true
}

// write replaces the changed objects.
func (s *structFix) write(e *editor) {
	nums := make([]int, 0, len(s.changed))
	for n := range s.changed {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		e.replace(n, valueBytes(s.changed[n]))
	}
}
