// page-tools.js — small helpers the calculator (evi.js) and the submission forms
// (submit-form.js) share, bundled in front of each (asset.html with a list): no extra
// request. They call pageTools.
var pageTools = (function () {
  "use strict";

  // format replaces each {name} of template with vars.name (unknown names stay).
  function format(template, vars) {
    return template.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(vars || {}, k) ? String(vars[k]) : m;
    });
  }

  // el makes an element with attributes and, when given, its text.
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // download offers data (text or bytes) as a file named name, made in the browser.
  function download(data, name, type) {
    var url = URL.createObjectURL(new Blob([data], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  return { format: format, el: el, download: download };
})();
