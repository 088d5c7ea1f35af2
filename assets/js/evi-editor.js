// evi-editor.js — the table of the e-vulnerability index calculator where the reader
// moves an indicator to another theme or turns its direction (#evi-choices): each
// change computes again. evi.js attaches it (eviEditor.attach) and calls build after
// each configuration loaded.
var eviEditor = (function () {
  "use strict";

  // attach: ctx gives the page's parts (evi.js): S, fill, label, state() (loaded,
  // choices) and recompute().
  function attach(ctx) {
    var S = ctx.S, fill = ctx.fill, label = ctx.label, state = ctx.state();
    var el = pageTools.el, $ = function (id) { return document.getElementById(id); };
    var compute = function () { ctx.recompute(); };

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

    return { build: buildEditor };
  }

  return { attach: attach };
})();
