// print-stamp.js — writes the day of printing into the page's print stamp
// (layouts/_partials/print-stamp.html) just before the browser prints, in the page's
// language: "… on December 7, 2026." / « … le 1er décembre 2026. », in place of the day
// the page was built (what the stamp says without JavaScript).
(function () {
  "use strict";
  var el = document.querySelector("[data-print-date]");
  if (!el) { return; }
  var built = document.querySelector("[data-print-built]");
  function stamp() {
    var now = new Date();
    var locale = el.getAttribute("data-locale") || "en-CA";
    var text = now.toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric" });
    if (locale.slice(0, 2) === "fr" && now.getDate() === 1) { text = text.replace(/^1 /, "1er "); }
    el.textContent = " " + el.getAttribute("data-label").replace("{date}", text);
    el.hidden = false;
    if (built) { built.hidden = true; }
  }
  window.addEventListener("beforeprint", stamp);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    if (mq.addEventListener) { mq.addEventListener("change", function (e) { if (e.matches) { stamp(); } }); }
  }
}());
