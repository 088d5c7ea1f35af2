// evi-table.js — the result of the e-vulnerability index calculator as a table: the
// summary and notices over it, its columns, the sort by any column (values that do
// not exist last) and its pages of PAGE rows. evi.js attaches it (eviTable.attach) and
// calls render after each result.
var eviTable = (function () {
  "use strict";

  var PAGE = 100; // rows shown at once

  // attach: ctx gives the page's parts (evi.js): root, S, fill, nf, lang, locale,
  // label, setStatus and state() (loaded, meta, str, num, stride, order, sort, page,
  // timings).
  function attach(ctx) {
    var S = ctx.S, fill = ctx.fill, nf = ctx.nf, state = ctx.state();
    var el = pageTools.el, $ = function (id) { return document.getElementById(id); };
    var lang = ctx.lang, label = ctx.label, setStatus = ctx.setStatus, root = ctx.root;
    var collator = new Intl.Collator(ctx.locale, { numeric: true, sensitivity: "base" });

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
          show: function (i) { return names[0][i] || names[1][i]; } }
      ];
      // With service areas (evi-service.js), each area's: the groups or catchments given.
      if (state.groupOf) {
        list.push({ key: "group", heading: S.col_group, kind: "text", value: state.groupOf, show: state.groupOf });
      }
      list.push(
        numCol("index", S.col_index, col("index"), nf.index),
        numCol("quintile", S.col_quintile, col("quintile"), nf.int),
        numCol("flags", S.col_flags, col("flags"), nf.int)
      );
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

    return { notices: renderNotices, columns: columns, sortRows: sortRows, render: renderTable, showPage: showPage };
  }

  return { attach: attach };
})();
