// evi-map.js — the map and the service-area table of the e-vulnerability index
// calculator (layouts/evi/page.html; evi.js calls it). The Go program (tools/wasm/evi,
// service.go) projects and simplifies the areas' boundaries and works out the service
// areas; this script only draws: an SVG choropleth by quintile, each quintile with its
// own colour and pattern (so colour is not the only cue), the catchment boundaries and
// the service points, and a legend, all as presentation attributes so that the SVG
// downloaded stands alone. The map is one keyboard stop: the arrow keys move from area
// to area (the nearest in that direction), and the area's description is written under
// the map. Nothing is fetched: no tiles, no other host.
var eviMap = (function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  // Quintiles 1 to 5, then areas without an index: fill, marks, and the marks' colour.
  var STYLES = [
    { fill: "#fff5d6", marks: "", ink: "#1a1a1a" },
    { fill: "#fdd49e", marks: "dots", ink: "#1a1a1a" },
    { fill: "#fc8d59", marks: "lines", ink: "#1a1a1a" },
    { fill: "#d7301f", marks: "cross", ink: "#ffffff" },
    { fill: "#7f0000", marks: "dense", ink: "#ffffff" },
    { fill: "#d9d9d9", marks: "bars", ink: "#4d4d4d" }
  ];
  var LEGEND_H = 120; // room under the map for the legend, in map units

  function node(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // pattern is the fill of a quintile: its colour, with the marks of STYLES.
  function pattern(id, st) {
    var p = node("pattern", { id: id, patternUnits: "userSpaceOnUse", width: 8, height: 8 });
    p.appendChild(node("rect", { width: 8, height: 8, fill: st.fill }));
    var line = { stroke: st.ink, "stroke-width": 1 };
    var d = { lines: "M0 8L8 0", cross: "M0 8L8 0M0 0L8 8", dense: "M0 8L8 0M0 0L8 8M0 4L4 0M4 8L8 4", bars: "M0 4H8" }[st.marks];
    if (d) {
      line.d = d;
      line.fill = "none";
      p.appendChild(node("path", line));
    } else if (st.marks === "dots") {
      p.appendChild(node("circle", { cx: 4, cy: 4, r: 1.3, fill: st.ink }));
    }
    return p;
  }

  // draw puts the map m (service.go's mapData) in host, coloured by q(i) — the
  // quintile of area i, 1 to 5, or 0 without an index — and returns the map's
  // controller. t: the page's strings (S), fill and formats; describe(i): the text of
  // area i; info: the element that shows it.
  function draw(host, info, m, q, describe, t) {
    var n = m.paths.length, H = m.height;
    var svg = node("svg", { xmlns: SVG, viewBox: "0 0 " + m.width + " " + (H + LEGEND_H), role: "img",
      "aria-labelledby": "evi-map-t evi-map-d", focusable: "false", "font-family": "sans-serif" });
    svg.appendChild(node("title", { id: "evi-map-t" }, t.S.map_title));
    svg.appendChild(node("desc", { id: "evi-map-d" }, t.fill("map_desc", {
      areas: t.nf.int.format(m.paths.filter(Boolean).length), points: t.nf.int.format((m.points || []).length) })));
    var defs = node("defs");
    STYLES.forEach(function (st, k) { defs.appendChild(pattern("evi-p" + k, st)); });
    svg.appendChild(defs);

    // One path per quintile: 60,000 areas draw as six elements.
    var parts = STYLES.map(function () { return []; });
    for (var i = 0; i < n; i++) {
      if (m.paths[i]) { parts[q(i) > 0 ? q(i) - 1 : 5].push(m.paths[i]); }
    }
    var areas = node("g", { "class": "evi-map-areas", stroke: "#ffffff", "stroke-width": 0.6, "stroke-linejoin": "round" });
    parts.forEach(function (p, k) {
      if (p.length) { areas.appendChild(node("path", { d: p.join(""), fill: "url(#evi-p" + k + ")", "fill-rule": "evenodd" })); }
    });
    svg.appendChild(areas);
    if (m.boundaries) {
      svg.appendChild(node("path", { "class": "evi-map-boundaries", d: m.boundaries, fill: "none", stroke: "#1a1a1a", "stroke-width": 2.5, "stroke-linecap": "round" }));
    }
    var pts = node("g", { "class": "evi-map-points", fill: "#1a1a1a", stroke: "#ffffff", "stroke-width": 2 });
    (m.points || []).forEach(function (p) { pts.appendChild(pointMark(p.x, p.y)); });
    svg.appendChild(pts);
    var focus = node("path", { d: "", fill: "none", stroke: "#1a1a1a", "stroke-width": 5, "class": "evi-map-focus" });
    var focusIn = node("path", { d: "", fill: "none", stroke: "#ffbf47", "stroke-width": 2.5, "class": "evi-map-focus" });
    svg.appendChild(focus);
    svg.appendChild(focusIn);
    svg.appendChild(legend(m, t, parts));
    host.textContent = "";
    host.appendChild(svg);

    var ctl = { current: -1, svg: svg };
    ctl.select = function (i) {
      if (i < 0 || i >= n || !m.paths[i]) { return; }
      ctl.current = i;
      focus.setAttribute("d", m.paths[i]);
      focusIn.setAttribute("d", m.paths[i]);
      info.textContent = describe(i);
      host.setAttribute("data-current", String(i));
    };
    info.textContent = t.S.map_area_none;
    host.removeAttribute("data-current");
    host.onfocus = function () { if (ctl.current < 0) { ctl.select(first(m, 1)); } };
    host.onkeydown = function (e) {
      var dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      var to = -1;
      if (dirs[e.key]) {
        to = ctl.current < 0 ? first(m, 1) : nearest(m, ctl.current, dirs[e.key]);
      } else if (e.key === "Home") {
        to = first(m, 1);
      } else if (e.key === "End") {
        to = first(m, -1);
      } else {
        return;
      }
      e.preventDefault();
      if (to >= 0) { ctl.select(to); }
    };
    svg.addEventListener("click", function (e) {
      var ctm = svg.getScreenCTM();
      if (!ctm) { return; }
      var p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
      var hit = under(m, p.x, p.y);
      if (hit >= 0) { ctl.select(hit); host.focus(); }
    });
    return ctl;
  }

  function pointMark(x, y) {
    return node("path", { d: "M" + x + " " + (y - 8) + "L" + (x + 7) + " " + (y + 5) + "L" + (x - 7) + " " + (y + 5) + "Z" });
  }

  // legend draws, under the map, a swatch per quintile and for no index, with the
  // number of areas, and the marks of the service points and the boundaries.
  function legend(m, t, parts) {
    var g = node("g", { "class": "evi-map-legend", transform: "translate(0 " + (m.height + 16) + ")", "font-size": 18, fill: "#1a1a1a" });
    g.appendChild(node("text", { x: 0, y: 14, "font-weight": "bold" }, t.S.map_legend));
    var items = STYLES.map(function (st, k) {
      var name = k < 5 ? t.fill("quintile_n", { q: k + 1 }) : t.S.map_no_index;
      if (k === 0) { name += " (" + t.S.quintile_least + ")"; }
      if (k === 4) { name += " (" + t.S.quintile_most + ")"; }
      return { swatch: k, text: name + ": " + t.nf.int.format(parts[k].length) };
    });
    if (m.points && m.points.length) { items.push({ point: true, text: t.S.map_point }); }
    if (m.boundaries) { items.push({ boundary: true, text: t.S.map_boundary }); }
    items.forEach(function (it, k) {
      var x = (k % 3) * (m.width / 3), y = 30 + Math.floor(k / 3) * 28;
      if (it.point) {
        var p = pointMark(x + 14, y + 10);
        p.setAttribute("stroke", "#ffffff");
        g.appendChild(p);
      } else if (it.boundary) {
        g.appendChild(node("path", { d: "M" + x + " " + (y + 10) + "h28", stroke: "#1a1a1a", "stroke-width": 2.5 }));
      } else {
        g.appendChild(node("rect", { x: x, y: y, width: 28, height: 20, fill: "url(#evi-p" + it.swatch + ")", stroke: "#1a1a1a", "stroke-width": 1 }));
      }
      g.appendChild(node("text", { x: x + 36, y: y + 16 }, it.text));
    });
    return g;
  }

  // first is the first area with a boundary (step 1) or the last (step -1).
  function first(m, step) {
    var n = m.paths.length;
    for (var k = 0; k < n; k++) {
      var i = step > 0 ? k : n - 1 - k;
      if (m.paths[i]) { return i; }
    }
    return -1;
  }

  // nearest is the area whose centre is nearest to area i's in the direction d (within
  // about 60° of it), sideways distance counting double; -1 when there is none.
  function nearest(m, i, d) {
    var x = m.cx[i], y = m.cy[i], best = -1, bestScore = Infinity;
    for (var j = 0; j < m.paths.length; j++) {
      if (j === i || !m.paths[j]) { continue; }
      var vx = m.cx[j] - x, vy = m.cy[j] - y;
      var along = vx * d[0] + vy * d[1];
      var side = Math.abs(vx * d[1] - vy * d[0]);
      if (along <= 0 || side > 2 * along) { continue; }
      var score = along + 2 * side;
      if (score < bestScore) { best = j; bestScore = score; }
    }
    return best;
  }

  // under is the area at (x, y): among those whose box holds it, the nearest centre.
  function under(m, x, y) {
    var best = -1, bestD = Infinity, b = m.box;
    for (var i = 0; i < m.paths.length; i++) {
      if (!m.paths[i] || x < b[4 * i] || y < b[4 * i + 1] || x > b[4 * i + 2] || y > b[4 * i + 3]) { continue; }
      var d = (m.cx[i] - x) * (m.cx[i] - x) + (m.cy[i] - y) * (m.cy[i] - y);
      if (d < bestD) { best = i; bestD = d; }
    }
    return best;
  }

  // svgText is the map as a standalone SVG file, without the keyboard's highlight.
  function svgText(svg) {
    var copy = svg.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".evi-map-focus"), function (e) { e.parentNode.removeChild(e); });
    copy.setAttribute("width", svg.viewBox.baseVal.width);
    copy.setAttribute("height", svg.viewBox.baseVal.height);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy) + "\n";
  }

  // groupTable is the table of the service areas (rows of guide evi --group-out).
  function groupTable(groups, t) {
    var el = pageTools.el;
    var pct = new Intl.NumberFormat(t.locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
    var table = el("table", { "class": "evi-table", id: "evi-groups-table" });
    table.appendChild(el("caption", {}, t.S.groups_caption));
    var tr = el("tr");
    [["col_group", ""], ["col_areas", "num"], ["col_ranked", "num"], ["col_population", "num"], ["col_evi_mean", "num"], ["col_share_q5", "num"]].forEach(function (c) {
      tr.appendChild(el("th", { scope: "col", "class": c[1] }, t.S[c[0]]));
    });
    var thead = el("thead");
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el("tbody");
    var dash = function (v, f) { return v === null || v === undefined ? "—" : f.format(v); };
    groups.forEach(function (g) {
      var row = el("tr", { "data-group": g.group });
      var name = (t.lang === "fr" ? g.name_fr || g.name_en : g.name_en || g.name_fr) || g.group;
      row.appendChild(el("th", { scope: "row" }, name === g.group ? name : name + " (" + g.group + ")"));
      [[g.areas, t.nf.int], [g.areas_ranked, t.nf.int], [g.population, t.nf.num], [g.evi_mean, t.nf.mean], [g.share_q5, pct]].forEach(function (c) {
        row.appendChild(el("td", { "class": "num" }, dash(c[0], c[1])));
      });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    return table;
  }

  return { draw: draw, svgText: svgText, groupTable: groupTable };
})();
