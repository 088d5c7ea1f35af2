// submit-form/load.js — a data file loaded into the form: Go reads it into values
// (what the form cannot hold is named), the form is filled in, and its verdict shown.
(function (sf) {
  "use strict";
  var el = pageTools.el;

  sf.onLoad = function (f) {
    var input = f.$("sf-load-file");
    var out = f.$("sf-load-result");
    out.textContent = "";
    var file = input.files && input.files[0];
    if (!file) { out.appendChild(el("p", {}, f.S.load_none)); return; }
    file.text().then(function (text) {
      var res = JSON.parse(f.engine.load(f.kind, file.name, text, f.lang));
      if (res.error || !res.values) {
        out.appendChild(el("p", { "class": "sf-bad" }, f.fill("load_failed", { file: file.name, error: res.error || "" })));
        listDiagnostics(f, out, res.diagnostics || []);
        return;
      }
      sf.reset(f);
      sf.fillForm(f, res.values);
      f.idEdited = true;
      // A loaded file is a file to judge: its errors are shown at once.
      f.submitted = true;
      out.appendChild(el("p", {}, f.fill("loaded", { file: file.name })));
      if (res.dropped.length) { out.appendChild(el("p", {}, f.fill("dropped", { list: res.dropped.join(", ") }))); }
      if (res.comments) { out.appendChild(el("p", {}, f.fill("comments", { n: res.comments }))); }
      var errs = sf.errors(res);
      if (errs.length) {
        out.appendChild(el("p", {}, errs.length === 1 ? f.S.load_errors_one : f.fill("load_errors_many", { n: errs.length })));
        listDiagnostics(f, out, errs);
      }
      f.build();
    }, function (err) {
      out.appendChild(el("p", { "class": "sf-bad" }, f.fill("load_failed", { file: file.name, error: err.message })));
    });
  };

  function listDiagnostics(f, out, diags) {
    if (!diags.length) { return; }
    var ul = el("ul");
    diags.forEach(function (d) {
      var li = el("li");
      var where = d.line ? f.fill("line", { line: d.line }) + (d.key ? ", " : "") : "";
      li.appendChild(document.createTextNode(where));
      if (d.key) { li.appendChild(el("code", {}, d.key)); }
      li.appendChild(document.createTextNode(where || d.key ? " — " : ""));
      li.appendChild(sf.message(f, d));
      ul.appendChild(li);
    });
    out.appendChild(ul);
  }
})(submitForm);
