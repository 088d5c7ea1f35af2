// evi-charts.js — the charts of the e-vulnerability index calculator: the areas per
// quintile, and each theme's mean percentile per quintile, as SVG bar charts with a
// title, a description and every value written, and the same figures as a table.
// evi.js attaches it (eviCharts.attach) and calls render after each result.
var eviCharts = (function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // attach: ctx gives the page's parts (evi.js): S, fill, nf, label and state() (meta,
  // num, stride).
  function attach(ctx) {
    var S = ctx.S, fill = ctx.fill, nf = ctx.nf, state = ctx.state();
    var el = pageTools.el, $ = function (id) { return document.getElementById(id); };
    var label = ctx.label;

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

    return { render: renderCharts };
  }

  return { attach: attach };
})();
