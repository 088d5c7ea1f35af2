// submit-form/lists.js — what the form adds to its controls once Go has said what the
// model holds (required marks, character counters), and the lists of items the
// contributor adds and removes (partners, lessons, metrics, links).
(function (sf) {
  "use strict";
  var el = pageTools.el;

  sf.markRequired = function (f, scope) {
    scope.querySelectorAll("[data-field]").forEach(function (c) {
      var field = f.fields[c.getAttribute("data-field")];
      // An item of a list (Lesson 1) is not itself required: its list is.
      if (!field || !field.required || c.matches(".sf-item > fieldset")) { return; }
      var label = c.matches("fieldset") ? c.querySelector("legend") : c.querySelector("label");
      if (label && !label.querySelector(".sf-req")) {
        label.appendChild(document.createTextNode(" "));
        label.appendChild(el("span", { "class": "sf-req" }, "(" + f.S.required + ")"));
      }
    });
  };

  // describe adds id to (or removes it from) the element's aria-describedby.
  sf.describe = function (e, id, on) {
    var ids = (e.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids = ids.filter(function (x) { return x !== id; });
    if (on) { ids.push(id); }
    if (ids.length) { e.setAttribute("aria-describedby", ids.join(" ")); } else { e.removeAttribute("aria-describedby"); }
  };

  // addCounter shows "n of max characters" under a text with a length limit.
  sf.addCounter = function (f, input) {
    var field = f.fields[sf.fieldKey(input.getAttribute("data-path"))];
    if (!field || !field.max || input.type === "checkbox" || input.sfCount) { return; }
    var id = input.id + "-count";
    var p = el("p", { "class": "sf-count", id: id });
    input.parentNode.insertBefore(p, input.nextSibling);
    sf.describe(input, id, true);
    var update = function () {
      var n = Array.from(input.value.trim()).length;
      p.textContent = f.count(n > field.max ? "count_over" : "count", n, { n: n, max: field.max });
      p.classList.toggle("sf-over", n > field.max);
    };
    input.addEventListener("input", update);
    input.sfCount = update;
    update();
  };

  function items(f, key) { return Array.from(f.$("sf-items-" + key).children); }
  function itemName(f, key, i) { return f.fill("item_" + key, { n: i + 1 }); }

  sf.addItem = function (f, key, focus) {
    var tpl = f.$("sf-tpl-" + key);
    var li = tpl.content.firstElementChild.cloneNode(true);
    f.$("sf-items-" + key).appendChild(li);
    renumber(f, key);
    if (f.engine) {
      li.querySelectorAll("input[data-path], textarea[data-path]").forEach(function (e) { sf.addCounter(f, e); });
    }
    if (focus) {
      // The box of the page's language first: that is the one the contributor writes.
      var first = li.querySelector("input[lang='" + f.lang + "'], textarea[lang='" + f.lang + "']") || li.querySelector("input, textarea");
      if (first) { first.focus(); }
      f.setStatus(f.fill("added_" + key, { n: items(f, key).length }));
    }
    return li;
  };
  // renumber gives each item of a list its index in ids, paths and legends.
  function renumber(f, key) {
    var re = new RegExp("(" + key + "(?:\\[|-))(\\d+|__N__)", "g");
    items(f, key).forEach(function (li, i) {
      var all = [li].concat(Array.from(li.querySelectorAll("*")));
      all.forEach(function (e) {
        ["id", "for", "name", "data-path", "aria-describedby"].forEach(function (a) {
          var v = e.getAttribute(a);
          if (v && v.indexOf(key) >= 0) { e.setAttribute(a, v.replace(re, "$1" + i)); }
        });
      });
      var name = itemName(f, key, i);
      var legend = li.querySelector("legend");
      if (legend) { legend.firstChild.textContent = name; }
      li.querySelector(".sf-remove").textContent = f.fill("remove", { item: name });
    });
  }
  sf.removeItem = function (f, li) {
    var key = li.parentNode.id.replace(/^sf-items-/, "");
    var i = items(f, key).indexOf(li);
    li.remove();
    renumber(f, key);
    // Paths have moved: what was touched is judged again on the next check.
    [f.touched, f.edited].forEach(function (m) {
      Object.keys(m).forEach(function (p) { if (p.indexOf(key + "[") === 0) { delete m[p]; } });
    });
    var rest = items(f, key);
    var next = rest[Math.min(i, rest.length - 1)];
    var focus = next ? next.querySelector("input, textarea") : f.form.querySelector("[data-add='" + key + "']");
    if (focus) { focus.focus(); }
    f.setStatus(f.fill("removed_" + key, { n: i + 1 }));
    f.schedule();
  };
})(submitForm);
