// The e-vulnerability index calculator (layouts/evi/page.html). Every rule — reading
// the configuration and the CSV, the checks, the ranks, the scores and the CSV written
// for download — is tools/evi in Go, compiled to evi.wasm (tools/wasm/evi), which is
// downloaded on first need (the sample's result comes with the page) and runs in a Web
// Worker (evi-program.js, evi-worker.js) so that a large file does not freeze the page;
// this script only moves files in and results out, and hands the results to the
// scripts that draw them: evi-editor.js (themes and directions), evi-table.js (the
// table), evi-charts.js (the charts), evi-service.js and evi-map.js (service areas and
// map), all bundled in front of it. The problems of the reader's files come from Go as
// a code and its arguments, which this script words in the page's language (i18n
// evi_err_<code>, see message). Nothing leaves the browser.
(function () {
  "use strict";

  var root = document.getElementById("evi");
  if (!root || typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
    return; // the <noscript> note and the method stay
  }
  var S = JSON.parse(root.getAttribute("data-i18n"));
  var locale = document.documentElement.lang || "en-CA";
  var lang = locale.slice(0, 2) === "fr" ? "fr" : "en";
  var $ = function (id) { return document.getElementById(id); };

  var nf = {
    int: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    num: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    pr: new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }),
    index: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    mean: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  };

  // fill replaces {name} in a string of S with vars.name (page-tools.js).
  function fill(key, vars) { return pageTools.format(S[key], vars); }
  var el = pageTools.el;
  function label(o) { // a theme's or an indicator's label in the page's language
    return (lang === "fr" ? o.label_fr || o.label_en : o.label_en || o.label_fr) || o.id || o.column;
  }
  function setStatus(text) { $("evi-status").textContent = text; }

  var state = {
    config: null, configName: "", data: null, dataName: "", sample: true,
    sampleConfig: null, sampleData: null,
    loaded: null,   // the configuration as loaded (themes, indicators)
    choices: [],    // [{column, theme, direction}], in indicator order
    meta: null, str: null, num: null, stride: 0,
    order: null,    // indices of the areas in display order
    sort: null,     // {key, dir: 1 | -1}
    page: 0,
    timings: {}
  };
  window.eviTimings = state.timings; // read by the browser benchmark

  // The page's parts, for the scripts this one attaches.
  var download = pageTools.download;
  var ctx = {
    root: root, S: S, fill: fill, nf: nf, lang: lang, locale: locale, label: label, setStatus: setStatus,
    download: download, state: function () { return state; }, showErrors: showErrors,
    recompute: function () { compute(); },
    // The service areas changed (evi-service.js): the table shows them, or not.
    groupsChanged: function () {
      if (!state.meta) { return; }
      if (state.sort && state.sort.key === "group" && !state.groupOf) { state.sort = null; }
      table.sortRows();
      table.render(state.page);
    }
  };
  var call = ctx.call = eviProgram.attach(ctx).call;
  var editor = eviEditor.attach(ctx), table = eviTable.attach(ctx), charts = eviCharts.attach(ctx);
  // The service areas and the map (evi-service.js, evi-map.js).
  var service = eviService.attach(ctx);

  // --- Starting: the sample's result, then the WebAssembly program on first need. -----

  // The page carries the sample's result, computed when the site was built
  // (assets/evi/sample-result.json: the program's own answers, kept current by
  // tools/wasm/evi's TestSampleResult): it is drawn at once. The program (evi.wasm, 5 MB)
  // is downloaded, with its progress shown, only when the reader chooses a file or
  // changes a choice (docs/site.md, Performance).
  var built = JSON.parse(root.getAttribute("data-sample") || "{}");
  var inWorker = false; // whether the program holds the files shown (after a load)

  // sampleFiles fetches the sample's configuration and data, once, for the program.
  var samples = null;
  function sampleFiles() {
    if (!samples) {
      samples = Promise.all([
        fetch(root.getAttribute("data-sample-config")).then(okText),
        fetch(root.getAttribute("data-sample-csv")).then(okBytes)
      ]).then(function (v) {
        state.sampleConfig = v[0];
        state.sampleData = v[1];
      });
    }
    return samples;
  }

  function start() {
    root.hidden = false;
    // The parts that need this script (the page shows the sample's result without it).
    Array.prototype.forEach.call(root.querySelectorAll("[data-js]"), function (e) { e.hidden = false; });
    useSample();
    $("evi-data").addEventListener("change", onDataFile);
    $("evi-config").addEventListener("change", onConfigFile);
    $("evi-reset").addEventListener("click", function () {
      $("evi-data").value = "";
      $("evi-config").value = "";
      service.reset();
      useSample();
    });
    $("evi-download").addEventListener("click", downloadCSV);
    $("evi-download-config").addEventListener("click", downloadConfig);
    $("evi-prev").addEventListener("click", function () { table.showPage(state.page - 1); });
    $("evi-next").addEventListener("click", function () { table.showPage(state.page + 1); });
  }

  function okText(r) {
    if (!r.ok) { throw new Error(r.url + ": HTTP " + r.status); }
    return r.text();
  }
  function okBytes(r) {
    if (!r.ok) { throw new Error(r.url + ": HTTP " + r.status); }
    return r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  // useSample shows the sample: the result built with the site when the page has it,
  // else computed by the program.
  function useSample() {
    state.config = null; // the sample's (sampleFiles), when the program needs them
    state.configName = "";
    state.data = null;
    state.dataName = "";
    state.sample = true;
    if (!built.meta) { run(); return; }
    var t0 = performance.now();
    hideErrors();
    state.loaded = built.load.config;
    state.choices = state.loaded.indicators.map(function (ind) {
      return { column: ind.column, theme: ind.theme, direction: ind.direction };
    });
    state.built = true;
    inWorker = false;
    editor.build();
    var nums = new Float64Array(built.numbers.map(function (v) { return v === null ? NaN : v; }));
    shown({ meta: JSON.stringify(built.meta), strings: JSON.stringify(built.strings), numbers: new Uint8Array(nums.buffer) }, t0, t0, true);
    if (built.service) { service.shown(built.service); }
    setStatus(fill("status_sample_built", { areas: nf.int.format(built.meta.total) }));
    root.setAttribute("data-runs", String(state.timings.runs));
  }

  // files resolves with the configuration and the data to load: the reader's, or the
  // sample's where the reader chose none.
  function files() {
    var need = state.config === null || state.data === null;
    return (need ? sampleFiles() : Promise.resolve()).then(function () {
      return [state.config === null ? state.sampleConfig : state.config, state.data === null ? state.sampleData : state.data];
    });
  }

  function readFile(input) {
    var f = input.files && input.files[0];
    if (!f) { return Promise.resolve(null); }
    return f.arrayBuffer().then(function (b) {
      return { name: f.name, bytes: new Uint8Array(b) };
    }, function (err) {
      throw { file: f.name, err: err };
    });
  }

  function onDataFile() {
    var t0 = performance.now();
    setStatus(S.status_computing);
    readFile($("evi-data")).then(function (f) {
      if (!f) { useSample(); return; }
      state.data = f.bytes;
      state.dataName = f.name;
      state.sample = false;
      state.timings.read = performance.now() - t0;
      run(t0);
    }).catch(readFailed);
  }

  function onConfigFile() {
    readFile($("evi-config")).then(function (f) {
      state.config = f ? new TextDecoder().decode(f.bytes) : null;
      state.configName = f ? f.name : "";
      // With the sample data, a configuration for other columns waits for its file.
      run(undefined, state.sample && f ? f.name : "");
    }).catch(readFailed);
  }

  function readFailed(e) {
    showErrors({ file: "read", errors: [{ msg: fill("err_read", { file: e.file || "", msg: e.err ? e.err.message : String(e) }) }] });
  }

  // --- Computing. ---------------------------------------------------------------------

  // run loads the configuration and the data into the Go program, then computes.
  // waiting names a configuration just chosen for data not chosen yet: problems with
  // the (sample) data then only mean that the reader's data file is still to come.
  function run(t0, waiting) {
    t0 = t0 || performance.now();
    setStatus(S.status_computing);
    var t1 = performance.now();
    files().then(function (f) { return call("load", f); }).then(function (json) {
      var r = JSON.parse(json);
      inWorker = true;
      state.built = false;
      service.fileChanged();
      state.timings.load = performance.now() - t1;
      if (!r.ok) {
        state.loaded = null;
        if (waiting && r.file === "data") {
          hideErrors();
          setStatus(fill("status_config_ready", { file: waiting }));
        } else {
          showErrors(r);
        }
        $("evi-editor").hidden = true;
        $("evi-results").hidden = true;
        return;
      }
      state.loaded = r.config;
      state.choices = r.config.indicators.map(function (ind) {
        return { column: ind.column, theme: ind.theme, direction: ind.direction };
      });
      editor.build();
      compute(t0, true);
    }).catch(failed);
  }

  function failed(err) {
    setStatus(fill("status_failed", { msg: err && err.message ? err.message : String(err) }));
  }

  // compute scores the loaded areas with the current choices and shows them. The
  // areas' texts (codes, names, notes) come with the first result of a file only.
  function compute(t0, newFile) {
    t0 = t0 || performance.now();
    var t1 = performance.now();
    // The sample drawn from the build: the program loads it first.
    var loaded = inWorker ? Promise.resolve() : files().then(function (f) {
      return call("load", f).then(function () { inWorker = true; state.built = false; service.fileChanged(); });
    });
    setStatus(S.status_computing);
    loaded.then(function () {
      return call("compute", [JSON.stringify(state.choices), !!newFile]);
    }).then(function (out) {
      if (!shown(out, t0, t1, newFile)) { return; }
      // The service areas and the map of this result; the Go program's own timings, for
      // the browser benchmark; then data-runs tells the tests that a result is on the page.
      return service.refresh().then(function () { return call("timings"); }).then(function (t) {
        window.eviGoTimings = JSON.parse(t);
        root.setAttribute("data-runs", String(state.timings.runs));
      });
    }).catch(failed);
  }

  // shown puts a result of compute on the page.
  function shown(out, t0, t1, newFile) {
    var meta = JSON.parse(out.meta);
    if (!meta.ok) {
      showErrors(meta);
      $("evi-results").hidden = true;
      return false;
    }
    state.meta = meta;
    if (newFile) { state.str = JSON.parse(out.strings); }
    state.num = new Float64Array(out.numbers.buffer);
    state.stride = meta.stride;
    state.timings.compute = performance.now() - t1;
    hideErrors();
    var t2 = performance.now();
    var keys = table.columns().map(function (c) { return c.key; });
    if (state.sort && keys.indexOf(state.sort.key) < 0) { state.sort = null; }
    table.sortRows();
    table.notices();
    table.render(0);
    charts.render();
    $("evi-results").hidden = false;
    $("evi-editor").hidden = false;
    state.timings.render = performance.now() - t2;
    state.timings.total = performance.now() - t0;
    state.timings.areas = meta.total;
    state.timings.runs = (state.timings.runs || 0) + 1;
    // Under a millisecond (the 40-area sample) reads "< 1", not "0".
    var ms = state.timings.total < 1 ? "<\u00a01" : nf.int.format(state.timings.total);
    setStatus(state.sample
      ? fill("status_sample", { areas: nf.int.format(meta.total), ms: ms })
      : fill("status_file", { file: state.dataName, areas: nf.int.format(meta.total), ms: ms }));
    return true;
  }

  // --- Errors, in the page's language. -------------------------------------------------

  // TERMS are the Args of errors whose values are words from a fixed list (tools/evi's
  // Terms): their strings are err_<arg>_<value>.
  var TERMS = { role: true, reserved: true };

  // message words one error of the Go program in the page's language: the string
  // err_<code> with {name} replaced by the error's Args (numbers in the page's format,
  // lists joined, terms translated, a message of the catalogue — a GeoJSON error's
  // detail, {code, args} — from the string of its code; {where}: section, name and key).
  // An error without a code says its cause ({code, args} of the catalogue: cause_*);
  // one whose words this page lacks keeps the program's English text.
  function message(e) {
    var key = "err_" + e.code;
    if (!e.code && e.cause) {
      var c = wordArgs({ cause: e.cause });
      return c ? c.cause : e.msg;
    }
    if (!e.code || !Object.prototype.hasOwnProperty.call(S, key)) { return e.msg; }
    var args = e.args || {}, vars = wordArgs(args);
    if (!vars) { return e.msg; }
    if (Object.prototype.hasOwnProperty.call(args, "section")) {
      var where = args.section;
      if (args.name) { where = fill("err_where_name", { section: where, name: args.name }); }
      if (args.key) { where = fill("err_where_key", { where: where, key: args.key }); }
      vars.where = where;
    }
    return fill(key, vars);
  }

  // wordArgs words the Args of an error or of a message of the catalogue (its code
  // evi_<key>); null when such a message has no string here.
  function wordArgs(args) {
    var vars = {}, ok = true;
    Object.keys(args).forEach(function (k) {
      var v = args[k], key = v && typeof v === "object" && typeof v.code === "string" ? v.code.replace(/^evi_/, "") : "";
      if (key) {
        var inner = Object.prototype.hasOwnProperty.call(S, key) ? wordArgs(v.args || {}) : null;
        if (inner) { vars[k] = fill(key, inner); } else { ok = false; }
      } else if (typeof v === "number") {
        vars[k] = nf.int.format(v);
      } else if (Array.isArray(v)) {
        vars[k] = v.length ? v.join(", ") : S.none;
      } else if (TERMS[k] && Object.prototype.hasOwnProperty.call(S, "err_" + k + "_" + v)) {
        vars[k] = S["err_" + k + "_" + v];
      } else {
        vars[k] = String(v);
      }
    });
    return ok ? vars : null;
  }

  function showErrors(r, heading) {
    var box = $("evi-errors");
    box.textContent = "";
    if (heading) {
      // worded by the caller (evi-service.js)
    } else if (r.file === "config") {
      heading = fill("err_config", { file: state.configName });
    } else if (r.file === "data") {
      heading = fill("err_data", { file: state.dataName });
    } else if (r.file === "choices") {
      heading = S.err_choices;
    }
    if (heading) { box.appendChild(el("h3", {}, heading)); }
    var ul = el("ul");
    r.errors.forEach(function (e) {
      var text, msg = message(e);
      if (e.line && e.column) {
        text = fill("err_line_col", { line: nf.int.format(e.line), column: e.column, msg: msg });
      } else if (e.line) {
        text = fill("err_line", { line: nf.int.format(e.line), msg: msg });
      } else if (e.column) {
        text = fill("err_col", { column: e.column, msg: msg });
      } else {
        text = msg;
      }
      var li = el("li", {}, text);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    if (r.file !== "read") { box.appendChild(el("p", {}, S.err_note)); }
    box.hidden = false;
    setStatus(heading || message(r.errors[0]));
    box.focus();
  }

  function hideErrors() {
    var box = $("evi-errors");
    box.hidden = true;
    box.textContent = "";
  }

  // --- Downloads. -------------------------------------------------------------------------

  function downloadCSV() {
    if (state.built) { download(built.csv, S.file_csv, "text/csv;charset=utf-8"); return; }
    call("csv").then(function (b) {
      if (b) { download(b, S.file_csv, "text/csv;charset=utf-8"); }
    }).catch(failed);
  }

  function downloadConfig() {
    if (state.built) { download(built.config, S.file_config, "application/yaml;charset=utf-8"); return; }
    call("config").then(function (y) {
      if (y) { download(y, S.file_config, "application/yaml;charset=utf-8"); }
    }).catch(failed);
  }

  start();
})();
