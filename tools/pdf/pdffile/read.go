// The document-level reads: pages, named destinations, language, tags, outline.

package pdffile

import (
	"github.com/pssdc/guide-iad/tools/diag"
)

// Pages returns the page objects in order.
func (f *File) Pages() ([]ref, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, diag.Wrap(err, "pdffile_catalog", diag.A{"error": diag.Cause(err)})
	}
	var pages []ref
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		if depth > 64 {
			return diag.Errorf("pdffile_deep_page_tree", nil)
		}
		r, ok := v.(ref)
		if !ok {
			return diag.Errorf("pdffile_page_node_not_ref", nil)
		}
		d, err := f.dictAt(r)
		if err != nil {
			return err
		}
		if d["Type"] == name("Page") {
			pages = append(pages, r)
			return nil
		}
		kids, err := f.resolve(d["Kids"])
		if err != nil {
			return err
		}
		arr, ok := kids.([]any)
		if !ok {
			return diag.Errorf("pdffile_page_node_no_kids", nil)
		}
		for _, k := range arr {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root["Pages"], 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// Dests returns the named destinations (Chromium writes one for every element id that a
// link of the document targets) with their 1-based page numbers.
func (f *File) Dests() (map[string]int, error) {
	pages, err := f.Pages()
	if err != nil {
		return nil, err
	}
	pageNum := make(map[int]int, len(pages))
	for i, p := range pages {
		pageNum[p.num] = i + 1
	}
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	add := func(key string, v any) error {
		v, err := f.resolve(v)
		if err != nil {
			return err
		}
		if d, ok := v.(dict); ok {
			if v, err = f.resolve(d["D"]); err != nil {
				return err
			}
		}
		arr, ok := v.([]any)
		if !ok || len(arr) == 0 {
			return diag.Errorf("pdffile_dest_not_array", diag.A{"key": key})
		}
		r, ok := arr[0].(ref)
		if !ok {
			return diag.Errorf("pdffile_dest_no_page", diag.A{"key": key})
		}
		n, ok := pageNum[r.num]
		if !ok {
			return diag.Errorf("pdffile_dest_not_page", diag.A{"key": key, "num": r.num})
		}
		out[key] = n
		return nil
	}
	// PDF 1.1 style: a dictionary in the catalog (what Skia writes).
	if v, ok := root["Dests"]; ok {
		d, err := f.dictAt(v)
		if err != nil {
			return nil, err
		}
		for k, v := range d {
			if err := add(string(k), v); err != nil {
				return nil, err
			}
		}
	}
	// PDF 1.2 style: a name tree under /Names /Dests.
	if v, ok := root["Names"]; ok {
		names, err := f.dictAt(v)
		if err != nil {
			return nil, err
		}
		if tree, ok := names["Dests"]; ok {
			var walk func(v any, depth int) error
			walk = func(v any, depth int) error {
				if depth > 64 {
					return diag.Errorf("pdffile_deep_name_tree", nil)
				}
				node, err := f.dictAt(v)
				if err != nil {
					return err
				}
				if ns, ok := node["Names"]; ok {
					arr, _ := ns.([]any)
					for i := 0; i+1 < len(arr); i += 2 {
						k, _ := arr[i].(string)
						if err := add(k, arr[i+1]); err != nil {
							return err
						}
					}
				}
				if ks, ok := node["Kids"]; ok {
					arr, _ := ks.([]any)
					for _, k := range arr {
						if err := walk(k, depth+1); err != nil {
							return err
						}
					}
				}
				return nil
			}
			if err := walk(tree, 0); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Lang returns the document's language (the catalog's /Lang; Chromium copies the
// <html lang> of the page).
func (f *File) Lang() (string, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return "", err
	}
	v, err := f.resolve(root["Lang"])
	if err != nil {
		return "", err
	}
	s, _ := v.(string)
	return decodeText(s), nil
}

// Tagged reports whether the catalog marks the document as tagged (a structure tree
// and /MarkInfo /Marked true).
func (f *File) Tagged() (bool, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return false, err
	}
	mi, err := f.dictAt(root["MarkInfo"])
	if err != nil {
		return false, nil
	}
	_, hasTree := root["StructTreeRoot"]
	return mi["Marked"] == true && hasTree, nil
}

// OutlineItem is one bookmark of the document outline.
type OutlineItem struct {
	Title string
	Depth int // 0 for the top level
	se    any // the structure element it leads to (/SE), if any
}

// Outline returns the document outline (bookmarks) in order, depth first.
func (f *File) Outline() ([]OutlineItem, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	if _, ok := root["Outlines"]; !ok {
		return nil, nil
	}
	top, err := f.dictAt(root["Outlines"])
	if err != nil {
		return nil, err
	}
	var out []OutlineItem
	var walk func(first any, depth int) error
	walk = func(first any, depth int) error {
		if depth > 64 {
			return diag.Errorf("pdffile_deep_outline", nil)
		}
		for v, n := first, 0; v != nil; n++ {
			if n > 1_000_000 {
				return diag.Errorf("pdffile_outline_loop", nil)
			}
			item, err := f.dictAt(v)
			if err != nil {
				return err
			}
			t, _ := item["Title"].(string)
			out = append(out, OutlineItem{Title: decodeText(t), Depth: depth, se: item["SE"]})
			if c, ok := item["First"]; ok {
				if err := walk(c, depth+1); err != nil {
					return err
				}
			}
			v = item["Next"]
		}
		return nil
	}
	if first, ok := top["First"]; ok {
		if err := walk(first, 0); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// structTree is the document's structure tree root (the catalog's /StructTreeRoot).
func (f *File) structTree() (dict, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	return f.dictAt(root["StructTreeRoot"])
}

// StructLangs counts the elements of the structure tree of a tagged PDF by their /Lang
// ("" for the elements that have none: they take their parent's language).
func (f *File) StructLangs() (map[string]int, error) {
	tree, err := f.structTree()
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	seen := map[int]bool{}
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		if depth > 256 {
			return diag.Errorf("pdffile_deep_structure", nil)
		}
		if r, ok := v.(ref); ok {
			if seen[r.num] {
				return nil
			}
			seen[r.num] = true
		}
		v, err := f.resolve(v)
		if err != nil {
			return err
		}
		switch v := v.(type) {
		case []any:
			for _, k := range v {
				if err := walk(k, depth+1); err != nil {
					return err
				}
			}
		case dict:
			if v["Type"] == name("StructElem") || (v["Type"] == nil && v["S"] != nil) {
				s, _ := v["Lang"].(string)
				out[decodeText(s)]++
				return walk(v["K"], depth+1)
			}
		}
		return nil
	}
	return out, walk(tree["K"], 0)
}
