//go:build js && wasm

// Command validate is the online submission form's engine in the browser
// (assets/js/submit-form.js): package webform — the validator's own rules, the model's
// shapes, guide fmt's layout — behind a small JavaScript API, globalThis.guideForm:
//
//	init(corpusJSON)                     → {error}
//	fields(kind)                         → ["id", "title", …, "metrics.label", …]
//	build(kind, valuesJSON, lang, withJSON) → {yaml, path, exists, diagnostics, error}
//	describe(kind, fileName, yamlText, lang) → {id, label, path, error}
//	validate(path, yamlText, lang)       → {diagnostics}
//	load(kind, fileName, yamlText, lang) → {values, dropped, comments, diagnostics, error}
//	suggestId(title)                     → an id made from a title (as guide new does)
//
// build checks the form's file with the files that go with it (withJSON: [{path, text}],
// optional), together (webform.Build); describe names such a file for the form.
// Every result is a JSON string. Diagnostics are {line, column, severity, key, message,
// lang, code, args}: the message worded in the page's language (`lang`, en or fr) from
// the validator's catalogue (tools/diag), compiled in, with the code and arguments it
// was worded from. When ready it calls globalThis.guideFormReady.
package main

import (
	"encoding/json"
	"path"
	"syscall/js"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/webform"
)

var form *webform.Form

// The catalogue's words this program shows: the checks' (tools/diag, areas.go; tools/wasmbuild's
// TestProgramsWordTheirCodes checks that they cover every code its packages name).
func init() { diag.Use(diag.Validator) }

// diagnostic is one finding as the page shows it.
type diagnostic struct {
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Key      string `json:"key"`
	Message  string `json:"message"`
	Lang     string `json:"lang"`
	Code     string `json:"code"`
	Args     diag.A `json:"args,omitempty"`
	File     string `json:"file,omitempty"`
}

func diagnostics(l diag.List, file, lang string) []diagnostic {
	out := []diagnostic{}
	if lang != "fr" {
		lang = "en"
	}
	for _, d := range webform.Worded(l, lang) {
		dd := diagnostic{Line: d.Line, Column: d.Column, Severity: string(d.Severity), Key: d.Key, Message: d.Message, Lang: lang, Code: d.Code, Args: d.Args}
		if d.File != file {
			dd.File = d.File
		}
		out = append(out, dd)
	}
	return out
}

func result(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": err.Error()})
	}
	return string(b)
}

func errorResult(err error) any { return result(map[string]string{"error": err.Error()}) }

func arg(args []js.Value, i int) string {
	if i < len(args) && args[i].Type() == js.TypeString {
		return args[i].String()
	}
	return ""
}

func main() {
	api := map[string]any{
		"init": js.FuncOf(func(_ js.Value, args []js.Value) any {
			f, err := webform.New([]byte(arg(args, 0)))
			if err != nil {
				return errorResult(err)
			}
			form = f
			return result(map[string]string{})
		}),
		"fields": js.FuncOf(func(_ js.Value, args []js.Value) any {
			kind, err := webform.Kind(arg(args, 0))
			if err != nil {
				return errorResult(err)
			}
			return result(webform.Fields(kind))
		}),
		"build": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if form == nil {
				return result(map[string]string{"error": "not initialised"})
			}
			kind, err := webform.Kind(arg(args, 0))
			if err != nil {
				return errorResult(err)
			}
			var values map[string]any
			if err := json.Unmarshal([]byte(arg(args, 1)), &values); err != nil {
				return errorResult(err)
			}
			var with []webform.File
			if s := arg(args, 3); s != "" {
				if err := json.Unmarshal([]byte(s), &with); err != nil {
					return errorResult(err)
				}
			}
			res, err := form.Build(kind, values, with)
			if err != nil {
				return errorResult(err)
			}
			return result(map[string]any{
				"yaml":        string(res.YAML),
				"path":        res.Path,
				"exists":      res.Exists,
				"diagnostics": diagnostics(res.Diagnostics, res.Path, arg(args, 2)),
			})
		}),
		"describe": js.FuncOf(func(_ js.Value, args []js.Value) any {
			kind, err := webform.Kind(arg(args, 0))
			if err != nil {
				return errorResult(err)
			}
			name := path.Base(arg(args, 1))
			id, label, err := webform.Describe(kind, name, arg(args, 2), arg(args, 3))
			if err != nil {
				return errorResult(err)
			}
			return result(map[string]string{"id": id, "label": label, "path": "data/" + kind.Dir + "/" + name})
		}),
		"validate": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if form == nil {
				return result(map[string]string{"error": "not initialised"})
			}
			p := arg(args, 0)
			return result(map[string]any{"diagnostics": diagnostics(form.Validate(p, []byte(arg(args, 1))), p, arg(args, 2))})
		}),
		"load": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if form == nil {
				return result(map[string]string{"error": "not initialised"})
			}
			kind, err := webform.Kind(arg(args, 0))
			if err != nil {
				return errorResult(err)
			}
			name, src := path.Base(arg(args, 1)), []byte(arg(args, 2))
			p := "data/" + kind.Dir + "/" + name
			res := map[string]any{"diagnostics": diagnostics(form.Validate(p, src), p, arg(args, 3))}
			values, dropped, err := webform.FromYAML(kind, src)
			if err != nil {
				res["error"] = diag.Cause(err).Text(arg(args, 3))
				return result(res)
			}
			if dropped == nil {
				dropped = []string{}
			}
			res["values"], res["dropped"], res["comments"] = values, dropped, webform.Comments(src)
			return result(res)
		}),
		"suggestId": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return model.Slug(arg(args, 0))
		}),
	}
	js.Global().Set("guideForm", js.ValueOf(api))
	if ready := js.Global().Get("guideFormReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
