// evi-service.js — the service areas and the map of the e-vulnerability index
// calculator, between the page's inputs and the Go program: the reader's GeoJSON of
// the areas and GROUPS.csv or POINTS.csv (or, with the sample data, the sample's
// boundaries and service points) go to the program's service(), whose answer — the
// group table, each area's group, the simplified map — evi-map.js draws. evi.js
// attaches it (eviService.attach) and calls refresh after each result; the area table
// gets each area's service area (state().groupOf, then groupsChanged). Nothing leaves
// the browser.
var eviService = (function () {
  "use strict";

  // attach wires the inputs; ctx gives the page's parts: root, S, fill, nf, lang,
  // locale, state() (evi.js's state: meta, num, stride, str, sample, timings),
  // call(op, args), showErrors(r, heading), recompute(), download(data, name, type),
  // groupsChanged().
  function attach(ctx) {
    var $ = function (id) { return document.getElementById(id); };
    var st = { loaded: false, geo: null, geoName: "", file: null, fileName: "", samples: null, ctl: null, answer: null };

    function readInput(id) {
      var f = $(id).files && $(id).files[0];
      if (!f) { return Promise.resolve(null); }
      return f.arrayBuffer().then(function (b) { return { name: f.name, bytes: new Uint8Array(b) }; }, function (err) {
        throw { file: f.name, err: err };
      });
    }
    function changed() {
      Promise.all([readInput("evi-geo"), readInput("evi-areas")]).then(function (v) {
        st.geo = v[0] && v[0].bytes;
        st.geoName = v[0] ? v[0].name : "";
        st.file = v[1] && v[1].bytes;
        st.fileName = v[1] ? v[1].name : "";
        st.loaded = false;
        ctx.recompute();
      }).catch(function (e) {
        ctx.showErrors({ file: "read", errors: [{ msg: ctx.fill("err_read", { file: e.file || "", msg: e.err ? e.err.message : String(e) }) }] });
      });
    }
    ["evi-geo", "evi-areas", "evi-radius", "evi-geo-code", "evi-ungrouped-error", "evi-ungrouped-ignore", "evi-ungrouped-group"].forEach(function (id) {
      $(id).addEventListener("change", changed);
    });
    $("evi-map-download").addEventListener("click", function () {
      if (st.ctl) { ctx.download(eviMap.svgText(st.ctl.svg), ctx.S.file_svg, "image/svg+xml;charset=utf-8"); }
    });
    $("evi-groups-download").addEventListener("click", function () {
      if (st.answer && st.answer.csv) { ctx.download(st.answer.csv, ctx.S.file_groups, "text/csv;charset=utf-8"); }
    });

    // kindOf tells GROUPS.csv (a group column) from POINTS.csv by the header.
    function kindOf(bytes) {
      var head = new TextDecoder().decode(bytes.subarray(0, 4096)).split(/\r?\n/)[0].replace(/^\ufeff/, "");
      var cols = head.split(",").map(function (c) { return c.trim().replace(/^"|"$/g, ""); });
      return cols.indexOf("group") >= 0 ? "groups" : "points";
    }

    // args resolves with service()'s arguments, or null when there is nothing to show:
    // the reader's files; with the sample data, the sample's boundaries and service
    // points where the reader chose none.
    function args() {
      var radius = Number($("evi-radius").value) || 0, prop = $("evi-geo-code").value.trim() || "code";
      var policy = (document.querySelector('input[name="evi-ungrouped"]:checked') || { value: "" }).value;
      var empty = new Uint8Array(0);
      var reader = function (points, geo) {
        var file = st.file || points || empty;
        return [file.length ? kindOf(file) : "", file, radius, st.geo || geo || empty, st.geo ? prop : "code", policy];
      };
      if (!ctx.state().sample) { return Promise.resolve(st.geo || st.file ? reader(null, null) : null); }
      if (!st.samples) {
        st.samples = Promise.all(["data-sample-points", "data-sample-geo"].map(function (a) {
          return fetch(ctx.root.getAttribute(a)).then(function (r) {
            if (!r.ok) { throw new Error(r.url + ": HTTP " + r.status); }
            return r.arrayBuffer();
          });
        }));
      }
      return st.samples.then(function (b) { return reader(new Uint8Array(b[0]), new Uint8Array(b[1])); });
    }

    // refresh asks the program for the service areas of the result shown (reading the
    // files again only when they changed) and draws them.
    function refresh() {
      var t0 = performance.now();
      return args().then(function (a) {
        if (!a) { hide(); return; }
        return (st.loaded ? ctx.call("groups") : ctx.call("service", a)).then(function (json) {
          ctx.state().timings.service = performance.now() - t0;
          var r = JSON.parse(json);
          if (!r.ok) {
            st.loaded = false;
            hide();
            var name = { groups: st.fileName, points: st.fileName, geojson: st.geoName }[r.file];
            ctx.showErrors(r, name === undefined ? null : ctx.fill("service_err_" + r.file, { file: name }));
            return;
          }
          st.loaded = true;
          show(r);
        });
      });
    }

    function hide() {
      $("evi-service-results").hidden = true;
      st.ctl = null;
      st.answer = null;
      if (ctx.state().groupOf) {
        ctx.state().groupOf = null;
        ctx.groupsChanged();
      }
    }

    // groupName is the name of a service area in the page's language, or its code.
    function groupName(g) {
      return (ctx.lang === "fr" ? g.name_fr || g.name_en : g.name_en || g.name_fr) || g.group;
    }

    // show draws an answer of service() or groups().
    function show(r) {
      var t0 = performance.now();
      st.answer = r;
      var s = ctx.state();
      var qc = s.meta.columns.indexOf("quintile");
      var q = function (i) { var v = s.num[i * s.stride + qc]; return isNaN(v) ? 0 : v; };
      $("evi-map-block").hidden = !r.map;
      if (r.map) {
        st.ctl = eviMap.draw($("evi-map"), $("evi-map-info"), r.map, q, function (i) { return describe(r, i); }, ctx);
      }
      $("evi-groups-block").hidden = !r.groups.length;
      var wrap = $("evi-groups-wrap");
      wrap.textContent = "";
      if (r.groups.length) { wrap.appendChild(eviMap.groupTable(r.groups, ctx)); }
      // The area table's column of service areas.
      s.groupOf = r.groups.length && r.of ? function (i) { return r.of[i] >= 0 ? groupName(r.groups[r.of[i]]) : ""; } : null;
      ctx.groupsChanged();
      $("evi-service-results").hidden = false;
      s.timings.map = performance.now() - t0;
      // Drawn on screen: after the next frame.
      requestAnimationFrame(function () { setTimeout(function () { s.timings.mapPaint = performance.now() - t0; }, 0); });
      if (r.map) {
        ctx.root.setAttribute("data-map-areas", String(r.map.paths.length));
      }
    }

    // describe is the text of area i: name, index, quintile, flags, service area and
    // missing indicators.
    function describe(r, i) {
      var s = ctx.state(), S = ctx.S, nf = ctx.nf, str = s.str, m = s.meta.columns;
      var v = function (c) { return s.num[i * s.stride + m.indexOf(c)]; };
      var names = ctx.lang === "fr" ? [str.name_fr[i], str.name_en[i]] : [str.name_en[i], str.name_fr[i]];
      var parts = [];
      if (!isNaN(v("index"))) {
        parts.push(ctx.fill("map_area_index", { index: nf.index.format(v("index")), quintile: nf.int.format(v("quintile")), flags: nf.int.format(v("flags")) }));
      } else if (str.excluded[i]) {
        parts.push(ctx.fill("map_area_unranked", { why: S["excluded_" + str.excluded[i].replace(/ /g, "_")] || str.excluded[i] }));
      }
      if (r.of && r.of[i] >= 0) {
        parts.push(ctx.fill("map_area_group", { group: groupName(r.groups[r.of[i]]) }));
      }
      if (str.missing[i]) { parts.push(ctx.fill("map_area_missing", { list: str.missing[i].split(";").join(", ") })); }
      return ctx.fill("map_area_line", {
        area: ctx.fill("map_area", { name: names[0] || names[1] || str.code[i], code: str.code[i] }),
        details: parts.join("; "),
        position: ctx.fill("map_position", { n: nf.int.format(i + 1), total: nf.int.format(s.meta.total) })
      });
    }

    return {
      refresh: refresh,
      // shown draws an answer built with the site (the sample's, sample-result.json).
      shown: function (r) { st.loaded = false; show(r); },
      // fileChanged: the program holds another data file, so the service areas are read again.
      fileChanged: function () { st.loaded = false; },
      reset: function () {
        ["evi-geo", "evi-areas"].forEach(function (id) { $(id).value = ""; });
        $("evi-ungrouped-error").checked = true;
        st.geo = st.file = null;
        st.geoName = st.fileName = "";
        st.loaded = false;
      }
    };
  }

  return { attach: attach };
})();
