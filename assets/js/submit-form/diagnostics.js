// submit-form/diagnostics.js — what Go said about the file, shown on the page: each
// error next to its field (once the contributor has edited and left it, or asked for
// the file), the summary of errors (once asked for the file), and the warnings, each
// named by its field's label.
(function (sf) {
  "use strict";
  var el = pageTools.el;

  sf.errors = function (res) {
    return (res.diagnostics || []).filter(function (d) { return d.severity === "error"; });
  };

  // target is the control or group of a diagnostic's key, or of its nearest parent.
  function target(f, key) {
    var k = key;
    while (k) {
      var e = f.form.querySelector("[data-path=\"" + k.replace(/"/g, "") + "\"]");
      if (e) { return e; }
      var m = k.match(/^(.*)(\[\d+\]|\.[^.[\]]+)$/);
      k = m ? m[1] : "";
    }
    return null;
  }
  // visible: the contributor has asked for the file, or has edited and left a control
  // of this field (an untouched field is not called empty while they fill the others).
  function visible(f, e) {
    if (f.submitted) { return true; }
    var t = e.getAttribute("data-path");
    return Object.keys(f.touched).some(function (p) {
      return p === t || p.indexOf(t + ".") === 0 || p.indexOf(t + "[") === 0;
    });
  }
  function text(node) {
    var c = node.cloneNode(true);
    c.querySelectorAll(".sf-req, .sf-error").forEach(function (x) { x.remove(); });
    return c.textContent.replace(/\s+/g, " ").trim();
  }
  // nameOf is what the page calls a control or group: its label, after its group's.
  function nameOf(f, e) {
    if (e.matches("fieldset")) {
      var own = text(e.querySelector("legend"));
      var outer = e.parentNode.closest("fieldset.sf-group");
      return outer ? text(outer.querySelector("legend")) + " — " + own : own;
    }
    var label = f.form.querySelector("label[for=\"" + e.id + "\"]");
    var name = label ? text(label) : e.id;
    var group = e.closest("fieldset.sf-pair, fieldset.sf-group");
    return group ? nameOf(f, group) + " — " + name : name;
  }

  function clearErrors(f) {
    f.form.querySelectorAll(".sf-error").forEach(function (x) { x.remove(); });
    f.form.querySelectorAll("[aria-invalid]").forEach(function (x) {
      x.removeAttribute("aria-invalid");
      var ids = (x.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) { return !/-error\d*$/.test(id); });
      if (ids.length) { x.setAttribute("aria-describedby", ids.join(" ")); } else { x.removeAttribute("aria-describedby"); }
    });
  }

  function message(f, d, tag) {
    var m = el(tag || "span", {}, d.message);
    if (d.lang && d.lang !== f.lang) { m.setAttribute("lang", d.lang); }
    return m;
  }
  sf.message = message;

  // mark puts the error next to the control, or under a group's legend (a group of
  // checkboxes, a text in two languages): the group is then the invalid one, described
  // by the error, and the legend keeps its own text.
  function mark(f, t, d, errId) {
    var p = el("p", { "class": "sf-error", id: errId });
    p.appendChild(el("strong", {}, f.S.field_error + " "));
    p.appendChild(message(f, d));
    if (t.matches("fieldset")) {
      var legend = t.querySelector("legend");
      var after = legend.nextElementSibling && legend.nextElementSibling.matches(".sf-hint, .sf-error") ? legend.nextElementSibling : legend;
      while (after.nextElementSibling && after.nextElementSibling.matches(".sf-error")) { after = after.nextElementSibling; }
      after.parentNode.insertBefore(p, after.nextSibling);
    } else {
      t.parentNode.insertBefore(p, t);
    }
    t.setAttribute("aria-invalid", "true");
    sf.describe(t, errId, true);
  }

  // link is "Label: message", a link to the field, for the summary and the warnings.
  function link(f, t, d) {
    var a = el("a", { href: "#" + t.id });
    a.appendChild(document.createTextNode(nameOf(f, t) + (f.lang === "fr" ? "\u00a0: " : ": ")));
    a.appendChild(message(f, d));
    return a;
  }
  function elsewhere(f, li, d) {
    li.appendChild(message(f, d));
    var where = [];
    if (d.file) { where.push(f.fill("other_file", { file: d.file })); }
    if (d.line) { where.push(f.fill("line", { line: d.line })); }
    if (where.length) { li.appendChild(document.createTextNode(" (" + where.join(", ") + ")")); }
  }

  sf.show = function (f, res) {
    clearErrors(f);
    var list = f.$("sf-summary-list");
    list.textContent = "";
    var shown = 0;
    var count = {};
    sf.errors(res).forEach(function (d) {
      var t = d.file ? null : target(f, d.key);
      if (t && !visible(f, t)) { return; }
      if (!t && !f.submitted) { return; }
      shown++;
      var li = el("li");
      if (t) {
        var n = count[t.id] = (count[t.id] || 0) + 1;
        mark(f, t, d, t.id + "-error" + n);
        li.appendChild(link(f, t, d));
      } else {
        elsewhere(f, li, d);
      }
      list.appendChild(li);
    });
    var warnings = (res.diagnostics || []).filter(function (d) { return d.severity !== "error"; });
    var wl = f.$("sf-warnings-list");
    wl.textContent = "";
    warnings.forEach(function (d) {
      var li = el("li");
      var t = d.file ? null : target(f, d.key);
      if (t) { li.appendChild(link(f, t, d)); } else { elsewhere(f, li, d); }
      wl.appendChild(li);
    });
    // The summary is the answer to "check and show the file": not shown before.
    var showWarnings = warnings.length > 0 && f.submitted;
    f.$("sf-warnings").hidden = !showWarnings;
    f.$("sf-summary-heading").textContent = shown === 1 ? f.S.summary_one : f.fill("summary_many", { n: shown });
    f.$("sf-summary-heading").hidden = shown === 0;
    f.$("sf-summary").hidden = !f.submitted || (shown === 0 && !showWarnings);
    f.$("sf-summary").classList.toggle("sf-warnings-only", shown === 0);
    sf.showResult(f, res);
  };
})(submitForm);
