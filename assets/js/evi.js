// The e-vulnerability index calculator (layouts/evi/page.html). Every rule — reading
// the configuration and the CSV, the checks, the ranks, the scores and the CSV written
// for download — is tools/evi in Go, compiled to evi.wasm (tools/wasm/evi), which is
// downloaded on first need (the sample's result comes with the page) and runs in a Web
// Worker (evi-worker.js) so that a large file does not freeze the page; this script only moves files in and results out, and draws the table and charts.
// The problems of the reader's files come from Go as a code and its arguments, which the
// script words in the page's language (i18n evi_err_<code>, see message). Nothing leaves
// the browser.
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
  var SVG = "http://www.w3.org/2000/svg";
  var PAGE = 100; // rows shown at once

  var nf = {
    int: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    num: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    pr: new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }),
    index: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    mean: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  };
  var collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });

  // fill replaces {name} in a string of S with vars.name (page-tools.js).
  function fill(key, vars) { return pageTools.format(S[key], vars); }
  var el = pageTools.el;
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
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

  // --- Starting: the sample's result, then the WebAssembly program on first need. -----

  // The page carries the sample's result, computed when the site was built
  // (assets/evi/sample-result.json: the program's own answers, kept current by
  // tools/wasm/evi's TestSampleResult): it is drawn at once. The program (evi.wasm, 5 MB)
  // is downloaded, with its progress shown, only when the reader chooses a file or
  // changes a choice (docs/site.md, Performance).
  var built = JSON.parse(root.getAttribute("data-sample") || "{}");
  var inWorker = false; // whether the program holds the files shown (after a load)

  // The Go program runs in a Web Worker (evi-worker.js): call(op, args) starts it if it
  // has not started, asks it and resolves with its answer; it answers in the order asked.
  var worker = null, ready = null, pending = {}, seq = 0;
  function call(op, args) {
    return startWorker().then(function () {
      return new Promise(function (resolve, reject) {
        var id = ++seq;
        pending[id] = { resolve: resolve, reject: reject };
        worker.postMessage({ id: id, op: op, args: args || [] });
      });
    });
  }

  // startWorker downloads the program in the page (so that its progress shows) and
  // hands its bytes to the worker, which compiles and runs it.
  function startWorker() {
    if (ready) { return ready; }
    var bytes = wasmLoad.bytes(root.getAttribute("data-wasm"), Number(root.getAttribute("data-wasm-size")), $("evi-progress"), function (p) {
      setStatus(fill("status_downloading", p));
    });
    ready = bytes.then(function (b) {
      setStatus(S.status_starting);
      return new Promise(function (resolve, reject) {
        worker = new Worker(root.getAttribute("data-worker"));
        worker.onmessage = function (e) {
          var m = e.data;
          if (m.op === "ready") { resolve(); return; }
          if (m.op === "failed") { reject(new Error(m.error)); return; }
          var p = pending[m.id];
          delete pending[m.id];
          if (p) { if (m.error) { p.reject(new Error(m.error)); } else { p.resolve(m.result); } }
        };
        worker.onerror = function (e) { reject(new Error(e.message || "worker")); };
        worker.postMessage({ op: "init", exec: new URL(root.getAttribute("data-exec"), location.href).href, bytes: b }, [b]);
      });
    });
    return ready;
  }

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
    $("evi-prev").addEventListener("click", function () { showPage(state.page - 1); });
    $("evi-next").addEventListener("click", function () { showPage(state.page + 1); });
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
    buildEditor();
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
      buildEditor();
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
    var keys = columns().map(function (c) { return c.key; });
    if (state.sort && keys.indexOf(state.sort.key) < 0) { state.sort = null; }
    sortRows();
    renderNotices();
    renderTable(0);
    renderCharts();
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
  // lists joined, terms translated; {where}: section, name and key). An error without a
  // code, or of a code this page has no string for, keeps the program's English text.
  function message(e) {
    var key = "err_" + e.code;
    if (!e.code || !Object.prototype.hasOwnProperty.call(S, key)) { return e.msg; }
    var args = e.args || {}, vars = {};
    Object.keys(args).forEach(function (k) {
      var v = args[k];
      if (typeof v === "number") {
        vars[k] = nf.int.format(v);
      } else if (Array.isArray(v)) {
        vars[k] = v.length ? v.join(", ") : S.none;
      } else if (TERMS[k] && Object.prototype.hasOwnProperty.call(S, "err_" + k + "_" + v)) {
        vars[k] = S["err_" + k + "_" + v];
      } else {
        vars[k] = String(v);
      }
    });
    if (Object.prototype.hasOwnProperty.call(args, "section")) {
      var where = args.section;
      if (args.name) { where = fill("err_where_name", { section: where, name: args.name }); }
      if (args.key) { where = fill("err_where_key", { where: where, key: args.key }); }
      vars.where = where;
    }
    return fill(key, vars);
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

  // --- Themes and directions. -----------------------------------------------------------

  function buildEditor() {
    var body = $("evi-choices");
    body.textContent = "";
    var themes = state.loaded.themes;
    state.loaded.indicators.forEach(function (ind, j) {
      var tr = el("tr");
      var th = el("th", { scope: "row" });
      var name = label(ind);
      th.appendChild(document.createTextNode(name));
      if (name !== ind.column) {
        th.appendChild(el("br"));
        th.appendChild(el("code", {}, ind.column));
      }
      tr.appendChild(th);

      var td = el("td");
      var id = "evi-theme-" + j;
      td.appendChild(el("label", { "for": id, "class": "visually-hidden" }, fill("theme_of", { indicator: name })));
      var sel = el("select", { id: id, "data-column": ind.column });
      themes.forEach(function (t) {
        var o = el("option", { value: t.id }, label(t));
        if (t.id === state.choices[j].theme) { o.selected = true; }
        sel.appendChild(o);
      });
      sel.addEventListener("change", function () { state.choices[j].theme = sel.value; compute(); });
      td.appendChild(sel);
      tr.appendChild(td);

      td = el("td");
      id = "evi-direction-" + j;
      td.appendChild(el("label", { "for": id, "class": "visually-hidden" }, fill("direction_of", { indicator: name })));
      var dir = el("select", { id: id, "data-column": ind.column });
      [[1, S.dir_up], [-1, S.dir_down]].forEach(function (d) {
        var o = el("option", { value: String(d[0]) }, d[1]);
        if (d[0] === state.choices[j].direction) { o.selected = true; }
        dir.appendChild(o);
      });
      dir.addEventListener("change", function () { state.choices[j].direction = Number(dir.value); compute(); });
      td.appendChild(dir);
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  function renderNotices() {
    var m = state.meta;
    var w = $("evi-weighted");
    w.hidden = !m.weighted;
    w.textContent = m.weighted ? S.weighted : "";
    var d = $("evi-dropped");
    var dropped = (m.dropped || []).map(function (id) {
      var t = state.loaded.themes.filter(function (t) { return t.id === id; })[0];
      return t ? label(t) : id;
    });
    d.hidden = dropped.length === 0;
    d.textContent = dropped.length ? fill("dropped", { list: dropped.join(", ") }) : "";
    $("evi-summary").textContent = fill("summary", {
      total: nf.int.format(m.total), ranked: nf.int.format(m.ranked), indexed: nf.int.format(m.indexed)
    });
  }

  // --- The table. ---------------------------------------------------------------------

  // columns lists the table's columns: key, heading, kind ("text" or "num"), and how to
  // get and show a value of area i.
  function columns() {
    var m = state.meta, str = state.str, num = state.num, s = state.stride;
    var col = function (name) { return m.columns.indexOf(name); };
    var numCol = function (key, heading, c, format) {
      return {
        key: key, heading: heading, kind: "num",
        value: function (i) { return num[i * s + c]; },
        show: function (i) { var v = num[i * s + c]; return isNaN(v) ? "—" : format.format(v); }
      };
    };
    var names = lang === "fr" ? [str.name_fr, str.name_en] : [str.name_en, str.name_fr];
    var list = [
      { key: "code", heading: S.col_code, kind: "text", value: function (i) { return str.code[i]; }, show: function (i) { return str.code[i]; } },
      { key: "name", heading: S.col_name, kind: "text",
        value: function (i) { return names[0][i] || names[1][i]; },
        show: function (i) { return names[0][i] || names[1][i]; } },
      numCol("index", S.col_index, col("index"), nf.index),
      numCol("quintile", S.col_quintile, col("quintile"), nf.int),
      numCol("flags", S.col_flags, col("flags"), nf.int)
    ];
    m.config.themes.forEach(function (t) {
      list.push(numCol("pct:" + t.id, fill("col_percentile", { theme: label(t) }), col("percentile_" + t.id), nf.pr));
    });
    list.push(numCol("population", S.col_population, col("population"), nf.num));
    list.push({ key: "notes", heading: S.col_notes, kind: "none", show: function (i) {
      var ex = str.excluded[i];
      if (ex) { return S["excluded_" + ex.replace(/ /g, "_")] || ex; }
      return str.missing[i] ? fill("missing", { list: str.missing[i].split(";").join(", ") }) : "";
    } });
    return list;
  }

  // sortRows orders the areas by the sort column: values that do not exist last in
  // either direction, ties in file order.
  function sortRows() {
    var n = state.meta.total;
    var order = new Array(n);
    for (var i = 0; i < n; i++) { order[i] = i; }
    if (state.sort) {
      var c = columns().filter(function (c) { return c.key === state.sort.key; })[0];
      var dir = state.sort.dir;
      if (c.kind === "num") {
        var v = new Float64Array(n);
        for (i = 0; i < n; i++) { v[i] = c.value(i); }
        order.sort(function (a, b) {
          var x = v[a], y = v[b];
          var nx = isNaN(x), ny = isNaN(y);
          if (nx || ny) { return nx === ny ? a - b : (nx ? 1 : -1); }
          return x === y ? a - b : (x < y ? -dir : dir);
        });
      } else {
        var t = new Array(n);
        for (i = 0; i < n; i++) { t[i] = c.value(i) || ""; }
        order.sort(function (a, b) {
          var x = t[a], y = t[b];
          if (!x || !y) { return !x === !y ? a - b : (!x ? 1 : -1); }
          var r = collator.compare(x, y);
          return r === 0 ? a - b : r * dir;
        });
      }
    }
    state.order = order;
  }

  function renderTable(page) {
    var cols = columns();
    var wrap = $("evi-table-wrap");
    var table = el("table", { "class": "evi-table", id: "evi-table" });
    var cap = el("caption", {}, S.table_caption + " ");
    cap.appendChild(el("span", { id: "evi-shown", "class": "evi-shown" }));
    table.appendChild(cap);
    var thead = el("thead");
    var tr = el("tr");
    cols.forEach(function (c) {
      var th = el("th", { scope: "col", "data-key": c.key });
      if (c.kind === "num") { th.className = "num"; }
      if (c.kind === "none") {
        th.textContent = c.heading;
      } else {
        var b = el("button", { type: "button", "class": "evi-sort" });
        b.appendChild(el("span", {}, c.heading));
        b.appendChild(el("span", { "class": "evi-sort-mark", "aria-hidden": "true" }, "↕"));
        if (state.sort && state.sort.key === c.key) {
          th.setAttribute("aria-sort", state.sort.dir > 0 ? "ascending" : "descending");
          b.lastChild.textContent = state.sort.dir > 0 ? "▲" : "▼";
        }
        b.addEventListener("click", function () { sortBy(c.key); });
        th.appendChild(b);
      }
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    table.appendChild(el("tbody", { id: "evi-body" }));
    wrap.textContent = "";
    wrap.appendChild(table);
    // A region that scrolls sideways takes the keyboard focus, so it can be scrolled
    // without a mouse.
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", S.table_caption);
    showPage(page);
  }

  function sortBy(key) {
    var t0 = performance.now();
    var dir = state.sort && state.sort.key === key ? -state.sort.dir : 1;
    state.sort = { key: key, dir: dir };
    sortRows();
    renderTable(0);
    state.timings.sort = performance.now() - t0;
    var c = columns().filter(function (c) { return c.key === key; })[0];
    setStatus(fill("sorted_by", { column: c.heading, order: dir > 0 ? S.asc : S.desc }));
    // Keep the focus on the button just pressed (the header row was rebuilt).
    var th = document.querySelector('#evi-table th[data-key="' + key + '"] button');
    if (th) { th.focus(); }
  }

  function showPage(page) {
    var n = state.meta.total;
    var pages = Math.max(1, Math.ceil(n / PAGE));
    page = Math.max(0, Math.min(page, pages - 1));
    state.page = page;
    var cols = columns();
    var body = $("evi-body");
    var frag = document.createDocumentFragment();
    var from = page * PAGE, to = Math.min(n, from + PAGE);
    for (var r = from; r < to; r++) {
      var i = state.order[r];
      var tr = el("tr");
      cols.forEach(function (c, k) {
        var cell = el(k === 0 ? "th" : "td", k === 0 ? { scope: "row" } : {}, c.show(i));
        if (c.kind === "num") { cell.className = "num"; }
        tr.appendChild(cell);
      });
      frag.appendChild(tr);
    }
    body.textContent = "";
    body.appendChild(frag);
    var vars = { from: nf.int.format(n ? from + 1 : 0), to: nf.int.format(to), total: nf.int.format(n) };
    if (state.sort) {
      var c = cols.filter(function (c) { return c.key === state.sort.key; })[0];
      vars.column = c.heading;
      vars.order = state.sort.dir > 0 ? S.asc : S.desc;
      $("evi-shown").textContent = fill("shown_sorted", vars);
    } else {
      $("evi-shown").textContent = fill("shown", vars);
    }
    $("evi-prev").disabled = page === 0;
    $("evi-next").disabled = page >= pages - 1;
    root.setAttribute("data-page", String(page));
  }

  // --- Charts: areas per quintile, and each theme's mean percentile per quintile. -------

  function quintileStats() {
    var m = state.meta, num = state.num, s = state.stride;
    var qc = m.columns.indexOf("quintile");
    var themes = m.config.themes;
    var counts = [0, 0, 0, 0, 0];
    var sums = themes.map(function () { return [0, 0, 0, 0, 0]; });
    var ns = themes.map(function () { return [0, 0, 0, 0, 0]; });
    var tc = themes.map(function (t) { return m.columns.indexOf("percentile_" + t.id); });
    for (var i = 0; i < m.total; i++) {
      var q = num[i * s + qc];
      if (isNaN(q)) { continue; }
      counts[q - 1]++;
      for (var t = 0; t < themes.length; t++) {
        var v = num[i * s + tc[t]];
        if (!isNaN(v)) { sums[t][q - 1] += v; ns[t][q - 1]++; }
      }
    }
    var means = sums.map(function (row, t) {
      return row.map(function (sum, q) { return ns[t][q] ? sum / ns[t][q] : NaN; });
    });
    return { counts: counts, means: means, themes: themes };
  }

  // barChart draws values (5 quintiles) as an SVG bar chart with a title, a description
  // and each value written above its bar.
  function barChart(id, title, desc, values, max, format) {
    var W = 420, H = 240, left = 44, bottom = 46, top = 26, right = 8;
    var plotH = H - top - bottom, slot = (W - left - right) / values.length;
    var box = el("figure", { "class": "evi-chart" });
    var s = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": id + "-t " + id + "-d", focusable: "false" });
    s.appendChild(svg("title", { id: id + "-t" }, title));
    s.appendChild(svg("desc", { id: id + "-d" }, desc));
    s.appendChild(svg("line", { x1: left, y1: top + plotH, x2: W - right, y2: top + plotH, "class": "evi-axis" }));
    s.appendChild(svg("line", { x1: left, y1: top, x2: left, y2: top + plotH, "class": "evi-axis" }));
    s.appendChild(svg("text", { x: left - 6, y: top + plotH, "class": "evi-tick", "text-anchor": "end", "dominant-baseline": "middle" }, format.format(0)));
    s.appendChild(svg("text", { x: left - 6, y: top, "class": "evi-tick", "text-anchor": "end", "dominant-baseline": "middle" }, format.format(max)));
    values.forEach(function (v, q) {
      var h = isNaN(v) || max <= 0 ? 0 : plotH * v / max;
      var x = left + q * slot + slot * 0.18;
      s.appendChild(svg("rect", { x: x.toFixed(1), y: (top + plotH - h).toFixed(1), width: (slot * 0.64).toFixed(1), height: h.toFixed(1), "class": "evi-bar evi-bar-q" + (q + 1) }));
      s.appendChild(svg("text", { x: (x + slot * 0.32).toFixed(1), y: (top + plotH - h - 6).toFixed(1), "class": "evi-value", "text-anchor": "middle" }, isNaN(v) ? "—" : format.format(v)));
      s.appendChild(svg("text", { x: (x + slot * 0.32).toFixed(1), y: top + plotH + 18, "class": "evi-tick", "text-anchor": "middle" }, String(q + 1)));
    });
    s.appendChild(svg("text", { x: left + (W - left - right) / 2, y: H - 6, "class": "evi-tick", "text-anchor": "middle" }, S.axis_quintile));
    box.appendChild(s);
    box.appendChild(el("figcaption", {}, title));
    return box;
  }

  function renderCharts() {
    var st = quintileStats();
    var charts = $("evi-charts");
    charts.textContent = "";
    var maxCount = Math.max.apply(null, st.counts.concat([1]));
    charts.appendChild(barChart("evi-chart-q", S.chart_q_title,
      fill("chart_q_desc", { items: st.counts.map(function (n, q) { return fill("chart_q_item", { q: q + 1, n: nf.int.format(n) }); }).join("; ") }),
      st.counts, maxCount, nf.int));
    st.themes.forEach(function (t, k) {
      var name = label(t);
      charts.appendChild(barChart("evi-chart-t" + k, fill("chart_t_title", { theme: name }),
        fill("chart_t_desc", { items: st.means[k].map(function (v, q) { return fill("chart_t_item", { q: q + 1, v: isNaN(v) ? "—" : nf.mean.format(v) }); }).join("; ") }),
        st.means[k], 1, nf.mean));
    });

    // The same figures as a table.
    var table = el("table");
    table.appendChild(el("caption", {}, S.chart_table_caption));
    var thead = el("thead"), tr = el("tr");
    tr.appendChild(el("th", { scope: "col" }, S.col_quintile));
    tr.appendChild(el("th", { scope: "col", "class": "num" }, S.table_areas));
    st.themes.forEach(function (t) { tr.appendChild(el("th", { scope: "col", "class": "num" }, fill("table_mean", { theme: label(t) }))); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el("tbody");
    st.counts.forEach(function (n, q) {
      var row = el("tr");
      var name = fill("quintile_n", { q: q + 1 });
      if (q === 0) { name += " (" + S.quintile_least + ")"; }
      if (q === 4) { name += " (" + S.quintile_most + ")"; }
      row.appendChild(el("th", { scope: "row" }, name));
      row.appendChild(el("td", { "class": "num" }, nf.int.format(n)));
      st.means.forEach(function (means) { row.appendChild(el("td", { "class": "num" }, isNaN(means[q]) ? "—" : nf.mean.format(means[q]))); });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    var wrap = $("evi-chart-table");
    wrap.textContent = "";
    wrap.appendChild(table);
  }

  // --- Downloads. -------------------------------------------------------------------------

  var download = pageTools.download;

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

  // The service areas and the map (evi-service.js, evi-map.js).
  var service = eviService.attach({
    root: root, S: S, fill: fill, nf: nf, lang: lang, locale: locale, download: download,
    state: function () { return state; }, call: call, showErrors: showErrors,
    recompute: function () { compute(); }
  });

  start();
})();
