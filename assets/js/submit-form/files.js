// submit-form/files.js — the files of a submission: the one the form writes (preview,
// download, copy, the repository's editor, the message to the working group) and the
// files loaded to go with it (new contacts, practices, resources it cites), which Go
// checks together with it.
(function (sf) {
  "use strict";
  var el = pageTools.el;
  var MAX_URL = 8000; // longest GitHub link with the file in it

  function baseName(p) { return p.replace(/^.*\//, ""); }
  // withPath selects what stands for the file at p: its name is the contributor's own
  // file's, any character included.
  function withPath(p) { return "[data-with-path=\"" + CSS.escape(p) + "\"]"; }
  sf.withFiles = function (f) {
    return Object.keys(f.with).sort().map(function (p) { return f.with[p]; });
  };

  sf.showResult = function (f, res) {
    var $ = f.$;
    var n = sf.errors(res).length;
    $("sf-yaml").textContent = res.yaml;
    $("sf-result-status").textContent = n === 0 ? f.S.valid : n === 1 ? f.S.invalid_one : f.fill("invalid_many", { n: n });
    $("sf-result-status").className = "sf-result-status " + (n === 0 ? "sf-ok" : "sf-bad");
    $("sf-save-as").textContent = f.fill("save_as", { path: res.path });
    var exists = $("sf-exists");
    exists.hidden = !res.exists;
    if (res.exists) { exists.textContent = f.fill("exists", { id: baseName(res.path).replace(/\.yaml$/, "") }); }
    var open = $("sf-open");
    var repo = f.root.getAttribute("data-repository");
    var branch = f.root.getAttribute("data-branch");
    var dir = res.path.replace(/\/[^/]*$/, "");
    var url = repo + "/new/" + encodeURIComponent(branch) + "/" + dir + "?filename=" + encodeURIComponent(baseName(res.path));
    var full = url + "&value=" + encodeURIComponent(res.yaml);
    var tooLong = full.length > MAX_URL;
    open.href = tooLong ? url : full;
    if (res.exists) {
      // A published entry is changed in GitHub's editor of that file, which takes no text.
      open.href = repo + "/edit/" + encodeURIComponent(branch) + "/" + res.path;
    }
    open.hidden = n > 0;
    open.setAttribute("target", "_blank");
    open.setAttribute("rel", "noopener");
    $("sf-open-hint").hidden = n > 0;
    $("sf-too-long").hidden = n > 0 || !tooLong || res.exists;
    $("sf-exists-edit").hidden = n > 0 || !res.exists;
    showFiles(f, res, n);
  };

  // showFiles lists the files that go with this one, each with its download, and
  // prepares the message to the working group naming every file to attach.
  function showFiles(f, res, n) {
    var others = sf.withFiles(f);
    var list = f.$("sf-with-files");
    list.textContent = "";
    others.forEach(function (w) {
      var li = el("li");
      var b = el("button", { type: "button", "class": "button", "data-download": w.path }, f.fill("download_with", { file: baseName(w.path) }));
      li.appendChild(b);
      list.appendChild(li);
    });
    f.$("sf-with").hidden = others.length === 0;
    var mail = f.$("sf-mail");
    if (!mail) { return; }
    mail.closest(".sf-mail").hidden = n > 0;
    var names = [baseName(res.path)].concat(others.map(function (w) { return baseName(w.path); }));
    var subject = f.fill("mail_subject", { id: baseName(res.path).replace(/\.yaml$/, "") });
    var body = f.fill(names.length === 1 ? "mail_body_one" : "mail_body_many", { files: names.map(function (x) { return "- " + x; }).join("\n") });
    mail.href = "mailto:" + f.root.getAttribute("data-email") + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
    f.$("sf-mail-files").textContent = names.join(", ");
  }

  sf.download = function (f, p) {
    if (!f.last) { return; }
    if (!p || p === f.last.path) {
      pageTools.download(f.last.yaml, baseName(f.last.path), "application/yaml");
    } else if (f.with[p]) {
      pageTools.download(f.with[p].text, baseName(p), "application/yaml");
    }
  };
  sf.copy = function (f) {
    if (!f.last) { return; }
    var done = function () { f.$("sf-copy-status").textContent = f.S.copied; };
    var failed = function () { f.$("sf-copy-status").textContent = f.S.copy_failed; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(f.last.yaml).then(done, failed);
    } else {
      failed();
    }
  };

  // addWith reads the files chosen in a "goes with it" input (data-with: their kind),
  // ticks each in its group of references, and lists it with a button to take it out.
  sf.addWith = function (f, input) {
    var kind = input.getAttribute("data-with");
    var key = input.getAttribute("data-key");
    var group = f.$("sf-f-" + key);
    var out = f.$("sf-with-list-" + key);
    Array.from(input.files || []).forEach(function (file) {
      file.text().then(function (text) {
        var d = JSON.parse(f.engine.describe(kind, file.name, text, f.lang));
        if (d.error) {
          f.setStatus(f.fill("load_failed", { file: file.name, error: d.error }));
          return;
        }
        f.with[d.path] = { path: d.path, text: text };
        var box = sf.check(f, group, key, d.id, f.fill("with_ref", { label: d.label }), "sf-companion");
        box.setAttribute("data-with-path", d.path);
        if (!out.querySelector(withPath(d.path))) {
          var li = el("li", { "data-with-path": d.path });
          li.appendChild(document.createTextNode(baseName(d.path) + " "));
          li.appendChild(el("button", { type: "button", "class": "button sf-with-remove" }, f.fill("with_remove", { file: baseName(d.path) })));
          out.appendChild(li);
        }
        f.touched[key] = true;
        f.setStatus(f.fill("with_added", { file: baseName(d.path) }));
        f.schedule();
      });
    });
    input.value = "";
  };
  sf.removeWith = function (f, button) {
    var li = button.closest("li[data-with-path]");
    var p = li.getAttribute("data-with-path");
    delete f.with[p];
    var box = f.form.querySelector("input" + withPath(p));
    if (box) { box.closest("li").remove(); }
    var fs = li.closest("fieldset");
    li.remove();
    var focus = fs && fs.querySelector("input[type=file]");
    if (focus) { focus.focus(); }
    f.setStatus(f.fill("with_removed", { file: baseName(p) }));
    f.schedule();
  };
})(submitForm);
