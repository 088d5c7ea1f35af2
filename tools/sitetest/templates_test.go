package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template/parse"
)

// safeFuncs mark a value as trusted HTML, attribute, CSS, JS or URL: Hugo then writes it
// unescaped. Applied to data, they let a submission inject markup.
var safeFuncs = map[string]bool{
	"safeHTML": true, "safeHTMLAttr": true, "safeCSS": true, "safeJS": true, "safeJSStr": true, "safeURL": true,
	"safe.HTML": true, "safe.HTMLAttr": true, "safe.CSS": true, "safe.JS": true, "safe.JSStr": true, "safe.URL": true,
}

// safeAllowed are the only places a safe function may be used, by file and the exact
// pipeline it is used in, each with the reason it marks no data.
var safeAllowed = map[string]string{
	`sitemap.xml: printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML`: "a constant XML declaration, which html/template would otherwise escape",
	`_partials/opendata/atom.html: printf "<?xml version=\"1.0\" encoding=\"utf-8\"?>" | safeHTML`:   "a constant XML declaration",
	`home.changesfeed.xml: printf "<?xml version=\"1.0\" encoding=\"utf-8\"?>" | safeHTML`:           "a constant XML declaration (the feed of changes)",
	`_partials/print/md.html: return safeHTML $h`: "the HTML of _partials/markdown.html (goldmark with raw HTML off) or of an editorial page's .Content, " +
		"with heading levels, id prefixes and hrefs rewritten from values goldmark already escaped",
}

// markdownFuncs render Markdown; RenderString also runs shortcodes.
var markdownFuncs = map[string]bool{"RenderString": true, "markdownify": true, "transform.Markdownify": true, "RenderShortcodes": true}

const markdownPartial = "_partials/markdown.html"

// TestTemplatesMarkNoDataSafe parses every template under layouts/ and fails on a safe
// function outside safeAllowed, and on Markdown rendering outside the one partial that
// neutralises shortcodes (docs/security.md, "Markup and text").
func TestTemplatesMarkNoDataSafe(t *testing.T) {
	root := filepath.Join(repo, "layouts")
	used := map[string]bool{}
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		files++
		for _, use := range templateCalls(t, rel, string(src)) {
			switch {
			case safeFuncs[use.name]:
				key := rel + ": " + use.pipe
				if _, ok := safeAllowed[key]; !ok {
					t.Errorf("%s: %s marks a value as safe: %s\n\tbuild the element in the template so that Hugo escapes the data (or, for a constant, add it to safeAllowed with a reason)", rel, use.name, use.pipe)
				}
				used[key] = true
			case markdownFuncs[use.name] && rel != markdownPartial:
				t.Errorf("%s: %s renders Markdown outside %s: %s\n\tcall partial %q (dict \"page\" … \"md\" …)", rel, use.name, markdownPartial, use.pipe, "markdown.html")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("only %d templates under %s", files, root)
	}
	for key := range safeAllowed {
		if !used[key] {
			t.Errorf("safeAllowed entry no longer used; remove it: %s", key)
		}
	}
}

// TestAdaptersGiveNoContent: pages made from data have no content (Hugo would render it
// with shortcodes); their text reaches the page through markdown.html only.
func TestAdaptersGiveNoContent(t *testing.T) {
	dirs := []string{filepath.Join(repo, "layouts", "_partials", "adapters")}
	for _, lang := range []string{"en", "fr"} {
		matches, _ := filepath.Glob(filepath.Join(repo, "content", lang, "*", "_content.gotmpl"))
		dirs = append(dirs, matches...)
	}
	n := 0
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			src, _ := os.ReadFile(path)
			n++
			if strings.Contains(string(src), `"content"`) {
				t.Errorf("%s: an adapter page gets \"content\"; pages from data/ have none (render data Markdown with partial markdown.html)", path)
			}
			return nil
		})
	}
	if n < 5 {
		t.Fatalf("only %d adapter files found", n)
	}
}

type call struct{ name, pipe string }

// templateCalls lists every function or method named in safeFuncs or markdownFuncs that
// the template calls, with the pipeline it is called in.
func templateCalls(t *testing.T, name, src string) []call {
	t.Helper()
	trees := map[string]*parse.Tree{}
	tr := parse.New(name)
	tr.Mode = parse.SkipFuncCheck | parse.ParseComments
	if _, err := tr.Parse(src, "{{", "}}", trees); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []call
	var walk func(n parse.Node, pipe string)
	walkPipe := func(p *parse.PipeNode) {
		if p != nil {
			walk(p, p.String())
		}
	}
	walk = func(n parse.Node, pipe string) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c, pipe)
				}
			}
		case *parse.ActionNode:
			walkPipe(n.Pipe)
		case *parse.IfNode:
			walkPipe(n.Pipe)
			walk(n.List, pipe)
			if n.ElseList != nil {
				walk(n.ElseList, pipe)
			}
		case *parse.RangeNode:
			walkPipe(n.Pipe)
			walk(n.List, pipe)
			if n.ElseList != nil {
				walk(n.ElseList, pipe)
			}
		case *parse.WithNode:
			walkPipe(n.Pipe)
			walk(n.List, pipe)
			if n.ElseList != nil {
				walk(n.ElseList, pipe)
			}
		case *parse.TemplateNode:
			walkPipe(n.Pipe)
		case *parse.PipeNode:
			for _, c := range n.Cmds {
				walk(c, pipe)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a, pipe)
			}
		case *parse.IdentifierNode:
			if safeFuncs[n.Ident] || markdownFuncs[n.Ident] {
				out = append(out, call{n.Ident, pipe})
			}
		case *parse.ChainNode:
			if id, ok := n.Node.(*parse.IdentifierNode); ok && len(n.Field) > 0 {
				full := id.Ident + "." + n.Field[0]
				if safeFuncs[full] || markdownFuncs[full] {
					out = append(out, call{full, pipe})
				}
			}
			for _, f := range n.Field {
				if markdownFuncs[f] {
					out = append(out, call{f, pipe})
				}
			}
			walk(n.Node, pipe)
		case *parse.FieldNode:
			for _, f := range n.Ident {
				if markdownFuncs[f] {
					out = append(out, call{f, pipe})
				}
			}
		case *parse.VariableNode:
			for _, f := range n.Ident[1:] {
				if markdownFuncs[f] {
					out = append(out, call{f, pipe})
				}
			}
		}
	}
	for _, tree := range trees {
		if tree.Root != nil {
			walk(tree.Root, "")
		}
	}
	return out
}
