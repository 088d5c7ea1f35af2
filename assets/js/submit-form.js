// The online submission forms (layouts/submit-form/page.html: one page per kind of
// entry, named by data-kind). Every rule — what a valid entry is, how its YAML is
// written, what a loaded file holds — is Go: the packages webform, check, model and
// format compiled to validate.wasm (tools/wasm/validate), loaded on first need. This
// script only gathers the form's values, hands them to Go, and shows what Go says: the
// errors next to the fields and in the summary, the file. Nothing leaves the browser.
(function () {
  "use strict";

  var root = document.getElementById("sf");
  if (!root || typeof Go === "undefined" || typeof WebAssembly === "undefined") {
    return; // the <noscript> note and the how-to page remain
  }
  var S = JSON.parse(root.getAttribute("data-i18n"));
  var lang = root.getAttribute("data-lang");
  var kind = root.getAttribute("data-kind");
  var $ = function (id) { return document.getElementById(id); };
  var form = $("sf-form");
  var DEBOUNCE = 300; // ms after the last keystroke
  var MAX_URL = 8000; // longest GitHub link with the file in it

  var engine = null; // globalThis.guideForm, once Go runs
  var fields = {}; // model key → {required, max}
  var touched = {}; // data-path → true once the contributor has been there
  var submitted = false;
  var last = null; // the last result of build
  var idEdited = false;
  var timer = 0;

  // fill replaces {name} in a string of S with vars.name (page-tools.js).
  function fill(key, vars) { return pageTools.format(S[key], vars); }
  var el = pageTools.el;
  function setStatus(text) { $("sf-status").textContent = text; }
  function call(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    var out = JSON.parse(engine[name].apply(null, args));
    if (out && out.error && name !== "load") { throw new Error(out.error); }
    return out;
  }

  // ---- Start. The form takes typing at once; the WebAssembly program (7 MB) and the
  // corpus are fetched when the contributor first enters the form (focus anywhere in
  // #sf), with the download's progress shown (wasm-load.js), then everything typed so
  // far is checked.
  root.hidden = false;
  var started = 0;
  function start() {
    if (started) { return; }
    started = performance.now();
    root.setAttribute("data-state", "loading");
    var go = new Go();
    var bar = $("sf-progress");
    var instantiate = wasmLoad.bytes(root.getAttribute("data-wasm"), Number(root.getAttribute("data-wasm-size")), bar, function (p) {
      setStatus(fill("downloading", p));
    }).then(function (b) {
      setStatus(S.starting);
      return WebAssembly.instantiate(b, go.importObject);
    });
    var corpus = fetch(root.getAttribute("data-corpus")).then(function (r) {
      if (!r.ok) { throw new Error("corpus: HTTP " + r.status); }
      return r.text();
    });
    Promise.all([instantiate, corpus]).then(function (res) {
      go.run(res[0].instance); // main registers globalThis.guideForm, then waits
      engine = globalThis.guideForm;
      if (!engine) { throw new Error("validate.wasm did not start"); }
      call("init", res[1]);
      setup();
      // A file chosen while the program was downloading.
      if ($("sf-load-file").files.length) { onLoad(); }
      // The first check, on the form as filled so far (nothing is shown yet): also its timing.
      build();
      root.setAttribute("data-ready-ms", String(Math.round(performance.now() - started)));
      root.setAttribute("data-state", "ready");
      setStatus(S.ready);
    }).catch(function (err) {
      root.setAttribute("data-state", "failed");
      setStatus(fill("failed", { error: err && err.message ? err.message : String(err) }));
    });
  }
  root.addEventListener("focusin", start);
  // Enter in a field before the program runs must not send the page away.
  form.addEventListener("submit", function (e) { if (!engine) { e.preventDefault(); } });

  // ---- Paths: "title.en", "lessons[1].en", "metrics[0].label.fr", "themes".
  function fieldKey(path) {
    return path.replace(/\[(\d+|__N__)\]/g, "").replace(/\.(en|fr)$/, "");
  }
  function parsePath(path) {
    var out = [];
    path.replace(/([^.[\]]+)|\[(\d+)\]/g, function (m, name, index) {
      out.push(name !== undefined ? name : Number(index));
      return m;
    });
    return out;
  }
  function setIn(obj, path, value) {
    var parts = parsePath(path);
    var o = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      if (o[parts[i]] === undefined || o[parts[i]] === null) {
        o[parts[i]] = typeof parts[i + 1] === "number" ? [] : {};
      }
      o = o[parts[i]];
    }
    o[parts[parts.length - 1]] = value;
  }

  // ---- Set-up, once Go has said what the model holds.
  function setup() {
    var list = call("fields", kind);
    list.forEach(function (f) { fields[f.key] = f; });
    checkCoverage(list);
    markRequired(document);
    document.querySelectorAll("template[id^=sf-tpl-]").forEach(function (t) { markRequired(t.content); });
    form.querySelectorAll("input[data-path], textarea[data-path]").forEach(addCounter);
    // A required list starts with one item to fill in; the others with none.
    form.querySelectorAll("[data-list]").forEach(function (fs) {
      var key = fs.getAttribute("data-list");
      if (fields[key] && fields[key].required) { addItem(key, false); }
    });
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    form.addEventListener("focusout", function (e) {
      var p = e.target.getAttribute && e.target.getAttribute("data-path");
      if (p && !touched[p]) { touched[p] = true; schedule(); }
    });
    form.addEventListener("click", onClick);
    // Enter on a link of the summary moves the focus into the form before the key's
    // last events arrive there, which would submit the form: that Enter is not for it.
    var enterFrom = null;
    document.addEventListener("keydown", function (e) { if (e.key === "Enter") { enterFrom = e.target; } }, true);
    document.addEventListener("keyup", function (e) { if (e.key === "Enter") { enterFrom = null; } }, true);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (enterFrom && !form.contains(enterFrom)) { return; }
      submitted = true;
      clearTimeout(timer);
      build();
      $("sf-result").hidden = false;
      if (last && errors(last).length > 0) {
        $("sf-summary").focus();
      } else {
        $("sf-result-heading").focus();
      }
    });
    $("sf-summary").addEventListener("click", function (e) {
      var a = e.target.closest("a[href^='#']");
      if (!a) { return; }
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (!target) { return; }
      e.preventDefault();
      var focusable = target.matches("fieldset") ? target.querySelector("input, textarea, select") : target;
      (focusable || target).focus();
      target.scrollIntoView({ block: "center" });
    });
    $("sf-load-file").addEventListener("change", onLoad);
    $("sf-download").addEventListener("click", download);
    $("sf-copy").addEventListener("click", copy);
    document.querySelectorAll("[data-filter]").forEach(function (input) {
      input.addEventListener("input", function () { filter(input); });
    });
  }

  // checkCoverage: the form must have an input for every key of the model, and none for
  // a key it does not know. A mismatch is a bug of this page: said on the console.
  function checkCoverage(list) {
    var have = {};
    var collect = function (scope) {
      scope.querySelectorAll("[data-field]").forEach(function (e) { have[e.getAttribute("data-field")] = true; });
    };
    collect(form);
    document.querySelectorAll("template[id^=sf-tpl-]").forEach(function (t) { collect(t.content); });
    var missing = list.filter(function (f) { return !have[f.key]; }).map(function (f) { return f.key; });
    var extra = Object.keys(have).filter(function (k) { return !fields[k]; });
    root.setAttribute("data-missing", missing.join(" "));
    root.setAttribute("data-extra", extra.join(" "));
    if (missing.length || extra.length) {
      console.error("submit form: the model's keys without an input: " + missing.join(", ") + "; inputs for no key of the model: " + extra.join(", "));
    }
  }

  function markRequired(scope) {
    scope.querySelectorAll("[data-field]").forEach(function (c) {
      var f = fields[c.getAttribute("data-field")];
      // An item of a list (Lesson 1) is not itself required: its list is.
      if (!f || !f.required || c.matches(".sf-item > fieldset")) { return; }
      var label = c.matches("fieldset") ? c.querySelector("legend") : c.querySelector("label");
      if (label && !label.querySelector(".sf-req")) {
        label.appendChild(document.createTextNode(" "));
        label.appendChild(el("span", { "class": "sf-req" }, "(" + S.required + ")"));
      }
    });
  }

  // addCounter shows "n of max characters" under a text with a length limit.
  function addCounter(input) {
    var path = input.getAttribute("data-path");
    var f = fields[fieldKey(path)];
    if (!f || !f.max || input.type === "date" || input.type === "checkbox") { return; }
    var id = input.id + "-count";
    var p = el("p", { "class": "sf-count", id: id });
    input.parentNode.insertBefore(p, input.nextSibling);
    describe(input, id, true);
    var update = function () {
      var n = Array.from(input.value.trim()).length;
      p.textContent = fill(n > f.max ? "count_over" : "count", { n: n, max: f.max });
      p.classList.toggle("sf-over", n > f.max);
    };
    input.addEventListener("input", update);
    input.sfCount = update;
    update();
  }
  function describe(e, id, on) {
    var ids = (e.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids = ids.filter(function (x) { return x !== id; });
    if (on) { ids.push(id); }
    if (ids.length) { e.setAttribute("aria-describedby", ids.join(" ")); } else { e.removeAttribute("aria-describedby"); }
  }

  // ---- Lists of items (partners, lessons, metrics, links).
  function items(key) { return Array.from($("sf-items-" + key).children); }
  function addItem(key, focus) {
    var tpl = $("sf-tpl-" + key);
    var li = tpl.content.firstElementChild.cloneNode(true);
    $("sf-items-" + key).appendChild(li);
    renumber(key);
    li.querySelectorAll("input[data-path], textarea[data-path]").forEach(addCounter);
    if (focus) {
      var first = li.querySelector("input, textarea");
      if (first) { first.focus(); }
      setStatus(fill("added", { item: itemName(key, items(key).length - 1) }));
    }
    return li;
  }
  function itemName(key, i) { return fill("item_" + key, { n: i + 1 }); }
  // renumber gives each item of a list its index in ids, paths and legends.
  function renumber(key) {
    var re = new RegExp("(" + key + "(?:\\[|-))(\\d+|__N__)", "g");
    items(key).forEach(function (li, i) {
      var all = [li].concat(Array.from(li.querySelectorAll("*")));
      all.forEach(function (e) {
        ["id", "for", "name", "data-path", "aria-describedby"].forEach(function (a) {
          var v = e.getAttribute(a);
          if (v && v.indexOf(key) >= 0) { e.setAttribute(a, v.replace(re, "$1" + i)); }
        });
      });
      var name = itemName(key, i);
      var legend = li.querySelector("legend");
      if (legend) { legend.firstChild.textContent = name; }
      li.querySelector(".sf-remove").textContent = fill("remove", { item: name });
    });
  }
  function removeItem(li) {
    var key = li.parentNode.id.replace(/^sf-items-/, "");
    var i = items(key).indexOf(li);
    var name = itemName(key, i);
    li.remove();
    renumber(key);
    // Paths have moved: what was touched is judged again on the next check.
    Object.keys(touched).forEach(function (p) { if (p.indexOf(key + "[") === 0) { delete touched[p]; } });
    var rest = items(key);
    var next = rest[Math.min(i, rest.length - 1)];
    var focus = next ? next.querySelector("input, textarea") : form.querySelector("[data-add='" + key + "']");
    if (focus) { focus.focus(); }
    setStatus(fill("removed", { item: name }));
    schedule();
  }

  function onClick(e) {
    var add = e.target.closest("[data-add]");
    if (add) { addItem(add.getAttribute("data-add"), true); return; }
    var remove = e.target.closest(".sf-remove");
    if (remove) { removeItem(remove.closest(".sf-item")); }
  }

  function onEdit(e) {
    var t = e.target;
    var path = t.getAttribute && t.getAttribute("data-path");
    if (!path) { return; }
    if (t.type === "checkbox" && t.hasAttribute("value") && e.type === "change") { ticked(t); }
    touched[path] = true;
    if (path === "id" && e.type === "input") { idEdited = t.value.trim() !== ""; }
    // The id is made from the English title (a person's: from the name) until edited.
    if (path === (kind === "contacts" ? "name" : "title.en") && e.type === "input" && !idEdited) {
      $("sf-f-id").value = engine.suggestId(t.value);
    }
    schedule();
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(build, DEBOUNCE);
  }

  // ---- Values: the form as the JSON Go reads.
  function collect() {
    var v = {};
    form.querySelectorAll("fieldset.sf-checks").forEach(function (fs) {
      v[fs.getAttribute("data-path")] = [];
    });
    form.querySelectorAll("[data-list]").forEach(function (fs) {
      v[fs.getAttribute("data-list")] = [];
    });
    form.querySelectorAll("input[data-path], textarea[data-path], select[data-path]").forEach(function (e) {
      var path = e.getAttribute("data-path");
      if (e.hasAttribute("data-split")) { // ids typed in one box
        v[path] = e.value.split(/[\s,;]+/).filter(Boolean);
        return;
      }
      if (e.type === "checkbox") {
        if (e.hasAttribute("value")) {
          if (e.checked) { v[path].push(e.value); }
        } else {
          v[path] = e.checked;
        }
        return;
      }
      setIn(v, path, e.value);
    });
    // Codes and ids in the order they were ticked (or written in a loaded file).
    form.querySelectorAll("fieldset.sf-checks").forEach(function (fs) {
      var key = fs.getAttribute("data-path");
      var order = (fs.sfOrder || []).filter(function (x) { return v[key].indexOf(x) >= 0; });
      v[key] = order.concat(v[key].filter(function (x) { return order.indexOf(x) < 0; }));
    });
    return v;
  }

  // ---- Checking: Go builds the file and judges it; the page shows the verdict.
  function build() {
    if (!engine) { return; }
    try {
      last = call("build", kind, JSON.stringify(collect()), lang);
    } catch (err) {
      setStatus(fill("failed", { error: err.message }));
      return;
    }
    show(last);
  }
  function errors(res) {
    return (res.diagnostics || []).filter(function (d) { return d.severity === "error"; });
  }

  function target(key) {
    var k = key;
    while (k) {
      var e = form.querySelector("[data-path=\"" + k.replace(/"/g, "") + "\"]");
      if (e) { return e; }
      var m = k.match(/^(.*)(\[\d+\]|\.[^.[\]]+)$/);
      k = m ? m[1] : "";
    }
    return null;
  }
  function visible(e) {
    if (submitted) { return true; }
    var t = e.getAttribute("data-path");
    return Object.keys(touched).some(function (p) {
      return p === t || p.indexOf(t + ".") === 0 || p.indexOf(t + "[") === 0;
    });
  }
  function nameOf(e) {
    var text = function (node) {
      var c = node.cloneNode(true);
      c.querySelectorAll(".sf-req, .sf-error").forEach(function (x) { x.remove(); });
      return c.textContent.replace(/\s+/g, " ").trim();
    };
    if (e.matches("fieldset")) {
      var own = text(e.querySelector("legend"));
      var outer = e.parentNode.closest("fieldset.sf-group");
      return outer ? text(outer.querySelector("legend")) + " — " + own : own;
    }
    var label = form.querySelector("label[for=\"" + e.id + "\"]");
    var name = label ? text(label) : e.id;
    var group = e.closest("fieldset.sf-pair, fieldset.sf-group");
    return group ? nameOf(group) + " — " + name : name;
  }

  function clearErrors() {
    form.querySelectorAll(".sf-error").forEach(function (x) { x.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (x) {
      x.removeAttribute("aria-invalid");
      var ids = (x.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) { return !/-error\d*$/.test(id); });
      if (ids.length) { x.setAttribute("aria-describedby", ids.join(" ")); } else { x.removeAttribute("aria-describedby"); }
    });
  }

  function message(d, tag) {
    var m = el(tag || "span", {}, d.message);
    if (d.lang && d.lang !== lang) {
      m.setAttribute("lang", d.lang);
    }
    return m;
  }

  function show(res) {
    clearErrors();
    var list = $("sf-summary-list");
    list.textContent = "";
    var shown = 0;
    var count = {};
    errors(res).forEach(function (d) {
      var t = target(d.key);
      if (t && !visible(t)) { return; }
      shown++;
      var li = el("li");
      if (t) {
        var n = count[t.id] = (count[t.id] || 0) + 1;
        var errId = t.id + "-error" + n;
        var box = el("span", { "class": "sf-error", id: errId });
        box.appendChild(el("strong", {}, S.field_error + " "));
        box.appendChild(message(d));
        if (t.matches("fieldset")) {
          t.querySelector("legend").appendChild(box);
        } else {
          var p = el("p", { "class": "sf-error", id: errId });
          p.appendChild(box.firstChild);
          p.appendChild(box.firstChild);
          t.parentNode.insertBefore(p, t);
          t.setAttribute("aria-invalid", "true");
          describe(t, errId, true);
        }
        var a = el("a", { href: "#" + t.id });
        a.appendChild(document.createTextNode(nameOf(t) + (lang === "fr" ? "\u00a0: " : ": ")));
        a.appendChild(message(d));
        li.appendChild(a);
      } else {
        li.appendChild(message(d));
        var where = [];
        if (d.file) { where.push(fill("other_file", { file: d.file })); }
        if (d.line) { where.push(fill("line", { line: d.line })); }
        if (where.length) { li.appendChild(document.createTextNode(" (" + where.join(", ") + ")")); }
      }
      list.appendChild(li);
    });
    var warnings = (res.diagnostics || []).filter(function (d) { return d.severity !== "error"; });
    var wl = $("sf-warnings-list");
    wl.textContent = "";
    warnings.forEach(function (d) {
      var li = el("li");
      if (d.key) { li.appendChild(el("code", {}, d.key)); li.appendChild(document.createTextNode(" ")); }
      li.appendChild(message(d));
      wl.appendChild(li);
    });
    var showWarnings = warnings.length > 0 && (submitted || Object.keys(touched).length > 0);
    $("sf-warnings").hidden = !showWarnings;
    $("sf-summary-heading").textContent = shown === 1 ? S.summary_one : fill("summary_many", { n: shown });
    $("sf-summary-heading").hidden = shown === 0;
    $("sf-summary").hidden = shown === 0 && !showWarnings;
    $("sf-summary").classList.toggle("sf-warnings-only", shown === 0);
    showResult(res);
  }

  // ---- The file: preview, download, the repository's editor.
  function fileName(res) { return res.path.replace(/^.*\//, ""); }
  function showResult(res) {
    var n = errors(res).length;
    $("sf-yaml").textContent = res.yaml;
    $("sf-result-status").textContent = n === 0 ? S.valid : n === 1 ? S.invalid_one : fill("invalid_many", { n: n });
    $("sf-result-status").className = "sf-result-status " + (n === 0 ? "sf-ok" : "sf-bad");
    $("sf-save-as").textContent = fill("save_as", { path: res.path });
    var exists = $("sf-exists");
    exists.hidden = !res.exists;
    if (res.exists) { exists.textContent = fill("exists", { id: fileName(res).replace(/\.yaml$/, "") }); }
    var open = $("sf-open");
    var repo = root.getAttribute("data-repository");
    var branch = root.getAttribute("data-branch");
    var dir = res.path.replace(/\/[^/]*$/, "");
    var url = repo + "/new/" + encodeURIComponent(branch) + "/" + dir + "?filename=" + encodeURIComponent(fileName(res));
    var full = url + "&value=" + encodeURIComponent(res.yaml);
    var tooLong = full.length > MAX_URL;
    open.href = tooLong ? url : full;
    if (res.exists) {
      // A published project is changed in GitHub's editor of that file, which takes no text.
      open.href = repo + "/edit/" + encodeURIComponent(branch) + "/" + res.path;
    }
    open.hidden = n > 0;
    open.setAttribute("target", "_blank");
    open.setAttribute("rel", "noopener");
    $("sf-open-hint").hidden = n > 0;
    $("sf-too-long").hidden = n > 0 || !tooLong || res.exists;
    $("sf-exists-edit").hidden = n > 0 || !res.exists;
  }
  function download() {
    if (last) { pageTools.download(last.yaml, fileName(last), "application/yaml"); }
  }
  function copy() {
    if (!last) { return; }
    var done = function () { $("sf-copy-status").textContent = S.copied; };
    var failed = function () { $("sf-copy-status").textContent = S.copy_failed; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(last.yaml).then(done, failed);
    } else {
      failed();
    }
  }

  // ---- Loading a file into the form.
  function onLoad() {
    var input = $("sf-load-file");
    var out = $("sf-load-result");
    out.textContent = "";
    var file = input.files && input.files[0];
    if (!file) { out.appendChild(el("p", {}, S.load_none)); return; }
    file.text().then(function (text) {
      var res = call("load", kind, file.name, text, lang);
      if (res.error || !res.values) {
        out.appendChild(el("p", { "class": "sf-bad" }, fill("load_failed", { file: file.name, error: res.error || "" })));
        listDiagnostics(out, res.diagnostics || []);
        return;
      }
      reset();
      fillForm(res.values);
      idEdited = true;
      Object.keys(fields).forEach(function (k) { touched[k] = true; });
      form.querySelectorAll("[data-path]").forEach(function (e) { touched[e.getAttribute("data-path")] = true; });
      out.appendChild(el("p", {}, fill("loaded", { file: file.name })));
      if (res.dropped.length) { out.appendChild(el("p", {}, fill("dropped", { list: res.dropped.join(", ") }))); }
      if (res.comments) { out.appendChild(el("p", {}, fill("comments", { n: res.comments }))); }
      var errs = errors(res);
      if (errs.length) {
        out.appendChild(el("p", {}, errs.length === 1 ? S.load_errors_one : fill("load_errors_many", { n: errs.length })));
        listDiagnostics(out, errs);
      }
      build();
    }, function (err) {
      out.appendChild(el("p", { "class": "sf-bad" }, fill("load_failed", { file: file.name, error: err.message })));
    });
  }
  function listDiagnostics(out, diags) {
    if (!diags.length) { return; }
    var ul = el("ul");
    diags.forEach(function (d) {
      var li = el("li");
      var where = d.line ? fill("line", { line: d.line }) + (d.key ? ", " : "") : "";
      li.appendChild(document.createTextNode(where));
      if (d.key) { li.appendChild(el("code", {}, d.key)); }
      li.appendChild(document.createTextNode(where || d.key ? " — " : ""));
      li.appendChild(message(d));
      ul.appendChild(li);
    });
    out.appendChild(ul);
  }
  function reset() {
    form.querySelectorAll("[data-list]").forEach(function (fs) {
      $("sf-items-" + fs.getAttribute("data-list")).textContent = "";
    });
    form.querySelectorAll("li.sf-added").forEach(function (li) { li.remove(); });
    form.querySelectorAll("fieldset.sf-checks").forEach(function (fs) { fs.sfOrder = []; });
    form.querySelectorAll("input[data-path], textarea[data-path], select[data-path]").forEach(function (e) {
      if (e.type === "checkbox") { e.checked = false; } else { e.value = ""; }
    });
    touched = {};
  }
  function fillForm(values) {
    Object.keys(values).forEach(function (key) {
      var v = values[key];
      var list = form.querySelector("[data-list='" + key + "']");
      if (list) {
        (v || []).forEach(function (item, i) {
          addItem(key, false);
          fillValue(key + "[" + i + "]", item);
        });
        return;
      }
      var group = form.querySelector("fieldset.sf-checks[data-path='" + key + "']");
      if (group) {
        (v || []).forEach(function (code) { check(group, key, String(code)); });
        return;
      }
      fillValue(key, v);
    });
    form.querySelectorAll("input[data-path], textarea[data-path]").forEach(function (e) { if (e.sfCount) { e.sfCount(); } });
  }
  function fillValue(path, v) {
    var box = Array.isArray(v) && form.querySelector("[data-path='" + path + "'][data-split]");
    if (box) {
      box.value = v.join(" ");
      return;
    }
    if (v !== null && typeof v === "object") {
      Object.keys(v).forEach(function (k) { fillValue(path + "." + k, v[k]); });
      return;
    }
    var e = form.querySelector("[data-path='" + path + "']");
    if (!e) { return; }
    if (e.type === "checkbox") {
      e.checked = v === true;
    } else {
      if (e.tagName === "SELECT" && !Array.from(e.options).some(function (o) { return o.value === String(v); })) {
        e.appendChild(el("option", { value: String(v) }, String(v))); // the validator names it
      }
      e.value = String(v);
    }
  }
  // ticked keeps the order in which the boxes of a group were ticked.
  function ticked(box) {
    var fs = box.closest("fieldset.sf-checks");
    var order = (fs.sfOrder || []).filter(function (x) { return x !== box.value; });
    if (box.checked) { order.push(box.value); }
    fs.sfOrder = order;
  }
  // check ticks a code or id; one the page does not list gets its own box, so that
  // nothing of the file is lost and the validator can name it.
  function check(group, key, code) {
    var box = Array.from(group.querySelectorAll("input[type=checkbox]")).filter(function (b) { return b.value === code; })[0];
    if (!box) {
      var id = "sf-f-" + key + "-added-" + group.querySelectorAll("li.sf-added").length;
      var li = el("li", { "class": "sf-added" });
      box = el("input", { type: "checkbox", id: id, name: key, value: code, "data-path": key });
      li.appendChild(box);
      // A contact who is not published may still be in the guide: the page cannot
      // tell (docs/security.md), the review will.
      li.appendChild(el("label", { "for": id }, fill(key === "contacts" ? "unpublished_ref" : "unknown_ref", { id: code })));
      group.querySelector("ul").appendChild(li);
    }
    box.checked = true;
    ticked(box);
  }

  // ---- Filtering a long list of entries.
  function filter(input) {
    var norm = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
    var q = norm(input.value.trim());
    var ul = $("sf-options-" + input.getAttribute("data-filter"));
    var any = false;
    ul.querySelectorAll("li").forEach(function (li) {
      var hit = !q || norm(li.textContent).indexOf(q) >= 0 || li.querySelector("input:checked");
      li.hidden = !hit;
      any = any || hit;
    });
    setStatus(any ? "" : S.filter_none);
  }
})();
