// submit-form/values.js — the form's values as the JSON Go reads (collect), and back
// (fillForm, from a loaded file). Paths are the controls' data-path: "title.en",
// "lessons[1].en", "metrics[0].label.fr", "themes".
(function (sf) {
  "use strict";
  var el = pageTools.el;

  sf.fieldKey = function (path) {
    return path.replace(/\[(\d+|__N__)\]/g, "").replace(/\.(en|fr)$/, "");
  };
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
  function controls(form) {
    return form.querySelectorAll("input[data-path], textarea[data-path], select[data-path]");
  }

  sf.collect = function (f) {
    var v = {};
    f.form.querySelectorAll("fieldset.sf-checks").forEach(function (fs) {
      v[fs.getAttribute("data-path")] = [];
    });
    f.form.querySelectorAll("[data-list]").forEach(function (fs) {
      v[fs.getAttribute("data-list")] = [];
    });
    controls(f.form).forEach(function (e) {
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
    f.form.querySelectorAll("fieldset.sf-checks").forEach(function (fs) {
      var key = fs.getAttribute("data-path");
      var order = (fs.sfOrder || []).filter(function (x) { return v[key].indexOf(x) >= 0; });
      v[key] = order.concat(v[key].filter(function (x) { return order.indexOf(x) < 0; }));
    });
    return v;
  };

  sf.reset = function (f) {
    f.form.querySelectorAll("[data-list]").forEach(function (fs) {
      f.$("sf-items-" + fs.getAttribute("data-list")).textContent = "";
    });
    f.form.querySelectorAll("li.sf-added:not(.sf-companion)").forEach(function (li) { li.remove(); });
    f.form.querySelectorAll("fieldset.sf-checks").forEach(function (fs) { fs.sfOrder = []; });
    controls(f.form).forEach(function (e) {
      if (e.type === "checkbox") { e.checked = false; } else { e.value = ""; }
    });
    f.touched = {};
    f.edited = {};
  };

  sf.fillForm = function (f, values) {
    Object.keys(values).forEach(function (key) {
      var v = values[key];
      var list = f.form.querySelector("[data-list='" + key + "']");
      if (list) {
        (v || []).forEach(function (item, i) {
          sf.addItem(f, key, false);
          fillValue(f, key + "[" + i + "]", item);
        });
        return;
      }
      var group = f.form.querySelector("fieldset.sf-checks[data-path='" + key + "']");
      if (group) {
        (v || []).forEach(function (code) { sf.check(f, group, key, String(code)); });
        return;
      }
      fillValue(f, key, v);
    });
    f.form.querySelectorAll("input[data-path], textarea[data-path]").forEach(function (e) { if (e.sfCount) { e.sfCount(); } });
  };
  function fillValue(f, path, v) {
    var box = Array.isArray(v) && f.form.querySelector("[data-path='" + path + "'][data-split]");
    if (box) {
      box.value = v.join(" ");
      return;
    }
    if (v !== null && typeof v === "object") {
      Object.keys(v).forEach(function (k) { fillValue(f, path + "." + k, v[k]); });
      return;
    }
    var e = f.form.querySelector("[data-path='" + path + "']");
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
  sf.ticked = function (box) {
    var fs = box.closest("fieldset.sf-checks");
    var order = (fs.sfOrder || []).filter(function (x) { return x !== box.value; });
    if (box.checked) { order.push(box.value); }
    fs.sfOrder = order;
  };
  // check ticks a code or id; one the page does not list gets its own box (labelled
  // with label, or as unpublished or unknown), so that nothing of the file is lost and
  // the validator can name it.
  sf.check = function (f, group, key, code, label, extraClass) {
    var box = Array.from(group.querySelectorAll("input[type=checkbox]")).filter(function (b) { return b.value === code; })[0];
    if (!box) {
      var id = "sf-f-" + key + "-added-" + group.querySelectorAll("li.sf-added").length;
      var li = el("li", { "class": "sf-added" + (extraClass ? " " + extraClass : "") });
      box = el("input", { type: "checkbox", id: id, name: key, value: code, "data-path": key });
      li.appendChild(box);
      // A contact who is not published may still be in the guide: the page cannot
      // tell (docs/security.md), the review will.
      li.appendChild(el("label", { "for": id }, label || f.fill(key === "contacts" ? "unpublished_ref" : "unknown_ref", { id: code })));
      group.querySelector("ul").appendChild(li);
    }
    box.checked = true;
    sf.ticked(box);
    return box;
  };
})(submitForm);
