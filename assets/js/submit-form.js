// The online submission forms (layouts/submit-form/page.html: one page per kind of
// entry, named by data-kind). Every rule — what a valid entry is, how its YAML is
// written, what a loaded file holds — is Go: the packages webform, check, model and
// format compiled to validate.wasm (tools/wasm/validate, loaded on first need). The scripts only
// gather the form's values, hand them to Go, and show what Go says: the errors next to
// the fields and in the summary, the files. Nothing leaves the browser.
//
// Bundled in this order (asset.html): page-tools.js, then submit-form/engine.js (how
// the program is loaded: submitForm.loadEngine), values.js (the form's values),
// lists.js (required marks, counters, lists of items), diagnostics.js (errors and
// warnings), files.js (the result, the files that go with it), load.js (a file loaded
// into the form), and this file, which starts the form and wires its events. The form
// takes typing at once; the checks start when the program is ready.
(function (sf) {
  "use strict";

  var root = document.getElementById("sf");
  if (!root || typeof Go === "undefined" || typeof WebAssembly === "undefined") {
    return; // the <noscript> note and the how-to page remain
  }
  var DEBOUNCE = 300; // ms after the last keystroke
  var $ = function (id) { return document.getElementById(id); };
  var S = JSON.parse(root.getAttribute("data-i18n"));
  var f = {
    root: root, form: $("sf-form"), S: S, $: $,
    lang: root.getAttribute("data-lang"), kind: root.getAttribute("data-kind"),
    engine: null, // globalThis.guideForm, once Go runs
    fields: {}, // model key → {required, max}
    edited: {}, // data-path → true once the contributor has changed it
    touched: {}, // data-path → true once edited and left: its errors are shown
    submitted: false, // asked for the file: every error is shown, and the summary
    last: null, // the last result of build
    with: {}, // path → {path, text}: the files that go with this one
    idEdited: false,
    timer: 0,
  };
  // fill replaces {name} in a string of S with vars.name (page-tools.js).
  f.fill = function (key, vars) { return pageTools.format(S[key], vars); };
  // count words n with KEY_one where the page's language says "one" of n (French: 0
  // and 1, « 1 caractère »), with KEY otherwise.
  var plural = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(f.lang) : null;
  f.count = function (key, n, vars) {
    var one = plural ? plural.select(n) === "one" : n === 1;
    return f.fill(one && S[key + "_one"] ? key + "_one" : key, vars);
  };
  f.setStatus = function (text) { $("sf-status").textContent = text; };
  f.schedule = function () {
    clearTimeout(f.timer);
    f.timer = setTimeout(build, DEBOUNCE);
  };
  f.build = build;

  // ---- Start: the form takes typing at once. The program (7 MB) is fetched when the
  // contributor first enters the form (focus anywhere in #sf), its download shown; then
  // Go checks what was typed, and reads a file chosen meanwhile.
  root.hidden = false;
  sections();
  wire();
  var started = 0;
  function start() {
    if (started) { return; }
    started = performance.now();
    root.setAttribute("data-state", "loading");
    sf.loadEngine(root, function (p) { f.setStatus(f.fill("downloading", p)); }, function () { f.setStatus(S.starting); }).then(function (engine) {
      f.engine = engine;
      ready();
      if ($("sf-load-file").files.length) { sf.onLoad(f); }
      root.setAttribute("data-ready-ms", String(Math.round(performance.now() - started)));
      root.setAttribute("data-state", "ready");
      f.setStatus(S.ready);
    }).catch(function (err) {
      root.setAttribute("data-state", "failed");
      f.setStatus(f.fill("failed", { error: err && err.message ? err.message : String(err) }));
    });
  }
  root.addEventListener("focusin", start);

  // sections lists the form's sections as links at its top, so that the keyboard can
  // skip to the one it wants (and to the button that checks the form).
  function sections() {
    var ul = $("sf-sections-list");
    f.form.querySelectorAll("h2").forEach(function (h, i) {
      if (!h.id) { h.id = "sf-sec-" + i; }
      h.setAttribute("tabindex", "-1");
      var li = pageTools.el("li");
      li.appendChild(pageTools.el("a", { href: "#" + h.id }, h.textContent));
      ul.appendChild(li);
    });
    $("sf-sections").hidden = false;
  }

  function parse(out) {
    var v = JSON.parse(out);
    if (v && v.error) { throw new Error(v.error); }
    return v;
  }

  // ready: Go says what the model holds; the form marks what is required and counts
  // characters, and makes its first check (nothing is shown yet: also its timing).
  function ready() {
    var list = parse(f.engine.fields(f.kind));
    list.forEach(function (x) { f.fields[x.key] = x; });
    checkCoverage(list);
    sf.markRequired(f, document);
    document.querySelectorAll("template[id^=sf-tpl-]").forEach(function (t) { sf.markRequired(f, t.content); });
    f.form.querySelectorAll("input[data-path], textarea[data-path]").forEach(function (e) { sf.addCounter(f, e); });
    // A required list starts with one item to fill in; the others with none.
    f.form.querySelectorAll("[data-list]").forEach(function (fs) {
      var key = fs.getAttribute("data-list");
      if (f.fields[key] && f.fields[key].required && !$("sf-items-" + key).children.length) { sf.addItem(f, key, false); }
    });
    suggestId();
    build();
  }

  // checkCoverage: the form must have an input for every key of the model, and none for
  // a key it does not know. A mismatch is a bug of this page: said on the console.
  function checkCoverage(list) {
    var have = {};
    var collect = function (scope) {
      scope.querySelectorAll("[data-field]").forEach(function (e) { have[e.getAttribute("data-field")] = true; });
    };
    collect(f.form);
    document.querySelectorAll("template[id^=sf-tpl-]").forEach(function (t) { collect(t.content); });
    var missing = list.filter(function (x) { return !have[x.key]; }).map(function (x) { return x.key; });
    var extra = Object.keys(have).filter(function (k) { return !f.fields[k]; });
    root.setAttribute("data-missing", missing.join(" "));
    root.setAttribute("data-extra", extra.join(" "));
    if (missing.length || extra.length) {
      console.error("submit form: the model's keys without an input: " + missing.join(", ") + "; inputs for no key of the model: " + extra.join(", "));
    }
  }

  function wire() {
    var form = f.form;
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    // A field is judged once edited and left; a list or group once changed.
    form.addEventListener("focusout", function (e) {
      var p = e.target.getAttribute && e.target.getAttribute("data-path");
      if (p && f.edited[p] && !f.touched[p]) { f.touched[p] = true; f.schedule(); }
    });
    form.addEventListener("click", function (e) {
      var add = e.target.closest("[data-add]");
      if (add) { sf.addItem(f, add.getAttribute("data-add"), true); return; }
      var remove = e.target.closest(".sf-remove");
      if (remove) { sf.removeItem(f, remove.closest(".sf-item")); return; }
      var out = e.target.closest(".sf-with-remove");
      if (out) { sf.removeWith(f, out); }
    });
    // Enter in a box is not "check the whole form": only the button is.
    var noEnter = function (e) {
      if (e.key === "Enter" && e.target.matches("input:not([type=submit]):not([type=button])")) { e.preventDefault(); }
    };
    form.addEventListener("keydown", noEnter);
    form.addEventListener("keypress", noEnter);
    // Enter on a link of the summary moves the focus into the form before the key's
    // last events arrive there, which would submit the form: that Enter is not for it.
    var enterFrom = null;
    document.addEventListener("keydown", function (e) { if (e.key === "Enter") { enterFrom = e.target; } }, true);
    document.addEventListener("keyup", function (e) { if (e.key === "Enter") { enterFrom = null; } }, true);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (enterFrom && !form.contains(enterFrom)) { return; }
      if (!f.engine) { f.setStatus(S.not_ready); return; }
      f.submitted = true;
      clearTimeout(f.timer);
      build();
      $("sf-result").hidden = false;
      $(f.last && sf.errors(f.last).length > 0 ? "sf-summary" : "sf-result-heading").focus();
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
    $("sf-load-file").addEventListener("change", function () { whenReady(function () { sf.onLoad(f); }); });
    form.querySelectorAll("input[data-with]").forEach(function (input) {
      input.addEventListener("change", function () { whenReady(function () { sf.addWith(f, input); }); });
    });
    $("sf-result").addEventListener("click", function (e) {
      var d = e.target.closest("#sf-download, [data-download]");
      if (d) { sf.download(f, d.getAttribute("data-download")); }
    });
    $("sf-copy").addEventListener("click", function () { sf.copy(f); });
    document.querySelectorAll("[data-filter]").forEach(function (input) {
      input.addEventListener("input", function () { filter(input); });
    });
  }
  // whenReady runs fn now, or once the program is ready (after the first check).
  function whenReady(fn) {
    if (f.engine) { fn(); return; }
    f.setStatus(S.not_ready);
    loading.then(function () { fn(); }, function () {});
  }

  function onEdit(e) {
    var t = e.target;
    var path = t.getAttribute && t.getAttribute("data-path");
    if (!path) { return; }
    if (t.type === "checkbox" && t.hasAttribute("value") && e.type === "change") { sf.ticked(t); }
    f.edited[path] = true;
    // A choice (a box, a list) is made when changed: judged at once.
    if (e.type === "change" && (t.type === "checkbox" || t.tagName === "SELECT")) { f.touched[path] = true; }
    if (path === "id" && e.type === "input") { f.idEdited = t.value.trim() !== ""; }
    if (e.type === "input" && path === idSource()) { suggestId(); }
    f.schedule();
  }
  // The id is made from the English title (a person's: from the name) until edited.
  function idSource() { return f.kind === "contacts" ? "name" : "title.en"; }
  function suggestId() {
    var src = f.form.querySelector("[data-path='" + idSource() + "']");
    if (f.engine && !f.idEdited && src && src.value) { $("sf-f-id").value = f.engine.suggestId(src.value); }
  }

  // ---- Checking: Go builds the file and judges it, with the files that go with it.
  function build() {
    if (!f.engine) { return; }
    try {
      f.last = parse(f.engine.build(f.kind, JSON.stringify(sf.collect(f)), f.lang, JSON.stringify(sf.withFiles(f))));
    } catch (err) {
      f.setStatus(f.fill("failed", { error: err.message }));
      return;
    }
    sf.show(f, f.last);
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
    f.setStatus(any ? "" : S.filter_none);
  }
})(submitForm);
